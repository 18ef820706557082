package web

import (
	"fmt"
	"net/http"
	"net/http/httptest"
	"net/url"
	"regexp"
	"strings"
	"testing"
)

// pageSession is a signed-in browser for page tests: it keeps its cookies and posts
// forms with the CSRF token the last page carried, as a browser that sends no
// Sec-Fetch-Site header must.
type pageSession struct {
	t       testing.TB
	h       http.Handler
	cookies map[string]*http.Cookie
	csrf    string
}

var sessionCSRFInput = regexp.MustCompile(`name="_csrf" value="([^"]+)"`)

func (a *testApp) browser(role string) *pageSession {
	s := &pageSession{t: a.t, h: a.srv, cookies: map[string]*http.Cookie{}}
	if role != "anonymous" {
		s.cookies[sessionCookie] = a.session(role)
	}
	return s
}

func (s *pageSession) do(req *http.Request) *httptest.ResponseRecorder {
	for _, c := range s.cookies {
		req.AddCookie(c)
	}
	rec := serve(s.h, req)
	for _, c := range rec.Result().Cookies() {
		s.cookies[c.Name] = c
	}
	if m := sessionCSRFInput.FindStringSubmatch(rec.Body.String()); m != nil {
		s.csrf = m[1]
	}
	return rec
}

func (s *pageSession) get(path string) *httptest.ResponseRecorder {
	return s.do(httptest.NewRequest(http.MethodGet, path, nil))
}

// post sends a form with the CSRF token of the last page fetched.
func (s *pageSession) post(path string, form url.Values) *httptest.ResponseRecorder {
	s.t.Helper()
	if s.csrf == "" {
		s.t.Fatal("post before any page gave a CSRF token")
	}
	if form == nil {
		form = url.Values{}
	}
	form.Set(csrfField, s.csrf)
	req := httptest.NewRequest(http.MethodPost, path, strings.NewReader(form.Encode()))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	return s.do(req)
}

func assertRedirect(t testing.TB, rec *httptest.ResponseRecorder, prefix string) string {
	t.Helper()
	loc := rec.Header().Get("Location")
	if rec.Code != http.StatusSeeOther || !strings.HasPrefix(loc, prefix) {
		t.Fatalf("got %d to %q, want 303 to %s…; body %.300s", rec.Code, loc, prefix, rec.Body)
	}
	return loc
}

func assertPage(t testing.TB, rec *httptest.ResponseRecorder, status int, contains ...string) string {
	t.Helper()
	if rec.Code != status {
		t.Fatalf("status = %d, want %d; body %.500s", rec.Code, status, rec.Body)
	}
	body := rec.Body.String()
	for _, c := range contains {
		if !strings.Contains(body, c) {
			t.Errorf("page lacks %q", c)
		}
	}
	return body
}

// startDraft starts an assessment from the team page as the session's user and
// returns its id.
func (s *pageSession) startDraft(teamID string) string {
	s.t.Helper()
	assertPage(s.t, s.get("/teams/"+teamID), 200, "Start a new assessment")
	loc := assertRedirect(s.t, s.post("/teams/"+teamID+"/assessments", nil), "/assessments/")
	id := strings.TrimPrefix(strings.TrimSuffix(loc, "?notice=started"), "/assessments/")
	return id
}

func TestStartAnAssessmentFromTheTeamPage(t *testing.T) {
	a := newTestApp(t)
	b := a.browser("member")
	assertPage(t, b.get("/teams/"+a.team1.ID), 200, "Your team has not started a self-assessment yet")
	id := b.startDraft(a.team1.ID)
	assertPage(t, b.get("/assessments/"+id+"?notice=started"), 200, "You have started a new assessment",
		"nhsuk-task-list", "Equity of access", "Not started", "0 of 8 required questions answered", "Check your answers",
		`href="/assessments/`+id+`/considerations/equity"`)
	total := testQuestionnaires().Default().ScoredItems()
	assertPage(t, b.get("/teams/"+a.team1.ID), 200, "Draft", fmt.Sprintf("0 of %d required questions answered", total),
		`href="/assessments/`+id+`"`, "Not enough information")

	// The organisation's lead may start one too; a member of another team sees no team.
	assertPage(t, a.browser("lead").get("/teams/"+a.team1.ID), 200, "Start a new assessment")
	assertPage(t, a.browser("other-member").get("/teams/"+a.team1.ID), 404)
}

func TestStartingWithoutTheCSRFTokenIsRefused(t *testing.T) {
	a := newTestApp(t)
	b := a.browser("member")
	b.get("/teams/" + a.team1.ID)
	b.csrf = "forged"
	assertPage(t, b.post("/teams/"+a.team1.ID+"/assessments", nil), 403, "This form has expired")
	if list, _ := a.asm.List(t.Context(), a.users["member"].Principal(), a.team1.ID); len(list) != 0 {
		t.Errorf("a forged form started %d assessments", len(list))
	}
}

// TestAssessmentPagesAccess: every assessment page as every role. People who may not
// see the team are told the page does not exist; anonymous visitors are sent to
// sign in and brought back.
func TestAssessmentPagesAccess(t *testing.T) {
	a := newTestApp(t)
	draft := a.newDraft()
	done := a.newAnswered()
	a.api("member", http.MethodPost, "/api/v1/assessments/"+done.ID+"/submit", "")
	pages := []string{"/assessments/" + draft.ID, "/assessments/" + draft.ID + "/considerations/equity",
		"/assessments/" + draft.ID + "/check", "/assessments/" + done.ID + "/results"}
	want := map[string]int{"admin": 200, "lead": 200, "other-lead": 404, "member": 200, "other-member": 404, "anonymous": 303}
	for _, path := range pages {
		for _, role := range roles {
			t.Run(role+path, func(t *testing.T) {
				rec := a.page(role, path)
				if rec.Code != want[role] {
					t.Fatalf("status = %d, want %d", rec.Code, want[role])
				}
				if role == "anonymous" && rec.Header().Get("Location") != "/sign-in?next="+url.QueryEscape(path) {
					t.Errorf("Location = %q", rec.Header().Get("Location"))
				}
			})
		}
	}
}

func TestUnknownAssessmentPages(t *testing.T) {
	a := newTestApp(t)
	draft := a.newDraft()
	for _, path := range []string{"/assessments/nope", "/assessments/nope/results",
		"/assessments/" + draft.ID + "/considerations/nope"} {
		assertPage(t, a.page("member", path), 404, "Page not found")
	}
}

// TestSubmittedAssessmentsAreReadOnly: the pages that change answers lead to the
// results, a stale form is refused, and a draft has no results yet.
func TestSubmittedAssessmentsAreReadOnly(t *testing.T) {
	a := newTestApp(t)
	b := a.browser("member")
	done := a.newAnswered()
	assertPage(t, b.get("/assessments/"+done.ID+"/considerations/equity"), 200)
	a.api("member", http.MethodPost, "/api/v1/assessments/"+done.ID+"/submit", "")
	for _, p := range []string{"", "/considerations/equity", "/check"} {
		assertRedirect(t, a.page("member", "/assessments/"+done.ID+p), "/assessments/"+done.ID+"/results")
	}
	assertPage(t, b.post("/assessments/"+done.ID+"/considerations/equity", url.Values{"eq-01": {"1"}}), 409,
		"can no longer be changed")
	assertRedirect(t, b.post("/assessments/"+done.ID+"/submit", nil), "/assessments/"+done.ID+"/results")
	draft := a.newDraft()
	assertRedirect(t, a.page("member", "/assessments/"+draft.ID+"/results"), "/assessments/"+draft.ID)
}

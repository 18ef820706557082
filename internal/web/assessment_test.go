package web

import (
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"testing"
	"vcready/internal/web/webtest"
)

func startDraft(t testing.TB, s *webtest.Client, teamID string) string {
	t.Helper()
	webtest.AssertPage(t, s.Get("/teams/"+teamID), 200, "Start a new assessment")
	loc := webtest.AssertRedirect(t, s.Post("/teams/"+teamID+"/assessments", nil), "/assessments/")
	return strings.TrimPrefix(strings.TrimSuffix(loc, "?notice=started"), "/assessments/")
}

func TestStartAnAssessmentFromTheTeamPage(t *testing.T) {
	t.Parallel()
	a := newTestApp(t)
	b := a.Browser("member")
	webtest.AssertPage(t, b.Get("/teams/"+a.Team1.ID), 200, "Your team has not started a self-assessment yet")
	id := startDraft(t, b, a.Team1.ID)
	webtest.AssertPage(t, b.Get("/assessments/"+id+"?notice=started"), 200, "You have started a new assessment",
		"nhsuk-task-list", "Equity of access", "Not started", "0 of 8 required questions answered", "Check your answers",
		`href="/assessments/`+id+`/considerations/equity"`)
	total := webtest.Questionnaires().Default().ScoredItems()
	webtest.AssertPage(t, b.Get("/teams/"+a.Team1.ID), 200, "Draft", fmt.Sprintf("0 of %d required questions answered", total),
		`href="/assessments/`+id+`"`, "Not enough information")

	// The organisation's lead may start one too; a member of another team sees no team.
	webtest.AssertPage(t, a.Browser("lead").Get("/teams/"+a.Team1.ID), 200, "Start a new assessment")
	webtest.AssertPage(t, a.Browser("other-member").Get("/teams/"+a.Team1.ID), 404)
}

func TestStartingWithoutTheCSRFTokenIsRefused(t *testing.T) {
	t.Parallel()
	a := newTestApp(t)
	b := a.Browser("member")
	b.Get("/teams/" + a.Team1.ID)
	b.ForgeCSRF("forged")
	webtest.AssertPage(t, b.Post("/teams/"+a.Team1.ID+"/assessments", nil), 403, "This form has expired")
	if list, _ := a.Assessments.List(t.Context(), a.Users["member"].Principal(), a.Team1.ID); len(list) != 0 {
		t.Errorf("a forged form started %d assessments", len(list))
	}
}

// TestAssessmentPagesAccess: every assessment page as every role. People who may not
// see the team are told the page does not exist; anonymous visitors are sent to
// sign in and brought back.
func TestAssessmentPagesAccess(t *testing.T) {
	t.Parallel()
	a := newTestApp(t)
	draft := a.NewDraft()
	done := a.NewAnswered()
	a.API("member", http.MethodPost, "/api/v1/assessments/"+done.ID+"/submit", "")
	pages := []string{"/assessments/" + draft.ID, "/assessments/" + draft.ID + "/considerations/equity",
		"/assessments/" + draft.ID + "/check", "/assessments/" + done.ID + "/results"}
	want := map[string]int{"admin": 200, "lead": 200, "other-lead": 404, "member": 200, "other-member": 404, "anonymous": 303}
	for _, path := range pages {
		for _, role := range webtest.Roles {
			t.Run(role+path, func(t *testing.T) {
				rec := a.Page(role, path)
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
	t.Parallel()
	a := newTestApp(t)
	draft := a.NewDraft()
	for _, path := range []string{"/assessments/nope", "/assessments/nope/results",
		"/assessments/" + draft.ID + "/considerations/nope"} {
		webtest.AssertPage(t, a.Page("member", path), 404, "Page not found")
	}
}

// TestSubmittedAssessmentsAreReadOnly: the pages that change answers lead to the
// results, a stale form is refused, and a draft has no results yet.
func TestSubmittedAssessmentsAreReadOnly(t *testing.T) {
	t.Parallel()
	a := newTestApp(t)
	b := a.Browser("member")
	done := a.NewAnswered()
	webtest.AssertPage(t, b.Get("/assessments/"+done.ID+"/considerations/equity"), 200)
	a.API("member", http.MethodPost, "/api/v1/assessments/"+done.ID+"/submit", "")
	for _, p := range []string{"", "/considerations/equity", "/check"} {
		webtest.AssertRedirect(t, a.Page("member", "/assessments/"+done.ID+p), "/assessments/"+done.ID+"/results")
	}
	webtest.AssertPage(t, b.Post("/assessments/"+done.ID+"/considerations/equity", url.Values{"eq-01": {"1"}}), 409,
		"can no longer be changed")
	webtest.AssertRedirect(t, b.Post("/assessments/"+done.ID+"/submit", nil), "/assessments/"+done.ID+"/results")
	draft := a.NewDraft()
	webtest.AssertRedirect(t, a.Page("member", "/assessments/"+draft.ID+"/results"), "/assessments/"+draft.ID)
}

func TestCheckAnswersAndSubmit(t *testing.T) {
	t.Parallel()
	a := newTestApp(t)
	q := webtest.Questionnaires().Default()
	b := a.Browser("member")
	id := startDraft(t, b, a.Team1.ID)
	a.API("member", http.MethodPut, "/api/v1/assessments/"+id+"/answers", webtest.AnswersJSON(q, false, "eq-03", "sl-06", "eq-09"))
	check := "/assessments/" + id + "/check"
	webtest.AssertPage(t, b.Get(check), 200, "Check your answers", "2 required questions are not answered yet",
		`href="/assessments/`+id+`/considerations/equity#eq-01"`, "Not answered", "(optional)",
		`<span class="nhsuk-u-visually-hidden"> question 3: How does your team arrange`, "Submit assessment")

	body := webtest.AssertPage(t, b.Post("/assessments/"+id+"/submit", nil), http.StatusUnprocessableEntity,
		"<title>Error: Check your answers", "There is a problem",
		`<a href="/assessments/`+id+`/considerations/equity#eq-03">Answer question 3 in Equity of access</a>`,
		`<a href="/assessments/`+id+`/considerations/shared_learning#sl-06">Answer question 6 in Shared learning</a>`)
	if strings.Count(body, "<li><a href=\"/assessments/") != 2 {
		t.Errorf("the error summary should list exactly the 2 unanswered questions")
	}

	for _, p := range []struct{ area, item, value string }{{"equity", "eq-03", formDontKnow}, {"shared_learning", "sl-06", "2"}} {
		page := "/assessments/" + id + "/considerations/" + p.area
		b.Get(page)
		form := savedValues(mapValues(a.answersOf(id)))
		form.Set(p.item, p.value)
		webtest.AssertRedirect(t, b.Post(page, form), "/assessments/")
	}
	webtest.AssertPage(t, b.Get("/assessments/"+id), 200, "Ready to submit")
	b.Get(check)
	webtest.AssertRedirect(t, b.Post("/assessments/"+id+"/submit", nil), "/assessments/"+id+"/results?notice=submitted")
	webtest.AssertPage(t, b.Get("/assessments/"+id+"/results?notice=submitted"), 200, "Your assessment has been submitted",
		`role="img"`, "<title", "Scores for each area", "What would move you to the next level",
		"How this score was made", `href="/scoring"`)
	webtest.AssertPage(t, b.Get("/teams/"+a.Team1.ID), 200, "Submitted", "View results", `href="/assessments/`+id+`/results"`)
}

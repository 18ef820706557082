package api_test

import (
	"net/http"
	"strings"
	"testing"
	"time"
	"vcready/internal/web/webtest"

	"github.com/google/go-cmp/cmp"
)

func TestAssessmentAPIContract(t *testing.T) {
	t.Parallel()
	a := newTestApp(t)
	q := webtest.Questionnaires().Default()

	rec := a.API("member", http.MethodPost, "/api/v1/teams/"+a.Team1.ID+"/assessments", `{"questionnaire_id": "`+q.ID+`"}`)
	if rec.Code != http.StatusCreated {
		t.Fatalf("create: %d %s", rec.Code, rec.Body)
	}
	for _, want := range []string{`"submitted_at":null`, `"answers":[]`, `"level":null`, `"overall":null`, `"status":"insufficient"`} {
		if !strings.Contains(rec.Body.String(), want) {
			t.Errorf("new draft lacks %s: %s", want, rec.Body)
		}
	}
	d := webtest.Decode[webtest.Assessment](t, rec)
	if d.TeamID != a.Team1.ID || d.Status != "draft" || d.Questionnaire.ID != q.ID || d.Questionnaire.Version != q.Version ||
		d.Questionnaire.Hash != q.Hash || d.CreatedAt.Location() != time.UTC || len(d.Scores.Considerations) != 6 || !d.Scores.Provisional {
		t.Errorf("new draft = %+v", d)
	}
	if loc := rec.Header().Get("Location"); loc != "/api/v1/assessments/"+d.ID {
		t.Errorf("Location = %q", loc)
	}

	// Partial answers give provisional scores; an empty checklist is an answer.
	body := `{"answers": [{"item_id": "eq-01", "level": 4}, {"item_id": "eq-02", "status": "dont_know"},
		{"item_id": "eq-04", "options": []}, {"item_id": "eq-03", "level": 2}, {"item_id": "eq-05", "level": 4}]}`
	rec = a.API("member", http.MethodPut, "/api/v1/assessments/"+d.ID+"/answers", body)
	if rec.Code != http.StatusOK {
		t.Fatalf("put answers: %d %s", rec.Code, rec.Body)
	}
	got := webtest.Decode[webtest.Assessment](t, rec)
	eq := got.Scores.Considerations[0]
	if eq.Key != "equity" || eq.Status != "scored" || eq.Score == nil || eq.Level == nil || !got.Scores.Provisional {
		t.Errorf("equity after 5 of 8 = %+v", eq)
	}
	if len(got.Answers) != 5 || got.Answers[3].ItemID != "eq-04" || got.Answers[3].Options == nil ||
		len(*got.Answers[3].Options) != 0 || got.Answers[0].UpdatedBy != a.Users["member"].ID {
		t.Errorf("answers = %+v; want 5 in questionnaire order with eq-04 options []", got.Answers)
	}

	// Upsert keeps the others and replaces the same item.
	rec = a.API("lead", http.MethodPut, "/api/v1/assessments/"+d.ID+"/answers", `{"answers": [{"item_id": "eq-01", "level": 1}]}`)
	got = webtest.Decode[webtest.Assessment](t, rec)
	if rec.Code != 200 || len(got.Answers) != 5 || *got.Answers[0].Level != 1 || got.Answers[0].UpdatedBy != a.Users["lead"].ID {
		t.Errorf("upsert: %d, answers %+v", rec.Code, got.Answers)
	}

	// Answer everything, submit, and read the final scores back.
	a.API("member", http.MethodPut, "/api/v1/assessments/"+d.ID+"/answers", webtest.AnswersJSON(q, false))
	rec = a.API("member", http.MethodPost, "/api/v1/assessments/"+d.ID+"/submit", "")
	if rec.Code != http.StatusOK {
		t.Fatalf("submit: %d %s", rec.Code, rec.Body)
	}
	sub := webtest.Decode[webtest.Assessment](t, rec)
	if sub.Status != "submitted" || sub.SubmittedAt == nil || sub.Scores.Provisional || sub.Scores.Overall == nil {
		t.Errorf("submitted = %+v", sub)
	}
	again := webtest.Decode[webtest.Assessment](t, a.API("other-lead", http.MethodGet, "/api/v1/assessments/"+d.ID, ""))
	if again.ID != "" {
		t.Errorf("another organisation's lead read the assessment")
	}
	again = webtest.Decode[webtest.Assessment](t, a.API("lead", http.MethodGet, "/api/v1/assessments/"+d.ID, ""))
	if diff := cmp.Diff(sub.Scores, again.Scores); diff != "" {
		t.Errorf("GET after submit changed the scores (-submit +get):\n%s", diff)
	}
}

func TestAssessmentAPIListIsNewestFirst(t *testing.T) {
	t.Parallel()
	a := newTestApp(t)
	now := time.Date(2026, 1, 1, 9, 0, 0, 0, time.UTC)
	a.Assessments.Now = func() time.Time { now = now.Add(time.Minute); return now }
	first, second := a.NewDraft(), a.NewDraft()
	rec := a.API("lead", http.MethodGet, "/api/v1/teams/"+a.Team1.ID+"/assessments", "")
	type summary struct {
		ID          string   `json:"id"`
		Status      string   `json:"status"`
		Overall     *float64 `json:"overall"`
		ScoredItems int      `json:"scored_items"`
	}
	list := webtest.Decode[[]summary](t, rec)
	if rec.Code != 200 || len(list) != 2 || list[0].ID != second.ID || list[1].ID != first.ID {
		t.Fatalf("list = %d %+v; want [%s %s]", rec.Code, list, second.ID, first.ID)
	}
	if list[0].Status != "draft" || list[0].ScoredItems != webtest.Questionnaires().Default().ScoredItems() {
		t.Errorf("summary = %+v", list[0])
	}
	if empty := a.API("lead", http.MethodGet, "/api/v1/teams/"+a.Team2.ID+"/assessments", ""); strings.TrimSpace(empty.Body.String()) != "[]" {
		t.Errorf("a team with no assessments lists %s, want []", empty.Body)
	}
}

// TestCookieOnlyAPIWritesAreRefused: a signed-in browser cannot change an assessment
// through the API without a token, but can read it.
func TestCookieOnlyAPIWritesAreRefused(t *testing.T) {
	t.Parallel()
	a := newTestApp(t)
	d := a.NewDraft()
	for _, tc := range []struct {
		method, path, body string
		want               int
	}{
		{http.MethodGet, "/api/v1/assessments/" + d.ID, "", 200},
		{http.MethodPut, "/api/v1/assessments/" + d.ID + "/answers", `{"answers": []}`, 401},
		{http.MethodPost, "/api/v1/assessments/" + d.ID + "/submit", "", 401},
		{http.MethodPost, "/api/v1/teams/" + a.Team1.ID + "/assessments", `{}`, 401},
	} {
		req := apiRequest(tc.method, tc.path, tc.body, "application/json", "")
		req.AddCookie(a.Session("member"))
		if rec := webtest.Serve(a.Handler, req); rec.Code != tc.want {
			t.Errorf("%s %s by cookie: %d, want %d", tc.method, tc.path, rec.Code, tc.want)
		}
	}
}

// TestAPIClearAnswers: "clear" takes back saved answers in the same request that saves
// others; a bad id in it rejects the whole request.
func TestAPIClearAnswers(t *testing.T) {
	t.Parallel()
	app := newTestApp(t)
	rec := app.API("member", http.MethodPost, "/api/v1/teams/"+app.Team1.ID+"/assessments", `{}`)
	id := webtest.Decode[map[string]any](t, rec)["id"].(string)
	path := "/api/v1/assessments/" + id + "/answers"
	if rec := app.API("member", http.MethodPut, path, `{"answers":[{"item_id":"eq-01","level":2},{"item_id":"eq-09","number":40}]}`); rec.Code != 200 {
		t.Fatalf("save: %d %s", rec.Code, rec.Body)
	}
	bad := app.API("member", http.MethodPut, path, `{"answers":[{"item_id":"eq-01","level":3}],"clear":["eq-09","zz-99"]}`)
	if bad.Code != 422 || !strings.Contains(bad.Body.String(), `"field":"clear[1]"`) {
		t.Fatalf("bad clear: %d %s", bad.Code, bad.Body)
	}
	both := app.API("member", http.MethodPut, path, `{"answers":[{"item_id":"eq-09","number":1}],"clear":["eq-09"]}`)
	if both.Code != 422 {
		t.Fatalf("answered and cleared: %d %s", both.Code, both.Body)
	}
	ok := app.API("member", http.MethodPut, path, `{"answers":[{"item_id":"eq-01","level":3}],"clear":["eq-09"]}`)
	if ok.Code != 200 {
		t.Fatalf("clear: %d %s", ok.Code, ok.Body)
	}
	body := ok.Body.String()
	if strings.Contains(body, `"item_id":"eq-09"`) || !strings.Contains(body, `"level":3`) {
		t.Errorf("after clear: %s", body)
	}
}

// TestAPIClearIsBounded reproduces F-05: a "clear" list longer than the questionnaire
// (32,766 copies of one id made SQLite run out of SQL variables, 70,000 PostgreSQL's
// parameters) is a 422 naming clear on both dialects, never a 500, and repeated ids
// within the bound are cleared once.
func TestAPIClearIsBounded(t *testing.T) {
	t.Parallel()
	for _, d := range webtest.Dialects {
		t.Run(d.Name, func(t *testing.T) {
			t.Parallel()
			clearIsBounded(t, newTestApp(t, webtest.WithStore(d.Open)))
		})
	}
}

func clearIsBounded(t *testing.T, app *webtest.App) {
	rec := app.API("member", http.MethodPost, "/api/v1/teams/"+app.Team1.ID+"/assessments", `{}`)
	id := webtest.Decode[map[string]any](t, rec)["id"].(string)
	path := "/api/v1/assessments/" + id + "/answers"
	many := `{"answers":[],"clear":["eq-01"` + strings.Repeat(`,"eq-01"`, 69999) + `]}`
	rec = app.API("member", http.MethodPut, path, many)
	e := webtest.Decode[webtest.APIError](t, rec)
	if rec.Code != 422 || len(e.Error.Details) != 1 || e.Error.Details[0].Field != "clear" {
		t.Fatalf("70,000 clear ids: %d %.300s", rec.Code, rec.Body)
	}
	if rec := app.API("member", http.MethodPut, path, `{"answers":[{"item_id":"eq-01","level":2}]}`); rec.Code != 200 {
		t.Fatalf("save: %d %s", rec.Code, rec.Body)
	}
	if rec := app.API("member", http.MethodPut, path, `{"answers":[],"clear":["eq-01","eq-01","eq-01"]}`); rec.Code != 200 || strings.Contains(rec.Body.String(), `"item_id":"eq-01"`) {
		t.Fatalf("repeated clear ids: %d %s", rec.Code, rec.Body)
	}
}

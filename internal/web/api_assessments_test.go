package web

import (
	"encoding/json"
	"fmt"
	"net/http"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"vcready/internal/questionnaire"
)

// apiAssessment is the assessment JSON as a client reads it.
type apiAssessment struct {
	ID            string `json:"id"`
	TeamID        string `json:"team_id"`
	Questionnaire struct {
		ID, Version, Hash string
	} `json:"questionnaire"`
	Status      string     `json:"status"`
	CreatedAt   time.Time  `json:"created_at"`
	SubmittedAt *time.Time `json:"submitted_at"`
	Answers     []struct {
		ItemID    string    `json:"item_id"`
		Level     *int      `json:"level"`
		Options   *[]string `json:"options"`
		Status    string    `json:"status"`
		UpdatedBy string    `json:"updated_by"`
	} `json:"answers"`
	Scores struct {
		Overall        *float64 `json:"overall"`
		Provisional    bool     `json:"provisional"`
		Considerations []struct {
			Key      string   `json:"key"`
			Score    *float64 `json:"score"`
			Level    *string  `json:"level"`
			Coverage float64  `json:"coverage"`
			Status   string   `json:"status"`
		} `json:"considerations"`
	} `json:"scores"`
}

// answerJSON writes one valid answer for every item of q as API JSON, varying the
// values with the item's position. Checklists alternate between some options and
// "options": [] (nothing in place), which must survive the round trip.
// Items in skip are left out.
func answerJSON(q *questionnaire.Questionnaire, scoredOnly bool, skip ...string) string {
	var parts []string
	n := 0
	for _, c := range q.Considerations {
		for _, it := range c.Items {
			n++
			var v string
			switch it.Type {
			case questionnaire.TypeScale:
				v = fmt.Sprintf(`"level": %d`, n%5)
			case questionnaire.TypeChoice:
				v = fmt.Sprintf(`"option": %q`, it.Options[n%len(it.Options)].ID)
			case questionnaire.TypeChecklist:
				v = `"options": []`
				if n%2 == 0 {
					v = fmt.Sprintf(`"options": [%q]`, it.Options[0].ID)
				}
			case questionnaire.TypeNumber:
				v = `"number": 37.5`
			case questionnaire.TypeText:
				v = `"text": "We learned a lot."`
			}
			if (scoredOnly && !it.Scored()) || slices.Contains(skip, it.ID) {
				continue
			}
			parts = append(parts, fmt.Sprintf(`{"item_id": %q, %s}`, it.ID, v))
		}
	}
	return `{"answers": [` + strings.Join(parts, ", ") + `]}`
}

// newDraft starts a draft for team 1 through the API as the member.
func (a *testApp) newDraft() apiAssessment {
	a.t.Helper()
	rec := a.api("member", http.MethodPost, "/api/v1/teams/"+a.team1.ID+"/assessments", `{}`)
	if rec.Code != http.StatusCreated {
		a.t.Fatalf("create draft: %d %s", rec.Code, rec.Body)
	}
	return decode[apiAssessment](a.t, rec)
}

// newAnswered is a draft with every item answered, ready to submit.
func (a *testApp) newAnswered() apiAssessment {
	a.t.Helper()
	d := a.newDraft()
	if rec := a.api("member", http.MethodPut, "/api/v1/assessments/"+d.ID+"/answers", answerJSON(testQuestionnaires().Default(), false)); rec.Code != http.StatusOK {
		a.t.Fatalf("answer all: %d %s", rec.Code, rec.Body)
	}
	return d
}

func TestAssessmentAPIContract(t *testing.T) {
	a := newTestApp(t)
	q := testQuestionnaires().Default()

	rec := a.api("member", http.MethodPost, "/api/v1/teams/"+a.team1.ID+"/assessments", `{"questionnaire_id": "`+q.ID+`"}`)
	if rec.Code != http.StatusCreated {
		t.Fatalf("create: %d %s", rec.Code, rec.Body)
	}
	for _, want := range []string{`"submitted_at":null`, `"answers":[]`, `"level":null`, `"overall":null`, `"status":"insufficient"`} {
		if !strings.Contains(rec.Body.String(), want) {
			t.Errorf("new draft lacks %s: %s", want, rec.Body)
		}
	}
	d := decode[apiAssessment](t, rec)
	if d.TeamID != a.team1.ID || d.Status != "draft" || d.Questionnaire.ID != q.ID || d.Questionnaire.Version != q.Version ||
		d.Questionnaire.Hash != q.Hash || d.CreatedAt.Location() != time.UTC || len(d.Scores.Considerations) != 6 || !d.Scores.Provisional {
		t.Errorf("new draft = %+v", d)
	}
	if loc := rec.Header().Get("Location"); loc != "/api/v1/assessments/"+d.ID {
		t.Errorf("Location = %q", loc)
	}

	// Partial answers give provisional scores; an empty checklist is an answer.
	body := `{"answers": [{"item_id": "eq-01", "level": 4}, {"item_id": "eq-02", "status": "dont_know"},
		{"item_id": "eq-04", "options": []}, {"item_id": "eq-03", "level": 2}, {"item_id": "eq-05", "level": 4}]}`
	rec = a.api("member", http.MethodPut, "/api/v1/assessments/"+d.ID+"/answers", body)
	if rec.Code != http.StatusOK {
		t.Fatalf("put answers: %d %s", rec.Code, rec.Body)
	}
	got := decode[apiAssessment](t, rec)
	eq := got.Scores.Considerations[0]
	if eq.Key != "equity" || eq.Status != "scored" || eq.Score == nil || eq.Level == nil || !got.Scores.Provisional {
		t.Errorf("equity after 5 of 8 = %+v", eq)
	}
	if len(got.Answers) != 5 || got.Answers[3].ItemID != "eq-04" || got.Answers[3].Options == nil ||
		len(*got.Answers[3].Options) != 0 || got.Answers[0].UpdatedBy != a.users["member"].ID {
		t.Errorf("answers = %+v; want 5 in questionnaire order with eq-04 options []", got.Answers)
	}

	// Upsert keeps the others and replaces the same item.
	rec = a.api("lead", http.MethodPut, "/api/v1/assessments/"+d.ID+"/answers", `{"answers": [{"item_id": "eq-01", "level": 1}]}`)
	got = decode[apiAssessment](t, rec)
	if rec.Code != 200 || len(got.Answers) != 5 || *got.Answers[0].Level != 1 || got.Answers[0].UpdatedBy != a.users["lead"].ID {
		t.Errorf("upsert: %d, answers %+v", rec.Code, got.Answers)
	}

	// Answer everything, submit, and read the final scores back.
	a.api("member", http.MethodPut, "/api/v1/assessments/"+d.ID+"/answers", answerJSON(q, false))
	rec = a.api("member", http.MethodPost, "/api/v1/assessments/"+d.ID+"/submit", "")
	if rec.Code != http.StatusOK {
		t.Fatalf("submit: %d %s", rec.Code, rec.Body)
	}
	sub := decode[apiAssessment](t, rec)
	if sub.Status != "submitted" || sub.SubmittedAt == nil || sub.Scores.Provisional || sub.Scores.Overall == nil {
		t.Errorf("submitted = %+v", sub)
	}
	again := decode[apiAssessment](t, a.api("other-lead", http.MethodGet, "/api/v1/assessments/"+d.ID, ""))
	if again.ID != "" {
		t.Errorf("another organisation's lead read the assessment")
	}
	again = decode[apiAssessment](t, a.api("lead", http.MethodGet, "/api/v1/assessments/"+d.ID, ""))
	if diff := cmp.Diff(sub.Scores, again.Scores); diff != "" {
		t.Errorf("GET after submit changed the scores (-submit +get):\n%s", diff)
	}
}

func TestAssessmentAPIListIsNewestFirst(t *testing.T) {
	a := newTestApp(t)
	now := time.Date(2026, 1, 1, 9, 0, 0, 0, time.UTC)
	a.asm.Now = func() time.Time { now = now.Add(time.Minute); return now }
	first, second := a.newDraft(), a.newDraft()
	rec := a.api("lead", http.MethodGet, "/api/v1/teams/"+a.team1.ID+"/assessments", "")
	type summary struct {
		ID          string   `json:"id"`
		Status      string   `json:"status"`
		Overall     *float64 `json:"overall"`
		ScoredItems int      `json:"scored_items"`
	}
	list := decode[[]summary](t, rec)
	if rec.Code != 200 || len(list) != 2 || list[0].ID != second.ID || list[1].ID != first.ID {
		t.Fatalf("list = %d %+v; want [%s %s]", rec.Code, list, second.ID, first.ID)
	}
	if list[0].Status != "draft" || list[0].ScoredItems != testQuestionnaires().Default().ScoredItems() {
		t.Errorf("summary = %+v", list[0])
	}
	if empty := a.api("lead", http.MethodGet, "/api/v1/teams/"+a.team2.ID+"/assessments", ""); strings.TrimSpace(empty.Body.String()) != "[]" {
		t.Errorf("a team with no assessments lists %s, want []", empty.Body)
	}
}

// TestAssessmentAPIAccess runs every assessment endpoint as every role. Outsiders, a
// lead of another organisation or a member of another team, are told the team or
// assessment does not exist (404, never 403, so ids cannot be probed). Everyone who
// may see a team may also work on it (auth.CanWorkOnTeam), so no role gets a 403 here.
func TestAssessmentAPIAccess(t *testing.T) {
	a := newTestApp(t)
	// In role order: admin, lead, other-lead, member, other-member, anonymous.
	cases := []struct {
		name   string
		method string
		path   func() string
		body   string
		want   []int
	}{
		{"create", http.MethodPost, func() string { return "/api/v1/teams/" + a.team1.ID + "/assessments" }, `{}`,
			[]int{201, 201, 404, 201, 404, 401}},
		{"list", http.MethodGet, func() string { return "/api/v1/teams/" + a.team1.ID + "/assessments" }, "",
			[]int{200, 200, 404, 200, 404, 401}},
		{"get", http.MethodGet, func() string { return "/api/v1/assessments/" + a.newDraft().ID }, "",
			[]int{200, 200, 404, 200, 404, 401}},
		{"put answers", http.MethodPut, func() string { return "/api/v1/assessments/" + a.newDraft().ID + "/answers" },
			`{"answers": [{"item_id": "eq-01", "level": 2}]}`, []int{200, 200, 404, 200, 404, 401}},
		{"submit", http.MethodPost, func() string { return "/api/v1/assessments/" + a.newAnswered().ID + "/submit" }, "",
			[]int{200, 200, 404, 200, 404, 401}},
	}
	for _, tc := range cases {
		for i, role := range roles {
			t.Run(tc.name+"/"+role, func(t *testing.T) {
				rec := a.api(role, tc.method, tc.path(), tc.body)
				if rec.Code != tc.want[i] {
					t.Fatalf("status = %d, want %d; body %s", rec.Code, tc.want[i], rec.Body)
				}
				if rec.Code >= 400 {
					var e apiError
					if err := json.Unmarshal(rec.Body.Bytes(), &e); err != nil || e.Error.Code == "" {
						t.Errorf("error body = %s", rec.Body)
					}
				}
			})
		}
	}
}

// TestCookieOnlyAPIWritesAreRefused: a signed-in browser cannot change an assessment
// through the API without a token, but can read it.
func TestCookieOnlyAPIWritesAreRefused(t *testing.T) {
	a := newTestApp(t)
	d := a.newDraft()
	for _, tc := range []struct {
		method, path, body string
		want               int
	}{
		{http.MethodGet, "/api/v1/assessments/" + d.ID, "", 200},
		{http.MethodPut, "/api/v1/assessments/" + d.ID + "/answers", `{"answers": []}`, 401},
		{http.MethodPost, "/api/v1/assessments/" + d.ID + "/submit", "", 401},
		{http.MethodPost, "/api/v1/teams/" + a.team1.ID + "/assessments", `{}`, 401},
	} {
		req := apiRequest(tc.method, tc.path, tc.body, "application/json", "")
		req.AddCookie(a.session("member"))
		if rec := serve(a.srv, req); rec.Code != tc.want {
			t.Errorf("%s %s by cookie: %d, want %d", tc.method, tc.path, rec.Code, tc.want)
		}
	}
}

// TestAPIClearAnswers: "clear" takes back saved answers in the same request that saves
// others; a bad id in it rejects the whole request.
func TestAPIClearAnswers(t *testing.T) {
	app := newTestApp(t)
	rec := app.api("member", http.MethodPost, "/api/v1/teams/"+app.team1.ID+"/assessments", `{}`)
	id := decode[map[string]any](t, rec)["id"].(string)
	path := "/api/v1/assessments/" + id + "/answers"
	if rec := app.api("member", http.MethodPut, path, `{"answers":[{"item_id":"eq-01","level":2},{"item_id":"eq-09","number":40}]}`); rec.Code != 200 {
		t.Fatalf("save: %d %s", rec.Code, rec.Body)
	}
	bad := app.api("member", http.MethodPut, path, `{"answers":[{"item_id":"eq-01","level":3}],"clear":["eq-09","zz-99"]}`)
	if bad.Code != 422 || !strings.Contains(bad.Body.String(), `"field":"clear[1]"`) {
		t.Fatalf("bad clear: %d %s", bad.Code, bad.Body)
	}
	both := app.api("member", http.MethodPut, path, `{"answers":[{"item_id":"eq-09","number":1}],"clear":["eq-09"]}`)
	if both.Code != 422 {
		t.Fatalf("answered and cleared: %d %s", both.Code, both.Body)
	}
	ok := app.api("member", http.MethodPut, path, `{"answers":[{"item_id":"eq-01","level":3}],"clear":["eq-09"]}`)
	if ok.Code != 200 {
		t.Fatalf("clear: %d %s", ok.Code, ok.Body)
	}
	body := ok.Body.String()
	if strings.Contains(body, `"item_id":"eq-09"`) || !strings.Contains(body, `"level":3`) {
		t.Errorf("after clear: %s", body)
	}
}

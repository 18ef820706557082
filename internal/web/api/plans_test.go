package api_test

import (
	"encoding/json"
	"net/http"
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"vcready/internal/web/webtest"
)

type historyBody struct {
	At, By, Field string
	From, To      *string
}

type actionBody struct {
	ID            string        `json:"id"`
	ItemID        string        `json:"item_id"`
	Consideration string        `json:"consideration"`
	Text          string        `json:"text"`
	Level         float64       `json:"level"`
	Priority      float64       `json:"priority"`
	DoFirst       bool          `json:"do_first"`
	Owner         string        `json:"owner"`
	DueDate       *string       `json:"due_date"`
	Status        string        `json:"status"`
	Notes         string        `json:"notes"`
	CarriedFrom   *string       `json:"carried_from"`
	History       []historyBody `json:"history"`
}

type scoresBody struct {
	Overall        *float64 `json:"overall"`
	Considerations []struct {
		Key   string   `json:"key"`
		Score *float64 `json:"score"`
		Level *string  `json:"level"`
	} `json:"considerations"`
}

type planBody struct {
	AssessmentID string       `json:"assessment_id"`
	Actions      []actionBody `json:"actions"`
	Projected    *struct {
		Done    scoresBody `json:"done"`
		DoFirst scoresBody `json:"do_first"`
	} `json:"projected"`
	Resolved []struct {
		PreviousActionID string  `json:"previous_action_id"`
		ItemID           string  `json:"item_id"`
		FromValue        float64 `json:"from_value"`
		ToValue          float64 `json:"to_value"`
	} `json:"resolved"`
}

func getPlan(t *testing.T, app *webtest.App, role, assessmentID string) planBody {
	t.Helper()
	rec := app.API(role, http.MethodGet, "/api/v1/assessments/"+assessmentID+"/action-plan", "")
	if rec.Code != http.StatusOK {
		t.Fatalf("action plan: %d %s", rec.Code, rec.Body)
	}
	return webtest.Decode[planBody](t, rec)
}

// firstActionID is the id of the highest-priority action of a submitted assessment.
func firstActionID(t *testing.T, app *webtest.App, assessmentID string) string {
	t.Helper()
	p := getPlan(t, app, "member", assessmentID)
	if len(p.Actions) == 0 {
		t.Fatal("the plan has no action")
	}
	return p.Actions[0].ID
}

func TestAPIActionPlan(t *testing.T) {
	t.Parallel()
	app := newTestApp(t)
	draft := app.NewDraft()
	if rec := app.API("member", http.MethodGet, "/api/v1/assessments/"+draft.ID+"/action-plan", ""); rec.Code != http.StatusConflict {
		t.Errorf("plan of a draft: %d %s", rec.Code, rec.Body)
	}
	a := app.SubmitVia(answersJSON())
	rec := app.API("member", http.MethodGet, "/api/v1/assessments/"+a.ID+"/action-plan", "")
	if rec.Code != http.StatusOK {
		t.Fatalf("%d %s", rec.Code, rec.Body)
	}
	// The wire format: every field present, nulls where nothing is set.
	var raw struct {
		Actions   []map[string]json.RawMessage `json:"actions"`
		Projected map[string]map[string]json.RawMessage
		Resolved  json.RawMessage `json:"resolved"`
	}
	if err := json.Unmarshal(rec.Body.Bytes(), &raw); err != nil {
		t.Fatal(err)
	}
	if len(raw.Actions) == 0 {
		t.Fatal("no actions")
	}
	for _, k := range []string{"id", "item_id", "consideration", "text", "level", "priority", "do_first",
		"owner", "due_date", "status", "notes", "carried_from", "history"} {
		if _, ok := raw.Actions[0][k]; !ok {
			t.Errorf("action has no %q: %s", k, rec.Body)
		}
	}
	for k, want := range map[string]string{"due_date": "null", "carried_from": "null", "history": "[]", "status": `"not_started"`} {
		if got := string(raw.Actions[0][k]); got != want {
			t.Errorf("new action's %s = %s, want %s", k, got, want)
		}
	}
	if string(raw.Resolved) != "[]" {
		t.Errorf("resolved = %s, want []", raw.Resolved)
	}
	for _, k := range []string{"done", "do_first"} {
		if _, ok := raw.Projected[k]["considerations"]; !ok {
			t.Errorf("projected.%s has no considerations: %s", k, rec.Body)
		}
	}

	p := webtest.Decode[planBody](t, rec)
	if p.AssessmentID != a.ID {
		t.Errorf("assessment_id = %s", p.AssessmentID)
	}
	doFirst := 0
	for i, act := range p.Actions {
		if act.DoFirst {
			doFirst++
		}
		if i > 0 && act.Priority > p.Actions[i-1].Priority {
			t.Errorf("action %d has a higher priority than the one before", i)
		}
	}
	if doFirst != min(5, len(p.Actions)) || !p.Actions[0].DoFirst {
		t.Errorf("%d do-first actions of %d", doFirst, len(p.Actions))
	}
	// Nothing is done yet, so the done projection is the score now; do-first can only
	// raise it.
	if p.Projected == nil || *p.Projected.Done.Overall != *a.Scores.Overall || *p.Projected.DoFirst.Overall <= *a.Scores.Overall {
		t.Errorf("projected = %+v with the score now %v", p.Projected, *a.Scores.Overall)
	}
	if len(p.Projected.DoFirst.Considerations) != len(a.Scores.Considerations) {
		t.Errorf("projected considerations = %d", len(p.Projected.DoFirst.Considerations))
	}
	// Leads see it; another team's member does not.
	if rec := app.API("lead", http.MethodGet, "/api/v1/assessments/"+a.ID+"/action-plan", ""); rec.Code != 200 {
		t.Errorf("lead: %d", rec.Code)
	}
	if rec := app.API("other-member", http.MethodGet, "/api/v1/assessments/"+a.ID+"/action-plan", ""); rec.Code != 404 {
		t.Errorf("other member: %d", rec.Code)
	}
}

func TestAPIActionPatch(t *testing.T) {
	t.Parallel()
	app := newTestApp(t)
	a := app.SubmitVia(answersJSON())
	id := firstActionID(t, app, a.ID)
	path := "/api/v1/actions/" + id

	rec := app.API("member", http.MethodPatch, path, `{"owner": "Sam Jones", "due_date": "2026-03-31", "status": "in_progress", "notes": "Start with the booking script."}`)
	if rec.Code != http.StatusOK {
		t.Fatalf("%d %s", rec.Code, rec.Body)
	}
	act := webtest.Decode[actionBody](t, rec)
	if act.Owner != "Sam Jones" || act.DueDate == nil || *act.DueDate != "2026-03-31" || act.Status != "in_progress" ||
		act.Notes != "Start with the booking script." {
		t.Errorf("patched action = %+v", act)
	}
	var fields []string
	for _, h := range act.History {
		fields = append(fields, h.Field)
		fromNone := h.From == nil || (h.Field == "status" && *h.From == "not_started")
		if h.By != app.Users["member"].ID || h.At == "" || !fromNone || h.To == nil {
			t.Errorf("history %+v", h)
		}
	}
	if diff := cmp.Diff([]string{"owner", "due_date", "status", "notes"}, fields); diff != "" {
		t.Errorf("history fields (-want +got):\n%s", diff)
	}

	// null clears the date; absent fields stay.
	rec = app.API("lead", http.MethodPatch, path, `{"due_date": null}`)
	act = webtest.Decode[actionBody](t, rec)
	if rec.Code != 200 || act.DueDate != nil || act.Owner != "Sam Jones" || len(act.History) != 5 {
		t.Fatalf("clear due date: %d %s", rec.Code, rec.Body)
	}
	if h := act.History[4]; h.Field != "due_date" || *h.From != "2026-03-31" || h.To != nil {
		t.Errorf("clearing history = %+v", h)
	}

	// Every bad value at once, nothing written.
	body := `{"owner": "` + strings.Repeat("é", 201) + `", "due_date": "2026-02-30", "status": "finished", "notes": "` + strings.Repeat("é", 5001) + `"}`
	rec = app.API("member", http.MethodPatch, path, body)
	if rec.Code != http.StatusUnprocessableEntity {
		t.Fatalf("bad values: %d %s", rec.Code, rec.Body)
	}
	e := webtest.Decode[webtest.APIError](t, rec)
	fields = nil
	for _, d := range e.Error.Details {
		fields = append(fields, d.Field)
	}
	if diff := cmp.Diff([]string{"owner", "due_date", "status", "notes"}, fields); diff != "" {
		t.Errorf("422 fields (-want +got):\n%s", diff)
	}
	// 200 characters of two bytes each are within the limit.
	rec = app.API("member", http.MethodPatch, path, `{"owner": "`+strings.Repeat("é", 200)+`"}`)
	if rec.Code != 200 {
		t.Errorf("owner of 200 characters: %d %s", rec.Code, rec.Body)
	}

	for _, b := range []string{`{"owner": 5}`, `{"due_date": 20260331}`, `{"status": true}`, `{"notes": ["x"]}`, `[]`} {
		if rec := app.API("member", http.MethodPatch, path, b); rec.Code != http.StatusBadRequest {
			t.Errorf("%s: %d %s, want 400", b, rec.Code, rec.Body)
		}
	}
	for _, role := range []string{"other-member", "other-lead"} {
		if rec := app.API(role, http.MethodPatch, path, `{"owner": "x"}`); rec.Code != 404 {
			t.Errorf("%s: %d, want 404", role, rec.Code)
		}
	}
	if rec := app.API("member", http.MethodPatch, "/api/v1/actions/nosuchaction", `{"owner": "x"}`); rec.Code != 404 {
		t.Errorf("unknown action: %d", rec.Code)
	}

	p := getPlan(t, app, "member", a.ID)
	if got := p.Actions[0]; got.ID != id || got.Owner != strings.Repeat("é", 200) || len(got.History) != 6 {
		t.Errorf("plan after the edits: %+v", got)
	}
}

// TestAPICarryForward: the next submission's action for the same item carries the open
// action's owner, due date, notes and status, and says where it came from; a done
// action is not carried.
func TestAPICarryForward(t *testing.T) {
	t.Parallel()
	app := newTestApp(t)
	first := app.SubmitVia(answersJSON())
	p1 := getPlan(t, app, "member", first.ID)
	if len(p1.Actions) < 2 {
		t.Fatalf("want two actions at least, got %d", len(p1.Actions))
	}
	open, done := p1.Actions[0], p1.Actions[1]
	if rec := app.API("member", http.MethodPatch, "/api/v1/actions/"+open.ID,
		`{"owner": "Sam", "due_date": "2026-04-01", "status": "in_progress", "notes": "Half way."}`); rec.Code != 200 {
		t.Fatal(rec.Body)
	}
	if rec := app.API("member", http.MethodPatch, "/api/v1/actions/"+done.ID, `{"status": "done", "owner": "Ana"}`); rec.Code != 200 {
		t.Fatal(rec.Body)
	}
	second := app.SubmitVia(answersJSON())
	p2 := getPlan(t, app, "member", second.ID)
	i := slices.IndexFunc(p2.Actions, func(a actionBody) bool { return a.ItemID == open.ItemID })
	j := slices.IndexFunc(p2.Actions, func(a actionBody) bool { return a.ItemID == done.ItemID })
	if i < 0 || j < 0 {
		t.Fatalf("same answers, but the items are missing from the new plan")
	}
	c := p2.Actions[i]
	if c.CarriedFrom == nil || *c.CarriedFrom != open.ID || c.Owner != "Sam" || c.DueDate == nil || *c.DueDate != "2026-04-01" ||
		c.Status != "in_progress" || c.Notes != "Half way." || len(c.History) != 0 || c.ID == open.ID {
		t.Errorf("carried action = %+v", c)
	}
	if d := p2.Actions[j]; d.CarriedFrom != nil || d.Owner != "" || d.Status != "not_started" {
		t.Errorf("a done action was carried: %+v", d)
	}
	// The previous plan is unchanged.
	again := getPlan(t, app, "member", first.ID)
	if again.Actions[0].Owner != "Sam" || len(again.Actions[0].History) != 4 {
		t.Errorf("previous plan changed: %+v", again.Actions[0])
	}
}

// TestAPIResolved: an open action whose item the next submission answers at its
// maximum is listed in the new plan's resolved list, with the values before and after.
func TestAPIResolved(t *testing.T) {
	t.Parallel()
	app := newTestApp(t)
	first := app.SubmitVia(answersJSON())
	p1 := getPlan(t, app, "member", first.ID)
	q := webtest.Questionnaires().Default()
	var scale *actionBody
	for i, a := range p1.Actions {
		for _, c := range q.Considerations {
			for _, it := range c.Items {
				if it.ID == a.ItemID && it.Type == "scale" && scale == nil {
					scale = &p1.Actions[i]
				}
			}
		}
	}
	if scale == nil {
		t.Fatal("no scale item in the first plan")
	}
	d := app.NewDraft()
	for _, body := range []string{answersJSON(), `{"answers": [{"item_id": "` + scale.ItemID + `", "level": 4}]}`} {
		if rec := app.API("member", http.MethodPut, "/api/v1/assessments/"+d.ID+"/answers", body); rec.Code != 200 {
			t.Fatalf("answers: %d %s", rec.Code, rec.Body)
		}
	}
	if rec := app.API("member", http.MethodPost, "/api/v1/assessments/"+d.ID+"/submit", ""); rec.Code != 200 {
		t.Fatalf("submit: %d %s", rec.Code, rec.Body)
	}
	p2 := getPlan(t, app, "member", d.ID)
	if len(p2.Resolved) != 1 {
		t.Fatalf("resolved = %+v, want the one item now at its maximum", p2.Resolved)
	}
	r := p2.Resolved[0]
	if r.PreviousActionID != scale.ID || r.ItemID != scale.ItemID || r.FromValue != scale.Level || r.ToValue != 4 {
		t.Errorf("resolved = %+v, want %s from %v to 4", r, scale.ID, scale.Level)
	}
	if slices.ContainsFunc(p2.Actions, func(a actionBody) bool { return a.ItemID == scale.ItemID }) {
		t.Error("an item at its maximum has an action")
	}
	if len(p2.Actions) != len(p1.Actions)-1 {
		t.Errorf("%d actions, want %d", len(p2.Actions), len(p1.Actions)-1)
	}
}

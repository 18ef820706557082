package api_test

import (
	"encoding/json"
	"net/http"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"vcready/internal/web/webtest"
)

var (
	october  = time.Date(2026, 10, 1, 9, 0, 0, 0, time.UTC)
	november = time.Date(2026, 11, 1, 9, 0, 0, 0, time.UTC)
)

// TestComparisonAPI: each team's latest and previous submissions and the change
// between them, with figures checked by hand: considerations score 100 (every item at
// its maximum) or 0 (every item "don't know"), and the overall is their mean over six.
func TestComparisonAPI(t *testing.T) {
	t.Parallel()
	a := newTestApp(t)
	first := a.SubmitScoredAt("member", a.Team1.ID, october)
	latest := a.SubmitScoredAt("member", a.Team1.ID, november, "equity")
	a.SubmitScoredAt("other-lead", a.Team3.ID, november, "equity") // another organisation: never listed
	rec := a.API("lead", http.MethodGet, "/api/v1/organisations/"+a.Org1.ID+"/comparison", "")
	if rec.Code != 200 {
		t.Fatalf("comparison: %d %s", rec.Code, rec.Body)
	}
	var got map[string]any
	if err := json.Unmarshal(rec.Body.Bytes(), &got); err != nil {
		t.Fatal(err)
	}
	zeros := map[string]any{"equity": 0.0, "pathways": 0.0, "infrastructure": 0.0, "wellbeing": 0.0, "evidence": 0.0, "shared_learning": 0.0}
	latestScores := map[string]any{"equity": 100.0, "pathways": 0.0, "infrastructure": 0.0, "wellbeing": 0.0, "evidence": 0.0, "shared_learning": 0.0}
	want := map[string]any{"organisation_id": a.Org1.ID, "teams": []any{
		// By name: "Diabetes clinic" before "Physio outpatients". Team 2 has submitted
		// nothing, and is listed with null assessment fields.
		map[string]any{"team_id": a.Team2.ID, "name": "Diabetes clinic", "setting": "secondary_care", "specialty": "diabetes", "nation": "england",
			"assessment_id": nil, "submitted_at": nil, "overall": nil, "considerations": nil, "previous": nil, "change": nil},
		map[string]any{"team_id": a.Team1.ID, "name": "Physio outpatients", "setting": "secondary_care", "specialty": "physiotherapy", "nation": "england",
			"assessment_id": latest.ID, "submitted_at": "2026-11-01T09:00:00Z", "overall": 16.7, "considerations": latestScores,
			"previous": map[string]any{"assessment_id": first.ID, "submitted_at": "2026-10-01T09:00:00Z", "overall": 0.0, "considerations": zeros},
			// 16.7 - 0 and 100 - 0; the rest unchanged.
			"change": map[string]any{"overall": 16.7, "considerations": latestScores}},
	}}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("comparison (-want +got):\n%s", diff)
	}
}

func TestComparisonAPIFilters(t *testing.T) {
	t.Parallel()
	a := newTestApp(t)
	type teams struct {
		Teams []struct {
			Name string `json:"name"`
		} `json:"teams"`
	}
	base := "/api/v1/organisations/" + a.Org1.ID + "/comparison"
	for query, want := range map[string][]string{
		"":                    {"Diabetes clinic", "Physio outpatients"},
		"?specialty=diabetes": {"Diabetes clinic"},
		"?setting=secondary_care&nation=england&specialty=physiotherapy": {"Physio outpatients"},
		"?nation=wales": {},
		"?setting=":     {"Diabetes clinic", "Physio outpatients"},
	} {
		rec := a.API("lead", http.MethodGet, base+query, "")
		var names []string
		for _, t := range webtest.Decode[teams](t, rec).Teams {
			names = append(names, t.Name)
		}
		if rec.Code != 200 || !cmp.Equal(names, want, cmpEmpty) {
			t.Errorf("%q: %d %v, want %v", query, rec.Code, names, want)
		}
	}
	for query, field := range map[string]string{"?setting=hospital": "setting", "?specialty=x": "specialty", "?nation=mars": "nation"} {
		rec := a.API("lead", http.MethodGet, base+query, "")
		e := webtest.Decode[webtest.APIError](t, rec)
		if rec.Code != 422 || len(e.Error.Details) != 1 || e.Error.Details[0].Field != field {
			t.Errorf("%q: %d %+v, want 422 naming %s", query, rec.Code, e.Error.Details, field)
		}
	}
}

var cmpEmpty = cmp.Comparer(func(a, b []string) bool { return len(a) == 0 && len(b) == 0 || cmp.Equal(a, b) })

// TestTrendAPI: five teams in 2026-Q4 (team 1 twice: its November submission
// counts), one in Q3. Q4 overall scores 0, 0, 16.7, 33.3, 100 (exact 16.67 and
// 33.33): median 16.7. Equity 0, 0, 100, 100, 100: median 100. Pathways 0, 0, 0, 100,
// 100: median 0.
func TestTrendAPI(t *testing.T) {
	t.Parallel()
	a := newTestApp(t)
	var extra []string
	for _, name := range []string{"Podiatry", "Dietetics", "Speech and language"} {
		rec := a.API("lead", http.MethodPost, "/api/v1/organisations/"+a.Org1.ID+"/teams",
			`{"name":"`+name+`","setting":"community","specialty":"other","nation":"wales"}`)
		extra = append(extra, webtest.Decode[struct{ ID string }](t, rec).ID)
	}
	a.SubmitScoredAt("member", a.Team1.ID, time.Date(2026, 9, 30, 23, 59, 59, 0, time.UTC), "equity")
	a.SubmitScoredAt("member", a.Team1.ID, october)
	a.SubmitScoredAt("member", a.Team1.ID, november, "equity")
	a.SubmitScoredAt("lead", a.Team2.ID, october)
	a.SubmitScoredAt("lead", extra[0], october)
	a.SubmitScoredAt("lead", extra[1], october, "equity", "pathways")
	a.SubmitScoredAt("lead", extra[2], november, "equity", "pathways", "infrastructure", "wellbeing", "evidence", "shared_learning")
	rec := a.API("lead", http.MethodGet, "/api/v1/organisations/"+a.Org1.ID+"/trend", "")
	var got map[string]any
	if err := json.Unmarshal(rec.Body.Bytes(), &got); rec.Code != 200 || err != nil {
		t.Fatalf("trend: %d %s", rec.Code, rec.Body)
	}
	want := map[string]any{"organisation_id": a.Org1.ID, "periods": []any{
		map[string]any{"period": "2026-Q3", "n": 1.0, "suppressed": true},
		map[string]any{"period": "2026-Q4", "n": 5.0, "suppressed": false, "overall": 16.7, "considerations": map[string]any{
			"equity": 100.0, "pathways": 0.0, "infrastructure": 0.0, "wellbeing": 0.0, "evidence": 0.0, "shared_learning": 0.0}},
	}}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("trend (-want +got):\n%s", diff)
	}
}

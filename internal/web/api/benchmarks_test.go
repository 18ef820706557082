package api_test

import (
	"fmt"
	"net/http"
	"strings"
	"testing"

	"vcready/internal/web/webtest"
)

func answersJSON() string { return webtest.AnswersJSON(webtest.Questionnaires().Default(), false) }

// addCohort gives organisation 2 n more teams like team 1 (secondary care,
// physiotherapy, England), each with a submitted assessment with the same answers
// as answersJSON.
func addCohort(t *testing.T, app *webtest.App, n int) {
	t.Helper()
	for i := range n {
		team := app.AddTeam(app.Org2.ID, fmt.Sprintf("Cohort team %d", i), "secondary_care", "physiotherapy", "england")
		app.SubmitForTeam(team, answersJSON())
	}
}

type benchmarkBody struct {
	Cohort         string `json:"cohort"`
	Considerations []struct {
		Key                          string
		Score                        *float64
		N                            int
		Suppressed                   bool
		Percentile, Median, P25, P75 *float64
	} `json:"considerations"`
}

func TestAPIBenchmark(t *testing.T) {
	t.Parallel()
	app := newTestApp(t)
	addCohort(t, app, 5)
	own := app.SubmitVia(answersJSON())
	path := "/api/v1/assessments/" + own.ID + "/benchmark"
	for _, tt := range []struct {
		query, cohort string
		n             int
	}{
		{"", "all", 5},
		{"?cohort=all", "all", 5},
		{"?cohort=setting", "setting", 5},
		{"?cohort=nation", "nation", 5},
		{"?cohort=organisation", "organisation", 0}, // team 2 has not submitted
	} {
		t.Run(tt.cohort+tt.query, func(t *testing.T) {
			rec := app.API("member", http.MethodGet, path+tt.query, "")
			if rec.Code != 200 {
				t.Fatalf("%d %s", rec.Code, rec.Body)
			}
			b := webtest.Decode[benchmarkBody](t, rec)
			if b.Cohort != tt.cohort || len(b.Considerations) != len(own.Scores.Considerations) {
				t.Fatalf("cohort %q with %d considerations: %s", b.Cohort, len(b.Considerations), rec.Body)
			}
			for i, c := range b.Considerations {
				if c.Key != own.Scores.Considerations[i].Key || c.N != tt.n || c.Suppressed != (tt.n < 5) {
					t.Errorf("%+v, want key %s n %d", c, own.Scores.Considerations[i].Key, tt.n)
				}
				// Every cohort team answered as the team did: a tie with all of them.
				if !c.Suppressed && (*c.Percentile != 50 || *c.Median != *c.Score || *c.P25 != *c.Score || *c.P75 != *c.Score) {
					t.Errorf("%s: %v %v %v %v, want 50 and the score %v", c.Key, *c.Percentile, *c.Median, *c.P25, *c.P75, *c.Score)
				}
			}
			if tt.n < 5 {
				for _, field := range []string{"percentile", "median", "p25", "p75"} {
					if strings.Contains(rec.Body.String(), `"`+field+`"`) {
						t.Errorf("a suppressed benchmark has %q: %s", field, rec.Body)
					}
				}
			}
		})
	}
}

func TestAPIBenchmarkSuppressedAtFour(t *testing.T) {
	t.Parallel()
	app := newTestApp(t)
	addCohort(t, app, 4)
	own := app.SubmitVia(answersJSON())
	b := webtest.Decode[benchmarkBody](t, app.API("member", http.MethodGet, "/api/v1/assessments/"+own.ID+"/benchmark", ""))
	for _, c := range b.Considerations {
		if c.N != 4 || !c.Suppressed || c.Percentile != nil || c.Median != nil {
			t.Errorf("%+v, want n 4, suppressed, no figures", c)
		}
	}
}

func TestAPIBenchmarkErrors(t *testing.T) {
	t.Parallel()
	app := newTestApp(t)
	draft := app.NewDraft()
	rec := app.API("member", http.MethodGet, "/api/v1/assessments/"+draft.ID+"/benchmark", "")
	if e := webtest.Decode[webtest.APIError](t, rec); rec.Code != http.StatusConflict || !strings.Contains(e.Error.Message, "submit it") {
		t.Errorf("draft: %d %s, want 409 saying to submit it", rec.Code, rec.Body)
	}
	own := app.SubmitVia(answersJSON())
	rec = app.API("member", http.MethodGet, "/api/v1/assessments/"+own.ID+"/benchmark?cohort=galaxy", "")
	if rec.Code != http.StatusUnprocessableEntity || !strings.Contains(rec.Body.String(), `"cohort"`) {
		t.Errorf("unknown cohort: %d %s, want 422 naming cohort", rec.Code, rec.Body)
	}
}

package web

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"vcready/internal/benchmark"
	"vcready/internal/report"
	"vcready/internal/web/webtest"
)

// newCompareApp is the fixture with five more teams like team 1 in organisation 2
// (secondary care), one community team there, and team 2 of organisation 1, each with
// a submitted assessment with the same answers; team 1 then submits with a higher
// first answer. So all other teams: 7; same setting: 6; organisation 1: 1.
func newCompareApp(t *testing.T) (*testApp, webtest.Assessment) {
	t.Helper()
	a := newTestApp(t)
	q := webtest.Questionnaires().Default()
	body := webtest.AnswersJSON(q, false)
	for i := range 5 {
		a.SubmitForTeam(a.AddTeam(a.Org2.ID, fmt.Sprintf("Ward %d", i), "secondary_care", "physiotherapy", "england"), body)
	}
	a.SubmitForTeam(a.AddTeam(a.Org2.ID, "Community physio", "community", "physiotherapy", "england"), body)
	a.SubmitForTeam(a.Team2.ID, body)
	own := a.SubmitVia(strings.Replace(body, `"item_id": "eq-01", "level": 1`, `"item_id": "eq-01", "level": 4`, 1))
	return a, own
}

// TestResultsHowYouCompare: the table holds the service's numbers for the cohort
// chosen, in words where it helps, and the chart is an accessible image.
func TestResultsHowYouCompare(t *testing.T) {
	t.Parallel()
	a, own := newCompareApp(t)
	for _, tt := range []struct {
		query string
		kind  benchmark.Kind
		teams int
	}{
		{"", benchmark.All, 7},
		{"?cohort=setting", benchmark.Setting, 6},
	} {
		t.Run(string(tt.kind), func(t *testing.T) {
			body := webtest.AssertPage(t, a.Page("member", "/assessments/"+own.ID+"/results"+tt.query), 200,
				`<h2 id="compare">How you compare</h2>`,
				`<form method="get" action="/assessments/`+own.ID+`/results#compare"`,
				`<option value="`+string(tt.kind)+`" selected>`+report.Cohort(tt.kind)+`</option>`,
				`<svg class="app-chart app-compare-chart" role="img" aria-labelledby="compare-chart-title compare-chart-desc"`,
				templateEscape(fmt.Sprintf("Compared with the latest results of %d other teams.", tt.teams)),
				templateEscape("never your answers or your team’s name"),
				"Your scores against "+strings.ToLower(report.Cohort(tt.kind)))
			b, err := a.Assessments.Benchmark(context.Background(), a.Users["member"].Principal(), own.ID, tt.kind)
			if err != nil {
				t.Fatal(err)
			}
			for _, c := range b.Considerations {
				if c.Suppressed {
					t.Fatalf("%s suppressed with %d teams", c.Key, c.N)
				}
				for _, want := range []string{
					"Similar teams with a score </span>" + fmt.Sprint(c.N) + "</td>",
					"Median </span>" + report.Score(rounded(c.Median)) + "</td>",
					"Middle half </span>" + report.Score(rounded(c.P25)) + " to " + report.Score(rounded(c.P75)) + "</td>",
					report.PercentileRank(*c.Percentile),
				} {
					if !strings.Contains(body, want) {
						t.Errorf("%s: page lacks %q", c.Key, want)
					}
				}
			}
			// Equity is above every other team's; the rest tie with all of them.
			if !strings.Contains(body, "Higher than 100% of similar teams") || !strings.Contains(body, "Higher than 50% of similar teams") {
				t.Error("percentiles in words missing")
			}
		})
	}
}

func TestResultsHowYouCompareSuppressed(t *testing.T) {
	t.Parallel()
	a, own := newCompareApp(t)
	body := webtest.AssertPage(t, a.Page("member", "/assessments/"+own.ID+"/results?cohort=organisation"), 200,
		`<option value="organisation" selected>`,
		"Not enough similar teams yet (1 of the 5 needed)")
	for _, figure := range []string{"Median </span>", "Middle half </span>", "of similar teams</td>", `transform="translate(0 -10)"`} {
		if strings.Contains(body, figure) {
			t.Errorf("a suppressed comparison shows %q", figure)
		}
	}
}

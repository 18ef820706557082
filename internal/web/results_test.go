package web

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"vcready/internal/report"
	"vcready/internal/scoring"
	"vcready/internal/web/webtest"
)

// TestResultsShowTheStoredNumbers: the table beside the chart gives each area's
// stored score, level and coverage, and the chart is an accessible image.
func TestResultsShowTheStoredNumbers(t *testing.T) {
	t.Parallel()
	a := newTestApp(t)
	sub := a.SubmitVia(webtest.AnswersJSON(webtest.Questionnaires().Default(), false))
	body := webtest.AssertPage(t, a.Page("lead", "/assessments/"+sub.ID+"/results"), 200,
		`<svg class="app-chart" role="img" aria-labelledby="results-chart-title results-chart-desc"`,
		`<title id="results-chart-title">Scores for each area, out of 100</title>`,
		"Overall score", report.Score(sub.Scores.Overall))
	if strings.Contains(body, "Change since last assessment") || strings.Contains(body, "stroke-dasharray=\"8 5\"/>") {
		t.Error("a first assessment shows a comparison")
	}
	for _, c := range sub.Scores.Considerations {
		row := fmt.Sprintf(`Score out of 100 </span>%s</td>`, report.Score(c.Score))
		if !strings.Contains(body, row) {
			t.Errorf("%s: table lacks score %s", c.Key, report.Score(c.Score))
		}
		if c.Level != nil && !strings.Contains(body, report.Level(*c.Level)) {
			t.Errorf("%s: no level label %s", c.Key, *c.Level)
		}
		if !strings.Contains(body, "Coverage </span>"+report.Number(c.Coverage*100)+"%") {
			t.Errorf("%s: no coverage %v", c.Key, c.Coverage)
		}
		desc := strings.ToLower(report.Score(c.Score))
		if !strings.Contains(body, desc) {
			t.Errorf("%s: chart description lacks %s", c.Key, desc)
		}
	}
}

func TestResultsCompareWithThePreviousAssessment(t *testing.T) {
	t.Parallel()
	a := newTestApp(t)
	now := time.Date(2026, 1, 5, 9, 0, 0, 0, time.UTC)
	a.Assessments.Now = func() time.Time { now = now.Add(24 * time.Hour); return now }
	q := webtest.Questionnaires().Default()
	first := a.SubmitVia(webtest.AnswersJSON(q, true))
	second := a.SubmitVia(strings.Replace(webtest.AnswersJSON(q, true), `"item_id": "eq-01", "level": 1`, `"item_id": "eq-01", "level": 4`, 1))
	body := webtest.AssertPage(t, a.Page("member", "/assessments/"+second.ID+"/results"), 200,
		"Change since last assessment", "Previous ("+report.Date(*first.SubmittedAt)+")", `stroke-dasharray="8 5"`,
		"Previous assessment, "+report.Date(*first.SubmittedAt)+", dashed line")
	want := report.Change(second.Scores.Considerations[0].Score, first.Scores.Considerations[0].Score)
	if !strings.HasPrefix(want, "Up ") || !strings.Contains(body, want) {
		t.Errorf("equity change %q missing or not up", want)
	}
	if strings.Count(body, "No change") < 5 {
		t.Errorf("the five unchanged areas should read No change")
	}
	webtest.AssertPage(t, a.Page("member", "/assessments/"+first.ID+"/results"), 200)
	if b := a.Page("member", "/assessments/"+first.ID+"/results").Body.String(); strings.Contains(b, "Change since last assessment") {
		t.Error("the first assessment compares with a later one")
	}
}

func TestNextLevel(t *testing.T) {
	t.Parallel()
	f := func(v float64) *float64 { return &v }
	cases := []struct {
		score *float64
		label string
		gap   float64
	}{
		{f(0), "Developing", 25},
		{f(24.9), "Developing", 0.1},
		{f(25), "Established", 25},
		{f(62.5), "Embedded", 12.5},
		{f(75), "", 0},
		{nil, "", 0},
	}
	for _, tc := range cases {
		label, gap := nextLevel(tc.score)
		if label != tc.label || gap != tc.gap {
			t.Errorf("nextLevel(%v) = %q, %v; want %q, %v", report.Score(tc.score), label, gap, tc.label, tc.gap)
		}
	}
}

// TestHowTheScoreWasMadeAddsUp: the points of each area's counted questions add up to
// its exact score, which rounds to the stored score, as the page tells users to check.
func TestHowTheScoreWasMadeAddsUp(t *testing.T) {
	t.Parallel()
	v := sampleResults()
	for i, d := range v.Details {
		c := sampleAssessment(true).a.Scores.Considerations[i]
		if c.Status != scoring.StatusScored {
			continue
		}
		if got := scoring.Round(d.SumPoints); got != *c.Score {
			t.Errorf("%s: points add up to %v (rounded %v), stored score %v", d.Key, d.SumPoints, got, *c.Score)
		}
		for j := 1; j < len(d.Holding); j++ {
			if d.Holding[j].Gain > d.Holding[j-1].Gain {
				t.Errorf("%s: holding-back items not in order of gain: %+v", d.Key, d.Holding)
			}
		}
	}
}

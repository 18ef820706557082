package assessment_test

import (
	"fmt"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"vcready/internal/assessment"
	"vcready/internal/scoring"
)

// sub is a submission of team at t whose overall and only consideration ("equity")
// are both score (exact and rounded alike).
func sub(team, id string, at time.Time, score float64) assessment.Submitted {
	return assessment.Submitted{AssessmentID: id, TeamID: team, SubmittedAt: at, Scores: scoring.Result{
		Overall: &score, OverallExact: score,
		Considerations: []scoring.Consideration{{Key: "equity", Score: &score, Exact: score, Status: scoring.StatusScored}}}}
}

func at(s string) time.Time {
	t, err := time.Parse(time.RFC3339, s)
	if err != nil {
		panic(err)
	}
	return t
}

func TestQuarter(t *testing.T) {
	t.Parallel()
	for in, want := range map[string]string{
		"2026-01-01T00:00:00Z":      "2026-Q1",
		"2026-03-31T23:59:59Z":      "2026-Q1",
		"2026-04-01T00:00:00Z":      "2026-Q2",
		"2026-09-30T23:59:59Z":      "2026-Q3",
		"2026-12-31T23:59:59Z":      "2026-Q4",
		"2027-01-01T00:30:00+01:00": "2026-Q4", // 23:30 UTC on 31 December
	} {
		if got := assessment.Quarter(at(in)); got != want {
			t.Errorf("Quarter(%s) = %s, want %s", in, got, want)
		}
	}
}

func TestQuarters(t *testing.T) {
	t.Parallel()
	five := func(when string, scores ...float64) []assessment.Submitted {
		var out []assessment.Submitted
		for i, s := range scores {
			out = append(out, sub(fmt.Sprintf("t%d", i), fmt.Sprintf("%s-%d", when, i), at(when), s))
		}
		return out
	}
	f := func(x float64) *float64 { return &x }
	tests := []struct {
		name string
		subs []assessment.Submitted
		want []assessment.Period
	}{
		{"none", nil, []assessment.Period{}},
		{"four teams are suppressed, n only", five("2026-11-01T00:00:00Z", 10, 20, 30, 40),
			[]assessment.Period{{Period: "2026-Q4", N: 4, Suppressed: true}}},
		// sorted 10 20 30 40 50: h = 4 * 0.5 = 2, median 30.
		{"five teams show the median", five("2026-11-01T00:00:00Z", 50, 10, 40, 20, 30),
			[]assessment.Period{{Period: "2026-Q4", N: 5, Overall: f(30), Considerations: map[string]float64{"equity": 30}}}},
		// six teams 10 20 30 40 50 61: h = 2.5, median 30 + 0.5 * 10 = 35.
		{"an even count interpolates", five("2026-11-01T00:00:00Z", 10, 20, 30, 40, 50, 61),
			[]assessment.Period{{Period: "2026-Q4", N: 6, Overall: f(35), Considerations: map[string]float64{"equity": 35}}}},
		// t0 submits 10 in October and 90 in December: only the 90 counts, and n stays 5.
		// sorted 20 30 40 50 90: median 40.
		{"a team submitting twice in a quarter counts once, with its latest",
			append(five("2026-10-05T00:00:00Z", 10, 20, 30, 40, 50), sub("t0", "late", at("2026-12-20T00:00:00Z"), 90)),
			[]assessment.Period{{Period: "2026-Q4", N: 5, Overall: f(40), Considerations: map[string]float64{"equity": 40}}}},
		{"quarters split at midnight UTC on the first of the quarter, oldest first",
			append(five("2026-10-01T00:00:00Z", 1, 2, 3, 4, 5), five("2026-09-30T23:59:59Z", 1, 2)...),
			[]assessment.Period{{Period: "2026-Q3", N: 2, Suppressed: true},
				{Period: "2026-Q4", N: 5, Overall: f(3), Considerations: map[string]float64{"equity": 3}}}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if diff := cmp.Diff(tc.want, assessment.Quarters(tc.subs)); diff != "" {
				t.Errorf("Quarters (-want +got):\n%s", diff)
			}
		})
	}
}

// TestQuartersLeaveOutAThinConsideration: in a quarter of five teams where only four
// scored a consideration, its median would rest on four teams and is left out.
func TestQuartersLeaveOutAThinConsideration(t *testing.T) {
	t.Parallel()
	var subs []assessment.Submitted
	for i := range 5 {
		s := sub(fmt.Sprintf("t%d", i), fmt.Sprint(i), at("2026-05-01T00:00:00Z"), float64(10*i))
		if i == 0 {
			s.Scores.Considerations[0] = scoring.Consideration{Key: "equity", Status: scoring.StatusInsufficient}
		}
		subs = append(subs, s)
	}
	got := assessment.Quarters(subs)
	if len(got) != 1 || got[0].Suppressed || got[0].Overall == nil || *got[0].Overall != 20 || len(got[0].Considerations) != 0 {
		t.Errorf("Quarters = %+v, want overall 20 and no equity median", got)
	}
}

func TestChange(t *testing.T) {
	t.Parallel()
	f := func(x float64) *float64 { return &x }
	prev := scoring.Result{Overall: f(40.2), Considerations: []scoring.Consideration{
		{Key: "equity", Score: f(50)}, {Key: "pathway", Score: f(33.3)}, {Key: "gone", Score: f(10)}, {Key: "thin"}}}
	cur := scoring.Result{Overall: f(52.5), Considerations: []scoring.Consideration{
		{Key: "equity", Score: f(37.5)}, {Key: "pathway", Score: f(66.7)}, {Key: "thin", Score: f(20)}, {Key: "new", Score: f(1)}}}
	got := assessment.Change(prev, cur)
	want := assessment.ScoreChange{Overall: f(12.3), Considerations: map[string]float64{"equity": -12.5, "pathway": 33.4}}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("Change (-want +got):\n%s", diff)
	}
	if got := assessment.Change(scoring.Result{}, cur); got.Overall != nil {
		t.Errorf("Change from no overall: %v, want nil", *got.Overall)
	}
}

// TestDistributions: quartiles only from five scores up, over the teams' latest
// submissions; teams without one are skipped.
func TestDistributions(t *testing.T) {
	t.Parallel()
	row := func(score float64) assessment.ComparisonRow {
		s := sub("t", "a", at("2026-11-01T00:00:00Z"), score)
		return assessment.ComparisonRow{Latest: &s}
	}
	four := assessment.Comparison{Teams: []assessment.ComparisonRow{row(10), row(20), row(30), row(40), {}}}
	// 10 20 30 40 95: p25 h=1 -> 20, median h=2 -> 30, p75 h=3 -> 40.
	five := assessment.Comparison{Teams: append(four.Teams, row(95))}
	got := append(four.Distributions([]string{"equity"}), five.Distributions([]string{"equity", "pathways"})...)
	want := []assessment.Distribution{
		{Key: "equity", N: 4, Suppressed: true},
		{Key: "equity", N: 5, P25: 20, Median: 30, P75: 40},
		{Key: "pathways", N: 0, Suppressed: true},
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("Distributions (-want +got):\n%s", diff)
	}
}

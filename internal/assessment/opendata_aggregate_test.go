package assessment_test

import (
	"fmt"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"vcready/internal/assessment"
)

var odEpoch = time.Date(2026, 11, 2, 9, 0, 0, 0, time.UTC)

// odTeams makes n published submissions of vc-readiness 1.x, team ids prefix-0..,
// scoring equity 10, 20, ..., 10n and pathways 50 each.
func odTeams(prefix string, n int, setting, nation string) []assessment.OpenDataSubmission {
	out := make([]assessment.OpenDataSubmission, n)
	for i := range out {
		out[i] = assessment.OpenDataSubmission{
			AssessmentID: fmt.Sprintf("%s-a%d", prefix, i), TeamID: fmt.Sprintf("%s-%d", prefix, i),
			Publish: true, Setting: setting, Nation: nation,
			QuestionnaireID: "vc-readiness", QuestionnaireVersion: "1.0.0", SubmittedAt: odEpoch,
			Scores: map[string]float64{"equity": float64(10 * (i + 1)), "pathways": 50},
		}
	}
	return out
}

func with(subs []assessment.OpenDataSubmission, change func(*assessment.OpenDataSubmission)) []assessment.OpenDataSubmission {
	for i := range subs {
		change(&subs[i])
	}
	return subs
}

// tenEquity is the figures of equity 10..100 (R type 7: p25 = 32.5, median 55, p75 77.5).
var tenEquity = assessment.OpenDataFigures{Key: "equity", N: 10, Median: 55, P25: 32.5, P75: 77.5}
var tenPathways = assessment.OpenDataFigures{Key: "pathways", N: 10, Median: 50, P25: 50, P75: 50}

func suppressedGroup(name string, n int) assessment.OpenDataGroup {
	return assessment.OpenDataGroup{Group: name, N: n, Suppressed: true}
}

func shownGroup(name string, figures ...assessment.OpenDataFigures) assessment.OpenDataGroup {
	return assessment.OpenDataGroup{Group: name, N: figures[0].N, Considerations: figures}
}

func TestAggregateOpenData(t *testing.T) {
	t.Parallel()
	order := func(string, int) []string { return []string{"pathways", "equity"} }
	cases := []struct {
		name string
		subs []assessment.OpenDataSubmission
		want []assessment.OpenDataQuestionnaire
	}{
		{name: "nothing published", subs: nil, want: []assessment.OpenDataQuestionnaire{}},
		{name: "ten teams are shown, in the questionnaire's order of considerations",
			subs: odTeams("t", 10, "community", "wales"),
			want: []assessment.OpenDataQuestionnaire{{ID: "vc-readiness", Major: 1, Groups: []assessment.OpenDataGroup{
				shownGroup("all", tenPathways, tenEquity),
				shownGroup("setting:community", tenPathways, tenEquity),
				shownGroup("nation:wales", tenPathways, tenEquity)}}}},
		{name: "nine teams are suppressed, with their count",
			subs: odTeams("t", 9, "community", "wales"),
			want: []assessment.OpenDataQuestionnaire{{ID: "vc-readiness", Major: 1, Groups: []assessment.OpenDataGroup{
				suppressedGroup("all", 9), suppressedGroup("setting:community", 9), suppressedGroup("nation:wales", 9)}}}},
		{name: "an organisation that does not publish never counts",
			subs: append(odTeams("t", 9, "community", "wales"),
				with(odTeams("private", 5, "community", "wales"), func(s *assessment.OpenDataSubmission) { s.Publish = false })...),
			want: []assessment.OpenDataQuestionnaire{{ID: "vc-readiness", Major: 1, Groups: []assessment.OpenDataGroup{
				suppressedGroup("all", 9), suppressedGroup("setting:community", 9), suppressedGroup("nation:wales", 9)}}}},
		{name: "the demo organisation never counts",
			subs: with(odTeams("demo", 12, "community", "wales"), func(s *assessment.OpenDataSubmission) { s.Demo = true }),
			want: []assessment.OpenDataQuestionnaire{}},
		{name: "only each team's latest submission counts",
			subs: append(odTeams("t", 10, "community", "wales"),
				// Earlier submissions of the same teams, all scoring 0: they must not count.
				with(odTeams("t", 10, "community", "wales"), func(s *assessment.OpenDataSubmission) {
					s.AssessmentID += "-old"
					s.SubmittedAt = odEpoch.Add(-24 * time.Hour)
					s.Scores = map[string]float64{"equity": 0, "pathways": 0}
				})...),
			want: []assessment.OpenDataQuestionnaire{{ID: "vc-readiness", Major: 1, Groups: []assessment.OpenDataGroup{
				shownGroup("all", tenPathways, tenEquity),
				shownGroup("setting:community", tenPathways, tenEquity),
				shownGroup("nation:wales", tenPathways, tenEquity)}}}},
		{name: "groups per setting and nation, each suppressed on its own",
			subs: append(odTeams("a", 10, "community", "wales"), odTeams("b", 3, "primary_care", "wales")...),
			want: []assessment.OpenDataQuestionnaire{{ID: "vc-readiness", Major: 1, Groups: []assessment.OpenDataGroup{
				shownGroup("all",
					assessment.OpenDataFigures{Key: "pathways", N: 13, Median: 50, P25: 50, P75: 50},
					assessment.OpenDataFigures{Key: "equity", N: 13, Median: 40, P25: 20, P75: 70}),
				shownGroup("setting:community", tenPathways, tenEquity),
				suppressedGroup("setting:primary_care", 3),
				shownGroup("nation:wales",
					assessment.OpenDataFigures{Key: "pathways", N: 13, Median: 50, P25: 50, P75: 50},
					assessment.OpenDataFigures{Key: "equity", N: 13, Median: 40, P25: 20, P75: 70})}}}},
		{name: "a consideration fewer than ten teams have a score for is suppressed in a group shown",
			subs: with(odTeams("t", 10, "community", "wales"), func(s *assessment.OpenDataSubmission) {
				if s.TeamID == "t-0" {
					delete(s.Scores, "equity") // insufficient
				}
			}),
			want: []assessment.OpenDataQuestionnaire{{ID: "vc-readiness", Major: 1, Groups: []assessment.OpenDataGroup{
				shownGroup("all", tenPathways, assessment.OpenDataFigures{Key: "equity", N: 9, Suppressed: true}),
				shownGroup("setting:community", tenPathways, assessment.OpenDataFigures{Key: "equity", N: 9, Suppressed: true}),
				shownGroup("nation:wales", tenPathways, assessment.OpenDataFigures{Key: "equity", N: 9, Suppressed: true})}}}},
		{name: "another major version is its own entry, a minor version is not",
			subs: append(
				with(odTeams("t", 10, "community", "wales"), func(s *assessment.OpenDataSubmission) {
					if s.TeamID == "t-9" {
						s.QuestionnaireVersion = "1.1.0"
					}
				}),
				with(odTeams("t", 2, "community", "wales"), func(s *assessment.OpenDataSubmission) {
					s.QuestionnaireVersion, s.AssessmentID = "2.0.0", s.AssessmentID+"-v2"
					s.SubmittedAt = odEpoch.Add(time.Hour)
				})...),
			want: []assessment.OpenDataQuestionnaire{
				{ID: "vc-readiness", Major: 1, Groups: []assessment.OpenDataGroup{
					shownGroup("all", tenPathways, tenEquity),
					shownGroup("setting:community", tenPathways, tenEquity),
					shownGroup("nation:wales", tenPathways, tenEquity)}},
				{ID: "vc-readiness", Major: 2, Groups: []assessment.OpenDataGroup{
					suppressedGroup("all", 2), suppressedGroup("setting:community", 2), suppressedGroup("nation:wales", 2)}}}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			got := assessment.AggregateOpenData(tc.subs, order)
			if diff := cmp.Diff(tc.want, got); diff != "" {
				t.Errorf("AggregateOpenData (-want +got):\n%s", diff)
			}
		})
	}
}

// TestAggregateOpenDataRoundsQuartilesOfExactScores: quartiles are taken over full
// precision and rounded once, half away from zero.
func TestAggregateOpenDataRoundsQuartilesOfExactScores(t *testing.T) {
	t.Parallel()
	subs := with(odTeams("t", 10, "community", "wales"), func(s *assessment.OpenDataSubmission) {
		s.Scores = map[string]float64{"equity": s.Scores["equity"] + 1.0/3}
	})
	got := assessment.AggregateOpenData(subs, nil)[0].Groups[0].Considerations[0]
	want := assessment.OpenDataFigures{Key: "equity", N: 10, Median: 55.3, P25: 32.8, P75: 77.8}
	if got != want {
		t.Errorf("figures = %+v, want %+v", got, want)
	}
}

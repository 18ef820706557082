package assessment

import (
	"context"
	"fmt"
	"slices"
	"time"

	"vcready/internal/auth"
	"vcready/internal/benchmark"
	"vcready/internal/scoring"
)

// Trend is an organisation's quarterly medians (SCORING.md "Trend").
type Trend struct {
	OrganisationID string
	Periods        []Period
}

// Period is one calendar quarter of a trend. When Suppressed (fewer than
// benchmark.MinCohort teams) only Period and N may be shown.
type Period struct {
	// Period is the quarter of submitted_at in UTC, as "2026-Q4".
	Period     string
	N          int
	Suppressed bool
	// Overall is the median overall score of the quarter's teams with one, rounded
	// to one decimal; nil when suppressed or when fewer than MinCohort teams have one.
	Overall *float64
	// Considerations are the medians by consideration key, each over the teams with
	// a score for it. A consideration scored by fewer than MinCohort teams is left
	// out, as a suppressed cohort would be.
	Considerations map[string]float64
}

// Trend returns the organisation's quarterly medians to its admins and leads (the
// same access as Compare).
func (s *Service) Trend(ctx context.Context, p *auth.Principal, orgID string) (Trend, error) {
	_, subs, err := s.organisationScores(ctx, p, orgID)
	if err != nil {
		return Trend{}, err
	}
	return Trend{OrganisationID: orgID, Periods: Quarters(subs)}, nil
}

// Quarter names the calendar quarter of t in UTC: "2026-Q4".
func Quarter(t time.Time) string {
	t = t.UTC()
	return fmt.Sprintf("%d-Q%d", t.Year(), (int(t.Month())-1)/3+1)
}

// Quarters groups submissions by quarter, oldest first, counting each team once per
// quarter with its latest submission in it, and takes the medians (R type 7, over
// full-precision scores, rounded to one decimal). Quarters without a submission are
// not listed. subs may be in any order.
func Quarters(subs []Submitted) []Period {
	latest := map[string]map[string]Submitted{} // quarter -> team -> latest submission
	for _, sub := range subs {
		q := Quarter(sub.SubmittedAt)
		if latest[q] == nil {
			latest[q] = map[string]Submitted{}
		}
		if cur, ok := latest[q][sub.TeamID]; !ok || later(sub, cur) {
			latest[q][sub.TeamID] = sub
		}
	}
	names := make([]string, 0, len(latest))
	for q := range latest {
		names = append(names, q)
	}
	slices.Sort(names) // "2026-Q4" < "2027-Q1" as strings too
	out := make([]Period, 0, len(names))
	for _, q := range names {
		out = append(out, period(q, latest[q]))
	}
	return out
}

func later(a, b Submitted) bool {
	if !a.SubmittedAt.Equal(b.SubmittedAt) {
		return a.SubmittedAt.After(b.SubmittedAt)
	}
	return a.AssessmentID > b.AssessmentID
}

// period takes one quarter's medians. Below MinCohort teams it keeps only n: a
// median of so few teams could be one team's score.
func period(name string, teams map[string]Submitted) Period {
	p := Period{Period: name, N: len(teams), Suppressed: len(teams) < benchmark.MinCohort}
	if p.Suppressed {
		return p
	}
	var overall []float64
	byKey := map[string][]float64{}
	for _, sub := range teams {
		if sub.Scores.Overall != nil {
			overall = append(overall, sub.Scores.OverallExact)
		}
		for _, c := range sub.Scores.Considerations {
			if c.Status == scoring.StatusScored {
				byKey[c.Key] = append(byKey[c.Key], c.Exact)
			}
		}
	}
	p.Overall = median(overall)
	p.Considerations = map[string]float64{}
	for k, xs := range byKey {
		if m := median(xs); m != nil {
			p.Considerations[k] = *m
		}
	}
	return p
}

// median is the rounded R type 7 median of xs, or nil for fewer than MinCohort.
func median(xs []float64) *float64 {
	if len(xs) < benchmark.MinCohort {
		return nil
	}
	slices.Sort(xs)
	m := scoring.Round(benchmark.Quantile(xs, 0.5))
	return &m
}

// Package benchmark places a team's score within a cohort of other teams' scores:
// percentile rank, median and quartiles, following SCORING.md so that users can check the
// figures by hand. Small cohorts are suppressed to protect the teams in them.
//
// Choosing the cohort (which teams, which assessments) is the application's job; this
// package only does the arithmetic, as pure functions.
package benchmark

import (
	"math"
	"slices"
)

// MinCohort is the smallest cohort that is benchmarked. Cohorts under five teams are
// suppressed so that no single team's score can be identified or worked out from the
// figures shown.
const MinCohort = 5

// Stats is how one score compares with a cohort.
type Stats struct {
	// N is the cohort size. It is reported even when the cohort is suppressed, so the
	// UI can say why no comparison is shown; it reveals no team's score.
	N int
	// Suppressed is true when N < MinCohort; the figures below are then all zero and must
	// not be shown.
	Suppressed bool
	// Percentile is the percentile rank of the own score, 0..100: the share of the cohort
	// below it, counting ties as half.
	Percentile float64
	Median     float64
	P25        float64
	P75        float64
}

// Compare compares a team's own score with the cohort's scores (full precision, in any
// order; cohort is not modified). The own team must not be in the cohort.
//
//	percentile rank = 100 * (below + 0.5 * equal) / n
//
// where below and equal count cohort scores below and equal to own. Exact comparison is
// deliberate: scores are compared at full precision so rounding never decides a rank.
func Compare(own float64, cohort []float64) Stats {
	s := Stats{N: len(cohort)}
	if len(cohort) < MinCohort {
		s.Suppressed = true
		return s
	}
	sorted := slices.Clone(cohort)
	slices.Sort(sorted)
	s.Percentile = PercentileRank(own, sorted)
	s.P25 = Quantile(sorted, 0.25)
	s.Median = Quantile(sorted, 0.5)
	s.P75 = Quantile(sorted, 0.75)
	return s
}

// PercentileRank is 100 * (below + 0.5 * equal) / n: counting ties as half puts a team
// that shares a score with the whole cohort at the 50th percentile, not at 0 or 100.
// It is 0 for an empty cohort.
func PercentileRank(own float64, cohort []float64) float64 {
	if len(cohort) == 0 {
		return 0
	}
	var below, equal int
	for _, x := range cohort {
		switch {
		case x < own:
			below++
		case x == own:
			equal++
		}
	}
	return rank(below, equal, len(cohort))
}

// rank is the percentile rank formula, shared by PercentileRank and the Index so both
// give the same float64 for the same counts.
func rank(below, equal, n int) float64 {
	return 100 * (float64(below) + 0.5*float64(equal)) / float64(n)
}

// Quantile returns the p-quantile (p in 0..1, clamped) of an ascending slice by linear
// interpolation between closest ranks, the method NumPy calls "linear" and R calls
// type 7 (both tools' default), so anyone can reproduce our quartiles:
//
//	h = (n - 1) * p;  Q = x[floor(h)] + (h - floor(h)) * (x[floor(h)+1] - x[floor(h)])
//
// with 0-based x. It returns NaN for an empty slice: there is no quantile to report.
func Quantile(sorted []float64, p float64) float64 {
	return quantile(len(sorted), func(i int) float64 { return sorted[i] }, p)
}

// quantile is Quantile over n ascending values read through at, so the Index can take
// quantiles of a sorted array with one element left out without copying it.
func quantile(n int, at func(int) float64, p float64) float64 {
	if n == 0 {
		return math.NaN()
	}
	h := float64(n-1) * min(max(p, 0), 1)
	lo := int(math.Floor(h))
	if lo >= n-1 {
		return at(n - 1)
	}
	x := at(lo)
	return x + (h-float64(lo))*(at(lo+1)-x)
}

// Quartiles sorts xs in place and returns its first quartile, median and third
// quartile by the same linear interpolation as Quantile (R type 7), at full precision.
func Quartiles(xs []float64) (p25, median, p75 float64) {
	slices.Sort(xs)
	return Quantile(xs, 0.25), Quantile(xs, 0.5), Quantile(xs, 0.75)
}

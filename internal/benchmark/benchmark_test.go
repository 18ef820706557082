package benchmark

import (
	"math"
	"slices"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
)

// Expected quantiles are R's quantile(x, p, type = 7) (also NumPy's default "linear" and
// Python's statistics.quantiles(method="inclusive")):
//
//	h = (n-1) * p; Q = x[floor(h)] + frac(h) * (x[floor(h)+1] - x[floor(h)])
func TestQuantile(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name   string
		sorted []float64
		p      float64
		want   float64
	}{
		// 1..10: h = 9 * 0.25 = 2.25 -> 3 + 0.25 * (4 - 3) = 3.25
		{"1..10 p25", seq(1, 10), 0.25, 3.25},
		// h = 4.5 -> 5 + 0.5 * 1 = 5.5
		{"1..10 median", seq(1, 10), 0.5, 5.5},
		// h = 6.75 -> 7 + 0.75 * 1 = 7.75
		{"1..10 p75", seq(1, 10), 0.75, 7.75},
		// h = 0.9 -> 1 + 0.9 * 1 = 1.9
		{"1..10 p10", seq(1, 10), 0.1, 1.9},
		// h = 4 * 0.25 = 1, exactly a rank
		{"five values p25", []float64{10, 20, 30, 40, 50}, 0.25, 20},
		{"five values median", []float64{10, 20, 30, 40, 50}, 0.5, 30},
		{"five values p75", []float64{10, 20, 30, 40, 50}, 0.75, 40},
		// h = 3 * 0.25 = 0.75 -> 1 + 0.75 * (3 - 1) = 2.5
		{"even n p25", []float64{1, 3, 7, 15}, 0.25, 2.5},
		// h = 1.5 -> 3 + 0.5 * (7 - 3) = 5
		{"even n median", []float64{1, 3, 7, 15}, 0.5, 5},
		// h = 2.25 -> 7 + 0.25 * (15 - 7) = 9
		{"even n p75", []float64{1, 3, 7, 15}, 0.75, 9},
		// h = 5 * 0.25 = 1.25 -> 40 + 0.25 * (62.5 - 40) = 45.625
		{"scores p25", []float64{12.5, 40, 62.5, 62.5, 87.5, 100}, 0.25, 45.625},
		// h = 3.75 -> 62.5 + 0.75 * (87.5 - 62.5) = 81.25
		{"scores p75", []float64{12.5, 40, 62.5, 62.5, 87.5, 100}, 0.75, 81.25},
		// h = 6 * 0.75 = 4.5 -> 7 + 0.5 * (9 - 7) = 8
		{"ties p75", []float64{2, 4, 4, 5, 7, 9, 12}, 0.75, 8},
		{"ties p25", []float64{2, 4, 4, 5, 7, 9, 12}, 0.25, 4},
		{"p0 is the minimum", []float64{10, 20, 30}, 0, 10},
		{"p1 is the maximum", []float64{10, 20, 30}, 1, 30},
		{"p above 1 is clamped", []float64{10, 20, 30}, 1.5, 30},
		{"p below 0 is clamped", []float64{10, 20, 30}, -1, 10},
		{"one value", []float64{42}, 0.25, 42},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			if got := Quantile(tt.sorted, tt.p); math.Abs(got-tt.want) > 1e-12 {
				t.Errorf("Quantile(%v, %v) = %v, want %v", tt.sorted, tt.p, got, tt.want)
			}
		})
	}
}

func TestQuantileEmptyIsNaN(t *testing.T) {
	t.Parallel()
	if got := Quantile(nil, 0.5); !math.IsNaN(got) {
		t.Errorf("Quantile(nil, 0.5) = %v, want NaN", got)
	}
}

func TestCompare(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name   string
		own    float64
		cohort []float64
		want   Stats
	}{{
		// below 2 (10, 20), equal 1 (30): 100 * (2 + 0.5) / 5 = 50
		name:   "middle of five",
		own:    30,
		cohort: []float64{50, 10, 40, 30, 20},
		want:   Stats{N: 5, Percentile: 50, Median: 30, P25: 20, P75: 40},
	}, {
		// below 1 (10), equal 3 (20, 20, 20): 100 * (1 + 1.5) / 5 = 50
		name:   "ties count half",
		own:    20,
		cohort: []float64{20, 40, 20, 10, 20},
		want:   Stats{N: 5, Percentile: 50, Median: 20, P25: 20, P75: 20},
	}, {
		// every score equal: 100 * (0 + 0.5 * 5) / 5 = 50
		name:   "whole cohort tied",
		own:    62.5,
		cohort: []float64{62.5, 62.5, 62.5, 62.5, 62.5},
		want:   Stats{N: 5, Percentile: 50, Median: 62.5, P25: 62.5, P75: 62.5},
	}, {
		// below 5 of 5: 100
		name:   "above everyone",
		own:    90,
		cohort: []float64{10, 20, 30, 40, 50},
		want:   Stats{N: 5, Percentile: 100, Median: 30, P25: 20, P75: 40},
	}, {
		name:   "below everyone",
		own:    5,
		cohort: []float64{10, 20, 30, 40, 50},
		want:   Stats{N: 5, Percentile: 0, Median: 30, P25: 20, P75: 40},
	}, {
		// 33.35 and 33.3 both show as 33.3 (or 33.4), but full precision puts own above
		// 33.3 and below 33.35: below 2 (10, 33.3): 100 * 2 / 6 = 33.33...
		name:   "full precision, not rounded",
		own:    100.0 / 3,
		cohort: []float64{33.35, 33.3, 10, 90, 80, 70},
		want:   Stats{N: 6, Percentile: 100.0 * 2 / 6, Median: 51.675, P25: 33.3125, P75: 77.5},
	}, {
		// 1..10, own 4: below 3, equal 1 -> 100 * 3.5 / 10 = 35
		name:   "ten teams",
		own:    4,
		cohort: seq(1, 10),
		want:   Stats{N: 10, Percentile: 35, Median: 5.5, P25: 3.25, P75: 7.75},
	}, {
		name:   "four teams are suppressed",
		own:    30,
		cohort: []float64{10, 20, 30, 40},
		want:   Stats{N: 4, Suppressed: true},
	}, {
		name:   "empty cohort is suppressed",
		own:    30,
		cohort: nil,
		want:   Stats{Suppressed: true},
	}}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			got := Compare(tt.own, tt.cohort)
			if diff := cmp.Diff(tt.want, got, cmpopts.EquateApprox(0, 1e-12)); diff != "" {
				t.Errorf("Compare() mismatch (-want +got):\n%s", diff)
			}
		})
	}
}

func TestCompareLeavesCohortAlone(t *testing.T) {
	t.Parallel()
	cohort := []float64{50, 10, 40, 30, 20}
	Compare(30, cohort)
	if diff := cmp.Diff([]float64{50, 10, 40, 30, 20}, cohort); diff != "" {
		t.Errorf("Compare reordered its input (-want +got):\n%s", diff)
	}
}

func TestSuppressionThreshold(t *testing.T) {
	t.Parallel()
	for n := range 8 {
		got := Compare(1, seq(1, n)).Suppressed
		if want := n < MinCohort; got != want {
			t.Errorf("cohort of %d: Suppressed = %v, want %v", n, got, want)
		}
	}
}

// seq returns from, from+1, ..., to.
func seq(from, to int) []float64 {
	var s []float64
	for i := from; i <= to; i++ {
		s = append(s, float64(i))
	}
	return s
}

func TestQuartilesSortAndMatchQuantile(t *testing.T) {
	t.Parallel()
	xs := []float64{40, 10, 30, 20, 50}
	p25, median, p75 := Quartiles(xs)
	if p25 != 20 || median != 30 || p75 != 40 {
		t.Errorf("Quartiles = %v, %v, %v; want 20, 30, 40", p25, median, p75)
	}
	if !slices.IsSorted(xs) {
		t.Errorf("xs not sorted: %v", xs)
	}
}

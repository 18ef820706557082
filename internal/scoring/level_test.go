package scoring

import (
	"math"
	"testing"
)

func TestRound(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name string
		x    float64
		want float64
	}{
		{"exact half rounds up", 12.25, 12.3},
		{"below half rounds down", 12.24, 12.2},
		{"just below half rounds down", 12.2499, 12.2},
		{"negative half rounds away from zero", -12.25, -12.3},
		{"float64 1.15 is 1.1499999999999999", 1.15, 1.2},
		{"float64 0.15 is 0.1499999999999999", 0.15, 0.2},
		{"float64 24.95 is 24.949999999999999", 24.95, 25},
		{"computed 10.25 held as 10.249999999999998", 100 * (4.1 * 1 / 4) / (4.1 + 5.9), 10.3},
		{"computed 12.75 held as 12.749999999999998", 100 * (5.1 * 1 / 4) / (5.1 + 4.9), 12.8},
		{"74.96", 74.96, 75},
		{"99.95 reaches 100", 99.95, 100},
		{"already one decimal", 41.7, 41.7},
		{"zero", 0, 0},
		{"small negative is zero, not minus zero", -0.04, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			got := Round(tt.x)
			if got != tt.want || math.Signbit(got) != math.Signbit(tt.want) {
				t.Errorf("Round(%v) = %v, want %v", tt.x, got, tt.want)
			}
		})
	}
}

func TestRoundIsIdempotent(t *testing.T) {
	t.Parallel()
	for i := -1000; i <= 1000; i++ {
		x := float64(i) / 10
		if got := Round(x); got != x {
			t.Errorf("Round(%v) = %v, want it unchanged", x, got)
		}
	}
}

func TestLevelOf(t *testing.T) {
	t.Parallel()
	tests := []struct {
		score float64
		want  string
	}{
		{-3, LevelGettingStarted},
		{0, LevelGettingStarted},
		{24.9, LevelGettingStarted},
		{24.94, LevelGettingStarted}, // shown as 24.9
		{24.95, LevelDeveloping},     // shown as 25.0: the level follows what users see
		{25, LevelDeveloping},
		{49.9, LevelDeveloping},
		{49.95, LevelEstablished},
		{50, LevelEstablished},
		{74.9, LevelEstablished},
		{74.94, LevelEstablished},
		{74.96, LevelEmbedded}, // shown as 75.0
		{75, LevelEmbedded},
		{100, LevelEmbedded},
	}
	for _, tt := range tests {
		if got := LevelOf(tt.score); got.Key != tt.want {
			t.Errorf("LevelOf(%v) = %q, want %q", tt.score, got.Key, tt.want)
		}
	}
}

func TestLevels(t *testing.T) {
	t.Parallel()
	want := []string{"Getting started", "Developing", "Established", "Embedded"}
	if len(Levels) != len(want) {
		t.Fatalf("got %d levels, want %d", len(Levels), len(want))
	}
	for i, l := range Levels {
		if l.Label != want[i] || l.Min != float64(25*i) {
			t.Errorf("Levels[%d] = %+v, want label %q from %d", i, l, want[i], 25*i)
		}
		if got := LevelOf(l.Min); got != l {
			t.Errorf("LevelOf(%v) = %+v, want %+v", l.Min, got, l)
		}
	}
}

package report

import (
	"testing"
	"time"
)

func TestChange(t *testing.T) {
	t.Parallel()
	f := func(v float64) *float64 { return &v }
	cases := []struct {
		name      string
		cur, prev *float64
		want      string
	}{
		{"up", f(62.5), f(50), "Up 12.5"},
		{"down", f(40), f(42.3), "Down 2.3"},
		{"same", f(40), f(40), "No change"},
		{"float noise", f(0.3), f(0.1), "Up 0.2"},
		{"no score now", nil, f(40), "Cannot compare"},
		{"no score before", f(40), nil, "Cannot compare"},
	}
	for _, tc := range cases {
		if got := Change(tc.cur, tc.prev); got != tc.want {
			t.Errorf("%s: change = %q, want %q", tc.name, got, tc.want)
		}
	}
}

func TestWords(t *testing.T) {
	t.Parallel()
	f := func(v float64) *float64 { return &v }
	cases := []struct{ name, got, want string }{
		{"score", Score(f(54.2)), "54.2"},
		{"whole score keeps its decimal", Score(f(60)), "60.0"},
		{"no score", Score(nil), "Not enough information"},
		{"number drops zeros", Number(37.50), "37.5"},
		{"number rounds to three decimals", Number(1.23456), "1.235"},
		{"percent", Percent(0.375), "37.5%"},
		{"percent rounds", Percent(2.0 / 3), "66.7%"},
		{"percent unit", NumberWithUnit(40, "%"), "40%"},
		{"other unit", NumberWithUnit(4, "meetings"), "4 meetings"},
		{"no unit", NumberWithUnit(4, ""), "4"},
		{"level", Level("established"), "Established"},
		{"unknown level", Level("nope"), "No level"},
		{"date in UTC", Date(time.Date(2026, 1, 1, 23, 30, 0, 0, time.FixedZone("X", -2*3600))), "2 January 2026"},
		{"admin", Role("admin"), "Administrator"},
		{"lead", Role("lead"), "Improvement lead"},
		{"member", Role("member"), "Team member"},
	}
	for _, c := range cases {
		if c.got != c.want {
			t.Errorf("%s: %q, want %q", c.name, c.got, c.want)
		}
	}
}

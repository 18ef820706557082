package report

import (
	"math"
	"strconv"
	"time"

	"vcready/internal/scoring"
)

// NoScore is what a consideration without enough answers shows instead of a score.
const NoScore = "Not enough information"

// Score writes a stored score with its one decimal, or NoScore.
func Score(p *float64) string {
	if p == nil {
		return NoScore
	}
	return strconv.FormatFloat(*p, 'f', 1, 64)
}

// Number writes a number the way people write it: no trailing zeros, at most three
// decimals.
func Number(f float64) string {
	return strconv.FormatFloat(math.Round(f*1000)/1000, 'f', -1, 64)
}

// Percent writes a fraction (0.375) as a percentage with at most one decimal (37.5%).
func Percent(f float64) string {
	return Number(math.Round(f*1000)/10) + "%"
}

// NumberWithUnit writes 37.5% but 4 meetings.
func NumberWithUnit(n float64, unit string) string {
	switch unit {
	case "":
		return Number(n)
	case "%":
		return Number(n) + "%"
	}
	return Number(n) + " " + unit
}

// Change describes the move from prev to cur in words rather than with a sign, which
// screen readers read inconsistently.
func Change(cur, prev *float64) string {
	if cur == nil || prev == nil {
		return "Cannot compare"
	}
	d := scoring.Round(*cur - *prev)
	switch {
	case d > 0:
		return "Up " + Score(&d)
	case d < 0:
		d = -d
		return "Down " + Score(&d)
	}
	return "No change"
}

// Level turns a maturity level key (scoring.Levels) into its label.
func Level(key string) string {
	for _, l := range scoring.Levels {
		if l.Key == key {
			return l.Label
		}
	}
	return "No level"
}

// Date writes a day as people in the UK write it: 2 January 2006 (in UTC, so a
// date never depends on the server's zone).
func Date(t time.Time) string { return t.UTC().Format("2 January 2006") }

// Role names a role key (admin, lead, member) as the product calls it.
func Role(role string) string {
	switch role {
	case "admin":
		return "Administrator"
	case "lead":
		return "Improvement lead"
	}
	return "Team member"
}

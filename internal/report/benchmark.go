package report

import (
	"fmt"

	"vcready/internal/benchmark"
)

// The words for a benchmark, shared by the results page and anything else that
// explains one.

// cohortNames say which other teams a cohort holds, as a selector offers them.
var cohortNames = map[benchmark.Kind]string{
	benchmark.All:          "All teams",
	benchmark.Setting:      "Teams in the same setting",
	benchmark.Specialty:    "Teams in the same specialty",
	benchmark.Nation:       "Teams in the same nation",
	benchmark.Organisation: "Teams in your organisation",
}

// Cohort names a cohort kind ("Teams in the same setting").
func Cohort(k benchmark.Kind) string {
	if s, ok := cohortNames[k]; ok {
		return s
	}
	return string(k)
}

// PercentileRank says what a percentile rank means: "Higher than 62.5% of similar
// teams". Ties count half, so the words say "higher than", not "as high as".
func PercentileRank(p float64) string {
	return "Higher than " + Percent(p/100) + " of similar teams"
}

// NotEnoughTeams explains a suppressed comparison: "Not enough similar teams yet (3
// of the 5 needed)".
func NotEnoughTeams(n int) string {
	return fmt.Sprintf("Not enough similar teams yet (%d of the %d needed)", n, benchmark.MinCohort)
}

// ComparedWith says what a comparison draws on and what others see of the team's
// results, so a team knows what is shared with whom.
func ComparedWith(teams int, ownOrganisationOnly bool) string {
	var s string
	switch teams {
	case 0:
		s = "No other team has results to compare with yet."
	case 1:
		s = "Compared with the latest results of 1 other team."
	default:
		s = fmt.Sprintf("Compared with the latest results of %d other teams.", teams)
	}
	if ownOrganisationOnly {
		s += " Your organisation does not share results with other organisations, so you are compared only with teams in your organisation."
	}
	return s + " Other teams see only summary figures like these, never your answers or your team’s name, and no figure is shown for fewer than " +
		fmt.Sprintf("%d teams.", benchmark.MinCohort)
}

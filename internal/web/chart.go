package web

import (
	"vcready/internal/chart"
)

// radarView is what the radar partial draws.
type radarView struct {
	ID, Title, Desc string
	Radar           chart.Radar
}

// seriesColours: NHS blue for the current result, dark grey (dashed) for an earlier
// one. Both have well over 3:1 contrast with the white background (WCAG 1.4.11), and
// the dash means colour is not the only difference (WCAG 1.4.1).
var seriesColours = []string{"#005eb8", "#4c6272", "#330072"}

func seriesColour(i int) string { return seriesColours[i%len(seriesColours)] }

// ringLabelY places a ring's score label just above where the ring crosses the top axis.
func ringLabelY(r chart.Radar, score float64) float64 {
	return r.Center.Y - r.Radius*score/100 - 3
}

// shortConsiderationLabels fit around a radar chart; the table beside it uses full titles.
var shortConsiderationLabels = map[string]string{
	"equity": "Equity", "pathways": "Pathways", "infrastructure": "Infrastructure",
	"wellbeing": "Wellbeing", "evidence": "Evidence", "shared_learning": "Shared learning",
}

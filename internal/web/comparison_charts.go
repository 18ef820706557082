package web

import (
	"fmt"
	"strings"

	"vcready/internal/assessment"
	"vcready/internal/benchmark"
	"vcready/internal/chart"
	"vcready/internal/report"
	"vcready/internal/scoring"
)

// spreadView is the box plot of each consideration's scores across the compared
// teams, with a table of the same numbers.
type spreadView struct {
	Plot chart.BoxPlot
	Desc string
	Rows []spreadRow
	Any  bool // at least one consideration has enough teams to show
}

type spreadRow struct {
	Title, N, P25, Median, P75 string
	Suppressed                 bool
}

func newSpreadView(ds []assessment.Distribution, titles map[string]string) spreadView {
	var v spreadView
	var boxes []chart.Box
	var described []string
	for _, d := range ds {
		title := titles[d.Key]
		short := shortConsiderationLabels[d.Key]
		if short == "" {
			short = title
		}
		boxes = append(boxes, chart.Box{Label: short, Suppressed: d.Suppressed, P25: d.P25, Median: d.Median, P75: d.P75})
		row := spreadRow{Title: title, N: itoa(d.N), Suppressed: d.Suppressed}
		if !d.Suppressed {
			v.Any = true
			row.P25, row.Median, row.P75 = report.Score(&d.P25), report.Score(&d.Median), report.Score(&d.P75)
			described = append(described, fmt.Sprintf("%s: median %s, middle half %s to %s", title, row.Median, row.P25, row.P75))
		} else {
			described = append(described, title+": fewer than "+itoa(benchmark.MinCohort)+" teams, not shown")
		}
		v.Rows = append(v.Rows, row)
	}
	v.Plot = chart.NewBoxPlot(640, boxes)
	v.Desc = "Each box spans the middle half of the teams' scores (lower to upper quartile), with a line at the median. " +
		strings.Join(described, ". ") + "."
	return v
}

// trendView is the line chart of the organisation's quarterly median overall score,
// with a table of every quarter (suppressed ones with their team count only).
type trendView struct {
	Line chart.Line
	Desc string
	Rows []trendRow
	Any  bool // at least one quarter has a median to draw
	// Titles head the consideration columns of the table.
	Titles []string
}

// medianText is a quarter's median of consideration k, or why there is none.
func medianText(ms map[string]float64, k string) string {
	m, ok := ms[k]
	if !ok {
		return "Fewer than " + itoa(benchmark.MinCohort) + " teams"
	}
	return report.Score(&m)
}

type trendRow struct {
	Period, N, Overall string
	Suppressed         bool
	// Cells are the consideration medians in Titles' order ("" when left out).
	Cells []string
}

func newTrendView(t assessment.Trend, keys []string, titles map[string]string) trendView {
	v := trendView{}
	for _, k := range keys {
		v.Titles = append(v.Titles, titles[k])
	}
	var pts []chart.LinePoint
	var described []string
	for _, p := range t.Periods {
		row := trendRow{Period: quarterLabel(p.Period), N: itoa(p.N), Suppressed: p.Suppressed}
		pts = append(pts, chart.LinePoint{Label: p.Period, Value: p.Overall})
		switch {
		case p.Suppressed:
			described = append(described, row.Period+": fewer than "+itoa(benchmark.MinCohort)+" teams, not shown")
		case p.Overall == nil:
			row.Overall = report.NoScore
		default:
			v.Any = true
			row.Overall = report.Score(p.Overall)
			described = append(described, row.Period+": "+row.Overall)
		}
		if !p.Suppressed {
			for _, k := range keys {
				row.Cells = append(row.Cells, medianText(p.Considerations, k))
			}
		}
		v.Rows = append(v.Rows, row)
	}
	v.Line = chart.NewLine(640, 240, pts)
	v.Desc = "Median overall score of the organisation's teams by quarter. " + strings.Join(described, ". ") + "."
	return v
}

// quarterLabel writes "2026-Q4" as "October to December 2026".
func quarterLabel(period string) string {
	var year, q int
	if _, err := fmt.Sscanf(period, "%d-Q%d", &year, &q); err != nil || q < 1 || q > 4 {
		return period
	}
	months := [...]string{"January to March", "April to June", "July to September", "October to December"}
	return fmt.Sprintf("%s %d", months[q-1], year)
}

// levelKey is the maturity level of a score.
func levelKey(score float64) string { return scoring.LevelOf(score).Key }

package chart

import "strings"

// LinePoint is one period of a line chart: its label and value (0..100), nil when
// there is none to show (a suppressed quarter), which breaks the line.
type LinePoint struct {
	Label string
	Value *float64
}

// Line is the geometry of a line chart of scores (0..100) over periods.
type Line struct {
	Width, Height float64
	// Left, Right, Top and Bottom bound the plot area (Top is score 100, Bottom 0).
	Left, Right, Top, Bottom float64
	YTicks                   []Tick // along y: At is the y of the score
	XLabels                  []LineLabel
	// Segments are polyline point lists: a run of periods with values. A lone value
	// between gaps is a segment of one point, drawn as its marker alone.
	Segments []string
	Markers  []Point
}

// LineLabel is a period's label at its x.
type LineLabel struct {
	Text string
	X    float64
}

// NewLine lays out points evenly from left to right in a chart of the given size.
func NewLine(width, height float64, points []LinePoint) Line {
	l := Line{Width: width, Height: height, Left: 40, Right: width - 20, Top: 12, Bottom: height - 32}
	for _, s := range []float64{0, 25, 50, 75, 100} {
		l.YTicks = append(l.YTicks, Tick{Score: s, At: l.y(s)})
	}
	var run []Point
	flush := func() {
		if len(run) > 0 {
			l.Segments = append(l.Segments, polygon(run))
			run = nil
		}
	}
	for i, p := range points {
		x := l.x(i, len(points))
		l.XLabels = append(l.XLabels, LineLabel{Text: p.Label, X: x})
		if p.Value == nil {
			flush()
			continue
		}
		pt := Point{x, l.y(*p.Value)}
		run = append(run, pt)
		l.Markers = append(l.Markers, pt)
	}
	flush()
	return l
}

// HasLine reports whether any segment joins two points.
func (l Line) HasLine() bool {
	for _, s := range l.Segments {
		if strings.Contains(s, " ") {
			return true
		}
	}
	return false
}

// x spreads n periods across the plot; a single period sits in the middle.
func (l Line) x(i, n int) float64 {
	if n <= 1 {
		return round2((l.Left + l.Right) / 2)
	}
	return round2(l.Left + (l.Right-l.Left)*float64(i)/float64(n-1))
}

func (l Line) y(score float64) float64 {
	score = min(max(score, 0), 100)
	return round2(l.Bottom - (l.Bottom-l.Top)*score/100)
}

// AxisLabelY is where period labels sit, under the plot.
func (l Line) AxisLabelY() float64 { return l.Bottom + 20 }

package chart

// Box is one row of a box plot: the quartiles of a group of scores (0..100). There
// are no whiskers: a group's minimum or maximum is one team's score, so it is never
// drawn. A suppressed group (too few teams) is a labelled row with no box.
type Box struct {
	Label            string
	Suppressed       bool
	P25, Median, P75 float64
}

// BoxPlot is the geometry of a horizontal box plot, one row per group, on a 0..100
// axis.
type BoxPlot struct {
	Width, Height float64
	// Left and Right are the x of scores 0 and 100; labels sit left of Left.
	Left, Right float64
	Ticks       []Tick
	Rows        []BoxRow
}

// Tick is an axis mark at a score, with its position along the axis.
type Tick struct {
	Score float64
	At    float64
}

// BoxRow is one group laid out: Y is the row's centre line, X25/XMedian/X75 the
// quartiles' x (zero when suppressed).
type BoxRow struct {
	Box
	Y, Top, BoxHeight float64
	X25, XMedian, X75 float64
}

// Box plot layout, in chart units.
const (
	boxRowHeight = 36
	boxLabelRoom = 150
	boxAxisRoom  = 30
)

// NewBoxPlot lays out boxes in a chart of the given width.
func NewBoxPlot(width float64, boxes []Box) BoxPlot {
	b := BoxPlot{Width: width, Height: float64(len(boxes))*boxRowHeight + boxAxisRoom,
		Left: boxLabelRoom, Right: width - 16}
	for _, s := range []float64{0, 25, 50, 75, 100} {
		b.Ticks = append(b.Ticks, Tick{Score: s, At: b.x(s)})
	}
	for i, box := range boxes {
		y := float64(i)*boxRowHeight + boxRowHeight/2
		row := BoxRow{Box: box, Y: y, Top: y - 10, BoxHeight: 20}
		if !box.Suppressed {
			row.X25, row.XMedian, row.X75 = b.x(box.P25), b.x(box.Median), b.x(box.P75)
		}
		b.Rows = append(b.Rows, row)
	}
	return b
}

// AxisY is where the score axis runs, below the last row.
func (b BoxPlot) AxisY() float64 { return b.Height - boxAxisRoom + 4 }

// x is the position of a score, clamped to 0..100.
func (b BoxPlot) x(score float64) float64 {
	score = min(max(score, 0), 100)
	return round2(b.Left + (b.Right-b.Left)*score/100)
}

// BoxWidth is the width of the row's box, from lower to upper quartile.
func (r BoxRow) BoxWidth() float64 { return round2(r.X75 - r.X25) }

// Bottom is the y of the box's lower edge.
func (r BoxRow) Bottom() float64 { return r.Top + r.BoxHeight }

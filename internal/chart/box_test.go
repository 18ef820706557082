package chart

import (
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestBoxPlotGeometry(t *testing.T) {
	t.Parallel()
	// Width 366: scores run from x 150 to x 350, so 1 point is 2 units.
	b := NewBoxPlot(366, []Box{
		{Label: "Equity", P25: 25, Median: 50, P75: 80},
		{Label: "Pathways", Suppressed: true},
		{Label: "Wild", P25: -5, Median: 50, P75: 120},
	})
	if b.Left != 150 || b.Right != 350 || b.Height != 3*36+30 {
		t.Fatalf("left %v right %v height %v", b.Left, b.Right, b.Height)
	}
	if diff := cmp.Diff([]Tick{{0, 150}, {25, 200}, {50, 250}, {75, 300}, {100, 350}}, b.Ticks); diff != "" {
		t.Errorf("ticks (-want +got):\n%s", diff)
	}
	r := b.Rows[0]
	if r.X25 != 200 || r.XMedian != 250 || r.X75 != 310 || r.Y != 18 || r.Top != 8 {
		t.Errorf("row 0 = %+v", r)
	}
	if s := b.Rows[1]; !s.Suppressed || s.X25 != 0 || s.XMedian != 0 || s.Y != 54 {
		t.Errorf("suppressed row = %+v, want no box", s)
	}
	if w := b.Rows[2]; w.X25 != 150 || w.X75 != 350 {
		t.Errorf("clamped row = %+v, want 150..350", w)
	}
}

func TestLineGeometry(t *testing.T) {
	t.Parallel()
	// Plot from x 40 to 240 and y 112 (0) up to 12 (100): 1 point is 1 unit in y.
	l := NewLine(260, 144, []LinePoint{{"2026-Q1", f(10)}, {"2026-Q2", f(60)}, {"2026-Q3", nil}, {"2026-Q4", f(100)}})
	wantX := []float64{40, 106.67, 173.33, 240}
	for i, lab := range l.XLabels {
		if lab.X != wantX[i] {
			t.Errorf("label %d x = %v, want %v", i, lab.X, wantX[i])
		}
	}
	// The gap breaks the line: Q1-Q2 is a segment, Q4 a lone point.
	if diff := cmp.Diff([]string{"40,102 106.67,52", "240,12"}, l.Segments); diff != "" {
		t.Errorf("segments (-want +got):\n%s", diff)
	}
	if len(l.Markers) != 3 || !l.HasLine() {
		t.Errorf("markers %v, has line %v", l.Markers, l.HasLine())
	}
	one := NewLine(260, 144, []LinePoint{{"2026-Q4", f(50)}})
	if one.Markers[0] != (Point{140, 62}) || one.HasLine() {
		t.Errorf("single period: %+v", one)
	}
}

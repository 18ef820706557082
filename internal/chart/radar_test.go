package chart

import (
	"math"
	"testing"
)

func f(v float64) *float64 { return &v }

func TestRadarGeometry(t *testing.T) {
	t.Parallel()
	r := NewRadar(400, []string{"A", "B", "C", "D"}, []Series{{Name: "s", Values: []*float64{f(100), f(50), nil, f(150)}}})
	if r.Center != (Point{200, 200}) || r.Radius != 128 {
		t.Fatalf("centre %v radius %v", r.Center, r.Radius)
	}
	// Axis 0 points up, axis 1 right, axis 2 down, axis 3 left.
	want := []Point{{200, 72}, {328, 200}, {200, 328}, {72, 200}}
	for i, a := range r.Axes {
		if a.End != want[i] {
			t.Errorf("axis %d end = %v, want %v", i, a.End, want[i])
		}
	}
	if r.Axes[1].Anchor != "start" || r.Axes[3].Anchor != "end" || r.Axes[0].Anchor != "middle" {
		t.Errorf("anchors = %s %s %s", r.Axes[0].Anchor, r.Axes[1].Anchor, r.Axes[3].Anchor)
	}
	m := r.Shapes[0].Markers
	// 100 at the rim, 50 halfway, nil at the centre, 150 clamped to the rim.
	wantM := []Point{{200, 72}, {264, 200}, {200, 200}, {72, 200}}
	for i := range m {
		if math.Abs(m[i].X-wantM[i].X) > 0.01 || math.Abs(m[i].Y-wantM[i].Y) > 0.01 {
			t.Errorf("marker %d = %v, want %v", i, m[i], wantM[i])
		}
	}
	if len(r.Rings) != 4 || r.Rings[3].Score != 100 {
		t.Errorf("rings = %+v", r.Rings)
	}
}

// Package chart computes the geometry of vcready's charts. It draws nothing itself:
// the web layer turns the geometry into SVG (and a PDF encoder can reuse it), and
// every chart is shown with a table of the same numbers.
package chart

import (
	"fmt"
	"math"
	"strings"
)

// Point is a position in chart units (SVG user space: y grows downwards).
type Point struct{ X, Y float64 }

// Series is one shape on a radar chart: one value per axis, 0..100, nil where there is
// no score (drawn at the centre, and marked in the table).
type Series struct {
	Name   string
	Values []*float64
}

// Radar is the geometry of a radar chart with one axis per consideration.
type Radar struct {
	Size   float64
	Center Point
	Radius float64
	Axes   []RadarAxis
	Rings  []RadarRing // at 25, 50, 75 and 100: the maturity level boundaries
	Shapes []RadarShape
}

// RadarAxis is one spoke with its label.
type RadarAxis struct {
	Label  string
	End    Point
	LabelP Point
	Anchor string // SVG text-anchor: start, middle or end
}

// RadarRing is a grid ring at a score.
type RadarRing struct {
	Score  float64
	Points string // SVG polygon points
}

// RadarShape is one series drawn as a polygon with a marker at each value.
type RadarShape struct {
	Name    string
	Points  string
	Markers []Point
}

// NewRadar lays out a radar chart of the given size (a square) for axes and series.
func NewRadar(size float64, axes []string, series []Series) Radar {
	r := Radar{Size: size, Center: Point{size / 2, size / 2}, Radius: size * 0.32}
	for i, label := range axes {
		end := r.at(i, len(axes), 100)
		lp := r.at(i, len(axes), 118)
		r.Axes = append(r.Axes, RadarAxis{Label: label, End: end, LabelP: lp, Anchor: anchor(lp.X, r.Center.X)})
	}
	for _, score := range []float64{25, 50, 75, 100} {
		var pts []Point
		for i := range axes {
			pts = append(pts, r.at(i, len(axes), score))
		}
		r.Rings = append(r.Rings, RadarRing{Score: score, Points: polygon(pts)})
	}
	for _, s := range series {
		var pts []Point
		for i := range axes {
			v := 0.0
			if i < len(s.Values) && s.Values[i] != nil {
				v = math.Max(0, math.Min(100, *s.Values[i]))
			}
			pts = append(pts, r.at(i, len(axes), v))
		}
		r.Shapes = append(r.Shapes, RadarShape{Name: s.Name, Points: polygon(pts), Markers: pts})
	}
	return r
}

// at is the point for score on axis i of n; axis 0 points straight up.
func (r Radar) at(i, n int, score float64) Point {
	angle := -math.Pi/2 + 2*math.Pi*float64(i)/float64(n)
	d := r.Radius * score / 100
	return Point{round2(r.Center.X + d*math.Cos(angle)), round2(r.Center.Y + d*math.Sin(angle))}
}

func anchor(x, cx float64) string {
	switch {
	case x < cx-1:
		return "end"
	case x > cx+1:
		return "start"
	}
	return "middle"
}

func polygon(pts []Point) string {
	parts := make([]string, len(pts))
	for i, p := range pts {
		parts[i] = fmt.Sprintf("%g,%g", p.X, p.Y)
	}
	return strings.Join(parts, " ")
}

func round2(f float64) float64 { return math.Round(f*100) / 100 }

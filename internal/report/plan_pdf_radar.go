package report

import (
	"codeberg.org/go-pdf/fpdf"

	"vcready/internal/chart"
)

// radar draws the team's scores as a radar chart of pdfRadarSize at (x, y): the rings
// at the level boundaries, a spoke per consideration with its title, and the team's
// polygon. The geometry is the results page's (chart.NewRadar), in millimetres.
func (p *planPDF) radar(d PlanDocument, x, y float64) {
	if len(d.Scores) < 3 {
		return // two axes make a line, not a chart; the table says it all
	}
	axes := make([]string, len(d.Scores))
	values := make([]*float64, len(d.Scores))
	for i, s := range d.Scores {
		axes[i], values[i] = s.Title, s.Score
	}
	r := chart.NewRadar(pdfRadarSize, axes, []chart.Series{{Name: d.Team, Values: values}})
	at := func(pt chart.Point) fpdf.PointType { return fpdf.PointType{X: x + pt.X, Y: y + pt.Y} }

	p.SetLineWidth(0.2)
	p.SetDrawColor(190, 190, 190)
	for _, ring := range r.Rings {
		p.Polygon(ringPoints(r, ring.Score, at), "D")
	}
	c := at(r.Center)
	for _, a := range r.Axes {
		end := at(a.End)
		p.Line(c.X, c.Y, end.X, end.Y)
	}
	p.radarLabels(r, at)
	for _, s := range r.Shapes {
		pts := make([]fpdf.PointType, len(s.Markers))
		for i, m := range s.Markers {
			pts[i] = at(m)
		}
		p.SetDrawColor(0, 94, 184) // NHS blue, as on the results page
		p.SetFillColor(204, 223, 241)
		p.SetLineWidth(0.6)
		p.Polygon(pts, "DF")
		p.SetFillColor(0, 94, 184)
		for _, pt := range pts {
			p.Circle(pt.X, pt.Y, 0.9, "F")
		}
	}
	p.SetLineWidth(0.2)
	p.SetDrawColor(0, 0, 0)
}

// ringPoints are the corners of the ring at score: on each spoke, that share of the
// way from the centre to the spoke's end (chart.RadarRing holds them as SVG text).
func ringPoints(r chart.Radar, score float64, at func(chart.Point) fpdf.PointType) []fpdf.PointType {
	pts := make([]fpdf.PointType, len(r.Axes))
	for i, a := range r.Axes {
		pts[i] = at(chart.Point{
			X: r.Center.X + (a.End.X-r.Center.X)*score/100,
			Y: r.Center.Y + (a.End.Y-r.Center.Y)*score/100,
		})
	}
	return pts
}

// radarLabels writes each spoke's title beyond its end, wrapped to pdfRadarLabel and
// aligned as the SVG's text-anchor says: above the top spoke, below the bottom one,
// centred on the others.
func (p *planPDF) radarLabels(r chart.Radar, at func(chart.Point) fpdf.PointType) {
	const lh = 2.9
	p.SetFont(pdfFontFamily, "", 7)
	p.SetTextColor(60, 60, 60)
	for _, a := range r.Axes {
		lines := p.SplitText(p.txt(a.Label), pdfRadarLabel)
		pt := at(a.LabelP)
		block := float64(len(lines)-1) * lh
		y := pt.Y + 1 - block/2 // baseline of the first line
		switch {
		case a.Anchor == "middle" && a.LabelP.Y < r.Center.Y:
			y = pt.Y - block
		case a.Anchor == "middle":
			y = pt.Y + 2.4
		}
		for i, line := range lines {
			w := p.GetStringWidth(line)
			x := pt.X
			switch a.Anchor {
			case "end":
				x -= w
			case "middle":
				x -= w / 2
			}
			p.Text(x, y+float64(i)*lh, line)
		}
	}
	p.SetTextColor(0, 0, 0)
}

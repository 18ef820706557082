package web

import (
	"errors"
	"fmt"
	"strings"

	"github.com/labstack/echo/v4"

	"vcready/internal/apperr"
	"vcready/internal/assessment"
	"vcready/internal/benchmark"
	"vcready/internal/report"
	"vcready/internal/scoring"
)

// "How you compare" on the results page: each consideration's score against the
// quartiles of a cohort of other teams (SCORING.md "Benchmark"), as a small chart and
// a table of the same numbers, with a cohort selector that is a plain GET form.

// compareView is the "How you compare" section.
type compareView struct {
	Action      string
	Options     []cohortOption
	CohortName  string
	Note        string
	Unavailable bool
	Rows        []compareRow
	Chart       compareChart
}

type cohortOption struct {
	Value, Label string
	Selected     bool
}

// compareRow is one consideration: the figures are nil when suppressed.
type compareRow struct {
	Key, Title       string
	Score            *float64
	N                int
	Suppressed       bool
	NotEnough        string // why there is no comparison, when suppressed
	Percentile       string // in words
	Median, P25, P75 *float64
	Y                float64 // chart geometry from here on
	BandX, BandW     float64
	MedianX, OwnX    float64
	OwnMark          string // the diamond's points
}

// compareChart is the chart's frame: size, scale and an accessible name.
type compareChart struct {
	Width, Height float64
	Left, Right   float64
	Ticks         []compareTick
	Title, Desc   string
}

type compareTick struct {
	X     float64
	Label string
}

const (
	compareWidth  = 680
	compareLeft   = 210 // room for the area names ("Evidence and measurement")
	compareRight  = 660
	compareTop    = 30
	compareRowGap = 40
)

// scaleX places a score (0..100) on the chart.
func scaleX(score float64) float64 {
	return compareLeft + (compareRight-compareLeft)*score/100
}

// cohortParam reads ?cohort= for a page: anything unknown is all teams, the default.
func cohortParam(c echo.Context) benchmark.Kind {
	if k, ok := benchmark.ParseKind(c.QueryParam("cohort")); ok {
		return k
	}
	return benchmark.All
}

// compareFor builds the section for a submitted assessment. A store that cannot
// benchmark leaves the section saying so rather than failing the whole page.
func (s *Server) compareFor(c echo.Context, ac *assessmentContext) (*compareView, error) {
	kind := cohortParam(c)
	b, err := s.deps.Assessments.Benchmark(c.Request().Context(), ac.p, ac.a.ID, kind)
	if errors.Is(err, apperr.ErrUnavailable) {
		return newCompareView(ac, kind, nil), nil
	}
	if err != nil {
		return nil, err
	}
	return newCompareView(ac, kind, b), nil
}

// newCompareView is the section for benchmark b of kind; nil b is unavailable.
func newCompareView(ac *assessmentContext, kind benchmark.Kind, b *assessment.Benchmark) *compareView {
	v := &compareView{Action: "/assessments/" + ac.a.ID + "/results", CohortName: report.Cohort(kind)}
	for _, k := range benchmark.Kinds {
		v.Options = append(v.Options, cohortOption{Value: string(k), Label: report.Cohort(k), Selected: k == kind})
	}
	if b == nil {
		v.Unavailable = true
		return v
	}
	v.Note = report.ComparedWith(b.Teams, b.OwnOrganisationOnly)
	for i, bc := range b.Considerations {
		v.Rows = append(v.Rows, newCompareRow(considerationTitle(ac, bc.Key), bc, i))
	}
	v.Chart = newCompareChart(v)
	return v
}

func newCompareRow(title string, bc assessment.BenchmarkConsideration, i int) compareRow {
	r := compareRow{Key: bc.Key, Title: title, Score: bc.Score, N: bc.N, Suppressed: bc.Suppressed,
		Y: compareTop + compareRowGap*float64(i) + compareRowGap/2}
	if bc.Suppressed {
		r.NotEnough = report.NotEnoughTeams(bc.N)
		return r
	}
	r.Median, r.P25, r.P75 = rounded(bc.Median), rounded(bc.P25), rounded(bc.P75)
	r.BandX, r.BandW, r.MedianX = scaleX(*bc.P25), scaleX(*bc.P75)-scaleX(*bc.P25), scaleX(*bc.Median)
	if bc.Percentile != nil {
		r.Percentile = report.PercentileRank(*bc.Percentile)
	}
	if bc.Score != nil {
		r.OwnX = scaleX(*bc.Score)
		r.OwnMark = fmt.Sprintf("%.1f,%.1f %.1f,%.1f %.1f,%.1f %.1f,%.1f", r.OwnX, r.Y-9, r.OwnX+9, r.Y, r.OwnX, r.Y+9, r.OwnX-9, r.Y)
	}
	return r
}

func rounded(x *float64) *float64 {
	if x == nil {
		return nil
	}
	r := scoring.Round(*x)
	return &r
}

func newCompareChart(v *compareView) compareChart {
	ch := compareChart{Width: compareWidth, Height: compareTop + compareRowGap*float64(len(v.Rows)) + 10,
		Left: compareLeft, Right: compareRight,
		Title: "Your score in each area against " + strings.ToLower(v.CohortName)}
	for _, t := range []float64{0, 25, 50, 75, 100} {
		ch.Ticks = append(ch.Ticks, compareTick{X: scaleX(t), Label: report.Number(t)})
	}
	parts := []string{"Each area on a scale from 0 to 100: a band for the middle half of similar teams (25th to 75th percentile), a line for their median and a diamond for your score."}
	for _, r := range v.Rows {
		switch {
		case r.Suppressed:
			parts = append(parts, fmt.Sprintf("%s: your score %s; %s.", r.Title, strings.ToLower(report.Score(r.Score)), strings.ToLower(r.NotEnough)))
		default:
			parts = append(parts, fmt.Sprintf("%s: your score %s; middle half %s to %s, median %s.", r.Title,
				strings.ToLower(report.Score(r.Score)), report.Score(r.P25), report.Score(r.P75), report.Score(r.Median)))
		}
	}
	ch.Desc = strings.Join(append(parts, "The table below gives the same numbers."), " ")
	return ch
}

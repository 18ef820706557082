package api

import (
	"net/http"
	"strings"

	"github.com/labstack/echo/v4"

	"vcready/internal/apperr"
	"vcready/internal/assessment"
	"vcready/internal/benchmark"
	"vcready/internal/scoring"
)

// The benchmark endpoint of the JSON API (API.md): how a submitted assessment
// compares with other teams' latest results (SCORING.md "Benchmark").

func (s *server) routesBenchmarks(g *echo.Group) {
	g.GET("/assessments/:id/benchmark", s.handleBenchmarkGet)
}

// benchmarkJSON is GET /assessments/{id}/benchmark. A suppressed consideration has no
// percentile, median or quartiles at all (not zeros), so a client cannot show them
// by mistake; percentile is also absent when the assessment has no score for it.
// Figures are computed from full-precision scores and rounded to one decimal.
type benchmarkJSON struct {
	Cohort         string                       `json:"cohort"`
	Considerations []benchmarkConsiderationJSON `json:"considerations"`
}

type benchmarkConsiderationJSON struct {
	Key        string   `json:"key"`
	Score      *float64 `json:"score"`
	N          int      `json:"n"`
	Suppressed bool     `json:"suppressed"`
	Percentile *float64 `json:"percentile,omitempty"`
	Median     *float64 `json:"median,omitempty"`
	P25        *float64 `json:"p25,omitempty"`
	P75        *float64 `json:"p75,omitempty"`
}

func newBenchmarkJSON(b *assessment.Benchmark) benchmarkJSON {
	return benchmarkJSON{Cohort: string(b.Cohort), Considerations: listJSON(b.Considerations,
		func(c assessment.BenchmarkConsideration) benchmarkConsiderationJSON {
			return benchmarkConsiderationJSON{Key: c.Key, Score: c.Score, N: c.N, Suppressed: c.Suppressed,
				Percentile: rounded(c.Percentile), Median: rounded(c.Median), P25: rounded(c.P25), P75: rounded(c.P75)}
		})}
}

// rounded is x to one decimal, as scores are shown; the figure itself was computed
// from full-precision scores.
func rounded(x *float64) *float64 {
	if x == nil {
		return nil
	}
	r := scoring.Round(*x)
	return &r
}

// cohortParam reads ?cohort=, all when absent.
func cohortParam(c echo.Context) (benchmark.Kind, error) {
	v := c.QueryParam("cohort")
	if v == "" {
		return benchmark.All, nil
	}
	kind, ok := benchmark.ParseKind(v)
	if !ok {
		names := make([]string, len(benchmark.Kinds))
		for i, k := range benchmark.Kinds {
			names[i] = string(k)
		}
		return "", apperr.Invalid("Unknown cohort", apperr.FieldProblem{Field: "cohort",
			Problem: "must be one of " + strings.Join(names, ", ")})
	}
	return kind, nil
}

func (s *server) handleBenchmarkGet(c echo.Context) error {
	p, err := requireUser(c)
	if err != nil {
		return err
	}
	kind, err := cohortParam(c)
	if err != nil {
		return err
	}
	b, err := s.deps.Assessments.Benchmark(c.Request().Context(), p, c.Param("id"), kind)
	if err != nil {
		return err
	}
	return c.JSON(http.StatusOK, newBenchmarkJSON(b))
}

package api

import (
	"net/http"
	"time"

	"github.com/labstack/echo/v4"

	"vcready/internal/assessment"
	"vcready/internal/scoring"
)

// The organisation views for its leads: its teams side by side (comparison) and its
// quarterly medians (trend).

func (s *server) routesComparison(g *echo.Group) {
	g.GET("/organisations/:id/comparison", s.handleComparisonGet)
	g.GET("/organisations/:id/trend", s.handleTrendGet)
}

// comparisonJSON is API.md's comparison: every team matching the filters, with its
// latest submitted assessment. A team with none is listed with null assessment
// fields, so a lead sees which teams have not submitted.
type comparisonJSON struct {
	OrganisationID string               `json:"organisation_id"`
	Teams          []comparisonTeamJSON `json:"teams"`
}

type comparisonTeamJSON struct {
	TeamID    string `json:"team_id"`
	Name      string `json:"name"`
	Setting   string `json:"setting"`
	Specialty string `json:"specialty"`
	Nation    string `json:"nation"`
	submittedJSON
	Previous *submittedJSON `json:"previous"`
	Change   *changeJSON    `json:"change"`
}

// submittedJSON is one submitted assessment's stored scores; considerations map key to
// score, null when insufficient. Every field is null for a team without one.
type submittedJSON struct {
	AssessmentID   *string             `json:"assessment_id"`
	SubmittedAt    *time.Time          `json:"submitted_at"`
	Overall        *float64            `json:"overall"`
	Considerations map[string]*float64 `json:"considerations"`
}

type changeJSON struct {
	Overall        *float64           `json:"overall"`
	Considerations map[string]float64 `json:"considerations"`
}

func newSubmittedJSON(sub *assessment.Submitted) submittedJSON {
	if sub == nil {
		return submittedJSON{}
	}
	return submittedJSON{AssessmentID: &sub.AssessmentID, SubmittedAt: &sub.SubmittedAt,
		Overall: sub.Scores.Overall, Considerations: considerationScores(sub.Scores)}
}

func considerationScores(r scoring.Result) map[string]*float64 {
	m := make(map[string]*float64, len(r.Considerations))
	for _, c := range r.Considerations {
		m[c.Key] = c.Score
	}
	return m
}

func newComparisonTeamJSON(row assessment.ComparisonRow) comparisonTeamJSON {
	t := row.Team
	out := comparisonTeamJSON{TeamID: t.ID, Name: t.Name, Setting: t.Setting, Specialty: t.Specialty,
		Nation: t.Nation, submittedJSON: newSubmittedJSON(row.Latest)}
	if row.Previous != nil {
		prev := newSubmittedJSON(row.Previous)
		out.Previous = &prev
	}
	if row.Change != nil {
		out.Change = &changeJSON{Overall: row.Change.Overall, Considerations: row.Change.Considerations}
	}
	return out
}

// handleComparisonGet compares the organisation's teams, filtered by setting,
// specialty and nation (vocabulary keys; an unknown key is 422 naming the field).
func (s *server) handleComparisonGet(c echo.Context) error {
	p, err := requireUser(c)
	if err != nil {
		return err
	}
	cmp, err := s.deps.Assessments.Compare(c.Request().Context(), p, c.Param("id"), comparisonFilter(c))
	if err != nil {
		return err
	}
	return c.JSON(http.StatusOK, comparisonJSON{OrganisationID: cmp.OrganisationID,
		Teams: listJSON(cmp.Teams, newComparisonTeamJSON)})
}

// comparisonFilter reads the comparison's filters from the query; the service checks
// the keys.
func comparisonFilter(c echo.Context) assessment.ComparisonFilter {
	return assessment.ComparisonFilter{Setting: c.QueryParam("setting"), Specialty: c.QueryParam("specialty"),
		Nation: c.QueryParam("nation")}
}

// trendJSON is SCORING.md "Trend": a suppressed period carries n only.
type trendJSON struct {
	OrganisationID string       `json:"organisation_id"`
	Periods        []periodJSON `json:"periods"`
}

type periodJSON struct {
	Period         string             `json:"period"`
	N              int                `json:"n"`
	Suppressed     bool               `json:"suppressed"`
	Overall        *float64           `json:"overall,omitempty"`
	Considerations map[string]float64 `json:"considerations,omitempty"`
}

func newPeriodJSON(p assessment.Period) periodJSON {
	return periodJSON{Period: p.Period, N: p.N, Suppressed: p.Suppressed, Overall: p.Overall, Considerations: p.Considerations}
}

// handleTrendGet returns the organisation's quarterly medians.
func (s *server) handleTrendGet(c echo.Context) error {
	p, err := requireUser(c)
	if err != nil {
		return err
	}
	tr, err := s.deps.Assessments.Trend(c.Request().Context(), p, c.Param("id"))
	if err != nil {
		return err
	}
	return c.JSON(http.StatusOK, trendJSON{OrganisationID: tr.OrganisationID, Periods: listJSON(tr.Periods, newPeriodJSON)})
}

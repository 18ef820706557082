package api

import (
	"net/http"
	"time"

	"github.com/labstack/echo/v4"

	"vcready/internal/assessment"
)

// The team endpoints: an organisation's teams, and one team.

func (s *server) routesTeams(g *echo.Group) {
	g.POST("/organisations/:id/teams", s.handleTeamCreate)
	g.GET("/organisations/:id/teams", s.handleTeamList)
	g.GET("/teams/:id", s.handleTeamGet)
}

type teamRequest struct {
	Name      string `json:"name" validate:"required,max=120"`
	Setting   string `json:"setting" validate:"required"`
	Specialty string `json:"specialty" validate:"required"`
	Nation    string `json:"nation" validate:"required"`
}

// teamJSON is a team as the API shows it (API.md: {id, organisation_id, name,
// setting, specialty, nation}); the attributes are vocabulary keys.
type teamJSON struct {
	ID             string    `json:"id"`
	OrganisationID string    `json:"organisation_id"`
	Name           string    `json:"name"`
	Setting        string    `json:"setting"`
	Specialty      string    `json:"specialty"`
	Nation         string    `json:"nation"`
	CreatedAt      time.Time `json:"created_at"`
}

func newTeamJSON(t assessment.Team) teamJSON {
	return teamJSON{ID: t.ID, OrganisationID: t.OrganisationID, Name: t.Name, Setting: t.Setting,
		Specialty: t.Specialty, Nation: t.Nation, CreatedAt: t.CreatedAt}
}

func (s *server) handleTeamCreate(c echo.Context) error {
	p, err := requireUser(c)
	if err != nil {
		return err
	}
	var req teamRequest
	if err := bindJSON(c, &req); err != nil {
		return err
	}
	team, err := s.deps.Assessments.CreateTeam(c.Request().Context(), p, c.Param("id"),
		assessment.TeamInput{Name: req.Name, Setting: req.Setting, Specialty: req.Specialty, Nation: req.Nation})
	if err != nil {
		return err
	}
	return c.JSON(http.StatusCreated, newTeamJSON(team))
}

func (s *server) handleTeamList(c echo.Context) error {
	p, err := requireUser(c)
	if err != nil {
		return err
	}
	teams, err := s.deps.Assessments.ListTeams(c.Request().Context(), p, c.Param("id"))
	if err != nil {
		return err
	}
	return c.JSON(http.StatusOK, listJSON(teams, newTeamJSON))
}

func (s *server) handleTeamGet(c echo.Context) error {
	p, err := requireUser(c)
	if err != nil {
		return err
	}
	team, err := s.deps.Assessments.GetTeam(c.Request().Context(), p, c.Param("id"))
	if err != nil {
		return err
	}
	return c.JSON(http.StatusOK, newTeamJSON(team))
}

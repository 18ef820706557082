package web

import (
	"net/http"
	"time"

	"github.com/labstack/echo/v4"

	"vcready/internal/assessment"
	"vcready/internal/auth"
)

type tokenRequest struct {
	Email    string `json:"email" validate:"required"`
	Password string `json:"password" validate:"required"`
}

type tokenResponse struct {
	Token     string    `json:"token"`
	ExpiresAt time.Time `json:"expires_at"`
}

// handleAPITokenCreate exchanges an email and password for an API token.
func (s *Server) handleAPITokenCreate(c echo.Context) error {
	var req tokenRequest
	if err := bindJSON(c, &req); err != nil {
		return err
	}
	token, expires, err := s.deps.Accounts.CreateToken(c.Request().Context(), req.Email, req.Password, c.RealIP())
	if err != nil {
		return err
	}
	return c.JSON(http.StatusCreated, tokenResponse{Token: token, ExpiresAt: expires.UTC()})
}

// userJSON is a user as the API shows it: never a password hash.
type userJSON struct {
	ID             string    `json:"id"`
	Email          string    `json:"email"`
	Name           string    `json:"name"`
	Role           auth.Role `json:"role"`
	OrganisationID *string   `json:"organisation_id"`
	TeamID         *string   `json:"team_id"`
	CreatedAt      time.Time `json:"created_at"`
}

func newUserJSON(u auth.User) userJSON {
	return userJSON{ID: u.ID, Email: u.Email, Name: u.Name, Role: u.Role,
		OrganisationID: nullable(u.OrganisationID), TeamID: nullable(u.TeamID), CreatedAt: u.CreatedAt.UTC()}
}

func nullable(s string) *string {
	if s == "" {
		return nil
	}
	return &s
}

func (s *Server) handleAPIMe(c echo.Context) error {
	if _, err := requireUser(c); err != nil {
		return err
	}
	u, _ := currentUser(c)
	return c.JSON(http.StatusOK, newUserJSON(u))
}

type userRequest struct {
	Email          string `json:"email" validate:"required"`
	Name           string `json:"name"`
	Password       string `json:"password" validate:"required"`
	Role           string `json:"role" validate:"required,oneof=admin lead member"`
	OrganisationID string `json:"organisation_id"`
	TeamID         string `json:"team_id"`
}

func (s *Server) handleAPIUserCreate(c echo.Context) error {
	p, err := requireUser(c)
	if err != nil {
		return err
	}
	var req userRequest
	if err := bindJSON(c, &req); err != nil {
		return err
	}
	u, err := s.deps.Accounts.CreateUser(c.Request().Context(), p, auth.NewUser{Email: req.Email, Name: req.Name,
		Password: req.Password, Role: auth.Role(req.Role), OrganisationID: req.OrganisationID, TeamID: req.TeamID})
	if err != nil {
		return err
	}
	return c.JSON(http.StatusCreated, newUserJSON(u))
}

type organisationRequest struct {
	Name string `json:"name" validate:"required,max=120"`
}

func (s *Server) handleAPIOrganisationCreate(c echo.Context) error {
	p, err := requireUser(c)
	if err != nil {
		return err
	}
	var req organisationRequest
	if err := bindJSON(c, &req); err != nil {
		return err
	}
	org, err := s.deps.Assessments.CreateOrganisation(c.Request().Context(), p, req.Name)
	if err != nil {
		return err
	}
	return c.JSON(http.StatusCreated, org)
}

func (s *Server) handleAPIOrganisationList(c echo.Context) error {
	p, err := requireUser(c)
	if err != nil {
		return err
	}
	orgs, err := s.deps.Assessments.ListOrganisations(c.Request().Context(), p)
	if err != nil {
		return err
	}
	return c.JSON(http.StatusOK, nonNil(orgs))
}

func (s *Server) handleAPIOrganisationGet(c echo.Context) error {
	p, err := requireUser(c)
	if err != nil {
		return err
	}
	org, err := s.deps.Assessments.GetOrganisation(c.Request().Context(), p, c.Param("id"))
	if err != nil {
		return err
	}
	return c.JSON(http.StatusOK, org)
}

type teamRequest struct {
	Name      string `json:"name" validate:"required,max=120"`
	Setting   string `json:"setting" validate:"required"`
	Specialty string `json:"specialty" validate:"required"`
	Nation    string `json:"nation" validate:"required"`
}

func (s *Server) handleAPITeamCreate(c echo.Context) error {
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
	return c.JSON(http.StatusCreated, team)
}

func (s *Server) handleAPITeamList(c echo.Context) error {
	p, err := requireUser(c)
	if err != nil {
		return err
	}
	teams, err := s.deps.Assessments.ListTeams(c.Request().Context(), p, c.Param("id"))
	if err != nil {
		return err
	}
	return c.JSON(http.StatusOK, nonNil(teams))
}

func (s *Server) handleAPITeamGet(c echo.Context) error {
	p, err := requireUser(c)
	if err != nil {
		return err
	}
	team, err := s.deps.Assessments.GetTeam(c.Request().Context(), p, c.Param("id"))
	if err != nil {
		return err
	}
	return c.JSON(http.StatusOK, team)
}

func (s *Server) handleAPIVocabularies(c echo.Context) error {
	return c.JSON(http.StatusOK, s.deps.Assessments.Vocabularies())
}

// nonNil makes an empty list encode as [] rather than null.
func nonNil[T any](xs []T) []T {
	if xs == nil {
		return []T{}
	}
	return xs
}

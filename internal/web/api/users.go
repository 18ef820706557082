package api

import (
	"net/http"
	"time"

	"github.com/labstack/echo/v4"

	"vcready/internal/auth"
)

// The user endpoints: who am I, and creating users (admins anyone; leads their own organisation's).

func (s *server) routesUsers(g *echo.Group) {
	g.GET("/me", s.handleMe)
	g.POST("/users", s.handleUserCreate)
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

func (s *server) handleMe(c echo.Context) error {
	if _, err := requireUser(c); err != nil {
		return err
	}
	u, _ := auth.UserFromContext(c.Request().Context())
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

func (s *server) handleUserCreate(c echo.Context) error {
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

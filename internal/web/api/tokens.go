package api

import (
	"net/http"
	"time"

	"github.com/labstack/echo/v4"
)

// The token endpoint: a script exchanges an email and password for an API token.

func (s *server) routesTokens(g *echo.Group) {
	g.POST("/auth/tokens", s.handleTokenCreate)
}

type tokenRequest struct {
	Email    string `json:"email" validate:"required"`
	Password string `json:"password" validate:"required"`
}

type tokenResponse struct {
	Token     string    `json:"token"`
	ExpiresAt time.Time `json:"expires_at"`
}

// handleTokenCreate exchanges an email and password for an API token.
func (s *server) handleTokenCreate(c echo.Context) error {
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

package web

import (
	"net/http"

	"github.com/labstack/echo/v4"
)

// The home page and the accessibility statement.
func (s *Server) routesHome() {
	s.e.GET("/", s.handleHome)
	s.e.GET("/accessibility", s.handleAccessibility)
}

func (s *Server) handleHome(c echo.Context) error {
	return s.render(c, http.StatusOK, "home", Page{Title: "Check how ready your team is to run video consultations well", Nav: "home"})
}

func (s *Server) handleAccessibility(c echo.Context) error {
	return s.render(c, http.StatusOK, "accessibility", Page{Title: "Accessibility statement"})
}

package api

import (
	"net/http"

	"github.com/labstack/echo/v4"
)

// The vocabularies endpoint: the settings, specialties and nations a team is described by.

func (s *server) routesVocabularies(g *echo.Group) {
	g.GET("/vocabularies", s.handleVocabularies)
}

func (s *server) handleVocabularies(c echo.Context) error {
	return c.JSON(http.StatusOK, s.deps.Assessments.Vocabularies())
}

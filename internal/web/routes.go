package web

import (
	"net/http"

	"github.com/labstack/echo/v4"
)

// routes registers every route. Handlers are thin: bind, validate, call a service,
// render.
func (s *Server) routes() {
	s.e.GET("/healthz", s.handleHealth)
	s.e.GET("/readyz", s.handleReady)
	s.e.GET("/metrics", echo.WrapHandler(s.metrics.handler()))
	s.e.GET("/static/:version/*", s.handleStatic)
	s.e.GET("/favicon.ico", s.handleFavicon)

	s.e.GET("/", s.handleHome)
	s.e.GET("/accessibility", s.handleAccessibility)
	s.e.GET("/scoring", s.handleScoring)
	s.e.GET("/questionnaire", s.handleQuestionnairePreview)
	s.e.GET("/questionnaires/:id", s.handleQuestionnairePreview)

	api := s.e.Group("/api/v1")
	api.GET("/openapi.json", s.handleOpenAPI)
	api.GET("/questionnaires", s.handleAPIQuestionnaireList)
	api.GET("/questionnaires/:id", s.handleAPIQuestionnaireGet)
}

func (s *Server) handleHealth(c echo.Context) error {
	return c.JSON(http.StatusOK, map[string]string{"status": "ok"})
}

func (s *Server) handleReady(c echo.Context) error {
	if s.deps.Ready != nil {
		if err := s.deps.Ready(c.Request().Context()); err != nil {
			s.log.Warn("not ready", "err", err)
			return c.JSON(http.StatusServiceUnavailable, map[string]string{"status": "unavailable"})
		}
	}
	return c.JSON(http.StatusOK, map[string]string{"status": "ready"})
}

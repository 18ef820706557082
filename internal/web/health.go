package web

import (
	"net/http"

	"github.com/labstack/echo/v4"
)

// Probes for orchestrators and monitoring: liveness, readiness (database reachable and
// every migration applied) and Prometheus metrics.

func (s *Server) routesHealth() {
	s.e.GET("/healthz", s.handleHealth)
	s.e.GET("/readyz", s.handleReady)
	s.e.GET("/metrics", echo.WrapHandler(s.metrics.handler()))
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

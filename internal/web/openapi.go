package web

import (
	_ "embed"
	"net/http"

	"github.com/labstack/echo/v4"
)

// openAPIDocument describes every route under /api/v1. A test fails when a
// registered route is missing from it, so it stays true.
//
//go:embed openapi.json
var openAPIDocument []byte

func (s *Server) handleOpenAPI(c echo.Context) error {
	c.Response().Header().Set("Cache-Control", "no-cache")
	return c.JSONBlob(http.StatusOK, openAPIDocument)
}

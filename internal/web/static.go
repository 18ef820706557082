package web

import (
	"fmt"
	"net/http"
	"strings"

	"github.com/labstack/echo/v4"

	"vcready/internal/apperr"
	"vcready/static"
)

func (s *Server) routesStatic() {
	s.e.GET("/static/:version/*", s.handleStatic)
	s.e.GET("/favicon.ico", s.handleFavicon)
}

var staticServer = http.FileServer(http.FS(static.FS()))

// handleStatic serves embedded files under /static/<version>/. The version in the URL
// changes whenever any file changes, so responses may be cached for a year.
func (s *Server) handleStatic(c echo.Context) error {
	p := c.Param("*")
	if p == "" || strings.HasSuffix(p, "/") || strings.Contains(p, "..") {
		return fmt.Errorf("static file %q: %w", p, apperr.ErrNotFound)
	}
	if c.Param("version") == static.Version() {
		c.Response().Header().Set("Cache-Control", "public, max-age=31536000, immutable")
	} else {
		c.Response().Header().Set("Cache-Control", "no-cache")
	}
	req := c.Request().Clone(c.Request().Context())
	req.URL.Path = "/" + p
	rec := &notFoundCatcher{ResponseWriter: c.Response()}
	staticServer.ServeHTTP(rec, req)
	if rec.notFound {
		return fmt.Errorf("static file %q: %w", p, apperr.ErrNotFound)
	}
	return nil
}

func (s *Server) handleFavicon(c echo.Context) error {
	return c.Redirect(http.StatusMovedPermanently, "/static/"+static.Version()+"/vendor/nhsuk-frontend/assets/images/favicon.ico")
}

// notFoundCatcher lets our error handler render 404s instead of the file server's
// plain-text page.
type notFoundCatcher struct {
	http.ResponseWriter
	notFound bool
}

func (w *notFoundCatcher) WriteHeader(code int) {
	if code == http.StatusNotFound {
		w.notFound = true
		w.Header().Del("Content-Type") // the error page sets its own
		return
	}
	w.ResponseWriter.WriteHeader(code)
}

func (w *notFoundCatcher) Write(b []byte) (int, error) {
	if w.notFound {
		return len(b), nil
	}
	return w.ResponseWriter.Write(b)
}

package web

import (
	"crypto/rand"
	"crypto/sha256"
	"encoding/base64"
	"encoding/hex"
	"fmt"
	"log/slog"
	"net/http"
	"runtime/debug"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/labstack/echo/v4"
	"github.com/labstack/echo/v4/middleware"
)

// jsEnabledSnippet is the NHS.UK design system's one inline script: it marks <body>
// so components can style themselves before their JavaScript loads. The CSP allows
// exactly this text by its hash, and the layout prints this constant, so the two
// cannot drift apart.
const jsEnabledSnippet = `document.body.className += ' js-enabled' + ('noModule' in HTMLScriptElement.prototype ? ' nhsuk-frontend-supported' : '');`

var contentSecurityPolicy = strings.Join([]string{
	"default-src 'self'",
	"script-src 'self' 'sha256-" + scriptHash(jsEnabledSnippet) + "'",
	"style-src 'self'",
	"img-src 'self' data:",
	"font-src 'self' https://assets.nhs.uk",
	"connect-src 'self'",
	"form-action 'self'",
	"frame-ancestors 'none'",
	"base-uri 'self'",
	"object-src 'none'",
}, "; ")

func scriptHash(s string) string {
	h := sha256.Sum256([]byte(s))
	return base64.StdEncoding.EncodeToString(h[:])
}

func (s *Server) middleware() {
	s.e.Use(middleware.RequestIDWithConfig(middleware.RequestIDConfig{Generator: newRequestID}))
	s.e.Use(s.observe)
	s.e.Use(s.recoverPanics)
	s.e.Use(securityHeaders)
	s.e.Use(middleware.BodyLimit(s.cfg.BodyLimit))
	s.e.Use(rejectUnreadableText)
	s.e.Use(middleware.ContextTimeout(s.cfg.RequestTimeout))
	s.e.Use(middleware.GzipWithConfig(middleware.GzipConfig{Level: 5, MinLength: 1024}))
	s.e.Use(s.identify)
	s.e.Use(s.csrf())
}

// newRequestID makes our own ids; an id sent by a client is kept only as log data.
func newRequestID() string {
	b := make([]byte, 8)
	_, _ = rand.Read(b)
	return hex.EncodeToString(b)
}

// observe logs each request once and records its metrics. Errors go to the central
// handler here, so the status logged is the status sent.
func (s *Server) observe(next echo.HandlerFunc) echo.HandlerFunc {
	return func(c echo.Context) error {
		start := time.Now()
		if err := next(c); err != nil {
			c.Error(err)
		}
		req, res := c.Request(), c.Response()
		route := c.Path()
		if route == "" || res.Status == http.StatusNotFound {
			route = "unmatched" // unknown paths must not grow the metric label set
		}
		elapsed := time.Since(start)
		s.metrics.observe(req.Method, route, res.Status, elapsed)
		level := slog.LevelInfo
		if res.Status >= 500 {
			level = slog.LevelError
		}
		s.log.LogAttrs(req.Context(), level, "request",
			slog.String("id", res.Header().Get(echo.HeaderXRequestID)),
			slog.String("method", methodLabel(req.Method)),
			slog.String("route", route),
			slog.String("path", clip(req.URL.Path, maxLoggedPath)),
			slog.Int("status", res.Status),
			slog.Int64("bytes", res.Size),
			slog.Duration("duration", elapsed),
			slog.String("ip", c.RealIP()),
		)
		return nil
	}
}

// maxLoggedPath bounds the path in the access log: a client must not be able to
// write long lines into it (F-21). Route templates say which handler ran anyway.
const maxLoggedPath = 256

// clip is s cut to at most n bytes (on a rune boundary), marked with "…" when cut.
func clip(s string, n int) string {
	if len(s) <= n {
		return s
	}
	for n > 0 && !utf8.RuneStart(s[n]) {
		n--
	}
	return s[:n] + "…"
}

// recoverPanics turns a panic into a 500 (rendered by the error handler) and logs the
// stack; the process keeps serving.
func (s *Server) recoverPanics(next echo.HandlerFunc) echo.HandlerFunc {
	return func(c echo.Context) (err error) {
		defer func() {
			if r := recover(); r != nil {
				if r == http.ErrAbortHandler {
					panic(r)
				}
				s.log.Error("panic", "id", c.Response().Header().Get(echo.HeaderXRequestID),
					"panic", fmt.Sprint(r), "stack", string(debug.Stack()))
				err = fmt.Errorf("panic: %v", r)
			}
		}()
		return next(c)
	}
}

// securityHeaders sets strict headers on every response, pages and API alike.
func securityHeaders(next echo.HandlerFunc) echo.HandlerFunc {
	return func(c echo.Context) error {
		h := c.Response().Header()
		h.Set("Content-Security-Policy", contentSecurityPolicy)
		h.Set("X-Content-Type-Options", "nosniff")
		h.Set("X-Frame-Options", "DENY")
		h.Set("Referrer-Policy", "strict-origin-when-cross-origin")
		h.Set("Permissions-Policy", "camera=(), microphone=(), geolocation=(), payment=()")
		h.Set("Cross-Origin-Opener-Policy", "same-origin")
		if c.Scheme() == "https" {
			h.Set("Strict-Transport-Security", "max-age=31536000; includeSubDomains")
		}
		return next(c)
	}
}

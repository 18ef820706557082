// Package web is vcready's HTTP server and its server-rendered NHS.UK pages: the
// middleware (identity, CSRF, security headers, metrics), the one error handler that
// turns errors into statuses for pages and the JSON API alike, and one file per page
// feature, each registering its own routes (routes.go lists them). The JSON API is
// package web/api, mounted on /api/v1.
package web

import (
	"context"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"time"

	"github.com/labstack/echo/v4"

	"vcready/internal/assessment"
	"vcready/internal/auth"
	"vcready/internal/backup"
	"vcready/internal/questionnaire"
)

// Config holds the web layer's settings.
type Config struct {
	// TrustedProxies are CIDR ranges of reverse proxies whose X-Forwarded-For we
	// believe. Empty: the peer address is the client address, and forwarded headers
	// are ignored, so they cannot be forged to dodge rate limits.
	TrustedProxies []string
	// SecureCookies marks cookies Secure (set when served over TLS or behind a TLS proxy).
	SecureCookies bool
	// BodyLimit caps request bodies, e.g. "1M".
	BodyLimit string
	// RequestTimeout bounds each request's context (and so its database work).
	RequestTimeout time.Duration
	// BaseURL is the public address of the service, for links people are sent
	// (invitations). Empty: taken from the request.
	BaseURL string
	// Version is the build version shown in /api/v1/openapi.json and logs.
	Version string
}

// Deps are the services the web layer calls.
type Deps struct {
	Log *slog.Logger
	// Ready reports whether the service can take traffic (database reachable and
	// migrated). Used by /readyz.
	Ready func(ctx context.Context) error
	// Questionnaires are the loaded questionnaire definitions.
	Questionnaires *questionnaire.Set
	// Accounts signs people in and out and manages users (nil: every visitor is
	// anonymous; some handler tests need no accounts).
	Accounts *auth.Service
	// Assessments runs organisations, teams and assessments.
	Assessments *assessment.Service
	// Backups makes and lists database backups for admins (nil: no backup pages).
	Backups *backup.Service
}

// Server is the HTTP handler of vcready.
type Server struct {
	e       *echo.Echo
	cfg     Config
	log     *slog.Logger
	deps    Deps
	pages   *pages
	metrics *metrics
}

// New builds the server: middleware, routes and templates. It fails if a template
// does not parse, so a broken page stops start-up rather than a user's request.
func New(cfg Config, deps Deps) (*Server, error) {
	if deps.Log == nil {
		deps.Log = slog.New(slog.DiscardHandler)
	}
	if cfg.BodyLimit == "" {
		cfg.BodyLimit = "1M"
	}
	if cfg.RequestTimeout == 0 {
		cfg.RequestTimeout = 30 * time.Second
	}
	p, err := parsePages()
	if err != nil {
		return nil, err
	}
	extractor, err := ipExtractor(cfg.TrustedProxies)
	if err != nil {
		return nil, err
	}
	s := &Server{e: echo.New(), cfg: cfg, log: deps.Log, deps: deps, pages: p, metrics: newMetrics()}
	s.e.HideBanner, s.e.HidePort = true, true
	s.e.IPExtractor = extractor
	s.e.HTTPErrorHandler = s.handleError
	s.middleware()
	s.routes()
	return s, nil
}

// ServeHTTP implements http.Handler.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) { s.e.ServeHTTP(w, r) }

// Echo exposes the router, for tests that list routes.
func (s *Server) Echo() *echo.Echo { return s.e }

func ipExtractor(cidrs []string) (echo.IPExtractor, error) {
	if len(cidrs) == 0 {
		return echo.ExtractIPDirect(), nil
	}
	opts := []echo.TrustOption{echo.TrustLoopback(false), echo.TrustLinkLocal(false), echo.TrustPrivateNet(false)}
	for _, c := range cidrs {
		_, n, err := net.ParseCIDR(c)
		if err != nil {
			return nil, fmt.Errorf("trusted proxy %q: %w", c, err)
		}
		opts = append(opts, echo.TrustIPRange(n))
	}
	return echo.ExtractIPFromXFFHeader(opts...), nil
}

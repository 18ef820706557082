package web

import (
	"errors"
	"net/http"
	"net/url"
	"strings"
	"time"

	"github.com/labstack/echo/v4"
	"github.com/labstack/echo/v4/middleware"

	"vcready/internal/apperr"
	"vcready/internal/auth"
)

const (
	sessionCookie = "vcready_session"
	csrfCookie    = "vcready_csrf"
	csrfField     = "_csrf"
	ctxCSRF       = "csrf"
)

// identify works out who a request acts for: an API token (Authorization: Bearer) or a
// browser session cookie. Under /api/ a cookie alone never authorises a change: unsafe
// API methods need a token, so a page on another site cannot use a signed-in
// browser to change anything through the API.
func (s *Server) identify(next echo.HandlerFunc) echo.HandlerFunc {
	return func(c echo.Context) error {
		if s.deps.Accounts == nil || anonymousRoute(c.Path()) {
			return next(c)
		}
		// Audit events recorded anywhere below know where the request came from.
		c.SetRequest(c.Request().WithContext(auth.WithClientIP(c.Request().Context(), c.RealIP())))
		ctx := c.Request().Context()
		if tok, ok := bearerToken(c.Request()); ok {
			u, err := s.deps.Accounts.TokenUser(ctx, tok)
			if err != nil {
				return err // a bad token is a 401, never a silent anonymous request
			}
			setUser(c, u)
			return next(c)
		}
		ck, err := c.Cookie(sessionCookie)
		if err != nil || ck.Value == "" {
			return next(c)
		}
		u, err := s.deps.Accounts.SessionUser(ctx, ck.Value)
		if errors.Is(err, apperr.ErrUnavailable) {
			return err // the database failed: a 503, not a silent sign-out
		}
		if err != nil {
			s.clearSessionCookie(c)
			return next(c)
		}
		if isAPI(c) && !safeMethod(c.Request().Method) {
			return next(c) // cookie-only API writes act as anonymous: 401
		}
		setUser(c, u)
		return next(c)
	}
}

// anonymousRoute names routes that never need to know who is asking: static files,
// probes and metrics. Skipping them keeps a database lookup off every asset a page
// loads.
func anonymousRoute(route string) bool {
	switch route {
	case "/healthz", "/readyz", "/metrics", "/favicon.ico", "/static/:version/*":
		return true
	}
	return false
}

func bearerToken(r *http.Request) (string, bool) {
	h := r.Header.Get(echo.HeaderAuthorization)
	scheme, tok, ok := strings.Cut(h, " ")
	if !ok || !strings.EqualFold(scheme, "Bearer") || strings.TrimSpace(tok) == "" {
		return "", false
	}
	return strings.TrimSpace(tok), true
}

func safeMethod(m string) bool {
	return m == http.MethodGet || m == http.MethodHead || m == http.MethodOptions
}

// setUser puts the signed-in user in the request's context (auth.NewContext), where
// pages and the API alike find it.
func setUser(c echo.Context, u auth.User) {
	c.SetRequest(c.Request().WithContext(auth.NewContext(c.Request().Context(), u)))
}

// principal is the signed-in user of the request, or nil.
func principal(c echo.Context) *auth.Principal {
	return auth.FromContext(c.Request().Context())
}

func currentUser(c echo.Context) (auth.User, bool) {
	return auth.UserFromContext(c.Request().Context())
}

// requireUser returns the principal or a 401 (the API) / a redirect to sign in (pages).
func requireUser(c echo.Context) (*auth.Principal, error) {
	if p := principal(c); p != nil {
		return p, nil
	}
	if isAPI(c) {
		return nil, apperr.ErrUnauthenticated
	}
	return nil, redirectToSignIn(c)
}

// signInRedirect is returned by page handlers when the visitor must sign in first.
type signInRedirect struct{ next string }

func (r *signInRedirect) Error() string { return "sign in required" }

func redirectToSignIn(c echo.Context) error {
	next := c.Request().URL.RequestURI()
	return &signInRedirect{next: next}
}

// safeNext keeps a post-sign-in redirect on this site.
func safeNext(next string) string {
	u, err := url.Parse(next)
	if err != nil || next == "" || !strings.HasPrefix(next, "/") || strings.HasPrefix(next, "//") ||
		u.Host != "" || u.Scheme != "" || strings.Contains(next, "\\") {
		return ""
	}
	return next
}

func (s *Server) setSessionCookie(c echo.Context, token string, expires time.Time) {
	c.SetCookie(&http.Cookie{
		Name: sessionCookie, Value: token, Path: "/", Expires: expires,
		HttpOnly: true, Secure: s.cfg.SecureCookies || c.Scheme() == "https", SameSite: http.SameSiteLaxMode,
	})
}

func (s *Server) clearSessionCookie(c echo.Context) {
	c.SetCookie(&http.Cookie{
		Name: sessionCookie, Value: "", Path: "/", MaxAge: -1,
		HttpOnly: true, Secure: s.cfg.SecureCookies || c.Scheme() == "https", SameSite: http.SameSiteLaxMode,
	})
}

// errCSRF is shown when a form's CSRF token is missing or wrong.
var errCSRF = apperr.Forbidden("This form has expired or did not come from vcready. Go back, refresh the page and try again.")

// csrf protects every form post. Browsers that send Sec-Fetch-Site are checked on that
// header (same-origin passes, cross-site fails); others need the token from the
// form's hidden _csrf field to match the cookie. The JSON API is skipped: it needs
// bearer tokens for every change (see identify).
func (s *Server) csrf() echo.MiddlewareFunc {
	return middleware.CSRFWithConfig(middleware.CSRFConfig{
		Skipper:        func(c echo.Context) bool { return isAPI(c) || strings.HasPrefix(c.Path(), "/static/") },
		TokenLookup:    "form:" + csrfField,
		ContextKey:     ctxCSRF,
		CookieName:     csrfCookie,
		CookiePath:     "/",
		CookieHTTPOnly: true,
		CookieSecure:   s.cfg.SecureCookies,
		CookieSameSite: http.SameSiteLaxMode,
		ErrorHandler:   func(err error, c echo.Context) error { return errCSRF },
		// A cross-site form post is refused outright; same-site falls back to the token.
		AllowSecFetchSiteFunc: func(c echo.Context) (bool, error) {
			if c.Request().Header.Get(echo.HeaderSecFetchSite) == "same-site" {
				return false, nil
			}
			return false, errCSRF
		},
	})
}

func csrfTokenOf(c echo.Context) string {
	t, _ := c.Get(ctxCSRF).(string)
	return t
}

func accountViewOf(c echo.Context) *AccountView {
	u, ok := currentUser(c)
	if !ok {
		return nil
	}
	v := &AccountView{Email: u.Email, Role: string(u.Role), Name: u.Name, HomeHref: landing(u.Principal())}
	switch u.Role {
	case auth.RoleAdmin:
		v.HomeText = "Administration"
	case auth.RoleLead:
		v.HomeText = "Your organisation"
	default:
		v.HomeText = "Your team"
	}
	return v
}

package web

import (
	"errors"
	"net/http"
	"strconv"

	"github.com/labstack/echo/v4"

	"vcready/internal/apperr"
	"vcready/internal/auth"
)

// Signing in and out.
func (s *Server) routesSignIn() {
	s.e.GET("/sign-in", s.handleSignInForm)
	s.e.POST("/sign-in", s.handleSignIn)
	s.e.POST("/sign-out", s.handleSignOut)
	s.e.GET("/signed-out", s.handleSignedOut)
}

type signInView struct{ Email, Next string }

func (s *Server) handleSignInForm(c echo.Context) error {
	if p := principal(c); p != nil {
		return c.Redirect(http.StatusSeeOther, landing(p))
	}
	return s.render(c, http.StatusOK, "sign-in", Page{Title: "Sign in", Content: signInView{Next: safeNext(c.QueryParam("next"))}})
}

func (s *Server) handleSignIn(c echo.Context) error {
	v := signInView{Email: formValue(c.FormValue, "email"), Next: safeNext(c.FormValue("next"))}
	password := c.FormValue("password")
	var errs []FieldError
	if v.Email == "" {
		errs = append(errs, FieldError{"email", "Enter your email address"})
	}
	if password == "" {
		errs = append(errs, FieldError{"password", "Enter your password"})
	}
	if len(errs) > 0 {
		return s.render(c, http.StatusUnprocessableEntity, "sign-in", Page{Title: "Sign in", Errors: errs, Content: v})
	}
	u, err := s.deps.Accounts.Authenticate(c.Request().Context(), v.Email, password, c.RealIP())
	if errors.Is(err, apperr.ErrUnauthenticated) {
		errs = []FieldError{{"email", "Enter a correct email address and password"}}
		return s.render(c, http.StatusUnauthorized, "sign-in", Page{Title: "Sign in", Errors: errs, Content: v})
	}
	if errors.Is(err, apperr.ErrRateLimited) {
		wait := retryAfter(err)
		c.Response().Header().Set("Retry-After", wait)
		errs = []FieldError{{"email", "Too many attempts to sign in. Wait " + minutes(wait) + " and try again"}}
		return s.render(c, http.StatusTooManyRequests, "sign-in", Page{Title: "Sign in", Errors: errs, Content: v})
	}
	if err != nil {
		return err
	}
	return s.startSession(c, u, v.Next)
}

// startSession signs u in and redirects to next or their landing page.
func (s *Server) startSession(c echo.Context, u auth.User, next string) error {
	token, expires, err := s.deps.Accounts.CreateSession(c.Request().Context(), u.ID)
	if err != nil {
		return err
	}
	s.setSessionCookie(c, token, expires)
	if next == "" {
		next = landing(u.Principal())
	}
	return c.Redirect(http.StatusSeeOther, next)
}

// landing is where a user starts after signing in.
func landing(p *auth.Principal) string {
	switch {
	case p.IsAdmin():
		return "/admin"
	case p.Role == auth.RoleLead:
		return "/organisations/" + p.OrganisationID
	case p.TeamID != "":
		return "/teams/" + p.TeamID
	}
	return "/"
}

func (s *Server) handleSignOut(c echo.Context) error {
	if ck, err := c.Cookie(sessionCookie); err == nil && ck.Value != "" {
		if err := s.deps.Accounts.EndSession(c.Request().Context(), ck.Value); err != nil {
			return err
		}
	}
	s.clearSessionCookie(c)
	return c.Redirect(http.StatusSeeOther, "/signed-out")
}

func (s *Server) handleSignedOut(c echo.Context) error {
	return s.render(c, http.StatusOK, "error", Page{Title: "You have signed out", Content: "You have signed out of vcready."})
}

// minutes turns a Retry-After value in seconds into words, rounding up.
func minutes(seconds string) string {
	n, _ := strconv.Atoi(seconds)
	m := max(1, (n+59)/60)
	if m == 1 {
		return "1 minute"
	}
	return strconv.Itoa(m) + " minutes"
}

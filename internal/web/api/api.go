// Package api is vcready's JSON API under /api/v1 (API.md): thin handlers that bind a
// request, call a service and answer with a response type declared beside the
// handler, so that the wire format is owned here and nowhere else. Errors are
// returned, never written: the web layer's one error handler turns them into the
// API's error body and status.
package api

import (
	"github.com/labstack/echo/v4"

	"vcready/internal/apperr"
	"vcready/internal/assessment"
	"vcready/internal/auth"
	"vcready/internal/questionnaire"
)

// Deps are the services the API calls.
type Deps struct {
	// Questionnaires are the loaded questionnaire definitions.
	Questionnaires *questionnaire.Set
	// Accounts issues tokens and manages users.
	Accounts *auth.Service
	// Assessments runs organisations, teams and assessments.
	Assessments *assessment.Service
}

// server holds the API's dependencies; its methods are the handlers.
type server struct {
	deps Deps
}

// Register adds every API route to g, the /api/v1 group. The caller's middleware has
// already put the signed-in user, if any, in the request context (auth.NewContext).
func Register(g *echo.Group, d Deps) {
	s := &server{deps: d}
	s.routesOpenAPI(g)
	s.routesTokens(g)
	s.routesUsers(g)
	s.routesVocabularies(g)
	s.routesQuestionnaires(g)
	s.routesOrganisations(g)
	s.routesTeams(g)
	s.routesAssessments(g)
	s.routesAnswers(g)
	s.routesExports(g)
	s.routesOpenData(g)
	s.routesComparison(g)
	s.routesBenchmarks(g)
	s.routesPlans(g)
	s.routesPlanExports(g)
}

// requireUser returns the signed-in principal or a 401.
func requireUser(c echo.Context) (*auth.Principal, error) {
	if p := auth.FromContext(c.Request().Context()); p != nil {
		return p, nil
	}
	return nil, apperr.ErrUnauthenticated
}

// signedIn wraps a handler that needs a signed-in user but no more.
func signedIn(h echo.HandlerFunc) echo.HandlerFunc {
	return func(c echo.Context) error {
		if _, err := requireUser(c); err != nil {
			return err
		}
		return h(c)
	}
}

func nullable(s string) *string {
	if s == "" {
		return nil
	}
	return &s
}

// listJSON converts every element of xs with f. The result is never nil, so an empty
// list encodes as [] rather than null.
func listJSON[T, U any](xs []T, f func(T) U) []U {
	out := make([]U, 0, len(xs))
	for _, x := range xs {
		out = append(out, f(x))
	}
	return out
}

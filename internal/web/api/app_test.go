package api_test

import (
	"net/http"
	"testing"

	"vcready/internal/web"
	"vcready/internal/web/webtest"
)

// newTestApp is the whole service, pages and API, with the shared fixture: the API is
// tested through the real server, so identity, the error handler and every
// middleware run.
func newTestApp(t testing.TB, opts ...webtest.Option) *webtest.App {
	t.Helper()
	return webtest.NewApp(t, func(s webtest.Services) (http.Handler, error) {
		return web.New(web.Config{}, web.Deps{Questionnaires: s.Questionnaires, Accounts: s.Accounts, Assessments: s.Assessments})
	}, opts...)
}

package web

import (
	"net/http"
	"testing"

	"vcready/internal/web/webtest"
)

// testApp is the shared test kit's whole service (webtest.App) with this package's
// server, for tests that reach into it.
type testApp struct {
	*webtest.App
	srv *Server
}

func newTestApp(t testing.TB, opts ...webtest.Option) *testApp {
	t.Helper()
	a := &testApp{}
	a.App = webtest.NewApp(t, func(s webtest.Services) (http.Handler, error) {
		srv, err := New(Config{}, Deps{Questionnaires: s.Questionnaires, Accounts: s.Accounts, Assessments: s.Assessments})
		a.srv = srv
		return srv, err
	}, opts...)
	return a
}

// TestSessionCookieNameMatchesTheKit keeps the kit's cookie name true.
func TestSessionCookieNameMatchesTheKit(t *testing.T) {
	t.Parallel()
	if sessionCookie != webtest.SessionCookie {
		t.Fatalf("session cookie %q, kit uses %q", sessionCookie, webtest.SessionCookie)
	}
}

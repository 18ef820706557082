package web

import (
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"vcready/internal/web/webtest"
)

// TestStaticFilesSkipIdentity: assets and probes never look up the session, so a page
// load costs one session lookup, not one per stylesheet and script. An unknown session
// cookie is cleared on a page request but left alone on a static one, which shows the
// lookup did not run.
func TestStaticFilesSkipIdentity(t *testing.T) {
	t.Parallel()
	app := newTestApp(t)
	for path, wantLookup := range map[string]bool{
		"/": true, "/static/" + staticVersion() + "/css/vcready.css": false, "/healthz": false,
	} {
		req := webtest.JSONRequest(http.MethodGet, path, "")
		req.AddCookie(&http.Cookie{Name: sessionCookie, Value: "no-such-session"})
		rec := webtest.Serve(app.srv, req)
		cleared := strings.Contains(rec.Header().Get("Set-Cookie"), sessionCookie+"=;")
		if cleared != wantLookup {
			t.Errorf("%s: session looked up = %v, want %v", path, cleared, wantLookup)
		}
	}
}

// TestSessionLookupFailureIs503NotSignedOut: when the database fails while a session
// is looked up, the visitor gets "service unavailable" and keeps their cookie; being
// silently signed out would lose their place and their unsaved answers.
func TestSessionLookupFailureIs503NotSignedOut(t *testing.T) {
	t.Parallel()
	a := newTestApp(t)
	cookie := a.Session("member")
	if err := a.Store.Close(); err != nil {
		t.Fatal(err)
	}
	for _, path := range []string{"/", "/teams/" + a.Team1.ID, "/api/v1/me"} {
		req := httptest.NewRequest(http.MethodGet, path, nil)
		req.AddCookie(cookie)
		rec := webtest.Serve(a.Handler, req)
		if rec.Code != http.StatusServiceUnavailable {
			t.Errorf("%s: status %d, want 503; body %.200s", path, rec.Code, rec.Body)
		}
		for _, c := range rec.Result().Cookies() {
			if c.Name == sessionCookie {
				t.Errorf("%s: the session cookie was changed (%+v)", path, c)
			}
		}
	}
}

package web

import (
	"net/http"
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

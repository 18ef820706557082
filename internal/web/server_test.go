package web

import (
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"vcready/static"
)

func mustServer(t *testing.T, deps Deps) *Server {
	t.Helper()
	s, err := New(Config{BodyLimit: "1K"}, deps)
	if err != nil {
		t.Fatalf("New: %v", err)
	}
	return s
}

func do(t *testing.T, h http.Handler, method, target, body string) *httptest.ResponseRecorder {
	t.Helper()
	req := httptest.NewRequest(method, target, strings.NewReader(body))
	if body != "" {
		req.Header.Set("Content-Type", "application/json")
	}
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	return rec
}

func TestPagesAndHealth(t *testing.T) {
	t.Parallel()
	s := mustServer(t, Deps{})
	cases := []struct {
		name, path  string
		status      int
		contentType string
		contains    string
	}{
		{"home", "/", 200, "text/html", "Equity of access"},
		{"accessibility", "/accessibility", 200, "text/html", "Accessibility statement"},
		{"unknown page", "/no-such-page", 404, "text/html", "Page not found"},
		{"unknown api", "/api/v1/no-such-thing", 404, "application/json", `"code":"not_found"`},
		{"healthz", "/healthz", 200, "application/json", `"ok"`},
		{"readyz", "/readyz", 200, "application/json", `"ready"`},
		{"metrics", "/metrics", 200, "text/plain", "go_goroutines"},
		{"openapi", "/api/v1/openapi.json", 200, "application/json", `"openapi"`},
		{"static css", "/static/" + static.Version() + "/css/vcready.css", 200, "text/css", "app-phase-banner"},
		{"static missing", "/static/" + static.Version() + "/css/nope.css", 404, "text/html", "Page not found"},
		{"static traversal", "/static/x/../../go.mod", 404, "text/html", ""},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			rec := do(t, s, http.MethodGet, tc.path, "")
			if rec.Code != tc.status {
				t.Fatalf("status = %d, want %d; body %.200s", rec.Code, tc.status, rec.Body)
			}
			if ct := rec.Header().Get("Content-Type"); !strings.HasPrefix(ct, tc.contentType) {
				t.Errorf("Content-Type = %q, want %s", ct, tc.contentType)
			}
			if !strings.Contains(rec.Body.String(), tc.contains) {
				t.Errorf("body does not contain %q", tc.contains)
			}
		})
	}
}

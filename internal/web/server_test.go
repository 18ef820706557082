package web

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/labstack/echo/v4"

	"vcready/internal/apperr"
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

func TestEveryResponseCarriesSecurityHeaders(t *testing.T) {
	s := mustServer(t, Deps{})
	for _, path := range []string{"/", "/no-such-page", "/api/v1/openapi.json", "/healthz"} {
		rec := do(t, s, http.MethodGet, path, "")
		h := rec.Header()
		csp := h.Get("Content-Security-Policy")
		for _, want := range []string{"frame-ancestors 'none'", "default-src 'self'", "object-src 'none'"} {
			if !strings.Contains(csp, want) {
				t.Errorf("%s: CSP %q lacks %q", path, csp, want)
			}
		}
		if strings.Contains(csp, "unsafe-inline") {
			t.Errorf("%s: CSP allows unsafe-inline", path)
		}
		checks := map[string]string{
			"X-Content-Type-Options": "nosniff",
			"Referrer-Policy":        "strict-origin-when-cross-origin",
			"X-Frame-Options":        "DENY",
		}
		for k, v := range checks {
			if got := h.Get(k); got != v {
				t.Errorf("%s: %s = %q, want %q", path, k, got, v)
			}
		}
		if h.Get("X-Request-Id") == "" {
			t.Errorf("%s: no X-Request-Id", path)
		}
	}
}

func TestInlineScriptMatchesCSPHash(t *testing.T) {
	s := mustServer(t, Deps{})
	body := do(t, s, http.MethodGet, "/", "").Body.String()
	if !strings.Contains(body, "<script>"+jsEnabledSnippet+"</script>") {
		t.Fatal("home page does not carry the js-enabled snippet byte for byte")
	}
	// The hash NHS.UK publishes for its snippet.
	if got := scriptHash(jsEnabledSnippet); got != "tDOvXJi1PXbg0CWjLCCYSNHRXtps26K4JXkE3M6u/c0=" {
		t.Errorf("snippet hash = %s, want NHS.UK's published hash", got)
	}
}

func TestStaticFilesAreCachedForAYear(t *testing.T) {
	s := mustServer(t, Deps{})
	rec := do(t, s, http.MethodGet, "/static/"+static.Version()+"/vendor/nhsuk-frontend/nhsuk-frontend.min.css", "")
	if rec.Code != 200 {
		t.Fatalf("status %d", rec.Code)
	}
	if cc := rec.Header().Get("Cache-Control"); !strings.Contains(cc, "max-age=31536000") {
		t.Errorf("Cache-Control = %q", cc)
	}
	old := do(t, s, http.MethodGet, "/static/oldversion/css/vcready.css", "")
	if cc := old.Header().Get("Cache-Control"); cc != "no-cache" {
		t.Errorf("stale version Cache-Control = %q, want no-cache", cc)
	}
}

func TestReadyzFailsWhenTheDatabaseIsNotReady(t *testing.T) {
	s := mustServer(t, Deps{Ready: func(context.Context) error { return errors.New("2 migrations pending") }})
	rec := do(t, s, http.MethodGet, "/readyz", "")
	if rec.Code != http.StatusServiceUnavailable {
		t.Fatalf("status = %d, want 503", rec.Code)
	}
	if strings.Contains(rec.Body.String(), "migrations") {
		t.Error("readyz leaks internal error text")
	}
}

func TestErrorsMapToStatusesAndNeverLeakInternals(t *testing.T) {
	s := mustServer(t, Deps{})
	cases := []struct {
		err    error
		status int
		code   string
	}{
		{fmt.Errorf("team 42: %w", apperr.ErrNotFound), 404, "not_found"},
		{apperr.Conflict("This assessment has been submitted."), 409, "conflict"},
		{apperr.Invalid("Check the answers.", apperr.FieldProblem{Field: "answers[0].level", Problem: "must be 0..4"}), 422, "validation_failed"},
		{fmt.Errorf("token: %w", apperr.ErrUnauthenticated), 401, "unauthenticated"},
		{apperr.Forbidden("Only leads can do that."), 403, "forbidden"},
		{errors.New("pq: connection refused to 10.0.0.1"), 500, "internal"},
		{echo.ErrUnsupportedMediaType, 415, "unsupported_media_type"},
	}
	for i, tc := range cases {
		path := fmt.Sprintf("/api/v1/test-error-%d", i)
		s.Echo().GET(path, func(c echo.Context) error { return tc.err })
		rec := do(t, s, http.MethodGet, path, "")
		if rec.Code != tc.status {
			t.Errorf("%v: status = %d, want %d", tc.err, rec.Code, tc.status)
		}
		var body apiError
		if err := json.Unmarshal(rec.Body.Bytes(), &body); err != nil {
			t.Fatalf("%v: body is not the error JSON: %s", tc.err, rec.Body)
		}
		if body.Error.Code != tc.code {
			t.Errorf("%v: code = %q, want %q", tc.err, body.Error.Code, tc.code)
		}
		if strings.Contains(rec.Body.String(), "10.0.0.1") {
			t.Errorf("internal error text leaked: %s", rec.Body)
		}
	}
}

func TestValidationErrorsListEveryField(t *testing.T) {
	s := mustServer(t, Deps{})
	s.Echo().GET("/api/v1/test-invalid", func(c echo.Context) error {
		return apperr.Invalid("Check the answers.",
			apperr.FieldProblem{Field: "answers[0].level", Problem: "must be 0..4"},
			apperr.FieldProblem{Field: "answers[1].item_id", Problem: "item xx does not exist"})
	})
	rec := do(t, s, http.MethodGet, "/api/v1/test-invalid", "")
	var body apiError
	_ = json.Unmarshal(rec.Body.Bytes(), &body)
	if len(body.Error.Details) != 2 || body.Error.Details[0].Field != "answers[0].level" {
		t.Errorf("details = %+v", body.Error.Details)
	}
}

func TestPanicsBecomeA500Page(t *testing.T) {
	s := mustServer(t, Deps{})
	s.Echo().GET("/test-panic", func(c echo.Context) error { panic("boom") })
	rec := do(t, s, http.MethodGet, "/test-panic", "")
	if rec.Code != 500 || !strings.Contains(rec.Body.String(), "Sorry, there is a problem with the service") {
		t.Fatalf("status %d body %.200s", rec.Code, rec.Body)
	}
	if strings.Contains(rec.Body.String(), "boom") {
		t.Error("panic text leaked to the user")
	}
	// The server keeps serving.
	if do(t, s, http.MethodGet, "/", "").Code != 200 {
		t.Error("server stopped serving after a panic")
	}
}

func TestBodyLimit(t *testing.T) {
	s := mustServer(t, Deps{})
	s.Echo().POST("/api/v1/test-echo", func(c echo.Context) error {
		var v map[string]any
		if err := c.Bind(&v); err != nil {
			return err
		}
		return c.JSON(200, v)
	})
	rec := do(t, s, http.MethodPost, "/api/v1/test-echo", `{"a":"`+strings.Repeat("x", 2048)+`"}`)
	if rec.Code != http.StatusRequestEntityTooLarge {
		t.Fatalf("status = %d, want 413", rec.Code)
	}
	if !strings.Contains(rec.Body.String(), "body_too_large") {
		t.Errorf("body = %s", rec.Body)
	}
}

func TestForgedForwardedForIsIgnoredWithoutTrustedProxies(t *testing.T) {
	s := mustServer(t, Deps{})
	var seen string
	s.Echo().GET("/test-ip", func(c echo.Context) error { seen = c.RealIP(); return c.NoContent(204) })
	req := httptest.NewRequest(http.MethodGet, "/test-ip", nil)
	req.RemoteAddr = "192.0.2.7:5555"
	req.Header.Set("X-Forwarded-For", "203.0.113.9")
	s.ServeHTTP(httptest.NewRecorder(), req)
	if seen != "192.0.2.7" {
		t.Errorf("RealIP = %q, want the peer address 192.0.2.7", seen)
	}
}

func TestTrustedProxyForwardedFor(t *testing.T) {
	s, err := New(Config{TrustedProxies: []string{"192.0.2.0/24"}}, Deps{})
	if err != nil {
		t.Fatal(err)
	}
	var seen string
	s.Echo().GET("/test-ip", func(c echo.Context) error { seen = c.RealIP(); return c.NoContent(204) })
	req := httptest.NewRequest(http.MethodGet, "/test-ip", nil)
	req.RemoteAddr = "192.0.2.7:5555"
	req.Header.Set("X-Forwarded-For", "203.0.113.9")
	s.ServeHTTP(httptest.NewRecorder(), req)
	if seen != "203.0.113.9" {
		t.Errorf("RealIP = %q, want the forwarded client 203.0.113.9", seen)
	}
	if _, err := New(Config{TrustedProxies: []string{"not-a-cidr"}}, Deps{}); err == nil {
		t.Error("New accepted a bad CIDR")
	}
}

func TestMetricsCountRequestsByRouteTemplate(t *testing.T) {
	s := mustServer(t, Deps{})
	do(t, s, http.MethodGet, "/", "")
	do(t, s, http.MethodGet, "/no-such-page-1", "")
	do(t, s, http.MethodGet, "/no-such-page-2", "")
	body := do(t, s, http.MethodGet, "/metrics", "").Body.String()
	for _, want := range []string{
		`vcready_http_requests_total{method="GET",route="/",status="200"} 1`,
		`vcready_http_requests_total{method="GET",route="unmatched",status="404"} 2`,
		`vcready_http_request_duration_seconds_bucket`,
	} {
		if !strings.Contains(body, want) {
			t.Errorf("metrics lack %s", want)
		}
	}
}

func TestEveryTemplateRenders(t *testing.T) {
	s := mustServer(t, Deps{})
	for name := range s.pages.byName {
		t.Run(name, func(t *testing.T) {
			e := s.Echo()
			c := e.NewContext(httptest.NewRequest(http.MethodGet, "/", nil), httptest.NewRecorder())
			if err := s.render(c, 200, name, Page{Title: "T", Errors: []FieldError{{Field: "f", Message: "m"}}, Content: sampleContent(name)}); err != nil {
				t.Errorf("render %s: %v", name, err)
			}
		})
	}
}

package web

import (
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/labstack/echo/v4"
)

func TestEveryResponseCarriesSecurityHeaders(t *testing.T) {
	t.Parallel()
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
	t.Parallel()
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

func TestPanicsBecomeA500Page(t *testing.T) {
	t.Parallel()
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
	t.Parallel()
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
	t.Parallel()
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
	t.Parallel()
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

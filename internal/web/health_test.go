package web

import (
	"context"
	"errors"
	"net/http"
	"strings"
	"testing"
)

func TestReadyzFailsWhenTheDatabaseIsNotReady(t *testing.T) {
	t.Parallel()
	s := mustServer(t, Deps{Ready: func(context.Context) error { return errors.New("2 migrations pending") }})
	rec := do(t, s, http.MethodGet, "/readyz", "")
	if rec.Code != http.StatusServiceUnavailable {
		t.Fatalf("status = %d, want 503", rec.Code)
	}
	if strings.Contains(rec.Body.String(), "migrations") {
		t.Error("readyz leaks internal error text")
	}
}

func TestMetricsCountRequestsByRouteTemplate(t *testing.T) {
	t.Parallel()
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

// TestMetricsMethodLabelsAreAFixedSet reproduces F-03: a client inventing HTTP methods
// must not add a series per method string.
func TestMetricsMethodLabelsAreAFixedSet(t *testing.T) {
	t.Parallel()
	s := mustServer(t, Deps{})
	for _, m := range []string{"EVILMETHOD1", "EVILMETHOD2", strings.Repeat("X", 300)} {
		do(t, s, m, "/healthz", "")
	}
	body := do(t, s, http.MethodGet, "/metrics", "").Body.String()
	if strings.Contains(body, "EVILMETHOD") || strings.Contains(body, "XXXX") {
		t.Error("metrics label an invented method as sent")
	}
	if !strings.Contains(body, `vcready_http_requests_total{method="OTHER",route="/healthz",status="403"} 3`) {
		t.Errorf("invented methods are not counted as OTHER:\n%s", grepLines(body, "vcready_http_requests_total"))
	}
}

func grepLines(s, sub string) string {
	var out []string
	for _, l := range strings.Split(s, "\n") {
		if strings.Contains(l, sub) {
			out = append(out, l)
		}
	}
	return strings.Join(out, "\n")
}

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

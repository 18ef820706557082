package web

import (
	"net/http"
	"strings"
	"testing"
	"vcready/static"
)

func TestStaticFilesAreCachedForAYear(t *testing.T) {
	t.Parallel()
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

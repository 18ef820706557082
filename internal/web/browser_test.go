package web

import (
	"net/http/httptest"
	"testing"

	"github.com/chromedp/chromedp"

	"vcready/internal/browsertest"
)

// TestPagesInABrowser loads public pages in headless Chromium and holds each to WCAG
// 2.2 AA with axe-core.
func TestPagesInABrowser(t *testing.T) {
	t.Parallel()
	if testing.Short() {
		t.Skip("browser test skipped in -short mode")
	}
	ctx := browsertest.New(t)
	ts := httptest.NewServer(newTestApp(t).Handler) // the whole service: the open-data page reads snapshots
	defer ts.Close()
	pages := []struct{ name, path, h1 string }{
		{"home", "/", "Check how ready your team is to run video consultations well"},
		{"not-found", "/no-such-page", "Page not found"},
		{"accessibility", "/accessibility", "Accessibility statement"},
		{"questionnaire preview", "/questionnaire", "Video consultation readiness"},
		{"scoring", "/scoring", "How scoring works"},
		{"open data", "/open-data", "Open data: how ready teams are for video consultations"},
	}
	for _, p := range pages {
		t.Run(p.name, func(t *testing.T) {
			if err := chromedp.Do(ctx, chromedp.Navigate(ts.URL+p.path)); err != nil {
				t.Fatalf("navigate: %v", err)
			}
			h1, err := chromedp.Run(ctx, chromedp.Text(chromedp.CSS("h1")))
			if err != nil || h1 != p.h1 {
				t.Errorf("h1 = %q (%v), want %q", h1, err, p.h1)
			}
			// The design system's JavaScript ran: our CSP let the module load.
			enabled, err := chromedp.Run(ctx, chromedp.Evaluate[bool]("document.body.classList.contains('nhsuk-frontend-supported')"))
			if err != nil || !enabled {
				t.Errorf("nhsuk-frontend-supported class missing (%v): inline snippet blocked by CSP?", err)
			}
			browsertest.CheckA11y(t, ctx, p.name)
			browsertest.Screenshot(t, ctx, p.name)
		})
	}
}

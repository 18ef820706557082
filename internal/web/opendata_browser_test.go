package web

import (
	"net/http/httptest"
	"testing"

	"github.com/chromedp/chromedp"

	"vcready/internal/browsertest"
)

// TestOpenDataPageReflowsAt320px: with a table of figures, the page does not scroll
// sideways on a 320px-wide screen (WCAG 1.4.10); the table scrolls in its own region,
// which keyboard users can focus, and axe finds nothing.
func TestOpenDataPageReflowsAt320px(t *testing.T) {
	t.Parallel()
	if testing.Short() {
		t.Skip("browser test skipped in -short mode")
	}
	ctx := browsertest.New(t)
	a := newTestApp(t)
	publishTeams(a, 10)
	ts := httptest.NewServer(a.Handler)
	defer ts.Close()
	if err := chromedp.Do(ctx, chromedp.EmulateViewport(320, 800), chromedp.Navigate(ts.URL+"/open-data")); err != nil {
		t.Fatalf("navigate: %v", err)
	}
	wide, err := browsertest.Eval[bool](ctx, "document.documentElement.scrollWidth > document.documentElement.clientWidth")
	if err != nil || wide {
		t.Errorf("the page scrolls sideways at 320px (%v)", err)
	}
	region, err := browsertest.Eval[bool](ctx, `(() => { const r = document.querySelector('[role=region][tabindex="0"]');
		r.focus(); return document.activeElement === r && r.scrollWidth > r.clientWidth; })()`)
	if err != nil || !region {
		t.Errorf("the table's region cannot be focused or does not scroll (%v)", err)
	}
	browsertest.CheckA11y(t, ctx, "open data at 320px")
	browsertest.Screenshot(t, ctx, "open-data-320")
}

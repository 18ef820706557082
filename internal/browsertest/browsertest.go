// Package browsertest drives Debian's headless Chromium for end-to-end tests and
// checks pages with axe-core, the accessibility engine, against WCAG 2.0, 2.1 and 2.2
// levels A and AA.
//
// Without Chromium the tests skip with a message, except in CI (CI=true), where a
// skipped browser test would hide a broken pipeline, so they fail.
package browsertest

import (
	"context"
	_ "embed"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

//go:embed testdata/axe.min.js
var axeSource string

// ExecPath finds Chromium: $CHROME_PATH, else chromium on the PATH.
func ExecPath() (string, bool) {
	if p := os.Getenv("CHROME_PATH"); p != "" {
		return p, true
	}
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome"} {
		if p, err := exec.LookPath(name); err == nil {
			return p, true
		}
	}
	return "", false
}

// New starts a headless Chromium with a fresh profile and returns a context for one
// tab, closed when the test ends. Every action gets a generous deadline so a hung
// browser fails the test instead of the whole run.
func New(t testing.TB) context.Context {
	t.Helper()
	path, ok := ExecPath()
	if !ok {
		if os.Getenv("CI") == "true" {
			t.Fatal("Chromium not found: CI must run the browser tests (install Debian's chromium or set CHROME_PATH)")
		}
		t.Skip("browser test skipped: Chromium not found (install Debian's chromium or set CHROME_PATH)")
	}
	opts := append(chromedp.DefaultExecAllocatorOptions[:],
		chromedp.ExecPath(path),
		chromedp.NoSandbox,
		chromedp.DisableGPU,
		chromedp.UserDataDir(t.TempDir()),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-quic", true),
		chromedp.Flag("no-first-run", true),
		chromedp.WindowSize(1280, 900),
	)
	actx, cancelAlloc := chromedp.NewExecAllocator(context.Background(), opts...)
	ctx, cancelTab := chromedp.NewContext(actx)
	ctx, cancelTime := context.WithTimeout(ctx, 3*time.Minute)
	t.Cleanup(func() { cancelTime(); cancelTab(); cancelAlloc() })
	if err := chromedp.Do(ctx); err != nil {
		t.Fatalf("start Chromium: %v", err)
	}
	return ctx
}

// Violation is one axe-core finding.
type Violation struct {
	ID     string `json:"id"`
	Impact string `json:"impact"`
	Help   string `json:"help"`
	Nodes  []struct {
		Target []any  `json:"target"`
		HTML   string `json:"html"`
	} `json:"nodes"`
}

type axeResult struct {
	Violations []Violation `json:"violations"`
}

// AxeTags are the rule sets we hold every page to.
var AxeTags = []string{"wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"}

// Axe runs axe-core on the page in ctx and returns its violations.
func Axe(ctx context.Context) ([]Violation, error) {
	loaded, err := chromedp.Run(ctx, chromedp.Evaluate[bool]("typeof window.axe === 'object'"))
	if err != nil {
		return nil, fmt.Errorf("check axe: %w", err)
	}
	if !loaded {
		if err := chromedp.Do(ctx, chromedp.Evaluate[chromedp.Void](axeSource)); err != nil {
			return nil, fmt.Errorf("inject axe: %w", err)
		}
	}
	expr := fmt.Sprintf("axe.run(document, {runOnly: {type: 'tag', values: ['%s']}}).then(r => ({violations: r.violations}))",
		strings.Join(AxeTags, "','"))
	res, err := chromedp.Run(ctx, chromedp.Evaluate[axeResult](expr, chromedp.EvalAwaitPromise))
	if err != nil {
		return nil, fmt.Errorf("run axe: %w", err)
	}
	return res.Violations, nil
}

// CheckA11y fails the test if axe-core finds any WCAG A or AA violation on the
// current page. label names the page state in the failure message.
func CheckA11y(t testing.TB, ctx context.Context, label string) {
	t.Helper()
	vs, err := Axe(ctx)
	if err != nil {
		t.Fatalf("%s: %v", label, err)
	}
	for _, v := range vs {
		var where []string
		for _, n := range v.Nodes {
			where = append(where, fmt.Sprint(n.Target)+" "+truncate(n.HTML, 160))
		}
		t.Errorf("%s: axe %s (%s): %s\n  %s", label, v.ID, v.Impact, v.Help, strings.Join(where, "\n  "))
	}
}

// Screenshot saves a full-page PNG named name into $VCREADY_SCREENSHOTS, when set, so
// a person can look at what the tests saw.
func Screenshot(t testing.TB, ctx context.Context, name string) {
	t.Helper()
	dir := os.Getenv("VCREADY_SCREENSHOTS")
	if dir == "" {
		return
	}
	png, err := chromedp.Run(ctx, chromedp.FullScreenshot(100))
	if err != nil {
		t.Errorf("screenshot %s: %v", name, err)
		return
	}
	if err := os.WriteFile(filepath.Join(dir, name+".png"), png, 0o644); err != nil {
		t.Errorf("screenshot %s: %v", name, err)
	}
}

func truncate(s string, n int) string {
	if len(s) <= n {
		return s
	}
	return s[:n] + "…"
}

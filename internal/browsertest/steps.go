package browsertest

import (
	"context"
	"strings"
	"testing"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"
)

// Steps keeps a browser test readable: each step does what a person would (visit,
// fill, click, submit), checks where it landed, and fails the test saying what it
// was doing. Every page a Submit lands on is held to WCAG 2.2 AA with axe and
// screenshotted.
type Steps struct {
	T    testing.TB
	Ctx  context.Context
	Base string // the server's URL, prefixed to Visit paths
	// Prefix starts each screenshot's name, to group a test's pictures.
	Prefix string
	// NoJS says the page's scripts are off (see Scripts). They are switched on only
	// while axe runs on a page already loaded without them, so axe sees the
	// no-JavaScript page.
	NoJS bool
}

// NewSteps is Steps on the browser ctx against the server at base.
func NewSteps(t testing.TB, ctx context.Context, base string) *Steps {
	return &Steps{T: t, Ctx: ctx, Base: base}
}

// Visit loads path and checks the page title starts with wantTitle.
func (s *Steps) Visit(path, wantTitle string) *Steps {
	s.T.Helper()
	if err := Go(s.Ctx, s.Base+path); err != nil {
		s.T.Fatalf("visit %s: %v", path, err)
	}
	s.WantTitle(wantTitle, path)
	return s
}

// Submit clicks sel (a link or button), waits for the next page, checks its title and
// runs axe on it.
func (s *Steps) Submit(sel, wantTitle, label string) *Steps {
	s.T.Helper()
	if err := ClickAndWait(s.Ctx, sel); err != nil {
		s.T.Fatalf("%s: %v", label, err)
	}
	s.WantTitle(wantTitle, label)
	s.Check(label)
	return s
}

// Check runs axe on the page and takes a screenshot named after label.
func (s *Steps) Check(label string) {
	s.T.Helper()
	if s.NoJS {
		s.Scripts(true) // axe itself is a script
		defer s.Scripts(false)
	}
	CheckA11y(s.T, s.Ctx, label)
	Screenshot(s.T, s.Ctx, s.Prefix+strings.ReplaceAll(label, " ", "-"))
}

// WantTitle fails unless the document title starts with want.
func (s *Steps) WantTitle(want, label string) {
	s.T.Helper()
	title, err := Eval[string](s.Ctx, "document.title")
	if err != nil || !strings.HasPrefix(title, want) {
		h1, _ := Text(s.Ctx, "h1")
		s.T.Fatalf("%s: title %q (h1 %q), want it to start with %q", label, title, h1, want)
	}
}

// WantText reports each string of want that the element sel does not show.
func (s *Steps) WantText(sel string, want ...string) {
	s.T.Helper()
	text := s.Text(sel)
	for _, w := range want {
		if !strings.Contains(text, w) {
			s.T.Errorf("%s does not say %q: %.300s", sel, w, text)
		}
	}
}

// Text is the visible text of the first element matching sel, trimmed.
func (s *Steps) Text(sel string) string {
	s.T.Helper()
	v, err := Text(s.Ctx, sel)
	if err != nil {
		s.T.Fatalf("text of %s: %v", sel, err)
	}
	return strings.TrimSpace(v)
}

// Fill replaces the value of the input sel.
func (s *Steps) Fill(sel, value string) *Steps {
	s.T.Helper()
	if err := Fill(s.Ctx, sel, value); err != nil {
		s.T.Fatalf("fill %s: %v", sel, err)
	}
	return s
}

// Click clicks an element as a person would, with the mouse.
func (s *Steps) Click(sel string) *Steps {
	s.T.Helper()
	if err := chromedp.Do(s.Ctx, chromedp.Click(chromedp.CSS(sel))); err != nil {
		s.T.Fatalf("click %s: %v", sel, err)
	}
	return s
}

// ClickScript clicks an element from script, for controls the design system hides
// behind a styled label.
func (s *Steps) ClickScript(sel string) *Steps {
	s.T.Helper()
	if _, err := Eval[bool](s.Ctx, "(document.querySelector('"+sel+"').click(), true)"); err != nil {
		s.T.Fatalf("click %s: %v", sel, err)
	}
	return s
}

// Eval evaluates a JavaScript expression that yields a string.
func (s *Steps) Eval(expr string) string {
	s.T.Helper()
	v, err := Eval[string](s.Ctx, expr)
	if err != nil {
		s.T.Fatalf("eval %s: %v", expr, err)
	}
	return v
}

// Path is the current page's path and query.
func (s *Steps) Path() string { return s.Eval("location.pathname + location.search") }

// Scripts switches the page's JavaScript on or off.
func (s *Steps) Scripts(on bool) {
	s.T.Helper()
	_, err := chromedp.Call(s.Ctx, emulation.SetScriptExecutionDisabled, emulation.SetScriptExecutionDisabledParams{Value: !on})
	if err != nil {
		s.T.Fatalf("switch scripts on=%v: %v", on, err)
	}
}

// Await evaluates an expression that yields a promise of a string (a fetch, say) and
// waits for its value.
func (s *Steps) Await(expr string) string {
	s.T.Helper()
	v, err := chromedp.Run(s.Ctx, chromedp.Evaluate[string](expr, chromedp.EvalAwaitPromise))
	if err != nil {
		s.T.Fatalf("await %s: %v", expr, err)
	}
	return v
}

package browsertest

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"os/exec"
	"testing"
	"time"

	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"
)

// Go navigates to url and waits for the page to load.
func Go(ctx context.Context, url string) error {
	return chromedp.Do(ctx, chromedp.Navigate(url))
}

// ClickAndWait clicks the element sel (a link or a submit button) and waits until a
// new document has loaded: it marks the current window first, so an old page that
// happens to look ready is never mistaken for the new one.
func ClickAndWait(ctx context.Context, sel string) error {
	if err := chromedp.Do(ctx, chromedp.Evaluate[chromedp.Void]("window.__vcreadyOld = true")); err != nil {
		return fmt.Errorf("mark page: %w", err)
	}
	if err := chromedp.Do(ctx, chromedp.Click(chromedp.CSS(sel), chromedp.NodeVisible)); err != nil {
		return fmt.Errorf("click %s: %w", sel, err)
	}
	return waitForNewPage(ctx, sel)
}

// waitForNewPage polls until the marked window is gone and the new document is
// complete. Evaluation errors while the page is navigating are expected and retried.
func waitForNewPage(ctx context.Context, what string) error {
	deadline := time.Now().Add(20 * time.Second)
	for time.Now().Before(deadline) {
		done, err := chromedp.Run(ctx, chromedp.Evaluate[bool]("!window.__vcreadyOld && document.readyState === 'complete'"))
		if err == nil && done {
			return nil
		}
		if ctx.Err() != nil {
			return ctx.Err()
		}
		time.Sleep(25 * time.Millisecond)
	}
	return fmt.Errorf("no new page loaded within 20s after %s", what)
}

// Fill replaces the value of the input sel with value.
func Fill(ctx context.Context, sel, value string) error {
	return chromedp.Do(ctx, chromedp.SetValue(chromedp.CSS(sel), value))
}

// Text returns the visible text of the first element matching sel.
func Text(ctx context.Context, sel string) (string, error) {
	return chromedp.Run(ctx, chromedp.Text(chromedp.CSS(sel)))
}

// Eval evaluates a JavaScript expression and returns its value.
func Eval[T any](ctx context.Context, expr string) (T, error) {
	return chromedp.Run(ctx, chromedp.Evaluate[T](expr))
}

// PrintPDF prints the current page as the browser would to paper (A4, print styles,
// background graphics off), for tests of what a printed page says.
func PrintPDF(ctx context.Context) ([]byte, error) {
	res, err := chromedp.Call(ctx, page.PrintToPDF, page.PrintToPDFParams{PaperWidth: 8.27, PaperHeight: 11.69})
	if err != nil {
		return nil, fmt.Errorf("print to PDF: %w", err)
	}
	return res.Data, nil
}

// PDFText extracts a PDF's text with Debian's pdftotext (poppler-utils). Without it the
// calling test is skipped, except in CI (CI=true), where it fails.
func PDFText(t testing.TB, pdf []byte) string {
	t.Helper()
	bin, err := exec.LookPath("pdftotext")
	if err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatal("pdftotext not found: CI must check printed pages (install Debian's poppler-utils)")
		}
		t.Skip("pdftotext not found (Debian's poppler-utils); skipping the printed-page check")
	}
	cmd := exec.Command(bin, "-layout", "-", "-")
	cmd.Stdin = bytes.NewReader(pdf)
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("pdftotext: %v", err)
	}
	return string(out)
}

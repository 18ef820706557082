package report_test

import (
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"vcready/internal/report"
)

func writePlanPDF(t *testing.T, d report.PlanDocument) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := report.WritePlanPDF(&buf, d); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func TestWritePlanPDFIsReproducible(t *testing.T) {
	first, second := writePlanPDF(t, planFixture()), writePlanPDF(t, planFixture())
	if !bytes.HasPrefix(first, []byte("%PDF-")) {
		t.Fatalf("not a PDF: %q", first[:min(len(first), 20)])
	}
	if !bytes.Equal(first, second) {
		t.Error("two renders of the same plan differ")
	}
	if !bytes.Contains(first, []byte("/CreationDate (D:20261201093000")) {
		t.Error("the creation date is not the plan's GeneratedAt")
	}
}

func TestWritePlanPDFText(t *testing.T) {
	text := pdfText(t, writePlanPDF(t, planFixture()))
	for _, want := range []string{
		"Siân Ó Dónaill's | *Ward* 7 action plan", "Ysbyty Gwynedd", "Siân Ó Dónaill", "Zoë Øster",
		"Offer an interpreter on every video call", "Name a lead for video consultations",
		"Booked the first session ?", "=SUM(A1)", "Established", "54.2",
		"If you finish your 5 do-first actions",
	} {
		if !strings.Contains(text, want) {
			t.Errorf("the PDF's text lacks %q", want)
		}
	}
	if strings.Contains(text, "🎉") {
		t.Error("the emoji was drawn, not replaced")
	}
}

// TestWritePlanPDFBreaksPagesBetweenRows writes a plan long enough for several pages
// and checks every action is there whole, its text on one page.
func TestWritePlanPDFBreaksPagesBetweenRows(t *testing.T) {
	d := planFixture()
	base := d.Actions[0]
	d.Actions = nil
	for i := range 40 {
		a := base
		a.ID, a.Rank, a.Text = fmt.Sprintf("act-%d", i+1), i+1, fmt.Sprintf("Action number %d to do", i+1)
		d.Actions = append(d.Actions, a)
	}
	pages := strings.Split(pdfText(t, writePlanPDF(t, d)), "\f")
	if len(pages) < 3 {
		t.Fatalf("%d pages, want the 40 actions over several", len(pages))
	}
	for i := range 40 {
		want := fmt.Sprintf("Action number %d to do", i+1)
		n := 0
		for _, page := range pages {
			n += strings.Count(page, want)
		}
		if n != 1 {
			t.Errorf("%q is on the pages %d times, want once", want, n)
		}
	}
	// Each row's last line is on the page of its first: no row is cut.
	for i, page := range pages {
		first, last := strings.Count(page, "Action number"), strings.Count(page, "Carried forward from the previous plan")
		if first != last {
			t.Errorf("page %d starts %d rows and ends %d", i+1, first, last)
		}
	}
}

func TestWritePlanPDFWithoutScoresOrActions(t *testing.T) {
	d := report.PlanDocument{Team: "Empty 🙂", GeneratedAt: planFixture().GeneratedAt}
	text := pdfText(t, writePlanPDF(t, d))
	if !strings.Contains(text, "This plan has no actions.") {
		t.Errorf("an empty plan does not say so:\n%s", text)
	}
}

// pdfText extracts the text of a PDF with poppler's pdftotext. Without it the test
// skips, except in CI (CI=true), where it fails: a green CI run means the PDF's text
// was really checked.
func pdfText(t *testing.T, pdf []byte) string {
	t.Helper()
	bin, err := exec.LookPath("pdftotext")
	if err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatal("pdftotext not found: CI must check the PDF's text (install Debian's poppler-utils)")
		}
		t.Skip("pdftotext not found (Debian's poppler-utils); skipping the PDF text check")
	}
	path := filepath.Join(t.TempDir(), "plan.pdf")
	if err := os.WriteFile(path, pdf, 0o644); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command(bin, "-enc", "UTF-8", "-layout", path, "-").Output()
	if err != nil {
		t.Fatalf("pdftotext: %v", err)
	}
	return string(out)
}

// TestWritePlanPDFCutsACellTallerThanAPage checks a note too long for one page is cut
// short with an ellipsis, rather than drawn off the page.
func TestWritePlanPDFCutsACellTallerThanAPage(t *testing.T) {
	d := planFixture()
	d.Actions[6].Notes = strings.Repeat("a long note that goes on ", 400) + "THE END"
	text := pdfText(t, writePlanPDF(t, d))
	if strings.Contains(text, "THE END") {
		t.Error("the end of a note longer than a page is drawn")
	}
	if !strings.Contains(text, "…") {
		t.Error("the cut note has no ellipsis")
	}
	if !strings.Contains(text, "Review the platform's approval each year") {
		t.Error("the action with the long note is missing")
	}
}

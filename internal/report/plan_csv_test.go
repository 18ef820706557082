package report_test

import (
	"bytes"
	"strings"
	"testing"
	"time"

	"vcready/internal/report"
)

func TestWritePlanCSVMatchesGolden(t *testing.T) {
	var buf bytes.Buffer
	if err := report.WritePlanCSV(&buf, planFixture()); err != nil {
		t.Fatal(err)
	}
	golden(t, "plan.csv", buf.Bytes())
	if !strings.Contains(buf.String(), ",'=SUM(A1),") {
		t.Error("the formula-like note is not neutralised")
	}
}

func TestPlanFileName(t *testing.T) {
	day := time.Date(2026, 12, 1, 23, 30, 0, 0, time.FixedZone("", -3600))
	for _, tc := range []struct{ team, ext, want string }{
		{"Ward 7", "pdf", "Ward 7 action plan 2026-12-02.pdf"},
		{"Siân / Zoë", "ics", "Siân - Zoë action plan 2026-12-02.ics"},
	} {
		if got := report.PlanFileName(tc.team, day, tc.ext); got != tc.want {
			t.Errorf("PlanFileName(%q) = %q, want %q", tc.team, got, tc.want)
		}
		if report.PlanContentTypes[tc.ext] == "" {
			t.Errorf("no content type for %q", tc.ext)
		}
	}
}

func TestProjectedGain(t *testing.T) {
	d := planFixture()
	want := "If you finish your 5 do-first actions, your overall score would rise from 54.2 (Established) to 61.0 (Established)."
	if got := report.ProjectedGain(d); got != want {
		t.Errorf("got %q, want %q", got, want)
	}
	d.Projected.DoFirst.Overall = ptr(54.2)
	d.Actions = d.Actions[:1]
	want = "If you finish your 1 do-first action, your overall score would stay at 54.2 (Established)."
	if got := report.ProjectedGain(d); got != want {
		t.Errorf("got %q, want %q", got, want)
	}
	d.Projected.Overall = nil
	if got := report.ProjectedGain(d); got != "" {
		t.Errorf("without a score now: got %q, want none", got)
	}
}

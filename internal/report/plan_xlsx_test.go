package report_test

import (
	"bytes"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/xuri/excelize/v2"

	"vcready/internal/report"
)

func openPlanXLSX(t *testing.T) (*excelize.File, string) {
	t.Helper()
	var buf bytes.Buffer
	if err := report.WritePlanXLSX(&buf, planFixture()); err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenReader(&buf)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { f.Close() })
	return f, f.GetSheetName(0)
}

func TestWritePlanXLSXCells(t *testing.T) {
	f, sheet := openPlanXLSX(t)
	if sheet != "Action plan" {
		t.Errorf("sheet %q, want Action plan", sheet)
	}
	rows, err := f.GetRows(sheet)
	if err != nil {
		t.Fatal(err)
	}
	if len(rows) != 8 {
		t.Fatalf("%d rows, want a header and 7 actions", len(rows))
	}
	want := []string{"2", "yes", "Equity and inclusion", "Do you offer interpreters on video calls?",
		"Level 2 of 4: Sometimes", "Offer an interpreter on every video call that needs one",
		"Zoë Øster", "2027-02-01", "Not started", "=SUM(A1)", "10.5"}
	if diff := cmp.Diff(want, rows[2]); diff != "" {
		t.Errorf("row 3 (-want +got):\n%s", diff)
	}
	if got := rows[3][7]; got != "" {
		t.Errorf("an action without a due date shows %q", got)
	}
	for cell, want := range map[string]string{"A2": "number", "K2": "number", "F2": "text", "J3": "text", "H4": "empty"} {
		if got := cellKind(t, f, sheet, cell); got != want {
			t.Errorf("%s is %s, want %s", cell, got, want)
		}
	}
	if formula, _ := f.GetCellFormula(sheet, "J3"); formula != "" {
		t.Errorf("the note became a formula %q", formula)
	}
}

func TestWritePlanXLSXDueDateIsADate(t *testing.T) {
	f, sheet := openPlanXLSX(t)
	raw, err := f.GetCellValue(sheet, "H2", excelize.Options{RawCellValue: true})
	if err != nil {
		t.Fatal(err)
	}
	if raw != "46402" { // 2027-01-15 as Excel's day number
		t.Errorf("H2 holds %q, want the day number 46402", raw)
	}
	styleID, err := f.GetCellStyle(sheet, "H2")
	if err != nil {
		t.Fatal(err)
	}
	style, err := f.GetStyle(styleID)
	if err != nil {
		t.Fatal(err)
	}
	if style.CustomNumFmt == nil || *style.CustomNumFmt != "yyyy-mm-dd" {
		t.Errorf("H2's number format is %v, want yyyy-mm-dd", style.CustomNumFmt)
	}
}

func TestWritePlanXLSXStatusDropDownAndFrozenHeader(t *testing.T) {
	f, sheet := openPlanXLSX(t)
	dvs, err := f.GetDataValidations(sheet)
	if err != nil {
		t.Fatal(err)
	}
	if len(dvs) != 1 {
		t.Fatalf("%d data validations, want 1", len(dvs))
	}
	dv := dvs[0]
	if dv.Type != "list" || dv.Sqref != "I2:I1048576" || dv.Formula1 != `"Not started,In progress,Done,Dropped"` {
		t.Errorf("validation type %q on %q of %q, want the status list on column I", dv.Type, dv.Sqref, dv.Formula1)
	}
	if !dv.ShowErrorMessage {
		t.Error("a status off the list is not refused")
	}
	panes, err := f.GetPanes(sheet)
	if err != nil {
		t.Fatal(err)
	}
	if !panes.Freeze || panes.YSplit != 1 || panes.TopLeftCell != "A2" {
		t.Errorf("panes %+v, want the header row frozen", panes)
	}
	if w, _ := f.GetColWidth(sheet, "F"); w <= 20 {
		t.Errorf("the action column is %v wide, want it fitted to the text", w)
	}
}

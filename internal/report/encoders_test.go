package report_test

import (
	"bytes"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/xuri/excelize/v2"

	"vcready/internal/report"
)

var update = flag.Bool("update", false, "rewrite the golden files under testdata")

// awkward is a table with what exports meet: names outside ASCII, quotes, commas and
// newlines, every formula-injection prefix, negative numbers, fixed decimals, empty
// cells and a short row.
func awkward() report.Table {
	T, N := report.Text, report.Num
	return report.Table{
		Title:   "Ysbyty Gwynedd: [Ærø] 🙂 a very long title indeed",
		Columns: []string{"team", "note", "score", "count"},
		Rows: [][]report.Cell{
			{T("Ysbyty Gwynedd"), T("Ærø 🙂 naïve"), report.Fixed(3, 1), N(12)},
			{T(`Say "hi", then`), T("line one\nline two"), report.Fixed(2.45, 1), N(-3.5)},
			{T("=1+1"), T("+44 20"), report.FixedOrEmpty(nil, 1), N(0.125)},
			{T("-2"), T("@SUM(A1)"), report.Fixed(-1, 1), T("-3.5")},
			{T("\tindented"), T("\rreturn"), T(""), T("ok")},
			{T("short row")},
		},
	}
}

func TestWriteCSVMatchesGolden(t *testing.T) {
	var buf bytes.Buffer
	if err := report.WriteCSV(&buf, awkward()); err != nil {
		t.Fatal(err)
	}
	golden(t, "awkward.csv", buf.Bytes())
}

func TestWriteCSVNeutralisesOnlyText(t *testing.T) {
	tbl := report.Table{Columns: []string{"n", "t"}, Rows: [][]report.Cell{{report.Num(-3.5), report.Text("-3.5")}}}
	var buf bytes.Buffer
	if err := report.WriteCSV(&buf, tbl); err != nil {
		t.Fatal(err)
	}
	if got, want := buf.String(), "\uFEFFn,t\r\n-3.5,'-3.5\r\n"; got != want {
		t.Errorf("got %q, want %q", got, want)
	}
}

func TestWriteXLSXCells(t *testing.T) {
	tbl := awkward()
	f := openXLSX(t, tbl)
	sheet := f.GetSheetName(0)
	if want := "Ysbyty Gwynedd Ærø 🙂 a very lo"; sheet != want {
		t.Errorf("sheet %q, want %q", sheet, want)
	}
	rows, err := f.GetRows(sheet, excelize.Options{RawCellValue: true})
	if err != nil {
		t.Fatal(err)
	}
	want := [][]string{
		{"team", "note", "score", "count"},
		{"Ysbyty Gwynedd", "Ærø 🙂 naïve", "3", "12"},
		{`Say "hi", then`, "line one\nline two", "2.45", "-3.5"},
		{"=1+1", "+44 20", "", "0.125"},
		{"-2", "@SUM(A1)", "-1", "-3.5"},
		{"\tindented", "\rreturn", "", "ok"},
		{"short row"},
	}
	if diff := cmp.Diff(want, rows); diff != "" {
		t.Errorf("cells (-want +got):\n%s", diff)
	}
	golden(t, "awkward.xlsx.txt", []byte(describeXLSX(t, f, sheet, tbl)))
}

func TestWriteXLSXNumbersAreNumbersAndHeaderIsFrozen(t *testing.T) {
	f := openXLSX(t, awkward())
	sheet := f.GetSheetName(0)
	for cell, want := range map[string]string{
		"C2": "number", "D3": "number", "C5": "number", "A4": "text", "D5": "text", "C4": "empty",
	} {
		if got := cellKind(t, f, sheet, cell); got != want {
			t.Errorf("%s is %s, want %s", cell, got, want)
		}
	}
	if got, _ := f.GetCellValue(sheet, "C2"); got != "3.0" {
		t.Errorf("C2 shown as %q, want 3.0 (one fixed decimal)", got)
	}
	panes, err := f.GetPanes(sheet)
	if err != nil {
		t.Fatal(err)
	}
	if !panes.Freeze || panes.YSplit != 1 || panes.XSplit != 0 || panes.TopLeftCell != "A2" {
		t.Errorf("panes %+v, want the header row frozen", panes)
	}
}

func TestSheetName(t *testing.T) {
	for _, tc := range []struct{ name, title, want string }{
		{"plain", "Assessments", "Assessments"},
		{"forbidden characters", `a[b]c:d*e?f/g\h`, "a b c d e f g h"},
		{"runs of spaces", "a [] b", "a b"},
		{"quotes at the ends", "'quoted'", "quoted"},
		{"empty", " / ", "Sheet1"},
		{"31 units", "abcdefghijklmnopqrstuvwxyz0123456789", "abcdefghijklmnopqrstuvwxyz01234"},
		{"emoji count two", "🙂🙂🙂🙂🙂🙂🙂🙂🙂🙂🙂🙂🙂🙂🙂🙂", "🙂🙂🙂🙂🙂🙂🙂🙂🙂🙂🙂🙂🙂🙂🙂"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := report.SheetName(tc.title); got != tc.want {
				t.Errorf("SheetName(%q) = %q, want %q", tc.title, got, tc.want)
			}
		})
	}
}

func openXLSX(t *testing.T, tbl report.Table) *excelize.File {
	t.Helper()
	var buf bytes.Buffer
	if err := report.WriteXLSX(&buf, tbl); err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenReader(&buf)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { f.Close() })
	return f
}

// describeXLSX lists what the workbook holds, cell by cell with its type and the value
// Excel shows, plus the panes and column widths: a stable golden where the zip bytes
// (with their timestamps) are not.
func describeXLSX(t *testing.T, f *excelize.File, sheet string, tbl report.Table) string {
	t.Helper()
	var b bytes.Buffer
	panes, _ := f.GetPanes(sheet)
	b.WriteString("sheet " + sheet + "\n")
	b.WriteString("panes freeze=" + strconv.FormatBool(panes.Freeze) + " top-left=" + panes.TopLeftCell + "\n")
	for c := range tbl.Columns {
		col, _ := excelize.ColumnNumberToName(c + 1)
		w, _ := f.GetColWidth(sheet, col)
		b.WriteString("width " + col + " " + report.Number(w) + "\n")
	}
	for r := range len(tbl.Rows) + 1 {
		for c := range tbl.Columns {
			cell, _ := excelize.CoordinatesToCellName(c+1, r+1)
			v, _ := f.GetCellValue(sheet, cell)
			b.WriteString(cell + " " + cellKind(t, f, sheet, cell) + " " + strconv.Quote(v) + "\n")
		}
	}
	return b.String()
}

// cellKind says what a cell holds. A number cell has no type attribute (the default,
// "n"), which excelize reports as CellTypeUnset; a cell with neither type nor value is
// empty.
func cellKind(t *testing.T, f *excelize.File, sheet, cell string) string {
	t.Helper()
	typ, err := f.GetCellType(sheet, cell)
	if err != nil {
		t.Fatal(err)
	}
	raw, _ := f.GetCellValue(sheet, cell, excelize.Options{RawCellValue: true})
	switch {
	case typ == excelize.CellTypeInlineString || typ == excelize.CellTypeSharedString:
		return "text"
	case (typ == excelize.CellTypeUnset || typ == excelize.CellTypeNumber) && raw != "":
		if _, err := strconv.ParseFloat(raw, 64); err == nil {
			return "number"
		}
	case typ == excelize.CellTypeUnset:
		return "empty"
	}
	return fmt.Sprintf("other (%v %q)", typ, raw)
}

func golden(t *testing.T, name string, got []byte) {
	t.Helper()
	path := filepath.Join("testdata", name)
	if *update {
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run with -update to create it)", err)
	}
	if diff := cmp.Diff(string(want), string(got)); diff != "" {
		t.Errorf("%s differs (-want +got; -update to accept):\n%s", path, diff)
	}
}

// BenchmarkWriteXLSX writes an export the size of a large organisation's: 2,000
// assessments of 70 columns.
func BenchmarkWriteXLSX(b *testing.B) {
	tbl := report.Table{Title: "Assessments"}
	for i := range 70 {
		tbl.Columns = append(tbl.Columns, fmt.Sprintf("col-%02d", i))
	}
	for i := range 2000 {
		row := make([]report.Cell, 70)
		for j := range row {
			if j%3 == 0 {
				row[j] = report.Text(fmt.Sprintf("option-%d-%d", i, j))
			} else {
				row[j] = report.Fixed(float64(i%50)/10, 1)
			}
		}
		tbl.Rows = append(tbl.Rows, row)
	}
	for b.Loop() {
		if err := report.WriteXLSX(io.Discard, tbl); err != nil {
			b.Fatal(err)
		}
	}
}

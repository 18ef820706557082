package report_test

import (
	"bytes"
	"encoding/csv"
	"math"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"vcready/internal/report"
)

// The fuzz targets feed the export encoders arbitrary strings where team members'
// free text lands (team names, owners, notes, answers): an export must never fail or
// panic on what someone typed. Seeds are the awkward cells of the golden tests.

// seedTexts are cells the golden fixtures already hold, plus a few byte-level oddities.
func seedTexts() []string {
	out := []string{"", "\xff\xfe", "\x00", "\uFEFF", "a\r\nb", "\"", `\.`, " lead", strings.Repeat("x", 300)}
	for _, row := range awkward().Rows {
		for _, c := range row {
			out = append(out, c.String())
		}
	}
	for _, a := range planFixture().Actions {
		out = append(out, a.Text, a.Owner, a.Notes)
	}
	return out
}

// FuzzWriteCSV checks that any text in any cell is written without error and reads
// back with encoding/csv as the same grid, each text cell as written (after the
// formula guard's quote).
func FuzzWriteCSV(f *testing.F) {
	texts := seedTexts()
	for i, s := range texts {
		f.Add(s, texts[(i+1)%len(texts)], float64(i)-2.5)
	}
	f.Fuzz(func(t *testing.T, a, b string, n float64) {
		tbl := fuzzTable(a, b, n)
		var buf bytes.Buffer
		if err := report.WriteCSV(&buf, tbl); err != nil {
			t.Fatalf("WriteCSV: %v", err)
		}
		r := csv.NewReader(strings.NewReader(strings.TrimPrefix(buf.String(), "\uFEFF")))
		r.FieldsPerRecord = len(tbl.Columns)
		records, err := r.ReadAll()
		if err != nil {
			t.Fatalf("read back %q: %v", buf.String(), err)
		}
		if len(records) != len(tbl.Rows)+1 {
			t.Fatalf("read back %d records, want %d: %q", len(records), len(tbl.Rows)+1, buf.String())
		}
		for i, want := range []string{a, b} {
			if got := records[1][i]; strings.TrimPrefix(got, "'") != csvReadable(want) && got != csvReadable(want) {
				t.Errorf("cell %d = %q, want %q", i, got, want)
			}
		}
	})
}

// csvReadable is s as it reads back: with CRLF line endings encoding/csv writes a
// line break in a field as CRLF and drops a lone carriage return, and reads CRLF back
// as LF.
func csvReadable(s string) string { return strings.ReplaceAll(s, "\r", "") }

// fuzzTable is a table with the fuzzed strings as its title, a column name and cells
// of every kind, and a short row.
func fuzzTable(a, b string, n float64) report.Table {
	return report.Table{
		Title:   a,
		Columns: []string{"a", "b", "n", b},
		Rows: [][]report.Cell{
			{report.Text(a), report.Text(b), report.Num(n), report.Fixed(n, 2)},
			{report.Text(b + a), report.Text(""), report.Day(time.Unix(int64(n)%1e10, 0))},
			{report.Text("short row " + a)},
		},
		Choices: map[string][]string{"a": {"yes", "no"}},
	}
}

// FuzzWriteXLSX checks that any text in any cell, and any title, makes a workbook
// that opens with the header and every row in it (the stream writer takes even a
// cell over Excel's 32,767 characters without an error).
func FuzzWriteXLSX(f *testing.F) {
	texts := seedTexts()
	for i, s := range texts {
		f.Add(s, texts[(i+3)%len(texts)], float64(i)*1.25)
	}
	f.Fuzz(func(t *testing.T, a, b string, n float64) {
		if math.IsNaN(n) || math.IsInf(n, 0) {
			n = 0 // a cell's number comes from a score or a count, never NaN
		}
		tbl := fuzzTable(a, b, n)
		var buf bytes.Buffer
		if err := report.WriteXLSX(&buf, tbl); err != nil {
			t.Fatalf("WriteXLSX: %v", err)
		}
		wb, err := excelize.OpenReader(&buf)
		if err != nil {
			t.Fatalf("open the workbook: %v", err)
		}
		defer wb.Close()
		rows, err := wb.GetRows(report.SheetName(tbl.Title))
		if err != nil {
			t.Fatalf("rows: %v", err)
		}
		if len(rows) != len(tbl.Rows)+1 {
			t.Fatalf("workbook has %d rows, want %d", len(rows), len(tbl.Rows)+1)
		}
	})
}

// FuzzPlanExports puts arbitrary text in every free-text field of a plan and writes
// it in each format: none may fail, the CSV reads back with one row per action, the
// PDF is a PDF and the calendar has one event per dated action.
func FuzzPlanExports(f *testing.F) {
	texts := seedTexts()
	// Every third text only: each seed writes a PDF, which is slow under -race, and
	// the three fields of a seed cover the rest.
	for i := 0; i < len(texts); i += 3 {
		f.Add(texts[i], texts[(i+1)%len(texts)], texts[(i+2)%len(texts)], "done")
	}
	f.Add("", "", "", "")
	f.Fuzz(func(t *testing.T, team, text, notes, status string) {
		d := fuzzPlan(team, text, notes, status)
		for ext, write := range planWriters {
			var buf bytes.Buffer
			if err := write(&buf, d); err != nil {
				t.Fatalf("%s: %v", ext, err)
			}
			checkPlanExport(t, ext, buf.Bytes(), d)
		}
	})
}

var planWriters = map[string]func(*bytes.Buffer, report.PlanDocument) error{
	"csv":  func(b *bytes.Buffer, d report.PlanDocument) error { return report.WritePlanCSV(b, d) },
	"xlsx": func(b *bytes.Buffer, d report.PlanDocument) error { return report.WritePlanXLSX(b, d) },
	"pdf":  func(b *bytes.Buffer, d report.PlanDocument) error { return report.WritePlanPDF(b, d) },
	"md":   func(b *bytes.Buffer, d report.PlanDocument) error { return report.WritePlanMarkdown(b, d) },
	"ics":  func(b *bytes.Buffer, d report.PlanDocument) error { return report.WritePlanICS(b, d) },
}

// fuzzPlan is the plan fixture with the fuzzed strings in its names and in every
// action's free text.
func fuzzPlan(team, text, notes, status string) report.PlanDocument {
	d := planFixture()
	d.Team, d.Organisation, d.Questionnaire = team, notes, text
	d.Scores[0].Title, d.Scores[1].Level = text, notes
	for i := range d.Actions {
		a := &d.Actions[i]
		a.Text, a.Notes, a.Owner, a.Question, a.Answer, a.Consideration = text, notes, team, notes, text, team
		if i%2 == 0 {
			a.Status, a.ID = status, team
		}
	}
	return d
}

func checkPlanExport(t *testing.T, ext string, out []byte, d report.PlanDocument) {
	t.Helper()
	switch ext {
	case "csv":
		r := csv.NewReader(bytes.NewReader(bytes.TrimPrefix(out, []byte("\uFEFF"))))
		records, err := r.ReadAll()
		if err != nil || len(records) != len(d.Actions)+1 {
			t.Fatalf("csv reads back as %d records (%v), want %d", len(records), err, len(d.Actions)+1)
		}
	case "pdf":
		if !bytes.HasPrefix(out, []byte("%PDF-")) {
			t.Fatalf("pdf starts %q", out[:min(len(out), 10)])
		}
	case "ics":
		dated := 0
		for _, a := range d.Actions {
			if a.DueDate != nil {
				dated++
			}
		}
		if got := bytes.Count(out, []byte("\r\nBEGIN:VEVENT\r\n")); got != dated {
			t.Fatalf("calendar has %d events, want %d", got, dated)
		}
	}
}

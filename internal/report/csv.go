package report

import (
	"encoding/csv"
	"fmt"
	"io"
	"strings"
)

// bom is the UTF-8 byte-order mark. Excel reads a CSV file without one in the
// machine's legacy code page, which garbles every name outside ASCII (Ærø); with it,
// Excel and every other reader take the file as UTF-8.
const bom = "\uFEFF"

// formulaPrefixes are the first characters that make a spreadsheet read a cell as a
// formula (or, for tab and carriage return, that some spreadsheets strip before
// reading one).
const formulaPrefixes = "=+-@\t\r"

// WriteCSV writes t as RFC 4180 CSV: UTF-8 with a byte-order mark, CRLF line
// endings, the header row first.
//
// A text cell that starts with =, +, -, @, a tab or a carriage return gets a single
// quote in front. A CSV file carries no types, so a spreadsheet would run such a cell
// as a formula: free text typed by any team member could otherwise compute, or
// send data to a web address, on the lead's machine when they open the export (CSV
// or formula injection). Number cells are never changed: -3.5 is written as a number
// and read back as one, and only text can hold a formula.
func WriteCSV(w io.Writer, t Table) error {
	if _, err := io.WriteString(w, bom); err != nil {
		return fmt.Errorf("write csv: %w", err)
	}
	cw := csv.NewWriter(w)
	cw.UseCRLF = true
	header := make([]string, len(t.Columns))
	for i, name := range t.Columns {
		header[i] = neutralise(name)
	}
	if err := cw.Write(header); err != nil {
		return fmt.Errorf("write csv: %w", err)
	}
	record := make([]string, len(t.Columns))
	for _, row := range t.Rows {
		clear(record)
		for i, c := range row[:min(len(row), len(record))] {
			record[i] = csvField(c)
		}
		if err := cw.Write(record); err != nil {
			return fmt.Errorf("write csv: %w", err)
		}
	}
	cw.Flush()
	if err := cw.Error(); err != nil {
		return fmt.Errorf("write csv: %w", err)
	}
	return nil
}

func csvField(c Cell) string {
	if c.IsNumber() {
		return c.String()
	}
	return neutralise(c.String())
}

// neutralise puts a single quote before text a spreadsheet would take for a formula.
func neutralise(s string) string {
	if s != "" && strings.ContainsRune(formulaPrefixes, rune(s[0])) {
		return "'" + s
	}
	return s
}

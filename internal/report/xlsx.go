package report

import (
	"fmt"
	"io"
	"strings"
	"unicode/utf16"
	"unicode/utf8"

	"github.com/xuri/excelize/v2"
)

// Column widths, in Excel's character units.
const (
	minColumnWidth = 8
	maxColumnWidth = 50
)

// WriteXLSX writes t as an Excel workbook of one sheet named after t.Title: a bold,
// frozen header row, columns as wide as their longest value (within limits), numbers
// as numbers, days as dates, text as text, and a drop-down on each column of
// t.Choices. Rows go through excelize's stream writer, which spills
// to a temporary file past a few megabytes, so a large export stays in bounded
// memory.
//
// Text needs no protection against formula injection here, unlike in CSV: the
// workbook stores each value with its type, and a text cell is never evaluated.
func WriteXLSX(w io.Writer, t Table) (err error) {
	f := excelize.NewFile()
	defer func() {
		if cerr := f.Close(); err == nil && cerr != nil {
			err = fmt.Errorf("write xlsx: %w", cerr)
		}
	}()
	sheet := SheetName(t.Title)
	if err := f.SetSheetName(f.GetSheetName(0), sheet); err != nil {
		return fmt.Errorf("write xlsx: name sheet: %w", err)
	}
	if err := writeSheet(f, sheet, t); err != nil {
		return fmt.Errorf("write xlsx: %w", err)
	}
	if err := f.Write(w); err != nil {
		return fmt.Errorf("write xlsx: %w", err)
	}
	return nil
}

// writeSheet streams the header and rows of t into sheet.
func writeSheet(f *excelize.File, sheet string, t Table) error {
	// The drop-downs go in before the stream writer takes the sheet over: it writes
	// what the sheet already holds besides its rows when it flushes.
	if err := addChoices(f, sheet, t); err != nil {
		return err
	}
	sw, err := f.NewStreamWriter(sheet)
	if err != nil {
		return err
	}
	styles, err := newStyles(f)
	if err != nil {
		return err
	}
	if err := sw.SetPanes(frozenHeader()); err != nil {
		return err
	}
	for i, width := range columnWidths(t) {
		if err := sw.SetColWidth(i+1, i+1, width); err != nil {
			return err
		}
	}
	if err := sw.SetRow("A1", headerValues(t.Columns, styles.header)); err != nil {
		return err
	}
	for i, row := range t.Rows {
		if err := sw.SetRow(fmt.Sprintf("A%d", i+2), rowValues(row, len(t.Columns), styles)); err != nil {
			return err
		}
	}
	return sw.Flush()
}

// addChoices offers each column of t.Choices a drop-down of its values, from the row
// under the header to the end of the sheet (so a row added by hand gets it too). A
// value off the list is refused with a message that names the column.
func addChoices(f *excelize.File, sheet string, t Table) error {
	for i, name := range t.Columns {
		choices, ok := t.Choices[name]
		if !ok {
			continue
		}
		col, err := excelize.ColumnNumberToName(i + 1)
		if err != nil {
			return err
		}
		dv := excelize.NewDataValidation(true)
		dv.SetSqref(fmt.Sprintf("%s2:%s%d", col, col, excelize.TotalRows))
		if err := dv.SetDropList(choices); err != nil {
			return fmt.Errorf("choices for %s: %w", name, err)
		}
		dv.SetError(excelize.DataValidationErrorStyleStop, "Choose a "+name, "Choose one of: "+strings.Join(choices, ", "))
		if err := f.AddDataValidation(sheet, dv); err != nil {
			return err
		}
	}
	return nil
}

// sheetStyles are the style ids the sheet uses: bold for the header, a number format
// per count of fixed decimals, and a date format for days.
type sheetStyles struct {
	header int
	fixed  map[int]int
	day    int
}

func newStyles(f *excelize.File) (sheetStyles, error) {
	header, err := f.NewStyle(&excelize.Style{Font: &excelize.Font{Bold: true}})
	if err != nil {
		return sheetStyles{}, err
	}
	dayFormat := "yyyy-mm-dd"
	day, err := f.NewStyle(&excelize.Style{CustomNumFmt: &dayFormat})
	if err != nil {
		return sheetStyles{}, err
	}
	s := sheetStyles{header: header, fixed: map[int]int{}, day: day}
	for d := 0; d <= 3; d++ {
		format := "0"
		if d > 0 {
			format += "." + strings.Repeat("0", d)
		}
		if s.fixed[d], err = f.NewStyle(&excelize.Style{CustomNumFmt: &format}); err != nil {
			return sheetStyles{}, err
		}
	}
	return s, nil
}

// frozenHeader keeps row 1 in view while the rows below scroll.
func frozenHeader() *excelize.Panes {
	return &excelize.Panes{Freeze: true, YSplit: 1, TopLeftCell: "A2", ActivePane: "bottomLeft",
		Selection: []excelize.Selection{{SQRef: "A2", ActiveCell: "A2", Pane: "bottomLeft"}}}
}

func headerValues(columns []string, style int) []any {
	out := make([]any, len(columns))
	for i, name := range columns {
		out[i] = excelize.Cell{StyleID: style, Value: name}
	}
	return out
}

func rowValues(row []Cell, n int, styles sheetStyles) []any {
	out := make([]any, 0, n)
	for _, c := range row[:min(len(row), n)] {
		switch {
		case c.IsDay():
			out = append(out, excelize.Cell{StyleID: styles.day, Value: c.day})
		case !c.IsNumber() && c.String() == "":
			out = append(out, nil)
		case !c.IsNumber():
			out = append(out, c.String())
		case c.decimals >= 0:
			out = append(out, excelize.Cell{StyleID: styles.fixed[min(c.decimals, 3)], Value: c.Float()})
		default:
			out = append(out, c.Float())
		}
	}
	return out
}

// columnWidths fits each column to its longest value, header included, between
// minColumnWidth and maxColumnWidth: wide enough to read, never a screen wide for one
// long text answer.
func columnWidths(t Table) []float64 {
	widths := make([]float64, len(t.Columns))
	for i, name := range t.Columns {
		widths[i] = float64(utf8.RuneCountInString(name))
	}
	for _, row := range t.Rows {
		for i, c := range row[:min(len(row), len(widths))] {
			widths[i] = max(widths[i], float64(utf8.RuneCountInString(c.String())))
		}
	}
	for i, w := range widths {
		widths[i] = min(max(w+2, minColumnWidth), maxColumnWidth)
	}
	return widths
}

// maxSheetName is Excel's limit on a sheet's name, in UTF-16 code units.
const maxSheetName = 31

// SheetName makes title a name Excel accepts for a sheet: none of []:*?/\ (each
// becomes a space, and runs of spaces one), no quote at either end, at most 31 UTF-16
// code units (an emoji counts two), and "Sheet1" when nothing is left.
func SheetName(title string) string {
	name := strings.Map(func(r rune) rune {
		if strings.ContainsRune(`[]:*?/\`, r) || r < ' ' {
			return ' '
		}
		return r
	}, title)
	var b strings.Builder
	units := 0
	for _, r := range strings.Join(strings.Fields(name), " ") {
		if units += utf16.RuneLen(r); units > maxSheetName {
			break
		}
		b.WriteRune(r)
	}
	name = strings.TrimSpace(strings.Trim(b.String(), "'"))
	if name == "" {
		return "Sheet1"
	}
	return name
}

// Package report is what vcready's documents say, whatever they are rendered as: the
// words for a score, a change, a level, a date and a role, shared by the HTML pages
// and the exports (CSV, XLSX, PDF, Markdown, iCalendar), so a score reads the same on
// screen and on paper. It is pure: no HTTP, no database, no I/O beyond an io.Writer
// an encoder is given. Each export format gets one encoder file here.
package report

import (
	"strconv"
	"time"
)

// Table is a document as rows and columns, whatever format it is written in: each
// encoder (WriteCSV, WriteXLSX) takes one, so an export's content is decided once and
// every format shows the same cells.
type Table struct {
	// Title names the document; XLSX names its sheet after it.
	Title string
	// Columns are the header row's names.
	Columns []string
	// Rows are the data rows; a row may be shorter than Columns (the rest is empty),
	// and cells beyond the columns are not written.
	Rows [][]Cell
	// Choices are, by column name, the only values a column's cells should hold:
	// XLSX offers them as a drop-down list on the column.
	Choices map[string][]string
}

// Cell is one value of a Table: text, a number, a calendar day or, as the zero Cell,
// nothing. Numbers and days stay typed so a spreadsheet can sort, sum and filter them.
type Cell struct {
	text     string
	number   float64
	isNumber bool
	decimals int // for a number: fixed decimals, or -1 for as few as needed
	day      time.Time
	isDay    bool
}

// Text is a text cell ("" is an empty cell).
func Text(s string) Cell { return Cell{text: s} }

// Num is a number cell written with as few decimals as it needs (3, 37.5).
func Num(f float64) Cell { return Cell{number: f, isNumber: true, decimals: -1} }

// Fixed is a number cell always written with the given decimals (3.0 for a score), so
// a column of scores reads alike.
func Fixed(f float64, decimals int) Cell {
	return Cell{number: f, isNumber: true, decimals: decimals}
}

// FixedOrEmpty is Fixed(*p, decimals), or an empty cell when p is nil.
func FixedOrEmpty(p *float64, decimals int) Cell {
	if p == nil {
		return Cell{}
	}
	return Fixed(*p, decimals)
}

// Day is a calendar day cell: YYYY-MM-DD as text, a date in a spreadsheet. Only the
// day of t (in UTC) counts.
func Day(t time.Time) Cell {
	y, m, d := t.UTC().Date()
	return Cell{day: time.Date(y, m, d, 0, 0, 0, 0, time.UTC), isDay: true}
}

// DayOrEmpty is Day(*p), or an empty cell when p is nil.
func DayOrEmpty(p *time.Time) Cell {
	if p == nil {
		return Cell{}
	}
	return Day(*p)
}

// IsDay reports whether the cell holds a calendar day.
func (c Cell) IsDay() bool { return c.isDay }

// IsNumber reports whether the cell holds a number.
func (c Cell) IsNumber() bool { return c.isNumber }

// Float is the cell's number (0 for a text cell).
func (c Cell) Float() float64 { return c.number }

// String is the cell as text: the text, the number with its decimals, or the day as
// YYYY-MM-DD.
func (c Cell) String() string {
	if c.isDay {
		return c.day.Format(time.DateOnly)
	}
	if c.isNumber {
		return strconv.FormatFloat(c.number, 'f', c.decimals, 64)
	}
	return c.text
}

// Package report is what vcready's documents say, whatever they are rendered as: the
// words for a score, a change, a level, a date and a role, shared by the HTML pages
// and the exports (CSV, XLSX, PDF, Markdown, iCalendar), so a score reads the same on
// screen and on paper. It is pure: no HTTP, no database, no I/O beyond an io.Writer
// an encoder is given. Each export format gets one encoder file here.
package report

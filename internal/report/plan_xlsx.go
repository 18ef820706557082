package report

import "io"

// WritePlanXLSX writes the plan as an Excel workbook (see PlanTable and WriteXLSX):
// a frozen header, fitted columns, ranks and priorities as numbers, due dates as
// dates, and the status column a drop-down of the four status labels so the team can
// keep the plan up to date in the spreadsheet itself.
func WritePlanXLSX(w io.Writer, d PlanDocument) error {
	return WriteXLSX(w, PlanTable(d))
}

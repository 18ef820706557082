package report

import (
	"io"
	"time"
)

// planColumns are the columns of a plan as a table, one row per action.
var planColumns = []string{"rank", "do_first", "consideration", "question", "answer", "action",
	"owner", "due_date", "status", "notes", "priority"}

// Column positions in planColumns that the XLSX writer treats specially.
const (
	planDueColumn    = 7
	planStatusColumn = 8
)

// PlanTable is the action plan as a table: one row per action in priority order, with
// the due date as YYYY-MM-DD (empty when none is set), the status as people say it
// and the priority at full precision, so a spreadsheet can re-sort by it.
func PlanTable(d PlanDocument) Table {
	rows := make([][]Cell, len(d.Actions))
	for i, a := range d.Actions {
		rows[i] = []Cell{Num(float64(a.Rank)), Text(yesNo(a.DoFirst)), Text(a.Consideration),
			Text(a.Question), Text(a.Answer), Text(a.Text), Text(a.Owner), Text(dueDate(a.DueDate)),
			Text(ActionStatusLabel(a.Status)), Text(a.Notes), Num(a.Priority)}
	}
	return Table{Title: "Action plan", Columns: planColumns, Rows: rows}
}

// WritePlanCSV writes the plan as CSV (see PlanTable and WriteCSV): free text such as
// an owner or a note that starts like a formula is neutralised there.
func WritePlanCSV(w io.Writer, d PlanDocument) error {
	return WriteCSV(w, PlanTable(d))
}

func yesNo(b bool) string {
	if b {
		return "yes"
	}
	return "no"
}

// dueDate is the day as YYYY-MM-DD, or "" for no date.
func dueDate(t *time.Time) string {
	if t == nil {
		return ""
	}
	return t.UTC().Format(time.DateOnly)
}

package report

import "io"

// planColumns are the columns of a plan as a table, one row per action.
var planColumns = []string{"rank", "do_first", "consideration", "question", "answer", "action",
	"owner", "due_date", "status", "notes", "priority"}

// PlanTable is the action plan as a table: one row per action in priority order, with
// the due date as a day (YYYY-MM-DD in CSV, a date in XLSX; empty when none is set),
// the status as people say it (one of the four labels, offered as a drop-down in
// XLSX) and the priority at full precision, so a spreadsheet can re-sort by it.
func PlanTable(d PlanDocument) Table {
	rows := make([][]Cell, len(d.Actions))
	for i, a := range d.Actions {
		rows[i] = []Cell{Num(float64(a.Rank)), Text(yesNo(a.DoFirst)), Text(a.Consideration),
			Text(a.Question), Text(a.Answer), Text(a.Text), Text(a.Owner), DayOrEmpty(a.DueDate),
			Text(ActionStatusLabel(a.Status)), Text(a.Notes), Num(a.Priority)}
	}
	labels := make([]string, len(ActionStatuses))
	for i, s := range ActionStatuses {
		labels[i] = ActionStatusLabel(s)
	}
	return Table{Title: "Action plan", Columns: planColumns, Rows: rows,
		Choices: map[string][]string{"status": labels}}
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

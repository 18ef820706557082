package report

import (
	"slices"
	"strings"
	"time"

	"vcready/internal/questionnaire"
	"vcready/internal/scoring"
)

// SubmittedAssessment is one submitted assessment as the assessments export lists it:
// its team's attributes (vocabulary keys), its questionnaire, its stored scores and
// its answers.
type SubmittedAssessment struct {
	Team, Setting, Specialty, Nation string
	ID                               string
	SubmittedAt                      time.Time
	QuestionnaireID                  string
	QuestionnaireVersion             string
	Scores                           scoring.Result
	Answers                          []questionnaire.Answer
}

// assessmentColumns are the columns every assessments export starts with; the
// consideration scores and then the item answers follow.
var assessmentColumns = []string{"team", "setting", "specialty", "nation", "assessment_id",
	"submitted_at", "questionnaire_id", "questionnaire_version", "overall"}

// AssessmentsTable is the assessments export of an organisation: one row per
// submitted assessment, in the order given. After the fixed columns come one column
// per consideration key with its stored one-decimal score (empty when there was not
// enough information), then one column per item id with the answer.
//
// The consideration and item columns are the union over qs, the questionnaires the
// assessments answered, in questionnaire order (qs in the order given); keys and items
// an assessment has but no questionnaire of qs lists (a version no longer loaded)
// follow, sorted, so nothing stored is left out.
func AssessmentsTable(title string, qs []*questionnaire.Questionnaire, as []SubmittedAssessment) Table {
	keys, items := assessmentKeys(qs, as)
	columns := slices.Concat(assessmentColumns, keys, items)
	rows := make([][]Cell, len(as))
	for i, a := range as {
		rows[i] = assessmentRow(a, keys, items)
	}
	return Table{Title: title, Columns: columns, Rows: rows}
}

// assessmentKeys lists the consideration keys and item ids the columns are made of.
func assessmentKeys(qs []*questionnaire.Questionnaire, as []SubmittedAssessment) (keys, items []string) {
	for _, q := range qs {
		for _, c := range q.Considerations {
			keys = appendNew(keys, c.Key)
			for _, it := range c.Items {
				items = appendNew(items, it.ID)
			}
		}
	}
	var extraKeys, extraItems []string
	for _, a := range as {
		for _, c := range a.Scores.Considerations {
			if !slices.Contains(keys, c.Key) {
				extraKeys = appendNew(extraKeys, c.Key)
			}
		}
		for _, ans := range a.Answers {
			if !slices.Contains(items, ans.ItemID) {
				extraItems = appendNew(extraItems, ans.ItemID)
			}
		}
	}
	slices.Sort(extraKeys)
	slices.Sort(extraItems)
	return append(keys, extraKeys...), append(items, extraItems...)
}

func appendNew(xs []string, x string) []string {
	if slices.Contains(xs, x) {
		return xs
	}
	return append(xs, x)
}

func assessmentRow(a SubmittedAssessment, keys, items []string) []Cell {
	row := []Cell{Text(a.Team), Text(a.Setting), Text(a.Specialty), Text(a.Nation), Text(a.ID),
		Text(a.SubmittedAt.UTC().Format(time.RFC3339)), Text(a.QuestionnaireID),
		Text(a.QuestionnaireVersion), FixedOrEmpty(a.Scores.Overall, 1)}
	scores := make(map[string]*float64, len(a.Scores.Considerations))
	for _, c := range a.Scores.Considerations {
		scores[c.Key] = c.Score
	}
	for _, k := range keys {
		row = append(row, FixedOrEmpty(scores[k], 1))
	}
	answers := make(map[string]questionnaire.Answer, len(a.Answers))
	for _, ans := range a.Answers {
		answers[ans.ItemID] = ans
	}
	for _, id := range items {
		ans, ok := answers[id]
		if !ok {
			row = append(row, Cell{})
			continue
		}
		row = append(row, AnswerCell(ans))
	}
	return row
}

// AnswerCell writes an answer as the exports show it: the level (3) or number as a
// number; the option id; the ticked option ids joined by ";" (nothing for a checklist
// with nothing ticked); the text; or the status (not_applicable, dont_know).
func AnswerCell(a questionnaire.Answer) Cell {
	switch {
	case a.Status != "":
		return Text(a.Status)
	case a.Level != nil:
		return Num(float64(*a.Level))
	case a.Option != "":
		return Text(a.Option)
	case a.Number != nil:
		return Num(*a.Number)
	case a.Text != nil:
		return Text(*a.Text)
	}
	return Text(strings.Join(a.Options, ";"))
}

// AssessmentsFileName is the file an organisation's assessments export downloads as:
// "Northshire Health assessments 2026-12-01.csv" for ext "csv", dated day (in UTC).
// Characters that file systems refuse (/\:*?"<>| and controls) become "-".
func AssessmentsFileName(organisation string, day time.Time, ext string) string {
	return exportFileName(organisation, "assessments", day, ext)
}

// exportFileName is "<organisation> <what> YYYY-MM-DD.<ext>", with the characters
// file systems refuse replaced by "-".
func exportFileName(organisation, what string, day time.Time, ext string) string {
	name := strings.Map(func(r rune) rune {
		if r < ' ' || r == 0x7f || strings.ContainsRune(`/\:*?"<>|`, r) {
			return '-'
		}
		return r
	}, strings.TrimSpace(organisation))
	return name + " " + what + " " + day.UTC().Format(time.DateOnly) + "." + ext
}

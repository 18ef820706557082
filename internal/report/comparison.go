package report

import (
	"time"

	"vcready/internal/scoring"
)

// ComparedTeam is one team of an organisation's comparison as the export lists it:
// its attributes (vocabulary keys), its latest submitted result (nil when it has
// none yet) and the change since the one before (nil without two).
type ComparedTeam struct {
	Team, Setting, Specialty, Nation string
	AssessmentID                     string
	SubmittedAt                      time.Time
	Latest                           *scoring.Result
	PreviousSubmittedAt              *time.Time
	ChangeOverall                    *float64
	ChangeConsiderations             map[string]float64
}

// comparisonColumns start every comparison export; a score column per consideration
// key, then the changes, follow.
var comparisonColumns = []string{"team", "setting", "specialty", "nation", "assessment_id",
	"submitted_at", "overall", "overall_level"}

// ComparisonTable is an organisation's comparison: one row per team, in the order
// given, with its latest stored scores (one decimal; empty when there was not enough
// information or nothing is submitted), the level those words name, the date of the
// previous assessment and the change since it per score.
func ComparisonTable(title string, keys []string, teams []ComparedTeam) Table {
	cols := append([]string{}, comparisonColumns...)
	cols = append(cols, keys...)
	cols = append(cols, "previous_submitted_at", "change_overall")
	for _, k := range keys {
		cols = append(cols, "change_"+k)
	}
	rows := make([][]Cell, len(teams))
	for i, t := range teams {
		rows[i] = comparedRow(t, keys)
	}
	return Table{Title: title, Columns: cols, Rows: rows}
}

func comparedRow(t ComparedTeam, keys []string) []Cell {
	row := []Cell{Text(t.Team), Text(t.Setting), Text(t.Specialty), Text(t.Nation)}
	if t.Latest == nil {
		row = append(row, Cell{}, Cell{}, Cell{}, Cell{})
		for range keys {
			row = append(row, Cell{})
		}
	} else {
		level := Cell{}
		if t.Latest.Overall != nil {
			level = Text(scoring.LevelOf(*t.Latest.Overall).Label)
		}
		row = append(row, Text(t.AssessmentID), Text(t.SubmittedAt.UTC().Format(time.RFC3339)),
			FixedOrEmpty(t.Latest.Overall, 1), level)
		scores := map[string]*float64{}
		for _, c := range t.Latest.Considerations {
			scores[c.Key] = c.Score
		}
		for _, k := range keys {
			row = append(row, FixedOrEmpty(scores[k], 1))
		}
	}
	prev := Cell{}
	if t.PreviousSubmittedAt != nil {
		prev = Text(t.PreviousSubmittedAt.UTC().Format(time.RFC3339))
	}
	row = append(row, prev, FixedOrEmpty(t.ChangeOverall, 1))
	for _, k := range keys {
		if d, ok := t.ChangeConsiderations[k]; ok {
			row = append(row, Fixed(d, 1))
		} else {
			row = append(row, Cell{})
		}
	}
	return row
}

// ComparisonFileName is the comparison export's file name, built like
// AssessmentsFileName's.
func ComparisonFileName(organisation string, day time.Time, ext string) string {
	return exportFileName(organisation, "comparison", day, ext)
}

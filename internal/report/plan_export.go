package report

import (
	"fmt"
	"time"

	"vcready/internal/scoring"
)

// PlanContentTypes is the media type each plan export is served as, by its file
// extension. Text formats name their charset: the files are UTF-8 and a browser would
// otherwise guess.
var PlanContentTypes = map[string]string{
	"csv":  "text/csv; charset=utf-8",
	"xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
	"pdf":  "application/pdf",
	"md":   "text/markdown; charset=utf-8",
	"ics":  "text/calendar; charset=utf-8",
}

// PlanFileName is the file a team's action plan downloads as: "Ward 7 action plan
// 2026-12-01.pdf" for ext "pdf", dated day (in UTC). Characters that file systems
// refuse become "-".
func PlanFileName(team string, day time.Time, ext string) string {
	return exportFileName(team, "action plan", day, ext)
}

// ProjectedGain is the plan's promise in one sentence: "If you finish your 5 do-first
// actions, your overall score would rise from 54.2 (Established) to 61.0
// (Established)." It is "" when there is nothing to promise: no do-first action, or
// no overall score now or projected.
func ProjectedGain(d PlanDocument) string {
	now, then := d.Projected.Overall, d.Projected.DoFirst.Overall
	n := doFirstCount(d)
	if n == 0 || now == nil || then == nil {
		return ""
	}
	actions := "actions"
	if n == 1 {
		actions = "action"
	}
	if scoring.Round(*then) <= scoring.Round(*now) {
		return fmt.Sprintf("If you finish your %d do-first %s, your overall score would stay at %s.",
			n, actions, scoreWithLevel(now))
	}
	return fmt.Sprintf("If you finish your %d do-first %s, your overall score would rise from %s to %s.",
		n, actions, scoreWithLevel(now), scoreWithLevel(then))
}

// scoreWithLevel is "54.2 (Established)", or NoScore.
func scoreWithLevel(p *float64) string {
	if p == nil {
		return NoScore
	}
	return Score(p) + " (" + scoring.LevelOf(*p).Label + ")"
}

func doFirstCount(d PlanDocument) int {
	n := 0
	for _, a := range d.Actions {
		if a.DoFirst {
			n++
		}
	}
	return n
}

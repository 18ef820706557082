package actionplan

import (
	"slices"
	"strings"

	"vcready/internal/questionnaire"
)

// actionText is the item's action for the given answer. dont_know is treated as the
// lowest answer (an unknown is a gap): level 0 of a scale, the lowest-scoring option of a
// choice, nothing ticked on a checklist.
// value is the answer's value as scoring sees it (0 for dont_know).
func actionText(it *questionnaire.Item, ans questionnaire.Answer, value float64, dontKnow bool) string {
	switch it.Type {
	case questionnaire.TypeScale:
		return scaleAction(it, int(value))
	case questionnaire.TypeChoice:
		if dontKnow {
			return lowestOption(it).Action
		}
		o, _ := it.Option(ans.Option)
		return o.Action
	case questionnaire.TypeChecklist:
		var ticked []string
		if !dontKnow {
			ticked = ans.Options
		}
		return checklistAction(it, ticked)
	}
	return ""
}

// scaleAction is the action of the level with the given value.
func scaleAction(it *questionnaire.Item, value int) string {
	for _, l := range it.Levels {
		if l.Value == value {
			return l.Action
		}
	}
	return ""
}

// lowestOption is the first option with the lowest score.
func lowestOption(it *questionnaire.Item) questionnaire.Option {
	var low questionnaire.Option
	for i, o := range it.Options {
		if i == 0 || o.Score < low.Score {
			low = o
		}
	}
	return low
}

// checklistAction joins, one per line, the actions of the options that would add to the
// score but are not ticked: each is something the team has not got in place yet.
func checklistAction(it *questionnaire.Item, ticked []string) string {
	var lines []string
	for _, o := range it.Options {
		if o.Score > 0 && o.Action != "" && !slices.Contains(ticked, o.ID) {
			lines = append(lines, o.Action)
		}
	}
	return strings.Join(lines, "\n")
}

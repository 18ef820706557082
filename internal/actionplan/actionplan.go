// Package actionplan turns a team's answers into a prioritised list of actions, following
// the "Action priority" rules of SCORING.md: every scored item answered below its maximum
// calls for the item's action for that answer, and the biggest weighted gaps come first.
//
// Deriving the plan is pure; owners, due dates and progress belong to the application.
package actionplan

import (
	"cmp"
	"math"
	"slices"

	"vcready/internal/questionnaire"
	"vcready/internal/scoring"
)

// DoFirstCount is how many of the highest-priority actions are marked "do first": a short
// list a team can start on at once, rather than a long plan that is never begun.
const DoFirstCount = 5

// BelowMedianFactor raises the priority of actions in a consideration where the team
// scores below the median of all teams: that is where it lags its peers most.
const BelowMedianFactor = 1.5

// Action is one thing a team's answers call for.
type Action struct {
	ItemID        string
	Consideration string
	// Text is the item's action for the answered level; a checklist gives one line per
	// missing option. Empty only if the questionnaire has no action text for the answer.
	Text  string
	Value float64 // 0 for dont_know
	Max   float64
	// DontKnow is true when the action comes from a dont_know answer: the first step is
	// to find out.
	DontKnow bool
	// Weight is the item weight w_i.
	Weight float64
	// ConsiderationWeight and BelowMedian are the other factors of Priority, kept so
	// that the UI can show how a priority was made.
	ConsiderationWeight float64
	BelowMedian         bool
	// Priority = Weight * (Max - Value) / Max * ConsiderationWeight * (1.5 if BelowMedian),
	// at full precision.
	Priority float64
	DoFirst  bool
}

// Derive lists the actions a team's answers call for, highest priority first.
// belowMedian[key] is true when the team's score for consideration key is below the
// median of the `all` cohort (a nil map: none is). Items at their maximum,
// not_applicable, missing and unscored items yield no action. Ties keep questionnaire
// order: consideration order, then item order. The first DoFirstCount are marked DoFirst.
func Derive(q *questionnaire.Questionnaire, a scoring.Answers, belowMedian map[string]bool) []Action {
	var actions []Action
	for ci := range q.Considerations {
		qc := &q.Considerations[ci]
		for ii := range qc.Items {
			if act, ok := derive(qc, &qc.Items[ii], a, belowMedian[qc.Key]); ok {
				actions = append(actions, act)
			}
		}
	}
	// Stable over questionnaire order, so equal priorities keep that order.
	slices.SortStableFunc(actions, func(x, y Action) int {
		return cmp.Compare(sortKey(y.Priority), sortKey(x.Priority))
	})
	for i := range min(DoFirstCount, len(actions)) {
		actions[i].DoFirst = true
	}
	return actions
}

// derive builds the action for one item, if its answer calls for one.
func derive(qc *questionnaire.Consideration, it *questionnaire.Item, a scoring.Answers, below bool) (Action, bool) {
	if !scoring.Scorable(it) {
		return Action{}, false
	}
	kind, v := scoring.ItemValue(it, a)
	maxScore := float64(it.MaxScore())
	if (kind != scoring.AnswerValue && kind != scoring.AnswerDontKnow) || v >= maxScore {
		return Action{}, false
	}
	act := Action{
		ItemID:              it.ID,
		Consideration:       qc.Key,
		Value:               v,
		Max:                 maxScore,
		DontKnow:            kind == scoring.AnswerDontKnow,
		Weight:              scoring.Weight(it.Weight),
		ConsiderationWeight: scoring.Weight(qc.Weight),
		BelowMedian:         below,
	}
	act.Text = actionText(it, a[it.ID], v, act.DontKnow)
	act.Priority = act.Weight * (act.Max - act.Value) / act.Max * act.ConsiderationWeight
	if below {
		act.Priority *= BelowMedianFactor
	}
	return act, true
}

// sortKey rounds a priority to nine decimals for ordering only, so that priorities equal
// on paper but not in float64 (0.1 * 3 against 0.3) tie and keep questionnaire order.
func sortKey(p float64) float64 {
	return math.Round(p*1e9) / 1e9
}

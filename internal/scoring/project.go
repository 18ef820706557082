package scoring

import (
	"slices"

	"vcready/internal/questionnaire"
)

// NextAnswer is the answer that moves a scored item one step up from a, its current
// answer (SCORING.md "Projected score"): a scale goes to v + 1; a choice to the
// lowest-scoring option above v; a checklist ticks, in addition, its highest-scoring
// unticked option. dont_know counts as v = 0, so it moves to the first step up from
// nothing. It reports false when the item cannot move: not scorable, not answered
// with a value or dont_know (not_applicable, missing), or already at its maximum.
func NextAnswer(it *questionnaire.Item, a Answers) (questionnaire.Answer, bool) {
	if !Scorable(it) {
		return questionnaire.Answer{}, false
	}
	kind, v := ItemValue(it, a)
	if (kind != AnswerValue && kind != AnswerDontKnow) || v >= float64(it.MaxScore()) {
		return questionnaire.Answer{}, false
	}
	next := questionnaire.Answer{ItemID: it.ID}
	switch it.Type {
	case questionnaire.TypeScale:
		level := int(v) + 1
		next.Level = &level
	case questionnaire.TypeChoice:
		best := -1
		for i, o := range it.Options {
			if float64(o.Score) > v && (best < 0 || o.Score < it.Options[best].Score) {
				best = i
			}
		}
		if best < 0 {
			return questionnaire.Answer{}, false
		}
		next.Option = it.Options[best].ID
	case questionnaire.TypeChecklist:
		var ticked []string
		if kind == AnswerValue {
			ticked = a[it.ID].Options
		}
		best := -1
		for i, o := range it.Options {
			if slices.Contains(ticked, o.ID) {
				continue
			}
			if best < 0 || o.Score > it.Options[best].Score {
				best = i
			}
		}
		if best < 0 || it.Options[best].Score <= 0 {
			return questionnaire.Answer{}, false
		}
		next.Options = append(slices.Clone(ticked), it.Options[best].ID)
		next.OptionsSet = true
	default:
		return questionnaire.Answer{}, false
	}
	return next, true
}

// NextValue is the value NextAnswer moves an item to; ok as for NextAnswer.
func NextValue(it *questionnaire.Item, a Answers) (float64, bool) {
	next, ok := NextAnswer(it, a)
	if !ok {
		return 0, false
	}
	v, _ := it.Value(next)
	return v, true
}

// Project scores the answers as they would be with each item of itemIDs moved to its
// next value (NextAnswer): the projected score of an action plan. Items that cannot
// move, unknown ids and repeated ids change nothing; a is not modified.
func Project(q *questionnaire.Questionnaire, a Answers, itemIDs []string) Result {
	moved := make(Answers, len(a))
	for k, v := range a {
		moved[k] = v
	}
	for ci := range q.Considerations {
		for ii := range q.Considerations[ci].Items {
			it := &q.Considerations[ci].Items[ii]
			if !slices.Contains(itemIDs, it.ID) {
				continue
			}
			if next, ok := NextAnswer(it, a); ok {
				moved[it.ID] = next
			}
		}
	}
	return Score(q, moved)
}

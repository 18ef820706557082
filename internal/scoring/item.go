package scoring

import "vcready/internal/questionnaire"

// How a scored item was answered, as far as scoring is concerned. Scoring and the action
// plan both classify answers through ItemValue, so they can never disagree about an item.
const (
	AnswerValue         = "value"                     // a value in 0..max
	AnswerDontKnow      = questionnaire.DontKnow      // counted as 0 and reported separately
	AnswerNotApplicable = questionnaire.NotApplicable // left out of every sum; not counted, so lowers coverage
	AnswerMissing       = "missing"                   // no usable answer: left out, counts against coverage
)

// Scorable reports whether an item takes part in score sums: a scored type with a
// positive maximum. An item whose maximum is 0 (say, a choice whose options all score 0)
// cannot show progress, and dividing by its maximum would be a division by zero, so it is
// left out of scores, coverage and the action plan.
func Scorable(it *questionnaire.Item) bool {
	return it.Scored() && it.MaxScore() > 0
}

// ItemValue classifies the answer to a scored item and returns its value, clamped to
// 0..MaxScore so that an answer that slipped past validation cannot push a score outside
// 0..100. An answer that carries no usable value (no level, an unknown option, an unset
// checklist) is treated as missing: it says nothing about the team.
func ItemValue(it *questionnaire.Item, a Answers) (kind string, v float64) {
	ans, ok := a[it.ID]
	if !ok {
		return AnswerMissing, 0
	}
	switch ans.Status {
	case questionnaire.NotApplicable:
		return AnswerNotApplicable, 0
	case questionnaire.DontKnow:
		return AnswerDontKnow, 0
	}
	v, counted := it.Value(ans)
	if !counted {
		return AnswerMissing, 0
	}
	return AnswerValue, min(max(v, 0), float64(it.MaxScore()))
}

// Weight is the weight to use for an item or a consideration: w itself, or 1 when w is not
// set (<= 0). The loader already fills in the default of 1; doing it here too means a
// questionnaire built in code scores exactly like one loaded from a file, and a zero
// weight can never empty a denominator.
func Weight(w float64) float64 {
	if w <= 0 {
		return 1
	}
	return w
}

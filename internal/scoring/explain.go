package scoring

import "vcready/internal/questionnaire"

// Contribution is what one scored item added to its consideration's score. The UI shows
// these so that users can see exactly how a score was made and check it by hand:
//
//	Points = 100 * Weight * Value / Max / (sum of the weights of the counted items)
//
// and the Points of a consideration's items add up to its exact score.
type Contribution struct {
	ItemID        string
	Consideration string
	// Answer is AnswerValue, AnswerDontKnow, AnswerNotApplicable or AnswerMissing.
	Answer string
	Weight float64
	Value  float64 // 0 unless Answer is AnswerValue
	Max    float64
	// Points is the item's share of the consideration score; 0 for items not counted.
	Points float64
	// MaxPoints is what the item would add at its maximum: MaxPoints - Points is the gap
	// an action on this item can close.
	MaxPoints float64
}

// counted reports whether the item is in the score's sums.
func (ct Contribution) counted() bool {
	return ct.Answer == AnswerValue || ct.Answer == AnswerDontKnow
}

// Explain lists the contribution of every scored item, in questionnaire order. Points are
// filled in even for an insufficient consideration, so a draft can show what is there;
// such points make no score until coverage reaches MinCoverage.
func Explain(q *questionnaire.Questionnaire, a Answers) []Contribution {
	var out []Contribution
	for i := range q.Considerations {
		_, cs := tally(&q.Considerations[i], a)
		out = append(out, cs...)
	}
	return out
}

// contribution classifies one item's answer, before points are known.
func contribution(key string, it *questionnaire.Item, a Answers) Contribution {
	kind, v := ItemValue(it, a)
	return Contribution{
		ItemID:        it.ID,
		Consideration: key,
		Answer:        kind,
		Weight:        Weight(it.Weight),
		Value:         v,
		Max:           float64(it.MaxScore()),
	}
}

// addPoints fills in Points and MaxPoints once the sum of counted weights is known.
func addPoints(cs []Contribution, sumW float64) {
	if sumW == 0 {
		return
	}
	for i := range cs {
		if !cs[i].counted() {
			continue
		}
		cs[i].MaxPoints = 100 * cs[i].Weight / sumW
		cs[i].Points = cs[i].MaxPoints * cs[i].Value / cs[i].Max
	}
}

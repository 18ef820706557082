package web

import (
	"slices"

	"vcready/internal/questionnaire"
	"vcready/internal/scoring"
)

// holdingBackShown is how many of a consideration's weakest items the results page
// lists under "What would move you to the next level": enough to act on, few enough
// to read. The action plan lists every one.
const holdingBackShown = 3

// resultDetail is one consideration's section of the results page.
type resultDetail struct {
	resultRow
	NextLevel    string  // label of the next maturity level; "" at the top level or with no score
	PointsToNext float64 // how far the score is below the next level
	Holding      []holdingItem
	MoreHolding  int // items below their maximum that are not listed
	Explain      []explainRow
	SumWeights   float64 // of the counted items
	SumPoints    float64 // the exact score: the sum of the counted items' points
}

// holdingItem is an item that keeps a consideration from a higher score, with what
// the next step up looks like.
type holdingItem struct {
	Number             int
	Question           string
	Answer             answerWords
	Gain               float64                // points the consideration would gain at the item's maximum
	NextTitle, NextFor string                 // the next step up: a scale's next level and its descriptor, or a better option
	Action             string                 // what to do next, from the questionnaire
	NotInPlace         []questionnaire.Option // a checklist's scoring options not ticked, each with what to do
}

// explainRow is one line of "How this score was made": everything needed to redo the
// sum by hand.
type explainRow struct {
	Number             int
	Question           string
	Answer             answerWords
	Weight, Value, Max float64
	Points             float64
	Counted            bool
	Note               string // why an item that is not counted is left out
}

func resultDetails(ac *assessmentContext, rows []resultRow) []resultDetail {
	if ac.q == nil {
		return nil // without the questionnaire there are no questions to show
	}
	answers := scoringAnswers(ac.a.Answers)
	byKey := map[string][]scoring.Contribution{}
	for _, ct := range scoring.Explain(ac.q, answers) {
		byKey[ct.Consideration] = append(byKey[ct.Consideration], ct)
	}
	var out []resultDetail
	for _, r := range rows {
		qc, ok := ac.q.Consideration(r.Key)
		if !ok {
			continue
		}
		d := resultDetail{resultRow: r}
		d.NextLevel, d.PointsToNext = nextLevel(r.Score)
		d.Explain, d.SumWeights, d.SumPoints = explainRows(qc, byKey[r.Key], answers)
		d.Holding, d.MoreHolding = holdingBack(qc, byKey[r.Key], answers)
		out = append(out, d)
	}
	return out
}

// nextLevel is the maturity level above score and how many points short of it the
// score is.
func nextLevel(score *float64) (string, float64) {
	if score == nil {
		return "", 0
	}
	cur := scoring.LevelOf(*score)
	for i, l := range scoring.Levels[:len(scoring.Levels)-1] {
		if l.Key == cur.Key {
			next := scoring.Levels[i+1]
			return next.Label, scoring.Round(next.Min - *score)
		}
	}
	return "", 0
}

func explainRows(qc *questionnaire.Consideration, cts []scoring.Contribution, answers scoring.Answers) ([]explainRow, float64, float64) {
	var rows []explainRow
	var sumW, sumP float64
	for _, ct := range cts {
		it, n := consItem(qc, ct.ItemID)
		a, ok := answers[ct.ItemID]
		r := explainRow{Number: n, Question: it.Text, Answer: describeAnswer(it, a, ok), Weight: ct.Weight,
			Value: ct.Value, Max: ct.Max, Points: ct.Points}
		switch ct.Answer {
		case scoring.AnswerValue, scoring.AnswerDontKnow:
			r.Counted = true
			sumW += ct.Weight
			sumP += ct.Points
		case scoring.AnswerNotApplicable:
			r.Note = "Left out: not applicable"
		default:
			r.Note = "Left out: not answered"
		}
		rows = append(rows, r)
	}
	return rows, sumW, sumP
}

// holdingBack lists the counted items below their maximum, the biggest possible gain
// in points first (a heavy item answered low before a light one), ties in
// questionnaire order.
func holdingBack(qc *questionnaire.Consideration, cts []scoring.Contribution, answers scoring.Answers) ([]holdingItem, int) {
	var gaps []scoring.Contribution
	for _, ct := range cts {
		counted := ct.Answer == scoring.AnswerValue || ct.Answer == scoring.AnswerDontKnow
		if counted && ct.Value < ct.Max {
			gaps = append(gaps, ct)
		}
	}
	slices.SortStableFunc(gaps, func(x, y scoring.Contribution) int {
		gx, gy := x.MaxPoints-x.Points, y.MaxPoints-y.Points
		switch {
		case gx > gy:
			return -1
		case gx < gy:
			return 1
		}
		return 0
	})
	var out []holdingItem
	for _, ct := range gaps[:min(len(gaps), holdingBackShown)] {
		it, n := consItem(qc, ct.ItemID)
		h := holdingItem{Number: n, Question: it.Text, Answer: describeAnswer(it, answers[it.ID], true),
			Gain: scoring.Round(ct.MaxPoints - ct.Points)}
		nextStep(&h, it, answers[it.ID])
		out = append(out, h)
	}
	return out, len(gaps) - len(out)
}

// nextStep fills in what the next step up looks like for an item: a scale's next
// level descriptor and the action for the current level; a choice's action and the
// next better option; a checklist's missing options with their actions.
func nextStep(h *holdingItem, it *questionnaire.Item, a questionnaire.Answer) {
	if a.Status == questionnaire.DontKnow {
		h.Action = "Nobody could say, and ‘Don’t know’ counts as 0. Find out where your team stands, then act on what you find."
		return
	}
	switch it.Type {
	case questionnaire.TypeScale:
		if a.Level == nil {
			return
		}
		for _, l := range it.Levels {
			switch l.Value {
			case *a.Level:
				h.Action = l.Action
			case *a.Level + 1:
				h.NextTitle, h.NextFor = "Next level: "+l.Label+".", l.Descriptor
			}
		}
	case questionnaire.TypeChoice:
		cur, _ := it.Option(a.Option)
		h.Action = cur.Action
		if next, ok := nextOption(it, cur.Score); ok {
			h.NextTitle, h.NextFor = "Next step up:", next.Label
		}
	case questionnaire.TypeChecklist:
		for _, o := range it.Options {
			if o.Score > 0 && !slices.Contains(a.Options, o.ID) {
				h.NotInPlace = append(h.NotInPlace, o)
			}
		}
	}
}

// nextOption is the lowest-scoring option that scores more than score.
func nextOption(it *questionnaire.Item, score int) (questionnaire.Option, bool) {
	var best questionnaire.Option
	found := false
	for _, o := range it.Options {
		if o.Score > score && (!found || o.Score < best.Score) {
			best, found = o, true
		}
	}
	return best, found
}

// consItem finds an item of a consideration and its number on the page.
func consItem(qc *questionnaire.Consideration, id string) (*questionnaire.Item, int) {
	for i := range qc.Items {
		if qc.Items[i].ID == id {
			return &qc.Items[i], i + 1
		}
	}
	return &questionnaire.Item{ID: id, Text: id}, 0
}

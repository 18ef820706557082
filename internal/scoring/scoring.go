// Package scoring turns a team's answers into consideration scores, maturity levels and an
// overall score, following the rules of SCORING.md to the letter: users must be able to
// check any score by hand, and scripts that talk to the API rely on the numbers.
//
// Everything here is a pure function of a questionnaire and its answers: no I/O, no clock,
// no storage. The application stores a Result when an assessment is submitted.
package scoring

import (
	"math"

	"vcready/internal/questionnaire"
)

// Answers maps item id to the team's answer. A map rather than a slice because a draft is
// scored over whatever is answered so far, in any order, and an item has one answer.
type Answers map[string]questionnaire.Answer

// Consideration statuses.
const (
	StatusScored       = "scored"
	StatusInsufficient = "insufficient"
)

// MinCoverage is the share of a consideration's scored items that must be counted for it
// to get a score. Below it a handful of answers would stand for the whole consideration,
// so the consideration is reported as insufficient instead. Exactly half is enough.
const MinCoverage = 0.5

// Result is the score of one set of answers to one questionnaire.
type Result struct {
	// Overall is the weighted mean of the scored considerations, rounded to one decimal.
	// It is nil when every consideration is insufficient: there is nothing to average.
	Overall *float64
	// OverallExact is the overall score at full precision, for ranking.
	OverallExact float64
	// Considerations are in questionnaire order.
	Considerations []Consideration
}

// Consideration is the score of one consideration and the counts it rests on, so that a
// reader can see how much of the consideration the score actually covers.
type Consideration struct {
	Key string
	// Score is rounded half away from zero to one decimal, the figure shown and stored.
	// It is nil when the consideration is insufficient.
	Score *float64
	// Exact is the score at full precision: rankings and benchmarks compare this, so that
	// rounding never decides who is ahead.
	Exact float64
	// Level is the maturity level key of the rounded score; "" when insufficient.
	Level string
	// Coverage is Counted / Items, rounded to three decimals (0 when there are no items).
	Coverage float64
	// Status is StatusScored or StatusInsufficient.
	Status string

	Items         int // scored items of the consideration
	Counted       int // items with a value or dont_know
	DontKnow      int // of Counted: answered dont_know (counted as 0)
	NotApplicable int // left out of every sum
	Missing       int // not answered yet (drafts only)
}

// Score computes the consideration scores, levels and overall score of a set of answers.
// Answers to unknown items are ignored; the answers are expected to have passed
// questionnaire validation, but nothing here panics or divides by zero if they have not.
func Score(q *questionnaire.Questionnaire, a Answers) Result {
	res := Result{Considerations: make([]Consideration, 0, len(q.Considerations))}
	for i := range q.Considerations {
		c, _ := tally(&q.Considerations[i], a)
		res.Considerations = append(res.Considerations, c)
	}
	if exact, ok := overall(q, res.Considerations); ok {
		rounded := Round(exact)
		res.Overall, res.OverallExact = &rounded, exact
	}
	return res
}

// overall is the weighted mean of the full-precision scores of the considerations that
// are not insufficient. Rounding comes last so that the overall score does not depend on
// how each consideration happened to round.
func overall(q *questionnaire.Questionnaire, cs []Consideration) (float64, bool) {
	var sumW, sum float64
	for i, c := range cs {
		if c.Status != StatusScored {
			continue
		}
		w := Weight(q.Considerations[i].Weight)
		sumW += w
		sum += w * c.Exact
	}
	if sumW == 0 {
		return 0, false
	}
	return clampPercent(sum / sumW), true
}

// tally scores one consideration and returns how each scored item contributed.
func tally(qc *questionnaire.Consideration, a Answers) (Consideration, []Contribution) {
	c := Consideration{Key: qc.Key}
	var contribs []Contribution
	var sumW, sumWV float64
	for i := range qc.Items {
		it := &qc.Items[i]
		if !Scorable(it) {
			continue
		}
		ct := contribution(qc.Key, it, a)
		c.count(ct.Answer)
		if ct.counted() {
			sumW += ct.Weight
			sumWV += ct.Weight * ct.Value / ct.Max
		}
		contribs = append(contribs, ct)
	}
	c.finish(sumW, sumWV)
	addPoints(contribs, sumW)
	return c, contribs
}

// count adds one item answered as kind to the consideration's counts.
func (c *Consideration) count(kind string) {
	c.Items++
	switch kind {
	case AnswerValue:
		c.Counted++
	case AnswerDontKnow:
		c.Counted++
		c.DontKnow++
	case AnswerNotApplicable:
		c.NotApplicable++
	default:
		c.Missing++
	}
}

// finish sets coverage, status, score and level once every item is counted.
func (c *Consideration) finish(sumW, sumWV float64) {
	if c.Items > 0 {
		c.Coverage = math.Round(float64(c.Counted)/float64(c.Items)*1000) / 1000
	}
	// Compare counts, not the rounded coverage: 0.5*Items is exact for any item count.
	if c.Counted == 0 || sumW == 0 || float64(c.Counted) < MinCoverage*float64(c.Items) {
		c.Status = StatusInsufficient
		return
	}
	c.Status = StatusScored
	c.Exact = clampPercent(100 * sumWV / sumW)
	rounded := Round(c.Exact)
	c.Score = &rounded
	c.Level = LevelOf(rounded).Key
}

// clampPercent keeps a score within 0..100. On paper it always is; in float64 a
// consideration with every item at its maximum can come out as 100.00000000000001.
func clampPercent(x float64) float64 {
	return min(max(x, 0), 100)
}

// Missing lists the ids of the scored items that have no answer, in questionnaire order.
// Submission requires this list to be empty: every scored item needs a value,
// not_applicable or dont_know.
func Missing(q *questionnaire.Questionnaire, a Answers) []string {
	var ids []string
	for _, qc := range q.Considerations {
		for i := range qc.Items {
			it := &qc.Items[i]
			if !it.Scored() {
				continue
			}
			if kind, _ := ItemValue(it, a); kind == AnswerMissing {
				ids = append(ids, it.ID)
			}
		}
	}
	return ids
}

package scoring

import (
	"fmt"
	"math"
	"math/rand/v2"
	"testing"

	"vcready/internal/questionnaire"
)

// Property tests over generated questionnaires and answers. Seeds are fixed, so a failure
// names the seed that reproduces it.

const propertyRuns = 3000

func TestScoreStaysInRange(t *testing.T) {
	t.Parallel()
	for seed := range uint64(propertyRuns) {
		r := rand.New(rand.NewPCG(seed, 1))
		q := genQuestionnaire(r)
		res := Score(q, genAnswers(r, q))
		if err := checkRanges(res); err != nil {
			t.Fatalf("seed %d: %v", seed, err)
		}
	}
}

func TestExplainPointsAddUpToScore(t *testing.T) {
	t.Parallel()
	for seed := range uint64(propertyRuns) {
		r := rand.New(rand.NewPCG(seed, 2))
		q := genQuestionnaire(r)
		a := genAnswers(r, q)
		sums := map[string]float64{}
		for _, ct := range Explain(q, a) {
			sums[ct.Consideration] += ct.Points
		}
		for _, c := range Score(q, a).Considerations {
			if c.Status == StatusScored && math.Abs(sums[c.Key]-c.Exact) > 1e-9 {
				t.Fatalf("seed %d: %s points add up to %v, exact score %v", seed, c.Key, sums[c.Key], c.Exact)
			}
		}
	}
}

// Raising one answer's value (with coverage unchanged) never lowers its consideration's
// score nor the overall score.
func TestRaisingAnAnswerNeverLowersScores(t *testing.T) {
	t.Parallel()
	checked := 0
	for seed := range uint64(propertyRuns) {
		r := rand.New(rand.NewPCG(seed, 3))
		q := genQuestionnaire(r)
		a := genAnswers(r, q)
		before := Score(q, a)
		for ci := range q.Considerations {
			for ii := range q.Considerations[ci].Items {
				it := &q.Considerations[ci].Items[ii]
				raised, ok := raise(r, it, a)
				if !ok {
					continue
				}
				if err := checkNotLower(before, Score(q, raised), ci); err != nil {
					t.Fatalf("seed %d, raising %s: %v", seed, it.ID, err)
				}
				checked++
			}
		}
	}
	if checked < propertyRuns {
		t.Errorf("only %d raises checked: the generator hardly exercises the property", checked)
	}
	t.Logf("%d raises checked", checked)
}

func checkRanges(res Result) error {
	for _, c := range res.Considerations {
		if c.Coverage < 0 || c.Coverage > 1 {
			return fmt.Errorf("%s coverage %v", c.Key, c.Coverage)
		}
		if c.Status != StatusScored {
			continue
		}
		if c.Exact < 0 || c.Exact > 100 || *c.Score < 0 || *c.Score > 100 {
			return fmt.Errorf("%s score %v (exact %v) outside 0..100", c.Key, *c.Score, c.Exact)
		}
		if *c.Score != Round(c.Exact) || c.Level != LevelOf(c.Exact).Key {
			return fmt.Errorf("%s score %v level %q do not follow exact %v", c.Key, *c.Score, c.Level, c.Exact)
		}
	}
	if res.Overall != nil && (*res.Overall < 0 || *res.Overall > 100) {
		return fmt.Errorf("overall %v outside 0..100", *res.Overall)
	}
	return nil
}

func checkNotLower(before, after Result, ci int) error {
	b, a := before.Considerations[ci], after.Considerations[ci]
	if a.Status != b.Status || a.Counted != b.Counted {
		return fmt.Errorf("status changed from %s (%d counted) to %s (%d counted)", b.Status, b.Counted, a.Status, a.Counted)
	}
	const tolerance = 1e-9
	if a.Exact < b.Exact-tolerance {
		return fmt.Errorf("consideration %s fell from %v to %v", b.Key, b.Exact, a.Exact)
	}
	if before.Overall != nil && after.OverallExact < before.OverallExact-tolerance {
		return fmt.Errorf("overall fell from %v to %v", before.OverallExact, after.OverallExact)
	}
	return nil
}

// raise returns a copy of a in which the answer to it has a value at least as high, or
// false when the item has no counted answer to raise.
func raise(r *rand.Rand, it *questionnaire.Item, a Answers) (Answers, bool) {
	if !Scorable(it) {
		return nil, false
	}
	kind, v := ItemValue(it, a)
	if kind != AnswerValue && kind != AnswerDontKnow {
		return nil, false
	}
	ans, ok := raisedAnswer(r, it, a[it.ID], v)
	if !ok {
		return nil, false
	}
	out := make(Answers, len(a))
	for k, x := range a {
		out[k] = x
	}
	out[it.ID] = ans
	return out, true
}

func raisedAnswer(r *rand.Rand, it *questionnaire.Item, cur questionnaire.Answer, v float64) (questionnaire.Answer, bool) {
	switch it.Type {
	case questionnaire.TypeScale:
		if int(v) >= questionnaire.ScaleMax {
			return cur, false
		}
		return lvl(int(v) + 1 + r.IntN(questionnaire.ScaleMax-int(v))), true
	case questionnaire.TypeChoice:
		var higher []string
		for _, o := range it.Options {
			if float64(o.Score) > v {
				higher = append(higher, o.ID)
			}
		}
		if len(higher) == 0 {
			return cur, false
		}
		return opt(higher[r.IntN(len(higher))]), true
	default: // checklist: tick one more option
		ticked := map[string]bool{}
		for _, id := range cur.Options {
			ticked[id] = true
		}
		for _, o := range it.Options {
			if !ticked[o.ID] {
				return ticks(append(append([]string(nil), cur.Options...), o.ID)...), true
			}
		}
		return cur, false
	}
}

func genQuestionnaire(r *rand.Rand) *questionnaire.Questionnaire {
	q := quest()
	for ci, key := range questionnaire.ConsiderationKeys[:1+r.IntN(len(questionnaire.ConsiderationKeys))] {
		c := cons(key, genWeight(r))
		for ii := range r.IntN(7) {
			c.Items = append(c.Items, genItem(r, fmt.Sprintf("%d-%d", ci, ii)))
		}
		q.Considerations = append(q.Considerations, c)
	}
	return q
}

func genWeight(r *rand.Rand) float64 {
	if r.IntN(6) == 0 {
		return 0 // unset: counts as 1
	}
	return 0.1 + 4.9*r.Float64()
}

func genItem(r *rand.Rand, id string) questionnaire.Item {
	switch r.IntN(5) {
	case 0:
		return scale(id, genWeight(r))
	case 1:
		return choice(id, genWeight(r), genScores(r, 1+r.IntN(4), 5)...)
	case 2:
		return checklist(id, genWeight(r), genScores(r, 1+r.IntN(5), 4)...)
	case 3:
		return text(id)
	default:
		return questionnaire.Item{ID: id, Type: questionnaire.TypeNumber}
	}
}

func genScores(r *rand.Rand, n, below int) []int {
	s := make([]int, n)
	for i := range s {
		s[i] = r.IntN(below)
	}
	return s
}

func genAnswers(r *rand.Rand, q *questionnaire.Questionnaire) Answers {
	a := Answers{}
	for _, c := range q.Considerations {
		for i := range c.Items {
			it := &c.Items[i]
			switch p := r.IntN(20); {
			case p < 3: // missing
			case p < 5:
				a[it.ID] = na()
			case p < 7:
				a[it.ID] = dk()
			default:
				a[it.ID] = genValue(r, it)
			}
		}
	}
	return a
}

func genValue(r *rand.Rand, it *questionnaire.Item) questionnaire.Answer {
	switch it.Type {
	case questionnaire.TypeScale:
		return lvl(r.IntN(questionnaire.ScaleMax + 1))
	case questionnaire.TypeChoice:
		return opt(it.Options[r.IntN(len(it.Options))].ID)
	case questionnaire.TypeChecklist:
		var ids []string
		for _, o := range it.Options {
			if r.IntN(2) == 0 {
				ids = append(ids, o.ID)
			}
		}
		return ticks(ids...)
	}
	return questionnaire.Answer{Text: new("context")}
}

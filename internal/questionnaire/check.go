package questionnaire

import (
	"fmt"
	"math"
	"strconv"
	"strings"
	"unicode/utf8"
)

// AnswerProblem is one thing wrong with one answer of a list of answers.
type AnswerProblem struct {
	Index   int    // position of the answer in the list
	Field   string // the offending field, e.g. "answers[3].level", or "answers[3]" for the answer as a whole
	Problem string // a short phrase, e.g. "must be 0..4"
}

// kindFor is the one kind of value each item type takes, besides a status.
var kindFor = map[string]string{
	TypeScale:     "level",
	TypeChoice:    "option",
	TypeChecklist: "options",
	TypeNumber:    "number",
	TypeText:      "text",
}

// CheckAnswers checks a list of answers against q and returns a problem for every
// offending answer (at most one each), or nil when all are acceptable. A second answer
// for the same item is a problem: a list is applied as a whole or not at all, so which
// of the two should win would be a guess.
func (q *Questionnaire) CheckAnswers(answers []Answer) []AnswerProblem {
	var ps []AnswerProblem
	seen := map[string]bool{}
	for i, a := range answers {
		field, problem, ok := q.checkAnswer(a, seen)
		if ok {
			continue
		}
		f := fmt.Sprintf("answers[%d]", i)
		if field != "" {
			f += "." + field
		}
		ps = append(ps, AnswerProblem{Index: i, Field: f, Problem: problem})
	}
	return ps
}

func (q *Questionnaire) checkAnswer(a Answer, seen map[string]bool) (field, problem string, ok bool) {
	if a.ItemID == "" {
		return "item_id", "is missing", false
	}
	it, _, found := q.Item(a.ItemID)
	if !found {
		return "item_id", fmt.Sprintf("item %s does not exist", a.ItemID), false
	}
	if seen[a.ItemID] {
		return "item_id", fmt.Sprintf("duplicate answer for item %s", a.ItemID), false
	}
	seen[a.ItemID] = true
	return it.CheckAnswer(a)
}

// CheckAnswer checks one answer against the item; a.ItemID is not looked at (the caller
// found the item by it). field names the offending field of the answer ("level",
// "options[1]"), or is empty when the answer as a whole is wrong.
//
// dont_know is only for scored items: an unknown counts as a gap in a score, whereas a
// number or text item is context that is simply left unanswered when it is not known.
func (it *Item) CheckAnswer(a Answer) (field, problem string, ok bool) {
	kinds := a.kinds()
	switch {
	case len(kinds) == 0:
		return "", "needs one of status, level, option, options, number or text", false
	case len(kinds) > 1:
		return "", fmt.Sprintf("has more than one kind of value (%s)", strings.Join(kinds, ", ")), false
	case kinds[0] == "status":
		return it.checkStatus(a.Status)
	case kinds[0] != kindFor[it.Type]:
		return kinds[0], fmt.Sprintf("does not fit a %s item", it.Type), false
	}
	switch it.Type {
	case TypeScale:
		return checkLevel(*a.Level)
	case TypeChoice:
		return it.checkOption(a.Option)
	case TypeChecklist:
		return it.checkOptions(a.Options)
	case TypeNumber:
		return it.checkNumber(*a.Number)
	}
	return it.checkText(*a.Text)
}

// kinds lists the kinds of value a carries. An empty checklist answer ("nothing is in
// place") counts only when OptionsSet says so, as in Value.
func (a Answer) kinds() []string {
	var ks []string
	for _, k := range []struct {
		name string
		set  bool
	}{
		{"status", a.Status != ""}, {"level", a.Level != nil}, {"option", a.Option != ""},
		{"options", a.OptionsSet || len(a.Options) > 0}, {"number", a.Number != nil},
		{"text", a.Text != nil},
	} {
		if k.set {
			ks = append(ks, k.name)
		}
	}
	return ks
}

func (it *Item) checkStatus(s string) (field, problem string, ok bool) {
	switch {
	case s != NotApplicable && s != DontKnow:
		return "status", fmt.Sprintf("must be %s or %s", NotApplicable, DontKnow), false
	case s == NotApplicable && !it.AllowNA:
		return "status", "not applicable is not allowed for this item", false
	case s == DontKnow && !it.Scored():
		return "status", "dont_know is only for scored items", false
	}
	return "", "", true
}

func checkLevel(l int) (field, problem string, ok bool) {
	if l < 0 || l > ScaleMax {
		return "level", fmt.Sprintf("must be 0..%d", ScaleMax), false
	}
	return "", "", true
}

func (it *Item) checkOption(id string) (field, problem string, ok bool) {
	if _, found := it.Option(id); !found {
		return "option", fmt.Sprintf("%q is not an option of item %s", id, it.ID), false
	}
	return "", "", true
}

func (it *Item) checkOptions(ids []string) (field, problem string, ok bool) {
	seen := map[string]bool{}
	for j, id := range ids {
		f := fmt.Sprintf("options[%d]", j)
		if _, found := it.Option(id); !found {
			return f, fmt.Sprintf("%q is not an option of item %s", id, it.ID), false
		}
		if seen[id] {
			return f, fmt.Sprintf("%q is listed twice", id), false
		}
		seen[id] = true
	}
	return "", "", true
}

func (it *Item) checkNumber(n float64) (field, problem string, ok bool) {
	if math.IsNaN(n) || math.IsInf(n, 0) {
		return "number", "must be a finite number", false
	}
	if it.Min != nil && it.Max != nil && (n < *it.Min || n > *it.Max) {
		return "number", fmt.Sprintf("must be %s..%s", formatNumber(*it.Min), formatNumber(*it.Max)), false
	}
	return "", "", true
}

func (it *Item) checkText(s string) (field, problem string, ok bool) {
	if it.MaxLength > 0 && utf8.RuneCountInString(s) > it.MaxLength {
		return "text", fmt.Sprintf("must be at most %d characters", it.MaxLength), false
	}
	return "", "", true
}

// formatNumber prints a number as short as possible: 100, not 100.000000.
func formatNumber(f float64) string {
	return strconv.FormatFloat(f, 'f', -1, 64)
}

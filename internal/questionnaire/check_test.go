package questionnaire

import (
	"math"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestCheckAnswers(t *testing.T) {
	t.Parallel()
	q := mustParse(t, miniPath)
	type A = Answer
	one := func(field, problem string) []AnswerProblem {
		return []AnswerProblem{{Index: 0, Field: field, Problem: problem}}
	}
	tests := []struct {
		name    string
		answers []Answer
		want    []AnswerProblem
	}{
		{"every type valid", []A{
			{ItemID: "eq-01", Level: ptr(0)}, {ItemID: "eq-02", Text: ptr("")},
			{ItemID: "pa-01", Option: "shared"}, {ItemID: "in-01", Options: []string{"room", "headset"}},
			{ItemID: "wb-01", Level: ptr(4)}, {ItemID: "ev-01", Status: DontKnow},
			{ItemID: "ev-02", Number: ptr(37.5)}, {ItemID: "sl-01", Status: NotApplicable},
		}, nil},
		{"none", nil, nil},

		// Which item.
		{"unknown item", []A{{ItemID: "eq-09", Level: ptr(1)}}, one("answers[0].item_id", "item eq-09 does not exist")},
		{"item id missing", []A{{Level: ptr(1)}}, one("answers[0].item_id", "is missing")},
		{"two answers for one item", []A{{ItemID: "eq-01", Level: ptr(1)}, {ItemID: "eq-01", Level: ptr(2)}},
			[]AnswerProblem{{Index: 1, Field: "answers[1].item_id", Problem: "duplicate answer for item eq-01"}}},
		{"duplicate of an invalid answer", []A{{ItemID: "eq-01", Level: ptr(9)}, {ItemID: "eq-01", Level: ptr(2)}},
			[]AnswerProblem{
				{Index: 0, Field: "answers[0].level", Problem: "must be 0..4"},
				{Index: 1, Field: "answers[1].item_id", Problem: "duplicate answer for item eq-01"},
			}},

		// Exactly one kind of value, of the item's kind.
		{"no value", []A{{ItemID: "eq-01"}}, one("answers[0]", "needs one of status, level, option, options, number or text")},
		{"empty options not set", []A{{ItemID: "in-01", Options: []string{}}}, one("answers[0]", "needs one of status, level, option, options, number or text")},
		{"two values", []A{{ItemID: "eq-01", Level: ptr(1), Option: "x"}}, one("answers[0]", "has more than one kind of value (level, option)")},
		{"status and value", []A{{ItemID: "eq-01", Status: DontKnow, Level: ptr(1)}}, one("answers[0]", "has more than one kind of value (status, level)")},
		{"empty checklist and text", []A{{ItemID: "in-01", OptionsSet: true, Text: ptr("x")}}, one("answers[0]", "has more than one kind of value (options, text)")},
		{"option on a scale", []A{{ItemID: "eq-01", Option: "shared"}}, one("answers[0].option", "does not fit a scale item")},
		{"level on a choice", []A{{ItemID: "pa-01", Level: ptr(1)}}, one("answers[0].level", "does not fit a choice item")},
		{"options on a choice", []A{{ItemID: "pa-01", Options: []string{"shared"}}}, one("answers[0].options", "does not fit a choice item")},
		{"option on a checklist", []A{{ItemID: "in-01", Option: "room"}}, one("answers[0].option", "does not fit a checklist item")},
		{"text on a number", []A{{ItemID: "ev-02", Text: ptr("37")}}, one("answers[0].text", "does not fit a number item")},
		{"number on a text", []A{{ItemID: "eq-02", Number: ptr(1.0)}}, one("answers[0].number", "does not fit a text item")},

		// Scale.
		{"level below 0", []A{{ItemID: "eq-01", Level: ptr(-1)}}, one("answers[0].level", "must be 0..4")},
		{"level above 4", []A{{ItemID: "eq-01", Level: ptr(5)}}, one("answers[0].level", "must be 0..4")},

		// Choice and checklist.
		{"unknown option", []A{{ItemID: "pa-01", Option: "wifi-x"}}, one("answers[0].option", `"wifi-x" is not an option of item pa-01`)},
		{"unknown checklist option", []A{{ItemID: "in-01", Options: []string{"room", "desk"}}}, one("answers[0].options[1]", `"desk" is not an option of item in-01`)},
		{"repeated checklist option", []A{{ItemID: "in-01", Options: []string{"headset", "room", "headset"}}}, one("answers[0].options[2]", `"headset" is listed twice`)},
		{"nothing ticked", []A{{ItemID: "in-01", OptionsSet: true}}, nil},

		// Number.
		{"number at min and max", []A{{ItemID: "ev-02", Number: ptr(0.0)}}, nil},
		{"number at max", []A{{ItemID: "ev-02", Number: ptr(100.0)}}, nil},
		{"number above max", []A{{ItemID: "ev-02", Number: ptr(100.5)}}, one("answers[0].number", "must be 0..100")},
		{"number below min", []A{{ItemID: "ev-02", Number: ptr(-0.1)}}, one("answers[0].number", "must be 0..100")},
		{"number NaN", []A{{ItemID: "ev-02", Number: ptr(math.NaN())}}, one("answers[0].number", "must be a finite number")},
		{"number infinite", []A{{ItemID: "ev-02", Number: ptr(math.Inf(1))}}, one("answers[0].number", "must be a finite number")},

		// Text, counted in characters rather than bytes.
		{"text at max length", []A{{ItemID: "eq-02", Text: ptr(strings.Repeat("é", 500))}}, nil},
		{"text too long", []A{{ItemID: "eq-02", Text: ptr(strings.Repeat("a", 501))}}, one("answers[0].text", "must be at most 500 characters")},

		// Status.
		{"unknown status", []A{{ItemID: "eq-01", Status: "skipped"}}, one("answers[0].status", "must be not_applicable or dont_know")},
		{"not applicable not allowed", []A{{ItemID: "eq-01", Status: NotApplicable}}, one("answers[0].status", "not applicable is not allowed for this item")},
		{"not applicable allowed", []A{{ItemID: "pa-01", Status: NotApplicable}, {ItemID: "ev-02", Status: NotApplicable}}, nil},
		{"dont know on a scored item", []A{{ItemID: "eq-01", Status: DontKnow}, {ItemID: "in-01", Status: DontKnow}}, nil},
		{"dont know on a text", []A{{ItemID: "eq-02", Status: DontKnow}}, one("answers[0].status", "dont_know is only for scored items")},
		{"dont know on a number", []A{{ItemID: "ev-02", Status: DontKnow}}, one("answers[0].status", "dont_know is only for scored items")},

		{"every offending answer is named", []A{
			{ItemID: "eq-01", Level: ptr(2)}, {ItemID: "zz-01", Level: ptr(2)},
			{ItemID: "pa-01", Option: "shared"}, {ItemID: "wb-01", Level: ptr(7)},
		}, []AnswerProblem{
			{Index: 1, Field: "answers[1].item_id", Problem: "item zz-01 does not exist"},
			{Index: 3, Field: "answers[3].level", Problem: "must be 0..4"},
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			got := q.CheckAnswers(tt.answers)
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("CheckAnswers (-want +got):\n%s", diff)
			}
		})
	}
}

func TestMaxScore(t *testing.T) {
	t.Parallel()
	q := mustParse(t, miniPath)
	want := map[string]int{"eq-01": 4, "eq-02": 0, "pa-01": 2, "in-01": 3, "ev-01": 3, "ev-02": 0}
	for id, w := range want {
		it, _, _ := q.Item(id)
		if got := it.MaxScore(); got != w {
			t.Errorf("item %s MaxScore() = %d, want %d", id, got, w)
		}
	}
}

func TestValue(t *testing.T) {
	t.Parallel()
	q := mustParse(t, miniPath)
	tests := []struct {
		name        string
		a           Answer
		want        float64
		wantCounted bool
	}{
		{"scale level", Answer{ItemID: "eq-01", Level: ptr(3)}, 3, true},
		{"choice option", Answer{ItemID: "pa-01", Option: "clinician"}, 1, true},
		{"checklist sum", Answer{ItemID: "in-01", Options: []string{"headset", "room", "none"}}, 3, true},
		{"nothing ticked", Answer{ItemID: "in-01", OptionsSet: true}, 0, true},
		{"dont know counts as 0", Answer{ItemID: "ev-01", Status: DontKnow}, 0, true},
		{"not applicable left out", Answer{ItemID: "pa-01", Status: NotApplicable}, 0, false},
		{"no answer left out", Answer{ItemID: "eq-01"}, 0, false},
		{"number never scored", Answer{ItemID: "ev-02", Number: ptr(50.0)}, 0, false},
		{"text never scored", Answer{ItemID: "eq-02", Text: ptr("hello")}, 0, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			it, _, ok := q.Item(tt.a.ItemID)
			if !ok {
				t.Fatalf("item %s not found", tt.a.ItemID)
			}
			v, counted := it.Value(tt.a)
			if v != tt.want || counted != tt.wantCounted {
				t.Errorf("Value() = %v, %v; want %v, %v", v, counted, tt.want, tt.wantCounted)
			}
		})
	}
}

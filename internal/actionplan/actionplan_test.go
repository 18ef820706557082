package actionplan

import (
	"fmt"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"

	"vcready/internal/questionnaire"
	"vcready/internal/scoring"
)

const (
	eq = questionnaire.Equity
	pw = questionnaire.Pathways
)

// testQuestionnaire:
//
//	equity (weight 1)
//	  e1 scale, w 1                         max 4
//	  e2 choice, w 2: some 1, none 0, all 2 max 2
//	  e3 checklist, w 1: a 1, b 2, c 0, d 1 max 4
//	pathways (weight 2)
//	  p1 scale, w 1, allows not_applicable  max 4
//	  p2 scale, w 0.5                       max 4
func testQuestionnaire() *questionnaire.Questionnaire {
	return &questionnaire.Questionnaire{ID: "test", Considerations: []questionnaire.Consideration{
		{Key: eq, Weight: 1, Items: []questionnaire.Item{
			scale("e1", 1),
			{ID: "e2", Type: questionnaire.TypeChoice, Weight: 2, Options: []questionnaire.Option{
				{ID: "some", Score: 1, Action: "Extend to all."},
				{ID: "none", Score: 0, Action: "Start somewhere."},
				{ID: "all", Score: 2},
			}},
			{ID: "e3", Type: questionnaire.TypeChecklist, Weight: 1, Options: []questionnaire.Option{
				{ID: "a", Score: 1, Action: "Get a."},
				{ID: "b", Score: 2, Action: "Get b."},
				{ID: "c", Score: 0, Action: "Never shown: c adds nothing."},
				{ID: "d", Score: 1, Action: "Get d."},
			}},
		}},
		{Key: pw, Weight: 2, Items: []questionnaire.Item{
			withNA(scale("p1", 1)),
			scale("p2", 0.5),
		}},
	}}
}

func scale(id string, w float64) questionnaire.Item {
	it := questionnaire.Item{ID: id, Type: questionnaire.TypeScale, Weight: w}
	for v := 0; v <= questionnaire.ScaleMax; v++ {
		l := questionnaire.Level{Value: v, Label: fmt.Sprint(v)}
		if v < questionnaire.ScaleMax {
			l.Action = fmt.Sprintf("%s: move on from level %d.", id, v)
		}
		it.Levels = append(it.Levels, l)
	}
	return it
}

func withNA(it questionnaire.Item) questionnaire.Item { it.AllowNA = true; return it }

func lvl(n int) questionnaire.Answer     { return questionnaire.Answer{Level: &n} }
func opt(id string) questionnaire.Answer { return questionnaire.Answer{Option: id} }
func dk() questionnaire.Answer           { return questionnaire.Answer{Status: questionnaire.DontKnow} }
func na() questionnaire.Answer           { return questionnaire.Answer{Status: questionnaire.NotApplicable} }
func ticks(ids ...string) questionnaire.Answer {
	return questionnaire.Answer{Options: ids, OptionsSet: true}
}

// priority = w * (max - v) / max * consideration weight * (1.5 if below median)
func TestDerive(t *testing.T) {
	t.Parallel()
	answers := scoring.Answers{
		"e1": lvl(2),      // 1 * (4-2)/4 * 1 = 0.5
		"e2": opt("some"), // 2 * (2-1)/2 * 1 = 1.0
		"e3": ticks("a"),  // v = 1: 1 * (4-1)/4 * 1 = 0.75
		"p1": lvl(4),      // at its maximum: no action
		"p2": dk(),        // v = 0: 0.5 * (4-0)/4 * 2 = 1.0 (x 1.5 = 1.5 below median)
	}
	e1 := Action{ItemID: "e1", Consideration: eq, Text: "e1: move on from level 2.", Value: 2, Max: 4, Weight: 1, ConsiderationWeight: 1, Priority: 0.5, DoFirst: true}
	e2 := Action{ItemID: "e2", Consideration: eq, Text: "Extend to all.", Value: 1, Max: 2, Weight: 2, ConsiderationWeight: 1, Priority: 1, DoFirst: true}
	e3 := Action{ItemID: "e3", Consideration: eq, Text: "Get b.\nGet d.", Value: 1, Max: 4, Weight: 1, ConsiderationWeight: 1, Priority: 0.75, DoFirst: true}
	p2 := Action{ItemID: "p2", Consideration: pw, Text: "p2: move on from level 0.", Max: 4, DontKnow: true, Weight: 0.5, ConsiderationWeight: 2, Priority: 1, DoFirst: true}
	p2below := p2
	p2below.BelowMedian, p2below.Priority = true, 1.5

	tests := []struct {
		name        string
		answers     scoring.Answers
		belowMedian map[string]bool
		want        []Action
	}{
		// e2 and p2 tie at 1.0: equity comes first in the questionnaire
		{"priority order, ties by consideration", answers, nil, []Action{e2, p2, e3, e1}},
		{"below median multiplies by 1.5", answers, map[string]bool{pw: true}, []Action{p2below, e2, e3, e1}},
		{"not applicable and missing yield nothing", scoring.Answers{"p1": na(), "e2": opt("all")}, nil, nil},
		{"answers at the maximum yield nothing", scoring.Answers{"e1": lvl(4), "e2": opt("all"), "e3": ticks("a", "b", "c", "d"), "p1": lvl(4), "p2": lvl(4)}, nil, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			got := Derive(testQuestionnaire(), tt.answers, tt.belowMedian)
			if diff := cmp.Diff(tt.want, got, cmpopts.EquateEmpty()); diff != "" {
				t.Errorf("Derive() mismatch (-want +got):\n%s", diff)
			}
		})
	}
}

func TestDeriveTiesKeepQuestionnaireOrder(t *testing.T) {
	t.Parallel()
	q := &questionnaire.Questionnaire{Considerations: []questionnaire.Consideration{
		// a1 = 0.3 * 4/4 * 1 = 0.3 exactly as written;
		{Key: eq, Weight: 1, Items: []questionnaire.Item{scale("a1", 0.3), scale("a2", 1), scale("a3", 1)}},
		// b1 = 0.1 * 4/4 * 3 = 0.30000000000000004 in float64, a tie on paper with a1
		{Key: pw, Weight: 3, Items: []questionnaire.Item{scale("b1", 0.1), scale("b2", 1.0/3)}},
	}}
	a := scoring.Answers{
		"a1": lvl(0), "b1": lvl(0), // 0.3 each: a1 first, equity before pathways
		"a3": lvl(2), "a2": lvl(2), // 1 * 2/4 * 1 = 0.5 each: a2 before a3 (item order)
		"b2": lvl(2), // 1/3 * 2/4 * 3 = 0.5: after a2 and a3
	}
	var got []string
	for _, act := range Derive(q, a, nil) {
		got = append(got, act.ItemID)
	}
	if diff := cmp.Diff([]string{"a2", "a3", "b2", "a1", "b1"}, got); diff != "" {
		t.Errorf("order mismatch (-want +got):\n%s", diff)
	}
}

func TestDeriveMarksFiveDoFirst(t *testing.T) {
	t.Parallel()
	var items []questionnaire.Item
	a := scoring.Answers{}
	for i := range 7 {
		id := fmt.Sprintf("s%d", i)
		items = append(items, scale(id, float64(7-i))) // falling weights: s0 highest
		a[id] = lvl(0)
	}
	q := &questionnaire.Questionnaire{Considerations: []questionnaire.Consideration{{Key: eq, Weight: 1, Items: items}}}
	got := Derive(q, a, nil)
	if len(got) != 7 {
		t.Fatalf("got %d actions, want 7", len(got))
	}
	for i, act := range got {
		if want := i < DoFirstCount; act.DoFirst != want {
			t.Errorf("action %d (%s): DoFirst = %v, want %v", i, act.ItemID, act.DoFirst, want)
		}
	}
}

func TestDeriveSkipsUnscoredAndZeroMaximumItems(t *testing.T) {
	t.Parallel()
	q := &questionnaire.Questionnaire{Considerations: []questionnaire.Consideration{{Key: eq, Items: []questionnaire.Item{
		{ID: "t", Type: questionnaire.TypeText},
		{ID: "n", Type: questionnaire.TypeNumber},
		{ID: "z", Type: questionnaire.TypeChoice, Options: []questionnaire.Option{{ID: "x", Score: 0, Action: "?"}}},
	}}}}
	a := scoring.Answers{"t": {Text: new("x")}, "n": {Number: new(3.0)}, "z": opt("x")}
	if got := Derive(q, a, nil); len(got) != 0 {
		t.Errorf("Derive() = %+v, want no actions", got)
	}
}

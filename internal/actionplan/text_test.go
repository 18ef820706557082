package actionplan

import (
	"testing"

	"vcready/internal/scoring"
)

func TestActionText(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name   string
		itemID string
		answer scoring.Answers
		want   string
	}{
		{"scale: the answered level's action", "e1", scoring.Answers{"e1": lvl(1)}, "e1: move on from level 1."},
		{"scale dont_know: level 0's action", "e1", scoring.Answers{"e1": dk()}, "e1: move on from level 0."},
		{"choice: the chosen option's action", "e2", scoring.Answers{"e2": opt("none")}, "Start somewhere."},
		{"choice dont_know: the lowest-scoring option's action", "e2", scoring.Answers{"e2": dk()}, "Start somewhere."},
		{"checklist: each missing option on its own line", "e3", scoring.Answers{"e3": ticks("b")}, "Get a.\nGet d."},
		{"checklist with nothing ticked: every scoring option", "e3", scoring.Answers{"e3": ticks()}, "Get a.\nGet b.\nGet d."},
		{"checklist dont_know: every scoring option", "e3", scoring.Answers{"e3": dk()}, "Get a.\nGet b.\nGet d."},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			var got *Action
			for _, act := range Derive(testQuestionnaire(), tt.answer, nil) {
				if act.ItemID == tt.itemID {
					got = &act
				}
			}
			if got == nil {
				t.Fatalf("no action for %s", tt.itemID)
			}
			if got.Text != tt.want {
				t.Errorf("Text = %q, want %q", got.Text, tt.want)
			}
		})
	}
}

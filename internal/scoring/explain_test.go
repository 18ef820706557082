package scoring

import (
	"testing"

	"github.com/google/go-cmp/cmp"

	"vcready/internal/questionnaire"
)

func TestExplain(t *testing.T) {
	t.Parallel()
	eq, pw := questionnaire.Equity, questionnaire.Pathways
	q := quest(
		cons(eq, 1, scale("s1", 2), scale("s2", 1), text("t"), scale("s3", 1), scale("s4", 1), scale("s5", 1)),
		cons(pw, 1, checklist("c1", 3, 1, 2, 1)),
	)
	a := Answers{"s1": lvl(1), "s2": lvl(3), "s3": na(), "s5": dk(), "c1": ticks("c1")}
	// equity counts s1, s2, s5 (sum of weights 2+1+1 = 4):
	//   s1: 100 * 2/4 = 50 at most, 50 * 1/4 = 12.5
	//   s2: 100 * 1/4 = 25 at most, 25 * 3/4 = 18.75
	//   s5: dont_know, 25 at most, 0
	//   exact score 12.5 + 18.75 + 0 = 31.25 = 100 * (2*1/4 + 1*3/4 + 0) / 4
	// pathways: c1 alone, 100 at most, c1 (score 2) of 4 = 50
	want := []Contribution{
		{ItemID: "s1", Consideration: eq, Answer: AnswerValue, Weight: 2, Value: 1, Max: 4, Points: 12.5, MaxPoints: 50},
		{ItemID: "s2", Consideration: eq, Answer: AnswerValue, Weight: 1, Value: 3, Max: 4, Points: 18.75, MaxPoints: 25},
		{ItemID: "s3", Consideration: eq, Answer: AnswerNotApplicable, Weight: 1, Max: 4},
		{ItemID: "s4", Consideration: eq, Answer: AnswerMissing, Weight: 1, Max: 4},
		{ItemID: "s5", Consideration: eq, Answer: AnswerDontKnow, Weight: 1, Max: 4, MaxPoints: 25},
		{ItemID: "c1", Consideration: pw, Answer: AnswerValue, Weight: 3, Value: 2, Max: 4, Points: 50, MaxPoints: 100},
	}
	if diff := cmp.Diff(want, Explain(q, a)); diff != "" {
		t.Errorf("Explain() mismatch (-want +got):\n%s", diff)
	}
	res := Score(q, a)
	if got := res.Considerations[0].Exact; got != 31.25 {
		t.Errorf("equity exact = %v, want 31.25 (the sum of its points)", got)
	}
}

func TestItemValueClampsOutOfRange(t *testing.T) {
	t.Parallel()
	it := scale("s1", 1)
	tests := []struct {
		name string
		a    questionnaire.Answer
		want float64
	}{
		{"above the maximum", lvl(9), 4},
		{"below zero", lvl(-2), 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			kind, v := ItemValue(&it, Answers{"s1": tt.a})
			if kind != AnswerValue || v != tt.want {
				t.Errorf("ItemValue() = %q, %v; want %q, %v", kind, v, AnswerValue, tt.want)
			}
		})
	}
}

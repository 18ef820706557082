package scoring

import (
	"math"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"

	"vcready/internal/questionnaire"
)

// The numbers in these cases are worked by hand from SCORING.md:
//
//	score(d) = 100 * sum(w_i * v_i / max_i) / sum(w_i)   over items with a value or dont_know
//	coverage = counted / scored items; below 0.5 the consideration is insufficient
func TestScoreConsideration(t *testing.T) {
	t.Parallel()
	eq := questionnaire.Equity
	tests := []struct {
		name string
		c    questionnaire.Consideration
		a    Answers
		want Consideration
	}{{
		// 100 * (4/4 + 2/4) / 2 = 75.0
		name: "equal weights",
		c:    cons(eq, 1, scale("s1", 1), scale("s2", 1)),
		a:    Answers{"s1": lvl(4), "s2": lvl(2)},
		want: Consideration{Key: eq, Score: ptr(75), Level: LevelEmbedded, Coverage: 1, Status: StatusScored, Items: 2, Counted: 2},
	}, {
		// 100 * (2*1/4 + 1*3/4) / (2+1) = 100 * 1.25 / 3 = 41.666... -> 41.7
		name: "item weights",
		c:    cons(eq, 1, scale("s1", 2), scale("s2", 1)),
		a:    Answers{"s1": lvl(1), "s2": lvl(3)},
		want: Consideration{Key: eq, Score: ptr(41.7), Level: LevelDeveloping, Coverage: 1, Status: StatusScored, Items: 2, Counted: 2},
	}, {
		// s2 is left out: 100 * (4/4 + 2/4) / 2 = 75.0; coverage 2/3 = 0.667
		name: "not_applicable left out of sums but not counted",
		c:    cons(eq, 1, scale("s1", 1), scale("s2", 1), scale("s3", 1)),
		a:    Answers{"s1": lvl(4), "s2": na(), "s3": lvl(2)},
		want: Consideration{Key: eq, Score: ptr(75), Level: LevelEmbedded, Coverage: 0.667, Status: StatusScored, Items: 3, Counted: 2, NotApplicable: 1},
	}, {
		// dont_know is v = 0: 100 * (4/4 + 0/4) / 2 = 50.0
		name: "dont_know counts as zero",
		c:    cons(eq, 1, scale("s1", 1), scale("s2", 1)),
		a:    Answers{"s1": lvl(4), "s2": dk()},
		want: Consideration{Key: eq, Score: ptr(50), Level: LevelEstablished, Coverage: 1, Status: StatusScored, Items: 2, Counted: 2, DontKnow: 1},
	}, {
		// s2 missing is left out: 100 * (3/4) / 1 = 75.0; coverage 1/2 = 0.5 is enough
		name: "missing left out, coverage exactly one half is scored",
		c:    cons(eq, 1, scale("s1", 1), scale("s2", 1)),
		a:    Answers{"s1": lvl(3)},
		want: Consideration{Key: eq, Score: ptr(75), Level: LevelEmbedded, Coverage: 0.5, Status: StatusScored, Items: 2, Counted: 1, Missing: 1},
	}, {
		// 2 of 4 counted (one of them dont_know) = 0.5: 100 * (1/4 + 0) / 2 = 12.5
		name: "exactly one half with dont_know and not_applicable",
		c:    cons(eq, 1, scale("s1", 1), scale("s2", 1), scale("s3", 1), scale("s4", 1)),
		a:    Answers{"s1": lvl(1), "s2": dk(), "s3": na(), "s4": na()},
		want: Consideration{Key: eq, Score: ptr(12.5), Level: LevelGettingStarted, Coverage: 0.5, Status: StatusScored, Items: 4, Counted: 2, DontKnow: 1, NotApplicable: 2},
	}, {
		// 2 of 5 counted = 0.4 < 0.5
		name: "coverage just below one half is insufficient",
		c:    cons(eq, 1, scale("s1", 1), scale("s2", 1), scale("s3", 1), scale("s4", 1), scale("s5", 1)),
		a:    Answers{"s1": lvl(4), "s2": lvl(4)},
		want: Consideration{Key: eq, Coverage: 0.4, Status: StatusInsufficient, Items: 5, Counted: 2, Missing: 3},
	}, {
		// 1 of 3 counted = 0.333: not_applicable lowers coverage too
		name: "not_applicable can make a consideration insufficient",
		c:    cons(eq, 1, scale("s1", 1), scale("s2", 1), scale("s3", 1)),
		a:    Answers{"s1": lvl(2), "s2": na(), "s3": na()},
		want: Consideration{Key: eq, Coverage: 0.333, Status: StatusInsufficient, Items: 3, Counted: 1, NotApplicable: 2},
	}, {
		// max = highest option = 3; chosen o1 scores 1: 100 * 1/3 = 33.333... -> 33.3
		name: "choice scores the chosen option against the highest",
		c:    cons(eq, 1, choice("ch", 1, 0, 1, 3)),
		a:    Answers{"ch": opt("o1")},
		want: Consideration{Key: eq, Score: ptr(33.3), Level: LevelDeveloping, Coverage: 1, Status: StatusScored, Items: 1, Counted: 1},
	}, {
		// max = 1+2+1 = 4; ticked c0 + c2 = 2: 100 * 2/4 = 50.0
		name: "checklist sums the ticked options",
		c:    cons(eq, 1, checklist("cl", 1, 1, 2, 1)),
		a:    Answers{"cl": ticks("c0", "c2")},
		want: Consideration{Key: eq, Score: ptr(50), Level: LevelEstablished, Coverage: 1, Status: StatusScored, Items: 1, Counted: 1},
	}, {
		// nothing in place is an answer: 0 of 4 = 0.0
		name: "checklist with nothing ticked counts as zero",
		c:    cons(eq, 1, checklist("cl", 1, 1, 2, 1)),
		a:    Answers{"cl": ticks()},
		want: Consideration{Key: eq, Score: ptr(0), Level: LevelGettingStarted, Coverage: 1, Status: StatusScored, Items: 1, Counted: 1},
	}, {
		// an answer with no value is no answer: 100 * 4/4 / 1 = 100.0, coverage 1/2
		name: "answer without a value is missing",
		c:    cons(eq, 1, scale("s1", 1), checklist("cl", 1, 1, 1)),
		a:    Answers{"s1": lvl(4), "cl": {}},
		want: Consideration{Key: eq, Score: ptr(100), Level: LevelEmbedded, Coverage: 0.5, Status: StatusScored, Items: 2, Counted: 1, Missing: 1},
	}, {
		// the text item is not scored; the choice whose options all score 0 has max 0 and
		// is skipped (no division by zero): 100 * 1/4 / 1 = 25.0
		name: "unscored and zero-maximum items are skipped",
		c:    cons(eq, 1, text("tx"), choice("zero", 1, 0, 0), scale("s1", 1)),
		a:    Answers{"tx": {Text: new("free text")}, "zero": opt("o0"), "s1": lvl(1)},
		want: Consideration{Key: eq, Score: ptr(25), Level: LevelDeveloping, Coverage: 1, Status: StatusScored, Items: 1, Counted: 1},
	}, {
		// unset weights count as 1: 100 * (4/4 + 0/4) / 2 = 50.0
		name: "zero weights default to one",
		c:    cons(eq, 0, scale("s1", 0), scale("s2", 0)),
		a:    Answers{"s1": lvl(4), "s2": lvl(0)},
		want: Consideration{Key: eq, Score: ptr(50), Level: LevelEstablished, Coverage: 1, Status: StatusScored, Items: 2, Counted: 2},
	}, {
		// 100 * (499 * 1/4) / (499 + 1) = 24.95 -> 25.0, which must read Developing
		name: "exact 24.95 rounds to 25.0 developing",
		c:    cons(eq, 1, scale("s1", 499), scale("s2", 1)),
		a:    Answers{"s1": lvl(1), "s2": lvl(0)},
		want: Consideration{Key: eq, Score: ptr(25), Level: LevelDeveloping, Coverage: 1, Status: StatusScored, Items: 2, Counted: 2},
	}, {
		// 100 * (1247 * 1/4) / (1247 + 3) = 24.94 -> 24.9
		name: "exact 24.94 stays getting started",
		c:    cons(eq, 1, scale("s1", 1247), scale("s2", 3)),
		a:    Answers{"s1": lvl(1), "s2": lvl(0)},
		want: Consideration{Key: eq, Score: ptr(24.9), Level: LevelGettingStarted, Coverage: 1, Status: StatusScored, Items: 2, Counted: 2},
	}, {
		// 100 * (1874 * 3/4) / (1874 + 1) = 74.96 -> 75.0
		name: "exact 74.96 rounds to 75.0 embedded",
		c:    cons(eq, 1, scale("s1", 1874), scale("s2", 1)),
		a:    Answers{"s1": lvl(3), "s2": lvl(0)},
		want: Consideration{Key: eq, Score: ptr(75), Level: LevelEmbedded, Coverage: 1, Status: StatusScored, Items: 2, Counted: 2},
	}, {
		// 100 * (4.1 * 1/4) / (4.1 + 5.9) = 10.25 on paper, 10.249999999999998 in float64;
		// half away from zero gives 10.3
		name: "half rounds away from zero despite float error",
		c:    cons(eq, 1, scale("s1", 4.1), scale("s2", 5.9)),
		a:    Answers{"s1": lvl(1), "s2": lvl(0)},
		want: Consideration{Key: eq, Score: ptr(10.3), Level: LevelGettingStarted, Coverage: 1, Status: StatusScored, Items: 2, Counted: 2},
	}}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			res := Score(quest(tt.c), tt.a)
			if len(res.Considerations) != 1 {
				t.Fatalf("got %d considerations, want 1", len(res.Considerations))
			}
			got := res.Considerations[0]
			if diff := cmp.Diff(tt.want, got, cmpopts.IgnoreFields(Consideration{}, "Exact")); diff != "" {
				t.Errorf("Score() mismatch (-want +got):\n%s", diff)
			}
			if got.Status == StatusScored && Round(got.Exact) != *got.Score {
				t.Errorf("Score = %v, but Exact %v rounds to %v", *got.Score, got.Exact, Round(got.Exact))
			}
		})
	}
}

func TestScoreOverall(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name      string
		q         *questionnaire.Questionnaire
		a         Answers
		want      *float64
		wantExact float64
	}{{
		// equity (weight 2) 100 * 2/4 = 50; pathways (weight 1) 100;
		// infrastructure (weight 5) insufficient, left out: (2*50 + 1*100) / 3 = 66.666... -> 66.7
		name: "consideration weights, insufficient left out",
		q: quest(
			cons(questionnaire.Equity, 2, scale("e1", 1)),
			cons(questionnaire.Pathways, 1, scale("p1", 1)),
			cons(questionnaire.Infrastructure, 5, scale("i1", 1)),
		),
		a:         Answers{"e1": lvl(2), "p1": lvl(4)},
		want:      ptr(66.7),
		wantExact: 200.0 / 3,
	}, {
		// equity 100 * 1/6 = 16.666... (shown 16.7), pathways 0: (16.666... + 0) / 2 = 8.333...
		// -> 8.3. Averaging the rounded scores would give 8.35 -> 8.4.
		name: "overall averages full-precision scores",
		q: quest(
			cons(questionnaire.Equity, 1, choice("e1", 1, 0, 1, 6)),
			cons(questionnaire.Pathways, 1, scale("p1", 1)),
		),
		a:         Answers{"e1": opt("o1"), "p1": lvl(0)},
		want:      ptr(8.3),
		wantExact: 100.0 / 12,
	}, {
		name: "every consideration insufficient gives no overall",
		q: quest(
			cons(questionnaire.Equity, 1, scale("e1", 1), scale("e2", 1), scale("e3", 1)),
			cons(questionnaire.Pathways, 1, text("p1")),
		),
		a:    Answers{"e1": lvl(4), "p1": {Text: new("x")}},
		want: nil,
	}}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			res := Score(tt.q, tt.a)
			if diff := cmp.Diff(tt.want, res.Overall); diff != "" {
				t.Errorf("Overall mismatch (-want +got):\n%s", diff)
			}
			if math.Abs(res.OverallExact-tt.wantExact) > 1e-9 {
				t.Errorf("OverallExact = %v, want %v", res.OverallExact, tt.wantExact)
			}
		})
	}
}

func TestScoreConsiderationWithoutScoredItemsIsInsufficient(t *testing.T) {
	t.Parallel()
	res := Score(quest(cons(questionnaire.Evidence, 1, text("t1"))), Answers{})
	want := Consideration{Key: questionnaire.Evidence, Status: StatusInsufficient}
	if diff := cmp.Diff(want, res.Considerations[0]); diff != "" {
		t.Errorf("mismatch (-want +got):\n%s", diff)
	}
}

func TestMissing(t *testing.T) {
	t.Parallel()
	q := quest(
		cons(questionnaire.Equity, 1, scale("e1", 1), text("e2"), scale("e3", 1)),
		cons(questionnaire.Pathways, 1, checklist("p1", 1, 1, 1), choice("p2", 1, 0, 1), scale("p3", 1)),
	)
	tests := []struct {
		name string
		a    Answers
		want []string
	}{
		{"nothing answered", Answers{}, []string{"e1", "e3", "p1", "p2", "p3"}},
		{"statuses are answers", Answers{"e1": na(), "e3": dk(), "p1": ticks(), "p2": opt("o0"), "p3": lvl(0)}, nil},
		{"empty answers and unknown options are missing", Answers{"e1": {}, "e3": lvl(2), "p1": {}, "p2": opt("nope"), "p3": lvl(1)}, []string{"e1", "p1", "p2"}},
		{"unscored items are never required", Answers{"e1": lvl(1), "e3": lvl(1), "p1": ticks("c0"), "p2": dk(), "p3": dk()}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			if diff := cmp.Diff(tt.want, Missing(q, tt.a)); diff != "" {
				t.Errorf("Missing() mismatch (-want +got):\n%s", diff)
			}
		})
	}
}

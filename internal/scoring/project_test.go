package scoring

import (
	"testing"

	"vcready/internal/questionnaire"
)

func TestNextValue(t *testing.T) {
	t.Parallel()
	sc := scale("s", 1)
	ch := choice("ch", 1, 2, 0, 1, 4)    // o0 2, o1 0, o2 1, o3 4
	cl := checklist("cl", 1, 1, 3, 0, 2) // c0 1, c1 3, c2 0, c3 2: max 6
	cases := []struct {
		name   string
		it     questionnaire.Item
		answer questionnaire.Answer
		want   float64
		ok     bool
	}{
		{"scale 2 goes to 3", sc, lvl(2), 3, true},
		{"scale 0 goes to 1", sc, lvl(0), 1, true},
		{"scale dont_know counts as 0 and goes to 1", sc, dk(), 1, true},
		{"scale at max does not move", sc, lvl(4), 0, false},
		{"scale not_applicable does not move", sc, na(), 0, false},
		{"choice 0 goes to the lowest option above: 1", ch, opt("o1"), 1, true},
		{"choice 1 goes to 2", ch, opt("o2"), 2, true},
		{"choice 2 skips nothing: 4", ch, opt("o0"), 4, true},
		{"choice dont_know goes to 1", ch, dk(), 1, true},
		{"choice at max does not move", ch, opt("o3"), 0, false},
		{"checklist nothing ticked adds the highest: 3", cl, ticks(), 3, true},
		{"checklist c1 ticked adds c3: 3+2", cl, ticks("c1"), 5, true},
		{"checklist c1 c3 ticked adds c0: 5+1", cl, ticks("c1", "c3"), 6, true},
		{"checklist dont_know counts as 0: 3", cl, dk(), 3, true},
		{"checklist at max does not move", cl, ticks("c0", "c1", "c3"), 0, false},
		{"text never moves", text("t"), questionnaire.Answer{}, 0, false},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			a := Answers{tc.it.ID: tc.answer}
			got, ok := NextValue(&tc.it, a)
			if got != tc.want || ok != tc.ok {
				t.Errorf("NextValue = %v, %v; want %v, %v", got, ok, tc.want, tc.ok)
			}
		})
	}
	t.Run("missing answer does not move", func(t *testing.T) {
		if _, ok := NextValue(&sc, Answers{}); ok {
			t.Error("a missing answer moved")
		}
	})
}

// TestProject works a projection by hand:
//
//	equity (w 1): s1 scale 2/4, s2 scale dont_know (0/4), ch choice 0 of {0,1,2}
//	pathways (w 1): cl checklist c0 (1) of {1,2} max 3
//
// Now: equity = 100*(2/4 + 0 + 0)/3 = 16.7; pathways = 100*1/3 = 33.3; overall 25.0.
// Moving s2 and cl: s2 -> 1, cl -> 1+2 = 3: equity = 100*(0.5+0.25+0)/3 = 25.0
// (developing), pathways = 100 (embedded), overall = 62.5.
func TestProject(t *testing.T) {
	t.Parallel()
	q := quest(
		cons("equity", 1, scale("s1", 1), scale("s2", 1), choice("ch", 1, 0, 1, 2)),
		cons("pathways", 1, checklist("cl", 1, 1, 2)),
	)
	a := Answers{"s1": lvl(2), "s2": dk(), "ch": opt("o0"), "cl": ticks("c0")}
	now := Score(q, a)
	if *now.Overall != 25 {
		t.Fatalf("overall now = %v, want 25", *now.Overall)
	}
	got := Project(q, a, []string{"s2", "cl", "unknown", "cl"})
	if *got.Overall != 62.5 {
		t.Errorf("projected overall = %v, want 62.5", *got.Overall)
	}
	want := map[string]struct {
		score float64
		level string
	}{"equity": {25, "developing"}, "pathways": {100, "embedded"}}
	for _, c := range got.Considerations {
		if w := want[c.Key]; c.Score == nil || *c.Score != w.score || c.Level != w.level {
			t.Errorf("%s = %v %s, want %v %s", c.Key, c.Score, c.Level, w.score, w.level)
		}
	}
	if a["s2"].Status != questionnaire.DontKnow || len(a["cl"].Options) != 1 {
		t.Error("Project changed its answers")
	}
	if none := Project(q, a, nil); *none.Overall != 25 {
		t.Errorf("projection of nothing = %v, want the score now", *none.Overall)
	}
}

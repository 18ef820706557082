package scoring

import (
	"fmt"

	"vcready/internal/questionnaire"
)

// Small builders for hand-made questionnaires and answers: tests stay readable and do not
// depend on the YAML files.

func scale(id string, w float64) questionnaire.Item {
	it := questionnaire.Item{ID: id, Type: questionnaire.TypeScale, Weight: w}
	for v := 0; v <= questionnaire.ScaleMax; v++ {
		it.Levels = append(it.Levels, questionnaire.Level{Value: v, Label: fmt.Sprint(v)})
	}
	return it
}

// choice builds a choice item with options o0, o1, ... scoring as given.
func choice(id string, w float64, scores ...int) questionnaire.Item {
	return withOptions(questionnaire.Item{ID: id, Type: questionnaire.TypeChoice, Weight: w}, "o", scores)
}

// checklist builds a checklist item with options c0, c1, ... scoring as given.
func checklist(id string, w float64, scores ...int) questionnaire.Item {
	return withOptions(questionnaire.Item{ID: id, Type: questionnaire.TypeChecklist, Weight: w}, "c", scores)
}

func withOptions(it questionnaire.Item, prefix string, scores []int) questionnaire.Item {
	for i, s := range scores {
		it.Options = append(it.Options, questionnaire.Option{ID: fmt.Sprintf("%s%d", prefix, i), Score: s})
	}
	return it
}

func text(id string) questionnaire.Item {
	return questionnaire.Item{ID: id, Type: questionnaire.TypeText}
}

func cons(key string, w float64, items ...questionnaire.Item) questionnaire.Consideration {
	return questionnaire.Consideration{Key: key, Weight: w, Items: items}
}

func quest(cs ...questionnaire.Consideration) *questionnaire.Questionnaire {
	return &questionnaire.Questionnaire{ID: "test", Version: "1.0.0", Considerations: cs}
}

func lvl(n int) questionnaire.Answer     { return questionnaire.Answer{Level: &n} }
func opt(id string) questionnaire.Answer { return questionnaire.Answer{Option: id} }
func dk() questionnaire.Answer           { return questionnaire.Answer{Status: questionnaire.DontKnow} }
func na() questionnaire.Answer           { return questionnaire.Answer{Status: questionnaire.NotApplicable} }
func ticks(ids ...string) questionnaire.Answer {
	return questionnaire.Answer{Options: ids, OptionsSet: true}
}

func ptr(f float64) *float64 { return &f }

package questionnaire

import (
	"slices"
	"strings"
	"testing"
)

// TestValidate changes one thing in the valid mini.yaml and expects a given problem.
func TestValidate(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name   string
		oldNew []string // pairs of replacements applied to mini.yaml, in turn
		want   string   // a problem, without the "f.yaml: " prefix
	}{
		// The questionnaire as a whole.
		{"id not a slug", []string{"id: mini", "id: Mini_1"}, `id: "Mini_1" must be a lowercase slug such as vc-readiness`},
		{"id missing", []string{"id: mini\n", ""}, "id: is missing"},
		{"version leading zero", []string{"version: 1.2.0", "version: 01.2.0"}, `version: "01.2.0" must be a semantic version MAJOR.MINOR.PATCH such as 1.0.0`},
		{"version pre-release", []string{"version: 1.2.0", "version: 1.2.0-beta"}, `version: "1.2.0-beta" must be a semantic version MAJOR.MINOR.PATCH such as 1.0.0`},
		{"version too large", []string{"version: 1.2.0", "version: 1.2.99999999999999999999"}, `version: "1.2.99999999999999999999" must be a semantic version MAJOR.MINOR.PATCH such as 1.0.0`},
		{"version missing", []string{"version: 1.2.0\n", ""}, "version: is missing"},
		{"title blank", []string{"title: Mini readiness check", "title: ' '"}, "title: is missing"},
		{"source not https", []string{"url: https://www.england", "url: http://www.england"}, "sources.nhse-2021.url: must be a public https URL"},
		{"source relative", []string{"url: https://www.england.nhs.uk", "url: "}, "sources.nhse-2021.url: must be a public https URL"},
		{"source title", []string{"title: Using online consultations in primary care", "title: ''"}, "sources.nhse-2021.title: is missing"},
		{"source key", []string{"  nhse-2021:", "  NHSE 2021:"}, "sources.NHSE 2021: key must be lowercase letters, digits, - or _"},

		// Considerations.
		{"order", []string{"key: pathways", "key: tmp", "key: infrastructure", "key: pathways", "key: tmp", "key: infrastructure"},
			"considerations: must be in the order equity, pathways, infrastructure, wellbeing, evidence, shared_learning"},
		{"twice", []string{"key: pathways", "key: equity"}, "consideration equity: appears more than once"},
		{"twice leaves one missing", []string{"key: pathways", "key: equity"}, "considerations: pathways is missing"},
		{"unknown key", []string{"key: evidence", "key: evidences"}, "consideration evidences: is not one of equity, pathways, infrastructure, wellbeing, evidence, shared_learning"},
		{"key missing", []string{"  - key: evidence\n    title", "  - title"}, "considerations[4]: key is missing"},
		{"consideration weight zero", []string{"    weight: 2\n", "    weight: 0\n"}, "consideration equity: weight must be greater than 0"},
		{"consideration weight NaN", []string{"    weight: 2\n", "    weight: .nan\n"}, "consideration equity: weight must be greater than 0"},
		{"consideration weight infinite", []string{"    weight: 2\n", "    weight: .inf\n"}, "consideration equity: weight must be greater than 0"},
		{"consideration title", []string{"    title: Pathway redesign\n", ""}, "consideration pathways: title is missing"},
		{"no scored item", []string{"        type: checklist\n", "        type: number\n        min: 0\n        max: 1\n"},
			"consideration infrastructure: has no scored item (scale, choice or checklist)"},

		// Every item.
		{"item id not a slug", []string{"id: eq-01", "id: EQ 01"}, "item EQ 01: id: must be a lowercase slug such as eq-01"},
		{"item id missing", []string{"id: eq-02", "id: ''"}, "item #2 of consideration equity: id: is missing"},
		{"item id twice", []string{"id: pa-01", "id: eq-01"}, "item eq-01: id: is used by more than one item"},
		{"type unknown", []string{"type: scale", "type: slider"}, `item eq-01: type: "slider" is not one of scale, choice, checklist, number, text`},
		{"type missing", []string{"        type: text\n", ""}, "item eq-02: type: is missing"},
		{"text missing", []string{"text: Anything else about access?", "text: ''"}, "item eq-02: text: is missing"},
		{"item weight zero", []string{"weight: 1.5", "weight: 0"}, "item pa-01: weight: must be greater than 0"},
		{"item weight negative infinity", []string{"weight: 1.5", "weight: -.inf"}, "item pa-01: weight: must be greater than 0"},
		{"why text", []string{"text: Confidence grows with training.", "text: ''"}, "item wb-01: why.text: is missing"},
		{"why without sources", []string{"sources: [q-2020, nhse-2021]", "sources: []"}, "item pa-01: why.sources: a scored item needs at least one source"},
		{"why unknown source", []string{"sources: [q-2020, nhse-2021]", "sources: [q-2020, nhs-2021]"}, `item pa-01: why.sources: "nhs-2021" is not a key of sources`},
		{"why source twice", []string{"sources: [q-2020, nhse-2021]", "sources: [q-2020, q-2020]"}, `item pa-01: why.sources: "q-2020" is listed twice`},

		// Scale items.
		{"level twice", []string{"{value: 1, label: Starting", "{value: 2, label: Starting"}, "item eq-01: levels[2].value: level 2 appears more than once"},
		{"level missing", []string{"{value: 1, label: Starting", "{value: 2, label: Starting"}, "item eq-01: levels: level 1 is missing"},
		{"level out of range", []string{"{value: 4, label: Fully", "{value: 5, label: Fully"}, "item eq-01: levels[4].value: must be 0..4"},
		{"level value missing", []string{"{value: 1, label: Starting,", "{label: Starting,"}, "item eq-01: levels[1].value: is missing"},
		{"levels out of order", []string{"{value: 0, label: No, descriptor: No training.", "{value: 1, label: No, descriptor: No training.", "{value: 1, label: Some", "{value: 0, label: Some"},
			"item wb-01: levels: must be in order 0, 1, 2, 3, 4"},
		{"level label", []string{"label: Starting", "label: ''"}, "item eq-01: levels[1].label: is missing"},
		{"level descriptor", []string{"descriptor: We have anecdotes.", "descriptor: ''"}, "item eq-01: levels[1].descriptor: is missing"},
		{"level action missing", []string{", action: Act on what the review shows.", ""}, "item eq-01: levels[3].action: is missing (every level below 4 says what to do next)"},
		{"level action blank", []string{"action: Act on what the review shows.", "action: ' '"}, "item eq-01: levels[3].action: is missing (every level below 4 says what to do next)"},
		{"top level action", []string{"descriptor: Training is refreshed yearly.", "descriptor: Refreshed., action: Keep going."}, "item wb-01: levels[4].action: the top level takes no action; remove it"},
		{"scale without levels", []string{"        type: choice\n        text: Who decides", "        type: scale\n        text: Who decides"}, "item pa-01: levels: a scale item needs five levels, 0 to 4"},

		// Choice and checklist items.
		{"one option", []string{"          - {id: \"yes\", label: \"Yes\", score: 3}\n", ""}, "item ev-01: options: a choice item needs at least 2 options"},
		{"no option scores", []string{"score: 3}", "score: 0}"}, "item ev-01: options: at least one option must score more than 0"},
		{"option id twice", []string{"{id: clinician", "{id: nobody"}, `item pa-01: options[1].id: "nobody" is used by more than one option`},
		{"option id form", []string{"{id: nobody", "{id: Nobody!"}, `item pa-01: options[0].id: "Nobody!" must be lowercase letters, digits, - or _`},
		{"option id missing", []string{"{id: nobody, ", "{"}, "item pa-01: options[0].id: is missing"},
		{"option label", []string{"label: Nobody in particular", "label: ''"}, "item pa-01: options[0].label: is missing"},
		{"option score negative", []string{"score: 0, action: Agree", "score: -1, action: Agree"}, "item pa-01: options[0].score: must be a whole number 0..100"},
		{"option score huge", []string{"score: 2}", "score: 101}"}, "item pa-01: options[2].score: must be a whole number 0..100"},
		{"option score missing", []string{"score: 0, action: Agree", "action: Agree"}, "item pa-01: options[0].score: must be a whole number 0..100"},
		{"choice action missing", []string{", action: Involve patients in the decision.", ""}, "item pa-01: options[1].action: is missing (the option scores below the item's maximum)"},
		{"choice top action", []string{"score: 2}", "score: 2, action: Keep going.}"}, "item pa-01: options[2].action: an option with the top score takes no action; remove it"},
		{"checklist action missing", []string{", action: Buy headsets.", ""}, "item in-01: options[0].action: is missing (what to do when this is not in place)"},
		{"checklist zero action", []string{"score: 0}", "score: 0, action: Nothing.}"}, "item in-01: options[2].action: an option that scores 0 takes no action; remove it"},
		{"checklist scores nothing", []string{"score: 1, action: Buy headsets.", "score: 0", "score: 2, action: Book a quiet room for video clinics.", "score: 0"},
			"item in-01: options: at least one option must score more than 0"},

		// Number and text items.
		{"min missing", []string{"        min: 0\n", ""}, "item ev-02: min: is missing"},
		{"max infinite", []string{"max: 100", "max: .inf"}, "item ev-02: max: must be a finite number"},
		{"max below min", []string{"max: 100", "max: 0"}, "item ev-02: max: must be greater than min"},
		{"max_length missing", []string{"        max_length: 500\n", ""}, "item eq-02: max_length: is missing"},
		{"max_length too big", []string{"max_length: 500", "max_length: 10001"}, "item eq-02: max_length: must be 1..10000"},

		// Fields that do not belong to the item's type.
		{"options on a scale", []string{"        type: choice\n        text: Who decides", "        type: scale\n        text: Who decides"}, "item pa-01: options: does not belong to a scale item"},
		{"levels on a checklist", []string{"        type: checklist\n", "        type: checklist\n        levels: [{value: 0, label: x, descriptor: y}]\n"}, "item in-01: levels: does not belong to a checklist item"},
		{"min on a scale", []string{"type: scale\n        text: Are staff", "type: scale\n        min: 0\n        text: Are staff"}, "item wb-01: min: does not belong to a scale item"},
		{"unit on a text", []string{"max_length: 500", "max_length: 500\n        unit: words"}, "item eq-02: unit: does not belong to a text item"},
		{"max_length on a number", []string{`unit: "%"`, "unit: \"%\"\n        max_length: 5"}, "item ev-02: max_length: does not belong to a number item"},
		{"weight on a text", []string{"max_length: 500", "max_length: 500\n        weight: 2"}, "item eq-02: weight: does not belong to a text item"},
		{"max on a choice", []string{"weight: 1.5", "weight: 1.5\n        max: 3"}, "item pa-01: max: does not belong to a choice item"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			q, err := Parse("f.yaml", miniWith(t, tt.oldNew...))
			got := problemStrings(t, err)
			if q != nil || !slices.Contains(got, "f.yaml: "+tt.want) {
				t.Errorf("problems:\n%s\nwant %q", strings.Join(got, "\n"), tt.want)
			}
		})
	}
}

func TestProblemString(t *testing.T) {
	t.Parallel()
	tests := []struct {
		p    Problem
		want string
	}{
		{Problem{File: "a.yaml", Item: "eq-01", Field: "levels", Message: "level 3 is missing"}, "a.yaml: item eq-01: levels: level 3 is missing"},
		{Problem{File: "a.yaml", Field: "consideration equity", Message: "weight must be greater than 0"}, "a.yaml: consideration equity: weight must be greater than 0"},
		{Problem{Message: "no questionnaire files"}, "no questionnaire files"},
	}
	for _, tt := range tests {
		if got := tt.p.String(); got != tt.want {
			t.Errorf("String() = %q, want %q", got, tt.want)
		}
	}
	ps := Problems{tests[0].p, tests[1].p}
	if got, want := ps.Error(), tests[0].want+"\n"+tests[1].want; got != want {
		t.Errorf("Error() = %q, want %q", got, want)
	}
}

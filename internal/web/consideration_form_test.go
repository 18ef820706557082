package web

import (
	"testing"

	"github.com/google/go-cmp/cmp"

	"vcready/internal/questionnaire"
	"vcready/internal/web/webtest"
)

// TestReadItem reads one question's posted values for every kind of item: what is
// saved, what is skipped as blank, and what is sent back as an error.
func TestReadItem(t *testing.T) {
	t.Parallel()
	q := webtest.Questionnaires().Default()
	item := func(id string) *questionnaire.Item {
		it, _, ok := q.Item(id)
		if !ok {
			t.Fatalf("no item %s", id)
		}
		return it
	}
	level, num, text := 3, 40.0, "We learned a lot."
	cases := []struct {
		name    string
		item    string
		vals    []string
		want    *questionnaire.Answer // nil: nothing to save
		problem string
	}{
		{"scale level", "eq-01", []string{"3"}, &questionnaire.Answer{ItemID: "eq-01", Level: &level}, ""},
		{"scale don't know", "eq-01", []string{formDontKnow}, &questionnaire.Answer{ItemID: "eq-01", Status: "dont_know"}, ""},
		{"scale not applicable", "in-03", []string{formNotApplicable}, &questionnaire.Answer{ItemID: "in-03", Status: "not_applicable"}, ""},
		{"scale blank", "eq-01", nil, nil, ""},
		{"scale not a number", "eq-01", []string{"three"}, nil, "choose from the answers shown"},
		{"scale two values", "eq-01", []string{"1", "2"}, nil, "choose one answer"},
		{"choice option", "eq-08", []string{"info-english"}, &questionnaire.Answer{ItemID: "eq-08", Option: "info-english"}, ""},
		{"checklist options", "eq-04", []string{"access-needs", "adjustments"},
			&questionnaire.Answer{ItemID: "eq-04", Options: []string{"access-needs", "adjustments"}, OptionsSet: true}, ""},
		{"checklist none of these", "eq-04", []string{formNone}, &questionnaire.Answer{ItemID: "eq-04", OptionsSet: true}, ""},
		{"checklist don't know", "eq-04", []string{formDontKnow}, &questionnaire.Answer{ItemID: "eq-04", Status: "dont_know"}, ""},
		{"checklist blank", "eq-04", nil, nil, ""},
		{"checklist emptied", "eq-04", nil, nil, ""},
		{"checklist option and none", "eq-04", []string{"access-needs", formNone}, nil,
			"select what your team has in place, or select only one of ‘None of these’ or ‘Don’t know’"},
		{"checklist unknown special", "eq-04", []string{"_maybe"}, nil, "choose from the answers shown"},
		{"number", "eq-09", []string{" 40 % "}, &questionnaire.Answer{ItemID: "eq-09", Number: &num}, ""},
		{"number with a comma", "sl-08", []string{"1,000"}, nil, "enter a number from 0 to 100"},
		{"number with its unit", "sl-08", []string{"40 meetings"}, &questionnaire.Answer{ItemID: "sl-08", Number: &num}, ""},
		{"number blank", "eq-09", []string{""}, nil, ""},
		{"number removed", "eq-09", []string{""}, nil, ""},
		{"number out of range", "eq-09", []string{"-1"}, nil, "enter a number from 0 to 100"},
		{"number infinite", "eq-09", []string{"Inf"}, nil, "enter a number, like 40"},
		{"text", "sl-09", []string{"  We learned a lot.\r\n"}, &questionnaire.Answer{ItemID: "sl-09", Text: &text}, ""},
		{"text blank", "sl-09", []string{"   "}, nil, ""},
		{"text cleared", "sl-09", []string{""}, nil, ""},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			a, ok, problem := readItem(item(tc.item), tc.vals)
			if problem != tc.problem {
				t.Errorf("problem = %q, want %q", problem, tc.problem)
			}
			if ok != (tc.want != nil) {
				t.Fatalf("ok = %v, want an answer: %v", ok, tc.want != nil)
			}
			if tc.want != nil {
				if diff := cmp.Diff(*tc.want, a); diff != "" {
					t.Errorf("answer (-want +got):\n%s", diff)
				}
			}
		})
	}
}

// TestSavedAnswersShowAsPosted: what a page shows for a saved answer is what the
// form would post to save it again, so resaving an untouched page changes nothing.
func TestSavedAnswersShowAsPosted(t *testing.T) {
	t.Parallel()
	q := webtest.Questionnaires().Default()
	ac := sampleAssessment(true)
	saved := answerIndex(ac.a.Answers)
	values := savedValues(ac.a.Answers)
	for _, qc := range q.Considerations {
		got, clear, errs := readConsiderationForm(q, &qc, values, saved)
		if len(errs) > 0 || len(clear) > 0 {
			t.Fatalf("%s: resaving saved answers gives errors %v, clears %v", qc.Key, errs, clear)
		}
		for _, a := range got {
			want := saved[a.ItemID].Answer
			if diff := cmp.Diff(want, a); diff != "" {
				t.Errorf("%s: round trip (-saved +read):\n%s", a.ItemID, diff)
			}
		}
	}
}

// TestItemInputIDs: the first input of a question takes its id, so "#eq-04" links
// land on it; the rest follow the NHS macros' numbering, the divider included.
func TestItemInputIDs(t *testing.T) {
	t.Parallel()
	q := webtest.Questionnaires().Default()
	it, _, _ := q.Item("eq-04")
	v := newItemView(q, it, 4, []string{"captions-chat", formNone})
	var ids, checked []string
	for _, c := range append(v.Choices, v.Extras...) {
		ids = append(ids, c.ID)
		if c.Checked {
			checked = append(checked, c.Value)
		}
	}
	want := []string{"eq-04", "eq-04-2", "eq-04-3", "eq-04-4", "eq-04-5", "eq-04-6", "eq-04-8", "eq-04-9"}
	if diff := cmp.Diff(want, ids); diff != "" {
		t.Errorf("ids (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff([]string{"captions-chat", formNone}, checked); diff != "" {
		t.Errorf("checked (-want +got):\n%s", diff)
	}
	if !v.Extras[0].Exclusive || v.Extras[0].Label != "None of these" {
		t.Errorf("extras = %+v", v.Extras)
	}
	na, _, _ := q.Item("in-03")
	if v := newItemView(q, na, 3, nil); len(v.Extras) != 2 || v.Extras[1].Value != formNotApplicable {
		t.Errorf("in-03 allows not applicable; extras = %+v", v.Extras)
	}
	num, _, _ := q.Item("eq-09")
	if v := newItemView(q, num, 9, nil); len(v.Extras) != 0 || v.Range != " from 0 to 100" {
		t.Errorf("number item view = %+v", v)
	}
}

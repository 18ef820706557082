package assessment_test

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"

	"vcready/internal/apperr"
	"vcready/internal/assessment"
	"vcready/internal/questionnaire"
	"vcready/internal/store"
	"vcready/internal/store/storetest"
)

// TestSaveAnswersRejectsTheWholeList sends one good answer and one bad one per case:
// the error names the bad one, and neither is stored.
func TestSaveAnswersRejectsTheWholeList(t *testing.T) {
	t.Parallel()
	good := questionnaire.Answer{ItemID: "eq-01", Level: ptr(4)}
	cases := []struct {
		name string
		bad  []questionnaire.Answer
		want []apperr.FieldProblem
	}{
		{"unknown item", []questionnaire.Answer{{ItemID: "zz-99", Level: ptr(1)}},
			[]apperr.FieldProblem{{Field: "answers[1].item_id", Problem: "item zz-99 does not exist"}}},
		{"no item id", []questionnaire.Answer{{Level: ptr(1)}},
			[]apperr.FieldProblem{{Field: "answers[1].item_id", Problem: "is missing"}}},
		{"two answers for one item", []questionnaire.Answer{{ItemID: "eq-01", Level: ptr(1)}},
			[]apperr.FieldProblem{{Field: "answers[1].item_id", Problem: "duplicate answer for item eq-01"}}},
		{"level above range", []questionnaire.Answer{{ItemID: "eq-02", Level: ptr(5)}},
			[]apperr.FieldProblem{{Field: "answers[1].level", Problem: "must be 0..4"}}},
		{"level below range", []questionnaire.Answer{{ItemID: "eq-02", Level: ptr(-1)}},
			[]apperr.FieldProblem{{Field: "answers[1].level", Problem: "must be 0..4"}}},
		{"unknown option", []questionnaire.Answer{{ItemID: "eq-08", Option: "carrier-pigeon"}},
			[]apperr.FieldProblem{{Field: "answers[1].option", Problem: `"carrier-pigeon" is not an option of item eq-08`}}},
		{"unknown checklist option", []questionnaire.Answer{{ItemID: "eq-04", Options: []string{"access-needs", "nope"}}},
			[]apperr.FieldProblem{{Field: "answers[1].options[1]", Problem: `"nope" is not an option of item eq-04`}}},
		{"checklist option twice", []questionnaire.Answer{{ItemID: "eq-04", Options: []string{"access-needs", "access-needs"}}},
			[]apperr.FieldProblem{{Field: "answers[1].options[1]", Problem: `"access-needs" is listed twice`}}},
		{"not applicable where not allowed", []questionnaire.Answer{{ItemID: "eq-02", Status: questionnaire.NotApplicable}},
			[]apperr.FieldProblem{{Field: "answers[1].status", Problem: "not applicable is not allowed for this item"}}},
		{"unknown status", []questionnaire.Answer{{ItemID: "eq-02", Status: "maybe"}},
			[]apperr.FieldProblem{{Field: "answers[1].status", Problem: "must be not_applicable or dont_know"}}},
		{"dont_know on a number", []questionnaire.Answer{{ItemID: "eq-09", Status: questionnaire.DontKnow}},
			[]apperr.FieldProblem{{Field: "answers[1].status", Problem: "dont_know is only for scored items"}}},
		{"two kinds of value", []questionnaire.Answer{{ItemID: "eq-02", Level: ptr(1), Status: questionnaire.DontKnow}},
			[]apperr.FieldProblem{{Field: "answers[1]", Problem: "has more than one kind of value (status, level)"}}},
		{"no value", []questionnaire.Answer{{ItemID: "eq-02"}},
			[]apperr.FieldProblem{{Field: "answers[1]", Problem: "needs one of status, level, option, options, number or text"}}},
		{"value of the wrong kind", []questionnaire.Answer{{ItemID: "eq-02", Option: "info-english"}},
			[]apperr.FieldProblem{{Field: "answers[1].option", Problem: "does not fit a scale item"}}},
		{"number out of range", []questionnaire.Answer{{ItemID: "eq-09", Number: ptr(100.5)}},
			[]apperr.FieldProblem{{Field: "answers[1].number", Problem: "must be 0..100"}}},
		{"text too long", []questionnaire.Answer{{ItemID: "sl-09", Text: ptr(strings.Repeat("ä", 2001))}},
			[]apperr.FieldProblem{{Field: "answers[1].text", Problem: "must be at most 2000 characters"}}},
		{"every bad answer named", []questionnaire.Answer{{ItemID: "eq-02", Level: ptr(9)}, {ItemID: "eq-03", Level: ptr(2)}, {ItemID: "zz"}},
			[]apperr.FieldProblem{
				{Field: "answers[1].level", Problem: "must be 0..4"},
				{Field: "answers[3].item_id", Problem: "item zz does not exist"},
			}},
	}
	storetest.Each(t, func(t *testing.T, st *store.Store) {
		f := newFixture(t, st)
		a := f.mustDraft(t, f.teamA1.ID)
		baseline := []questionnaire.Answer{
			{ItemID: "eq-01", Level: ptr(1)},
			{ItemID: "eq-04", Options: []string{"access-needs"}, OptionsSet: true},
			{ItemID: "in-03", Status: questionnaire.NotApplicable},
		}
		before, err := f.svc.SaveAnswers(ctx, f.memberA1, a.ID, baseline)
		if err != nil {
			t.Fatalf("SaveAnswers(baseline): %v", err)
		}
		for _, c := range cases {
			t.Run(c.name, func(t *testing.T) {
				_, err := f.svc.SaveAnswers(ctx, f.memberA1, a.ID, append([]questionnaire.Answer{good}, c.bad...))
				if diff := cmp.Diff(c.want, problems(t, err)); diff != "" {
					t.Errorf("problems (-want +got):\n%s", diff)
				}
				after, err := f.svc.Get(ctx, f.memberA1, a.ID)
				if err != nil {
					t.Fatal(err)
				}
				if diff := cmp.Diff(before.Answers, after.Answers, cmpopts.EquateEmpty()); diff != "" {
					t.Errorf("answers changed by a rejected request (-before +after):\n%s", diff)
				}
			})
		}
	})
}

// TestSaveAnswersUpserts checks that a save replaces the answers it names, keeps the
// others, and records who changed each answer and when.
func TestSaveAnswersUpserts(t *testing.T) {
	t.Parallel()
	storetest.Each(t, func(t *testing.T, st *store.Store) {
		f := newFixture(t, st)
		a := f.mustDraft(t, f.teamA1.ID)
		first, err := f.svc.SaveAnswers(ctx, f.memberA1, a.ID, []questionnaire.Answer{
			{ItemID: "eq-01", Level: ptr(1)},
			{ItemID: "eq-02", Status: questionnaire.DontKnow},
			{ItemID: "eq-04", OptionsSet: true},
		})
		if err != nil {
			t.Fatal(err)
		}
		firstAt := first.Answers[0].UpdatedAt
		second, err := f.svc.SaveAnswers(ctx, f.leadA, a.ID, []questionnaire.Answer{
			{ItemID: "eq-02", Level: ptr(3)},
			{ItemID: "eq-09", Number: ptr(42.5)},
		})
		if err != nil {
			t.Fatal(err)
		}
		secondAt := second.Answers[1].UpdatedAt
		if !secondAt.After(firstAt) {
			t.Fatalf("second save at %v, not after the first at %v", secondAt, firstAt)
		}
		want := []assessment.Answer{
			{Answer: questionnaire.Answer{ItemID: "eq-01", Level: ptr(1)}, UpdatedBy: f.memberA1.UserID, UpdatedAt: firstAt},
			{Answer: questionnaire.Answer{ItemID: "eq-02", Level: ptr(3)}, UpdatedBy: f.leadA.UserID, UpdatedAt: secondAt},
			{Answer: questionnaire.Answer{ItemID: "eq-04", OptionsSet: true}, UpdatedBy: f.memberA1.UserID, UpdatedAt: firstAt},
			{Answer: questionnaire.Answer{ItemID: "eq-09", Number: ptr(42.5)}, UpdatedBy: f.leadA.UserID, UpdatedAt: secondAt},
		}
		got, err := f.svc.Get(ctx, f.memberA1, a.ID)
		if err != nil {
			t.Fatal(err)
		}
		if diff := cmp.Diff(want, got.Answers, cmpopts.EquateEmpty()); diff != "" {
			t.Errorf("answers (-want +got):\n%s", diff)
		}
		if diff := cmp.Diff(got, second, cmpopts.EquateEmpty()); diff != "" {
			t.Errorf("SaveAnswers returned something other than Get (-get +save):\n%s", diff)
		}
		if eq := got.Scores.Considerations[0]; eq.Counted != 3 || eq.DontKnow != 0 {
			t.Errorf("provisional equity counts = %+v, want 3 counted (eq-01, eq-02, eq-04)", eq)
		}
	})
}

// TestSaveAnswersWithNothingToSave accepts an empty list and changes nothing.
func TestSaveAnswersWithNothingToSave(t *testing.T) {
	t.Parallel()
	storetest.Each(t, func(t *testing.T, st *store.Store) {
		f := newFixture(t, st)
		a := f.mustDraft(t, f.teamA1.ID)
		got, err := f.svc.SaveAnswers(ctx, f.memberA1, a.ID, nil)
		if err != nil || len(got.Answers) != 0 {
			t.Errorf("SaveAnswers(nil) = %d answers, %v; want 0, nil", len(got.Answers), err)
		}
	})
}

// TestUpdateAnswersClears: answers named in clear are removed in the same transaction
// as the others are saved; a bad clear list stores nothing.
func TestUpdateAnswersClears(t *testing.T) {
	t.Parallel()
	storetest.Each(t, func(t *testing.T, st *store.Store) {
		f := newFixture(t, st)
		a := f.mustDraft(t, f.teamA1.ID)
		if _, err := f.svc.SaveAnswers(ctx, f.memberA1, a.ID, []questionnaire.Answer{
			{ItemID: "eq-01", Level: ptr(2)}, {ItemID: "eq-09", Number: ptr(40.0)}}); err != nil {
			t.Fatal(err)
		}
		_, err := f.svc.UpdateAnswers(ctx, f.memberA1, a.ID, []questionnaire.Answer{{ItemID: "eq-01", Level: ptr(3)}}, []string{"zz-99"})
		if got := problems(t, err); len(got) != 1 || got[0].Field != "clear[0]" {
			t.Fatalf("unknown id in clear: %+v", got)
		}
		got, err := f.svc.UpdateAnswers(ctx, f.memberA1, a.ID, []questionnaire.Answer{{ItemID: "eq-01", Level: ptr(3)}}, []string{"eq-09"})
		if err != nil {
			t.Fatal(err)
		}
		if len(got.Answers) != 1 || got.Answers[0].ItemID != "eq-01" || *got.Answers[0].Level != 3 {
			t.Errorf("answers after clear = %+v", got.Answers)
		}
		f.mustSubmittedAfter(t, a.ID)
		if _, err := f.svc.UpdateAnswers(ctx, f.memberA1, a.ID, nil, []string{"eq-01"}); outcome(err) != "conflict" {
			t.Errorf("clear on a submitted assessment: %v", err)
		}
	})
}

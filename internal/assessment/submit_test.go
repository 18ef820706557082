package assessment_test

import (
	"io/fs"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"

	"vcready/internal/apperr"
	"vcready/internal/assessment"
	"vcready/internal/questionnaire"
	"vcready/internal/store"
	"vcready/internal/store/storetest"
	"vcready/questionnaires"
)

// TestSubmitListsEveryUnansweredItem: one item of each consideration is left out, and
// not_applicable and dont_know count as answered.
func TestSubmitListsEveryUnansweredItem(t *testing.T) {
	t.Parallel()
	storetest.Each(t, func(t *testing.T, st *store.Store) {
		f := newFixture(t, st)
		a := f.mustDraft(t, f.teamA1.ID)
		q, _ := f.svc.Questionnaire(a)
		skip := map[string]bool{"eq-03": true, "pw-07": true, "in-08": true, "wb-01": true, "ev-01": true, "sl-06": true}
		var answers []questionnaire.Answer
		for _, ans := range allAnswers(q) {
			switch {
			case skip[ans.ItemID]:
			case ans.ItemID == "in-03":
				answers = append(answers, questionnaire.Answer{ItemID: "in-03", Status: questionnaire.NotApplicable})
			case ans.ItemID == "eq-02":
				answers = append(answers, questionnaire.Answer{ItemID: "eq-02", Status: questionnaire.DontKnow})
			case ans.Number != nil || ans.Text != nil:
				// unscored items are never required
			default:
				answers = append(answers, ans)
			}
		}
		if _, err := f.svc.SaveAnswers(ctx, f.memberA1, a.ID, answers); err != nil {
			t.Fatal(err)
		}
		_, err := f.svc.Submit(ctx, f.memberA1, a.ID)
		var want []apperr.FieldProblem
		for _, id := range []string{"eq-03", "pw-07", "in-08", "wb-01", "ev-01", "sl-06"} {
			want = append(want, apperr.FieldProblem{Field: id, Problem: "is not answered"})
		}
		if diff := cmp.Diff(want, problems(t, err)); diff != "" {
			t.Errorf("problems (-want +got):\n%s", diff)
		}
		if got, _ := f.svc.Get(ctx, f.memberA1, a.ID); got.Status != assessment.StatusDraft || got.SubmittedAt != nil {
			t.Errorf("after a refused submission: status %s, submitted at %v; want a draft", got.Status, got.SubmittedAt)
		}
	})
}

func TestSubmitStoresFinalScores(t *testing.T) {
	t.Parallel()
	storetest.Each(t, func(t *testing.T, st *store.Store) {
		f := newFixture(t, st)
		draft := f.mustAnswered(t, f.teamA1.ID)
		submitted, err := f.svc.Submit(ctx, f.memberA1, draft.ID)
		if err != nil {
			t.Fatal(err)
		}
		if submitted.Status != assessment.StatusSubmitted || submitted.SubmittedBy != f.memberA1.UserID || submitted.SubmittedAt == nil {
			t.Errorf("submitted = status %s by %q at %v", submitted.Status, submitted.SubmittedBy, submitted.SubmittedAt)
		}
		q := mustQuestionnaires(t).Default()
		if submitted.Questionnaire != (assessment.QuestionnaireRef{ID: q.ID, Version: q.Version, Hash: q.Hash}) {
			t.Errorf("questionnaire = %+v, want %s %s %s", submitted.Questionnaire, q.ID, q.Version, q.Hash)
		}
		if diff := cmp.Diff(draft.Scores, submitted.Scores); diff != "" {
			t.Errorf("final scores differ from the provisional ones of the same answers (-draft +final):\n%s", diff)
		}
		got, err := f.svc.Get(ctx, f.leadA, draft.ID)
		if err != nil {
			t.Fatal(err)
		}
		if diff := cmp.Diff(submitted, got, cmpopts.EquateEmpty()); diff != "" {
			t.Errorf("Get after Submit (-submit +get):\n%s", diff)
		}
	})
}

func TestSubmittedAssessmentsDoNotChange(t *testing.T) {
	t.Parallel()
	storetest.Each(t, func(t *testing.T, st *store.Store) {
		f := newFixture(t, st)
		a := f.mustSubmitted(t, f.teamA1.ID)
		t.Run("save answers", func(t *testing.T) {
			_, err := f.svc.SaveAnswers(ctx, f.memberA1, a.ID, []questionnaire.Answer{{ItemID: "eq-01", Level: ptr(0)}})
			if got := outcome(err); got != "conflict" {
				t.Errorf("got %s, want conflict", got)
			}
		})
		t.Run("submit again", func(t *testing.T) {
			_, err := f.svc.Submit(ctx, f.memberA1, a.ID)
			if got := outcome(err); got != "conflict" {
				t.Errorf("got %s, want conflict", got)
			}
		})
		got, err := f.svc.Get(ctx, f.memberA1, a.ID)
		if err != nil {
			t.Fatal(err)
		}
		if diff := cmp.Diff(a, got, cmpopts.EquateEmpty()); diff != "" {
			t.Errorf("assessment changed (-before +after):\n%s", diff)
		}
		if msg := apperr.PublicMessage(func() error { _, err := f.svc.Submit(ctx, f.admin, a.ID); return err }()); !strings.Contains(msg, "submitted") {
			t.Errorf("conflict message %q does not say the assessment is submitted", msg)
		}
	})
}

// TestStoredScoresSurviveAQuestionnaireEdit edits the questionnaire file in place
// (same id and version, a different weight) and checks that a submitted assessment
// keeps its stored scores, while a draft is scored with what is loaded now.
func TestStoredScoresSurviveAQuestionnaireEdit(t *testing.T) {
	t.Parallel()
	storetest.Each(t, func(t *testing.T, st *store.Store) {
		f := newFixture(t, st)
		submitted := f.mustSubmitted(t, f.teamA1.ID)
		draft := f.mustAnswered(t, f.teamA2.ID)

		edited := editedQuestionnaires(t, "weight: 2\n", "weight: 4\n")
		svc := newService(f, st, edited)
		got, err := svc.Get(ctx, f.admin, submitted.ID)
		if err != nil {
			t.Fatal(err)
		}
		if diff := cmp.Diff(submitted.Scores, got.Scores); diff != "" {
			t.Errorf("a questionnaire edit changed stored scores (-stored +got):\n%s", diff)
		}
		if got.Questionnaire.Hash == edited.Default().Hash {
			t.Error("the stored hash follows the edited file")
		}
		rescored, err := svc.Get(ctx, f.admin, draft.ID)
		if err != nil {
			t.Fatal(err)
		}
		if cmp.Equal(draft.Scores, rescored.Scores) {
			t.Error("the edit does not change the draft's provisional scores: this test proves nothing")
		}
	})
}

// TestDraftOfARemovedQuestionnaireVersion replaces version 1.0.0 by 1.0.1: submitted
// assessments still read; a draft of 1.0.0 fails with a clear conflict.
func TestDraftOfARemovedQuestionnaireVersion(t *testing.T) {
	t.Parallel()
	storetest.Each(t, func(t *testing.T, st *store.Store) {
		f := newFixture(t, st)
		submitted := f.mustSubmitted(t, f.teamA1.ID)
		draft := f.mustAnswered(t, f.teamA1.ID)
		svc := newService(f, st, editedQuestionnaires(t, "version: 1.0.0\n", "version: 1.0.1\n"))

		if _, err := svc.Get(ctx, f.admin, submitted.ID); err != nil {
			t.Errorf("Get(submitted): %v", err)
		}
		_, err := svc.Get(ctx, f.admin, draft.ID)
		if msg := apperr.PublicMessage(err); outcome(err) != "conflict" || !strings.Contains(msg, "1.0.0") {
			t.Errorf("Get(draft) = %v (%q), want a conflict naming the version", err, msg)
		}
		if _, err := svc.Submit(ctx, f.admin, draft.ID); outcome(err) != "conflict" {
			t.Errorf("Submit(draft) = %v, want a conflict", err)
		}
		list, err := svc.List(ctx, f.admin, f.teamA1.ID)
		if err != nil || len(list) != 2 {
			t.Fatalf("List = %d summaries, %v; want 2, nil", len(list), err)
		}
		if list[0].ID != draft.ID || list[0].Overall != nil || list[1].Overall == nil {
			t.Errorf("List = %+v, want the draft without a score, then the submitted one with", list)
		}
	})
}

// editedQuestionnaires loads the shipped questionnaire with old replaced by new once.
func editedQuestionnaires(t *testing.T, old, new string) *questionnaire.Set {
	t.Helper()
	const name = "vc-readiness-1.yaml"
	data, err := fs.ReadFile(questionnaires.FS(), name)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(data), old) {
		t.Fatalf("%s does not contain %q", name, old)
	}
	edited := strings.Replace(string(data), old, new, 1)
	qs, err := questionnaire.Load(fstest.MapFS{name: {Data: []byte(edited)}})
	if err != nil {
		t.Fatalf("load edited questionnaire: %v", err)
	}
	return qs
}

func TestPreviousAndListOrder(t *testing.T) {
	t.Parallel()
	storetest.Each(t, func(t *testing.T, st *store.Store) {
		f := newFixture(t, st)
		first := f.mustSubmitted(t, f.teamA1.ID)
		draftBetween := f.mustDraft(t, f.teamA1.ID)
		second := f.mustSubmitted(t, f.teamA1.ID)
		f.mustSubmitted(t, f.teamA2.ID) // another team's never counts
		latestDraft := f.mustDraft(t, f.teamA1.ID)

		cases := []struct {
			name string
			of   string
			want string // "" for none
		}{
			{"first submitted has none", first.ID, ""},
			{"second submitted follows the first", second.ID, first.ID},
			{"a draft follows the latest submitted", latestDraft.ID, second.ID},
			{"an older draft follows the latest submitted too", draftBetween.ID, second.ID},
		}
		for _, c := range cases {
			t.Run(c.name, func(t *testing.T) {
				prev, err := f.svc.Previous(ctx, f.memberA1, c.of)
				if err != nil {
					t.Fatal(err)
				}
				got := ""
				if prev != nil {
					got = prev.ID
					if len(prev.Answers) == 0 || prev.Scores.Overall == nil {
						t.Errorf("previous assessment lacks answers or scores: %+v", prev)
					}
				}
				if got != c.want {
					t.Errorf("Previous = %q, want %q", got, c.want)
				}
			})
		}

		list, err := f.svc.List(ctx, f.memberA1, f.teamA1.ID)
		if err != nil {
			t.Fatal(err)
		}
		var ids []string
		for _, s := range list {
			ids = append(ids, s.ID)
		}
		want := []string{latestDraft.ID, second.ID, draftBetween.ID, first.ID}
		if diff := cmp.Diff(want, ids); diff != "" {
			t.Errorf("List order, newest first (-want +got):\n%s", diff)
		}
		scored := mustQuestionnaires(t).Default().ScoredItems()
		if s := list[1]; s.Status != assessment.StatusSubmitted || s.Answered != scored || s.ScoredItems != scored || *s.Overall != *second.Scores.Overall {
			t.Errorf("summary of a submitted assessment = %+v, want %d of %d answered and overall %v", s, scored, scored, *second.Scores.Overall)
		}
		if s := list[0]; s.Status != assessment.StatusDraft || s.Answered != 0 || s.ScoredItems != scored || s.Overall != nil {
			t.Errorf("summary of an empty draft = %+v, want 0 of %d answered, no overall", s, scored)
		}
	})
}

// TestCreate checks the questionnaire a new draft records, and that an unknown
// questionnaire is refused on its field.
func TestCreate(t *testing.T) {
	t.Parallel()
	storetest.Each(t, func(t *testing.T, st *store.Store) {
		f := newFixture(t, st)
		q := mustQuestionnaires(t).Default()
		for _, qid := range []string{"", q.ID} {
			a, err := f.svc.Create(ctx, f.memberA1, f.teamA1.ID, qid)
			if err != nil {
				t.Fatal(err)
			}
			want := assessment.QuestionnaireRef{ID: q.ID, Version: q.Version, Hash: q.Hash}
			if a.Questionnaire != want || a.Status != assessment.StatusDraft || a.CreatedBy != f.memberA1.UserID ||
				a.TeamID != f.teamA1.ID || a.OrganisationID != f.orgA.ID {
				t.Errorf("Create(%q) = %+v", qid, a)
			}
			got, err := f.svc.Get(ctx, f.memberA1, a.ID)
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(a, got, cmpopts.EquateEmpty()); diff != "" {
				t.Errorf("Get after Create (-create +get):\n%s", diff)
			}
		}
		_, err := f.svc.Create(ctx, f.memberA1, f.teamA1.ID, "no-such-questionnaire")
		if ps := problems(t, err); len(ps) != 1 || ps[0].Field != "questionnaire_id" {
			t.Errorf("problems = %v, want one on questionnaire_id", ps)
		}
	})
}

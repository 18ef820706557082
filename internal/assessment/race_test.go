package assessment_test

import (
	"sync"
	"testing"

	"github.com/google/go-cmp/cmp"

	"vcready/internal/assessment"
	"vcready/internal/questionnaire"
	"vcready/internal/scoring"
	"vcready/internal/store"
	"vcready/internal/store/storetest"
)

// TestSubmitRacesWithSaves saves answers from several goroutines while another
// submits. Every save either lands before the submission or is refused with a
// conflict, so the stored scores are always the scores of the stored answers.
func TestSubmitRacesWithSaves(t *testing.T) {
	t.Parallel()
	storetest.Each(t, func(t *testing.T, st *store.Store) {
		f := newFixture(t, st)
		a := f.mustAnswered(t, f.teamA1.ID)
		svc := assessment.New(st, mustQuestionnaires(t)) // real clock: safe across goroutines

		var wg sync.WaitGroup
		errs := make(chan error, 40)
		for i := range 20 {
			wg.Go(func() {
				_, err := svc.SaveAnswers(ctx, f.memberA1, a.ID, []questionnaire.Answer{
					{ItemID: "eq-01", Level: ptr(i % 5)}, {ItemID: "sl-06", Level: ptr((i + 2) % 5)},
				})
				errs <- err
			})
			if i == 10 {
				wg.Go(func() { _, err := svc.Submit(ctx, f.leadA, a.ID); errs <- err })
			}
		}
		wg.Wait()
		close(errs)
		for err := range errs {
			if got := outcome(err); got != "ok" && got != "conflict" {
				t.Errorf("concurrent call: %s", got)
			}
		}
		got, err := svc.Get(ctx, f.admin, a.ID)
		if err != nil {
			t.Fatal(err)
		}
		if got.Status != assessment.StatusSubmitted {
			t.Fatalf("status = %s, want submitted", got.Status)
		}
		q, _ := svc.Questionnaire(got)
		answers := scoring.Answers{}
		for _, ans := range got.Answers {
			answers[ans.ItemID] = ans.Answer
		}
		if diff := cmp.Diff(scoring.Score(q, answers), got.Scores); diff != "" {
			t.Errorf("stored scores are not the scores of the stored answers (-answers +stored):\n%s", diff)
		}
	})
}

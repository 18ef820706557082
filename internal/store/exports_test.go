package store_test

import (
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"vcready/internal/assessment"
	"vcready/internal/questionnaire"
	"vcready/internal/store"
	"vcready/internal/store/storetest"
)

func TestSubmittedAssessmentsOfAnOrganisation(t *testing.T) {
	t.Parallel()
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		// Five submitted, two at the same instant (ordered by id), one draft; and
		// another organisation's submitted assessment.
		at := []time.Duration{3, 1, 2, 2, 5}
		for i, d := range at {
			id := "asmt-" + string(rune('a'+i))
			mustDraft(t, s, id, epoch)
			answer := []assessment.Answer{{Answer: questionnaire.Answer{ItemID: "eq-01", Level: asPtr(i)}, UpdatedBy: "u", UpdatedAt: epoch}}
			if err := s.SaveAnswers(tctx, id, answer, nil); err != nil {
				t.Fatal(err)
			}
			mustSubmit(t, s, id, epoch.Add(d*time.Hour))
		}
		mustDraft(t, s, "asmt-draft", epoch)
		mustOrganisation(t, s, "org-b", "Beta")
		mustTeam(t, s, "team-b", "org-b", "Podiatry")
		other := &assessment.Assessment{ID: "asmt-other", TeamID: "team-b", OrganisationID: "org-b",
			Questionnaire: assessment.QuestionnaireRef{ID: "vc-readiness", Version: "1.0.0"},
			Status:        assessment.StatusDraft, CreatedAt: epoch, CreatedBy: "u"}
		if err := s.CreateAssessment(tctx, other); err != nil {
			t.Fatal(err)
		}
		mustSubmit(t, s, "asmt-other", epoch)

		want := []string{"asmt-b", "asmt-c", "asmt-d", "asmt-a", "asmt-e"}
		for _, page := range []int{2, 5, 500} {
			as, err := s.SubmittedAssessmentsPaged(tctx, "org-a", page)
			if err != nil {
				t.Fatal(err)
			}
			var ids []string
			for _, a := range as {
				ids = append(ids, a.ID)
				if len(a.Answers) != 1 || *a.Answers[0].Level != int(a.ID[5]-'a') {
					t.Errorf("page %d: %s has answers %+v, want its own one", page, a.ID, a.Answers)
				}
				if a.Scores.Overall == nil {
					t.Errorf("page %d: %s without its stored scores", page, a.ID)
				}
			}
			if diff := cmp.Diff(want, ids); diff != "" {
				t.Errorf("page %d: submitted, in submission order (-want +got):\n%s", page, diff)
			}
		}
		if as, err := s.SubmittedAssessments(tctx, "org-none"); err != nil || len(as) != 0 {
			t.Errorf("organisation without assessments: %v, %v", as, err)
		}
	})
}

func mustSubmit(t *testing.T, s *store.Store, id string, at time.Time) {
	t.Helper()
	_, err := s.SubmitAssessment(tctx, id, func(a *assessment.Assessment) error {
		a.Status, a.SubmittedAt, a.SubmittedBy, a.Scores = assessment.StatusSubmitted, &at, "u", sampleResult()
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}

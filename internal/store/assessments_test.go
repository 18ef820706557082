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

// mustDraft stores a draft of team-a (creating organisation and team on first use).
func mustDraft(t *testing.T, s *store.Store, id string, created time.Time) *assessment.Assessment {
	t.Helper()
	if _, err := s.Team(tctx, "team-a"); err != nil {
		mustOrganisation(t, s, "org-a", "Alpha")
		mustTeam(t, s, "team-a", "org-a", "Physio")
	}
	a := &assessment.Assessment{ID: id, TeamID: "team-a", OrganisationID: "org-a",
		Questionnaire: assessment.QuestionnaireRef{ID: "vc-readiness", Version: "1.0.0", Hash: "abc123"},
		Status:        assessment.StatusDraft, CreatedAt: created, CreatedBy: "u-1", Answers: []assessment.Answer{}}
	if err := s.CreateAssessment(tctx, a); err != nil {
		t.Fatalf("CreateAssessment: %v", err)
	}
	return a
}

func asPtr[T any](v T) *T { return &v }

func TestTeamAssessmentsAndLatestSubmitted(t *testing.T) {
	t.Parallel()
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		old := mustDraft(t, s, "asmt-old", epoch)
		mid := mustDraft(t, s, "asmt-mid", epoch.Add(time.Minute))
		mustDraft(t, s, "asmt-new", epoch.Add(2*time.Minute))
		submit := func(id string, at time.Time) {
			t.Helper()
			_, err := s.SubmitAssessment(tctx, id, func(a *assessment.Assessment) error {
				a.Status, a.SubmittedAt, a.SubmittedBy, a.Scores = assessment.StatusSubmitted, &at, "u", sampleResult()
				return nil
			})
			if err != nil {
				t.Fatal(err)
			}
		}
		// Submitted in the opposite order of creation: "latest" follows submission.
		submit(mid.ID, epoch.Add(time.Hour))
		submit(old.ID, epoch.Add(2*time.Hour))
		if err := s.SaveAnswers(tctx, "asmt-new", []assessment.Answer{{Answer: questionnaire.Answer{ItemID: "z", Level: asPtr(3)}, UpdatedBy: "u", UpdatedAt: epoch}}, nil); err != nil {
			t.Fatal(err)
		}

		all, err := s.TeamAssessments(tctx, "team-a")
		if err != nil {
			t.Fatal(err)
		}
		var ids []string
		for _, a := range all {
			ids = append(ids, a.ID)
		}
		if diff := cmp.Diff([]string{"asmt-new", "asmt-mid", "asmt-old"}, ids); diff != "" {
			t.Errorf("TeamAssessments, newest first (-want +got):\n%s", diff)
		}
		if len(all[0].Answers) != 1 || len(all[1].Answers) != 0 {
			t.Errorf("answers not attached to their own assessments: %d, %d", len(all[0].Answers), len(all[1].Answers))
		}
		cases := []struct {
			name   string
			before *time.Time
			want   string
		}{
			{"no bound", nil, "asmt-old"},
			{"before the latest", asPtr(epoch.Add(2 * time.Hour)), "asmt-mid"},
		}
		for _, c := range cases {
			got, err := s.LatestSubmitted(tctx, "team-a", c.before)
			if err != nil || got.ID != c.want {
				t.Errorf("%s: LatestSubmitted = %v, %v; want %s", c.name, got, err, c.want)
			}
		}
	})
}

package store_test

import (
	"errors"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"vcready/internal/apperr"
	"vcready/internal/assessment"
	"vcready/internal/scoring"
	"vcready/internal/store"
	"vcready/internal/store/storetest"
)

func TestOpenDataSnapshots(t *testing.T) {
	t.Parallel()
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		if _, err := s.LatestOpenDataSnapshot(tctx); !errors.Is(err, apperr.ErrNotFound) {
			t.Fatalf("LatestOpenDataSnapshot with none: %v, want not found", err)
		}
		day := time.Date(2026, 12, 1, 0, 0, 0, 0, time.UTC)
		first := assessment.OpenData{SnapshotDate: day, BuiltAt: epoch, Questionnaires: []assessment.OpenDataQuestionnaire{
			{ID: "vc-readiness", Major: 1, Groups: []assessment.OpenDataGroup{
				{Group: "all", N: 12, Considerations: []assessment.OpenDataFigures{
					{Key: "equity", N: 12, Median: 55.3, P25: 32.8, P75: 77.8},
					{Key: "pathways", N: 9, Suppressed: true}}},
				{Group: "nation:wales", N: 3, Suppressed: true}}}}}
		if err := s.CreateOpenDataSnapshot(tctx, first); err != nil {
			t.Fatal(err)
		}
		again := first
		again.Questionnaires = nil
		if err := s.CreateOpenDataSnapshot(tctx, again); !errors.Is(err, assessment.ErrSnapshotExists) {
			t.Fatalf("second snapshot of the day: %v, want ErrSnapshotExists", err)
		}
		got, err := s.LatestOpenDataSnapshot(tctx)
		if err != nil {
			t.Fatal(err)
		}
		if diff := cmp.Diff(first, got); diff != "" {
			t.Errorf("read back (-stored +read):\n%s", diff)
		}
		next := assessment.OpenData{SnapshotDate: day.AddDate(0, 0, 1), BuiltAt: epoch.Add(24 * time.Hour),
			Questionnaires: []assessment.OpenDataQuestionnaire{}}
		if err := s.CreateOpenDataSnapshot(tctx, next); err != nil {
			t.Fatal(err)
		}
		if got, _ := s.LatestOpenDataSnapshot(tctx); !got.SnapshotDate.Equal(next.SnapshotDate) {
			t.Errorf("latest = %s, want %s", got.SnapshotDate, next.SnapshotDate)
		}
	})
}

func TestOpenDataSubmissionsOnlyOfPublishingRealOrganisations(t *testing.T) {
	t.Parallel()
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		pub := mustOrganisation(t, s, "org-pub", "Publishes")
		pub.PublishOpenData = true
		if err := s.UpdateOrganisation(tctx, pub); err != nil {
			t.Fatal(err)
		}
		mustOrganisation(t, s, "org-a", "Alpha") // does not publish
		demo := assessment.Organisation{ID: "org-demo", Name: "Demo", Demo: true, PublishOpenData: true, CreatedAt: epoch}
		if err := s.CreateOrganisation(tctx, demo); err != nil {
			t.Fatal(err)
		}
		mustTeam(t, s, "team-pub", "org-pub", "Open team")
		mustTeam(t, s, "team-a", "org-a", "Physio")
		mustTeam(t, s, "team-demo", "org-demo", "Made up")
		at := epoch.Add(time.Hour)
		submitted := func(id, team, org string) {
			a := &assessment.Assessment{ID: id, TeamID: team, OrganisationID: org,
				Questionnaire: assessment.QuestionnaireRef{ID: "vc-readiness", Version: "1.2.0", Hash: "h"},
				Status:        assessment.StatusDraft, CreatedAt: epoch, CreatedBy: "u-1"}
			if err := s.CreateAssessment(tctx, a); err != nil {
				t.Fatal(err)
			}
			_, err := s.SubmitAssessment(tctx, id, func(a *assessment.Assessment) error {
				a.Status, a.SubmittedAt, a.Scores = assessment.StatusSubmitted, &at, sampleResult()
				return nil
			})
			if err != nil {
				t.Fatal(err)
			}
		}
		submitted("asmt-pub", "team-pub", "org-pub")
		submitted("asmt-a", "team-a", "org-a")
		submitted("asmt-demo", "team-demo", "org-demo") // synthetic data is never published
		draft := &assessment.Assessment{ID: "asmt-draft", TeamID: "team-pub", OrganisationID: "org-pub",
			Questionnaire: assessment.QuestionnaireRef{ID: "vc-readiness", Version: "1.2.0"},
			Status:        assessment.StatusDraft, CreatedAt: epoch, CreatedBy: "u-1"}
		if err := s.CreateAssessment(tctx, draft); err != nil {
			t.Fatal(err)
		}
		got, err := s.OpenDataSubmissions(tctx)
		if err != nil {
			t.Fatal(err)
		}
		// sampleResult scores equity; pathways is insufficient, so it has no score.
		want := []assessment.OpenDataSubmission{{AssessmentID: "asmt-pub", TeamID: "team-pub", Publish: true,
			Setting: "community", Nation: "scotland", QuestionnaireID: "vc-readiness", QuestionnaireVersion: "1.2.0",
			SubmittedAt: at, Scores: map[string]float64{"equity": exactOf(sampleResult(), "equity")}}}
		if diff := cmp.Diff(want, got); diff != "" {
			t.Errorf("OpenDataSubmissions (-want +got):\n%s", diff)
		}
	})
}

func exactOf(r scoring.Result, key string) float64 {
	for _, c := range r.Considerations {
		if c.Key == key {
			return c.Exact
		}
	}
	return 0
}

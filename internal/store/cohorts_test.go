package store_test

import (
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"vcready/internal/assessment"
	"vcready/internal/scoring"
	"vcready/internal/store"
	"vcready/internal/store/storetest"
)

// submitScored stores a submitted assessment of team with the given version and one
// scored consideration "equity" (exact; insufficient when negative) plus an
// insufficient "pathways".
func submitScored(t *testing.T, s *store.Store, id, team, org, version string, at time.Time, exact float64) {
	t.Helper()
	a := &assessment.Assessment{ID: id, TeamID: team, OrganisationID: org,
		Questionnaire: assessment.QuestionnaireRef{ID: "vc-readiness", Version: version, Hash: "h"},
		Status:        assessment.StatusDraft, CreatedAt: at, CreatedBy: "u", Answers: []assessment.Answer{}}
	if err := s.CreateAssessment(tctx, a); err != nil {
		t.Fatal(err)
	}
	_, err := s.SubmitAssessment(tctx, id, func(a *assessment.Assessment) error {
		a.Status, a.SubmittedAt, a.SubmittedBy = assessment.StatusSubmitted, &at, "u"
		equity := scoring.Consideration{Key: "equity", Score: asPtr(scoring.Round(exact)), Exact: exact, Status: scoring.StatusScored, Coverage: 1}
		if exact < 0 {
			equity = scoring.Consideration{Key: "equity", Status: scoring.StatusInsufficient, Coverage: 0.25}
		}
		a.Scores = scoring.Result{Considerations: []scoring.Consideration{
			equity, {Key: "pathways", Status: scoring.StatusInsufficient, Coverage: 0.25}}}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}

func TestCohortScores(t *testing.T) {
	t.Parallel()
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		version := func() int64 {
			t.Helper()
			v, err := s.BenchmarkVersion(tctx)
			if err != nil {
				t.Fatal(err)
			}
			return v
		}
		if v := version(); v != 0 {
			t.Fatalf("version of an empty database = %d, want 0", v)
		}
		mustOrganisation(t, s, "org-a", "Alpha")
		mustTeam(t, s, "team-a", "org-a", "Physio")
		mustTeam(t, s, "team-b", "org-a", "Podiatry")
		submitScored(t, s, "a1", "team-a", "org-a", "1.0.0", epoch, 10)
		submitScored(t, s, "a2", "team-a", "org-a", "1.2.0", epoch.Add(time.Hour), 20.5) // latest of major 1
		submitScored(t, s, "a3", "team-a", "org-a", "2.0.0", epoch, 30)                  // its own population
		submitScored(t, s, "b1", "team-b", "org-a", "1.0.0", epoch, 1.0/3)
		mustTeam(t, s, "team-c", "org-a", "Dietetics")
		submitScored(t, s, "c1", "team-c", "org-a", "1.0.0", epoch, 40)
		submitScored(t, s, "c2", "team-c", "org-a", "1.0.0", epoch.Add(time.Hour), -1) // nothing scored
		if v := version(); v != 6 {
			t.Errorf("version after six submissions = %d, want 6", v)
		}
		var got []assessment.CohortScore
		err := s.CohortScores(tctx, func(c assessment.CohortScore) error { got = append(got, c); return nil })
		if err != nil {
			t.Fatal(err)
		}
		row := func(id, team, version string, exact float64) assessment.CohortScore {
			return assessment.CohortScore{AssessmentID: id, QuestionnaireID: "vc-readiness", QuestionnaireVersion: version,
				TeamID: team, OrganisationID: "org-a", Setting: "community", Specialty: "podiatry", Nation: "scotland",
				Consideration: "equity", Exact: exact} // mustOrganisation does not share
		}
		none := row("c2", "team-c", "1.0.0", 0)
		none.Consideration = "" // the team's latest has no score: its earlier one must stop counting
		want := []assessment.CohortScore{row("a2", "team-a", "1.2.0", 20.5), row("a3", "team-a", "2.0.0", 30), row("b1", "team-b", "1.0.0", 1.0/3), none}
		if diff := cmp.Diff(want, got); diff != "" {
			t.Errorf("CohortScores (-want +got):\n%s", diff)
		}
		got = nil
		if err := s.TeamCohortScores(tctx, "team-a", func(c assessment.CohortScore) error { got = append(got, c); return nil }); err != nil {
			t.Fatal(err)
		}
		if diff := cmp.Diff(want[:2], got); diff != "" {
			t.Errorf("TeamCohortScores (-want +got):\n%s", diff)
		}

		o, _ := s.Organisation(tctx, "org-a")
		o.ShareWithOtherOrganisations = true
		if err := s.UpdateOrganisation(tctx, o); err != nil {
			t.Fatal(err)
		}
		tm, _ := s.Team(tctx, "team-a")
		tm.Setting = "primary_care"
		if err := s.UpdateTeam(tctx, tm); err != nil {
			t.Fatal(err)
		}
		if v := version(); v != 8 {
			t.Errorf("version after a sharing and a team change = %d, want 8", v)
		}
		changes, err := s.BenchmarkChanges(tctx, 5)
		if err != nil {
			t.Fatal(err)
		}
		wantChanges := []assessment.BenchmarkChange{{Version: 6, TeamID: "team-c"}, {Version: 7, OrganisationID: "org-a"}, {Version: 8, TeamID: "team-a"}}
		if diff := cmp.Diff(wantChanges, changes); diff != "" {
			t.Errorf("BenchmarkChanges(5) (-want +got):\n%s", diff)
		}
	})
}

package assessment_test

import (
	"context"
	"testing"
	"time"

	"vcready/internal/assessment"
	"vcready/internal/auth"
	"vcready/internal/store"
	"vcready/internal/store/storetest"
)

// countingStore counts the store calls a comparison makes.
type countingStore struct {
	assessment.Store
	calls map[string]int
}

func (c *countingStore) Teams(ctx context.Context, orgID string) ([]assessment.Team, error) {
	c.calls["Teams"]++
	return c.Store.Teams(ctx, orgID)
}

func (c *countingStore) SubmittedScores(ctx context.Context, orgID string) ([]assessment.Submitted, error) {
	c.calls["SubmittedScores"]++
	return c.Store.SubmittedScores(ctx, orgID)
}

func (c *countingStore) LatestSubmitted(ctx context.Context, teamID string, before *time.Time) (*assessment.Assessment, error) {
	c.calls["LatestSubmitted"]++
	return c.Store.LatestSubmitted(ctx, teamID, before)
}

// TestCompare: each team's latest and previous submissions, newest first, read in a
// fixed number of queries however many teams and submissions there are; drafts and
// other organisations' assessments are left out.
func TestCompare(t *testing.T) {
	t.Parallel()
	storetest.Each(t, func(t *testing.T, st *store.Store) {
		f := newFixture(t, st)
		f.mustSubmitted(t, f.teamA1.ID)
		second := f.mustSubmitted(t, f.teamA1.ID)
		third := f.mustSubmitted(t, f.teamA1.ID)
		f.mustDraft(t, f.teamA1.ID)
		only := f.mustSubmitted(t, f.teamA2.ID)
		f.mustSubmitted(t, f.teamB1.ID)

		cs := &countingStore{Store: st, calls: map[string]int{}}
		svc := assessment.New(cs, mustQuestionnaires(t))
		got, err := svc.Compare(t.Context(), f.leadA, f.orgA.ID, assessment.ComparisonFilter{})
		if err != nil {
			t.Fatal(err)
		}
		if len(got.Teams) != 2 || got.Teams[0].Team.ID != f.teamA2.ID || got.Teams[1].Team.ID != f.teamA1.ID {
			t.Fatalf("teams = %+v, want A2 then A1 (by name)", got.Teams)
		}
		a2, a1 := got.Teams[0], got.Teams[1]
		if a2.Latest == nil || a2.Latest.AssessmentID != only.ID || a2.Previous != nil || a2.Change != nil {
			t.Errorf("A2 = %+v, want its one submission and no previous", a2)
		}
		if a1.Latest.AssessmentID != third.ID || a1.Previous.AssessmentID != second.ID || a1.Change == nil {
			t.Errorf("A1 latest %s previous %s, want %s and %s", a1.Latest.AssessmentID, a1.Previous.AssessmentID, third.ID, second.ID)
		}
		if !a1.Latest.SubmittedAt.Equal(*third.SubmittedAt) || a1.Latest.Scores.Overall == nil || *a1.Latest.Scores.Overall != *third.Scores.Overall {
			t.Errorf("A1 latest = %+v, want the stored submission %+v", a1.Latest, third)
		}
		if cs.calls["Teams"] != 1 || cs.calls["SubmittedScores"] != 1 || cs.calls["LatestSubmitted"] != 0 {
			t.Errorf("store calls = %v, want one Teams and one SubmittedScores", cs.calls)
		}
	})
}

func TestCompareAccessAndFilters(t *testing.T) {
	t.Parallel()
	storetest.Each(t, func(t *testing.T, st *store.Store) {
		f := newFixture(t, st)
		for _, tc := range []struct {
			name   string
			who    string
			filter assessment.ComparisonFilter
			want   string
		}{
			{"lead", "leadA", assessment.ComparisonFilter{}, "ok"},
			{"admin", "admin", assessment.ComparisonFilter{Nation: "england"}, "ok"},
			{"member", "memberA1", assessment.ComparisonFilter{}, "forbidden"},
			{"other organisation's lead", "leadB", assessment.ComparisonFilter{}, "not found"},
			{"unknown setting", "leadA", assessment.ComparisonFilter{Setting: "moon_base"}, "invalid"},
		} {
			p := map[string]*auth.Principal{"leadA": f.leadA, "admin": f.admin, "memberA1": f.memberA1, "leadB": f.leadB}[tc.who]
			_, err := f.svc.Compare(t.Context(), p, f.orgA.ID, tc.filter)
			if got := outcome(err); got != tc.want {
				t.Errorf("%s: %s, want %s", tc.name, got, tc.want)
			}
			if _, err := f.svc.Trend(t.Context(), p, f.orgA.ID); tc.filter == (assessment.ComparisonFilter{}) && outcome(err) != tc.want {
				t.Errorf("trend %s: %s, want %s", tc.name, outcome(err), tc.want)
			}
		}
		got, err := f.svc.Compare(t.Context(), f.leadA, f.orgA.ID, assessment.ComparisonFilter{Specialty: "diabetes"})
		if err != nil || len(got.Teams) != 0 {
			t.Errorf("diabetes teams = %+v %v, want none", got.Teams, err)
		}
	})
}

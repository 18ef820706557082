package assessment_test

import (
	"testing"

	"github.com/google/go-cmp/cmp"

	"vcready/internal/store/storetest"
)

// TestExportAssessments: every submitted assessment of the organisation, by team name
// then submission; no drafts, nothing of another organisation; the questionnaires
// answered and the teams to name them with.
func TestExportAssessments(t *testing.T) {
	t.Parallel()
	f := newFixture(t, storetest.SQLite(t))
	first := f.mustSubmitted(t, f.teamA1.ID)  // MSK Physiotherapy
	second := f.mustSubmitted(t, f.teamA2.ID) // Community Mental Health
	third := f.mustSubmitted(t, f.teamA1.ID)
	f.mustDraft(t, f.teamA2.ID)
	f.mustSubmitted(t, f.teamB1.ID)

	ex, err := f.svc.ExportAssessments(ctx, f.leadA, f.orgA.ID)
	if err != nil {
		t.Fatal(err)
	}
	var ids []string
	for _, a := range ex.Assessments {
		ids = append(ids, a.ID)
		if len(a.Answers) == 0 || a.Scores.Overall == nil {
			t.Errorf("%s exported without its answers or scores", a.ID)
		}
	}
	if diff := cmp.Diff([]string{second.ID, first.ID, third.ID}, ids); diff != "" {
		t.Errorf("assessments, by team name then submission (-want +got):\n%s", diff)
	}
	if ex.Organisation.ID != f.orgA.ID || len(ex.Teams) != 2 || ex.Teams[f.teamA1.ID].Name != f.teamA1.Name {
		t.Errorf("organisation %+v, teams %+v", ex.Organisation, ex.Teams)
	}
	if len(ex.Questionnaires) != 1 || ex.Questionnaires[0].ID != first.Questionnaire.ID {
		t.Errorf("questionnaires %v, want the one answered", ex.Questionnaires)
	}
}

package store_test

import (
	"errors"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"vcready/internal/assessment"
	"vcready/internal/questionnaire"
	"vcready/internal/scoring"
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

// TestAnswersRoundTrip stores one answer of every kind and reads it back unchanged.
func TestAnswersRoundTrip(t *testing.T) {
	at := epoch.Add(time.Hour)
	answers := []assessment.Answer{
		{Answer: questionnaire.Answer{ItemID: "a-level-0", Level: asPtr(0)}},
		{Answer: questionnaire.Answer{ItemID: "b-level-4", Level: asPtr(4)}},
		{Answer: questionnaire.Answer{ItemID: "c-option", Option: "wifi-some"}},
		{Answer: questionnaire.Answer{ItemID: "d-options", Options: []string{"a", "c"}, OptionsSet: true}},
		{Answer: questionnaire.Answer{ItemID: "e-options-none", OptionsSet: true}},
		{Answer: questionnaire.Answer{ItemID: "f-number", Number: asPtr(37.5)}},
		{Answer: questionnaire.Answer{ItemID: "g-number-zero", Number: asPtr(0.0)}},
		{Answer: questionnaire.Answer{ItemID: "h-number-fraction", Number: asPtr(0.1 + 0.2)}},
		{Answer: questionnaire.Answer{ItemID: "i-text", Text: asPtr("Café — naïve 👩‍⚕️ 患者\n\"quoted\" 'single' \\ %_")}},
		{Answer: questionnaire.Answer{ItemID: "j-text-empty", Text: asPtr("")}},
		{Answer: questionnaire.Answer{ItemID: "k-not-applicable", Status: questionnaire.NotApplicable}},
		{Answer: questionnaire.Answer{ItemID: "l-dont-know", Status: questionnaire.DontKnow}},
	}
	for i := range answers {
		answers[i].UpdatedBy, answers[i].UpdatedAt = "u-2", at
	}
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		a := mustDraft(t, s, "asmt-1", epoch)
		if err := s.SaveAnswers(tctx, a.ID, answers, nil); err != nil {
			t.Fatal(err)
		}
		got, err := s.Assessment(tctx, a.ID)
		if err != nil {
			t.Fatal(err)
		}
		if diff := cmp.Diff(answers, got.Answers); diff != "" {
			t.Errorf("answers (-saved +read):\n%s", diff)
		}
		a.Answers = nil
		got.Answers = nil
		if diff := cmp.Diff(a, got); diff != "" {
			t.Errorf("assessment (-created +read):\n%s", diff)
		}
	})
}

// TestSaveAnswersUpsertsAndKeepsOthers replaces one answer with another kind of value
// and keeps the rest.
func TestSaveAnswersUpsertsAndKeepsOthers(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		a := mustDraft(t, s, "asmt-1", epoch)
		first := []assessment.Answer{
			{Answer: questionnaire.Answer{ItemID: "x", Options: []string{"a"}, OptionsSet: true}, UpdatedBy: "u-1", UpdatedAt: epoch},
			{Answer: questionnaire.Answer{ItemID: "y", Level: asPtr(2)}, UpdatedBy: "u-1", UpdatedAt: epoch},
		}
		if err := s.SaveAnswers(tctx, a.ID, first, nil); err != nil {
			t.Fatal(err)
		}
		change := assessment.Answer{Answer: questionnaire.Answer{ItemID: "x", Status: questionnaire.DontKnow}, UpdatedBy: "u-2", UpdatedAt: epoch.Add(time.Second)}
		if err := s.SaveAnswers(tctx, a.ID, []assessment.Answer{change}, nil); err != nil {
			t.Fatal(err)
		}
		got, err := s.Assessment(tctx, a.ID)
		if err != nil {
			t.Fatal(err)
		}
		if diff := cmp.Diff([]assessment.Answer{change, first[1]}, got.Answers); diff != "" {
			t.Errorf("answers (-want +got):\n%s", diff)
		}
	})
}

// sampleResult is a scoring result with full-precision values that must survive storage.
func sampleResult() scoring.Result {
	return scoring.Result{
		Overall: asPtr(61.7), OverallExact: 61.66666666666667,
		Considerations: []scoring.Consideration{
			{Key: "equity", Score: asPtr(58.3), Exact: 58.333333333333336, Level: "established", Coverage: 0.875,
				Status: scoring.StatusScored, Items: 8, Counted: 7, DontKnow: 1, NotApplicable: 1},
			{Key: "pathways", Status: scoring.StatusInsufficient, Coverage: 0.25, Items: 4, Counted: 1, NotApplicable: 3},
		},
	}
}

func TestSubmitAssessment(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		a := mustDraft(t, s, "asmt-1", epoch)
		refuse := errors.New("refused")
		if _, err := s.SubmitAssessment(tctx, a.ID, func(*assessment.Assessment) error { return refuse }); !errors.Is(err, refuse) {
			t.Fatalf("SubmitAssessment with a refusing callback: %v, want the callback's error", err)
		}
		if got, _ := s.Assessment(tctx, a.ID); got.Status != assessment.StatusDraft {
			t.Fatalf("status after a refused submission = %s", got.Status)
		}
		at := epoch.Add(time.Hour)
		submitted, err := s.SubmitAssessment(tctx, a.ID, func(a *assessment.Assessment) error {
			a.Status, a.SubmittedAt, a.SubmittedBy = assessment.StatusSubmitted, &at, "u-3"
			a.Questionnaire.Hash, a.Scores = "def456", sampleResult()
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
		got, err := s.Assessment(tctx, a.ID)
		if err != nil {
			t.Fatal(err)
		}
		if diff := cmp.Diff(submitted, got); diff != "" {
			t.Errorf("read after submit (-submitted +read):\n%s", diff)
		}
		if got.Questionnaire.Hash != "def456" || got.SubmittedBy != "u-3" || !got.SubmittedAt.Equal(at) {
			t.Errorf("submission not stored: %+v", got)
		}
		again := func(*assessment.Assessment) error { t.Error("callback called for a submitted assessment"); return nil }
		if _, err := s.SubmitAssessment(tctx, a.ID, again); !errors.Is(err, assessment.ErrSubmitted) {
			t.Errorf("second SubmitAssessment: %v, want ErrSubmitted", err)
		}
		answer := assessment.Answer{Answer: questionnaire.Answer{ItemID: "x", Level: asPtr(1)}, UpdatedBy: "u", UpdatedAt: at}
		if err := s.SaveAnswers(tctx, a.ID, []assessment.Answer{answer}, nil); !errors.Is(err, assessment.ErrSubmitted) {
			t.Errorf("SaveAnswers after submit: %v, want ErrSubmitted", err)
		}
	})
}

// TestScoreRows checks the per-consideration rows benchmarks will query: rounded and
// exact scores, and no score at all for an insufficient consideration.
func TestScoreRows(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		a := mustDraft(t, s, "asmt-1", epoch)
		at := epoch.Add(time.Hour)
		_, err := s.SubmitAssessment(tctx, a.ID, func(a *assessment.Assessment) error {
			a.Status, a.SubmittedAt, a.SubmittedBy, a.Scores = assessment.StatusSubmitted, &at, "u", sampleResult()
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
		type row struct {
			Consideration string
			Score, Exact  *float64
			Level         string
			Coverage      float64
			Status        string
		}
		var rows []row
		err = s.AssessmentTestDB().Raw(`SELECT consideration, score, exact, level, coverage, status
			FROM assessment_scores WHERE assessment_id = ? ORDER BY consideration`, a.ID).Scan(&rows).Error
		if err != nil {
			t.Fatal(err)
		}
		want := []row{
			{"equity", asPtr(58.3), asPtr(58.333333333333336), "established", 0.875, "scored"},
			{"pathways", nil, nil, "", 0.25, "insufficient"},
		}
		if diff := cmp.Diff(want, rows); diff != "" {
			t.Errorf("assessment_scores (-want +got):\n%s", diff)
		}
		var overall *float64
		if err := s.AssessmentTestDB().Raw(`SELECT overall FROM assessments WHERE id = ?`, a.ID).Scan(&overall).Error; err != nil {
			t.Fatal(err)
		}
		if overall == nil || *overall != 61.7 {
			t.Errorf("overall = %v, want 61.7", overall)
		}
	})
}

func TestUpdatedByEmailComesFromUsers(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		a := mustDraft(t, s, "asmt-1", epoch)
		err := s.AssessmentTestDB().Exec(`INSERT INTO users (id, email, password_hash, role, organisation_id, created_at)
			VALUES ('u-known', 'lead@example.org', 'x', 'lead', 'org-a', ?)`, epoch).Error
		if err != nil {
			t.Fatal(err)
		}
		answers := []assessment.Answer{
			{Answer: questionnaire.Answer{ItemID: "a", Level: asPtr(1)}, UpdatedBy: "u-known", UpdatedAt: epoch},
			{Answer: questionnaire.Answer{ItemID: "b", Level: asPtr(2)}, UpdatedBy: "u-removed", UpdatedAt: epoch},
		}
		if err := s.SaveAnswers(tctx, a.ID, answers, nil); err != nil {
			t.Fatal(err)
		}
		got, err := s.Assessment(tctx, a.ID)
		if err != nil {
			t.Fatal(err)
		}
		if got.Answers[0].UpdatedByEmail != "lead@example.org" || got.Answers[1].UpdatedByEmail != "" {
			t.Errorf("emails = %q, %q; want lead@example.org and none", got.Answers[0].UpdatedByEmail, got.Answers[1].UpdatedByEmail)
		}
	})
}

func TestTeamAssessmentsAndLatestSubmitted(t *testing.T) {
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

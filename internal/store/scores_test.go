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
	t.Parallel()
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
	t.Parallel()
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
		err = storetest.DB(t, s).Raw(`SELECT consideration, score, exact, level, coverage, status
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
		if err := storetest.DB(t, s).Raw(`SELECT overall FROM assessments WHERE id = ?`, a.ID).Scan(&overall).Error; err != nil {
			t.Fatal(err)
		}
		if overall == nil || *overall != 61.7 {
			t.Errorf("overall = %v, want 61.7", overall)
		}
	})
}

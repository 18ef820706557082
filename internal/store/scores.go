package store

import (
	"context"
	"encoding/json"
	"fmt"

	"gorm.io/gorm"

	"vcready/internal/assessment"
	"vcready/internal/scoring"
)

// scoreRow is a row of assessment_scores: one consideration of one submitted
// assessment, kept in columns so benchmarks and comparisons can query and index it.
type scoreRow struct {
	AssessmentID  string `gorm:"primaryKey"`
	Consideration string `gorm:"primaryKey"`
	Score         *float64
	Exact         *float64
	Level         string
	Coverage      float64
	Status        string
}

func (scoreRow) TableName() string { return "assessment_scores" }

// storedResult is the scores_json format. It mirrors scoring.Result with the
// full-precision scores that Result leaves out of its JSON, and it is its own type so
// that a change to Result's JSON can never make stored results unreadable. Fields are
// copied one by one (not converted) so a field added to Result does not break the build.
type storedResult struct {
	Overall        *float64              `json:"overall"`
	OverallExact   float64               `json:"overall_exact"`
	Considerations []storedConsideration `json:"considerations"`
}

type storedConsideration struct {
	Key           string   `json:"key"`
	Score         *float64 `json:"score"`
	Exact         float64  `json:"exact"`
	Level         string   `json:"level"`
	Coverage      float64  `json:"coverage"`
	Status        string   `json:"status"`
	Items         int      `json:"items"`
	Counted       int      `json:"counted"`
	DontKnow      int      `json:"dont_know"`
	NotApplicable int      `json:"not_applicable"`
	Missing       int      `json:"missing"`
}

func encodeResult(r scoring.Result) (string, error) {
	sr := storedResult{Overall: r.Overall, OverallExact: r.OverallExact,
		Considerations: make([]storedConsideration, len(r.Considerations))}
	for i, c := range r.Considerations {
		sr.Considerations[i] = storedConsideration{Key: c.Key, Score: c.Score, Exact: c.Exact,
			Level: c.Level, Coverage: c.Coverage, Status: c.Status, Items: c.Items, Counted: c.Counted,
			DontKnow: c.DontKnow, NotApplicable: c.NotApplicable, Missing: c.Missing}
	}
	b, err := json.Marshal(sr)
	if err != nil {
		return "", fmt.Errorf("encode scores: %w", err)
	}
	return string(b), nil
}

// decodeResult reads scores_json; "" (a draft) is no result.
func decodeResult(s string) (scoring.Result, error) {
	if s == "" {
		return scoring.Result{}, nil
	}
	var sr storedResult
	if err := json.Unmarshal([]byte(s), &sr); err != nil {
		return scoring.Result{}, fmt.Errorf("decode scores: %w", err)
	}
	r := scoring.Result{Overall: sr.Overall, OverallExact: sr.OverallExact,
		Considerations: make([]scoring.Consideration, len(sr.Considerations))}
	for i, c := range sr.Considerations {
		r.Considerations[i] = scoring.Consideration{Key: c.Key, Score: c.Score, Exact: c.Exact,
			Level: c.Level, Coverage: c.Coverage, Status: c.Status, Items: c.Items, Counted: c.Counted,
			DontKnow: c.DontKnow, NotApplicable: c.NotApplicable, Missing: c.Missing}
	}
	return r, nil
}

// scoreRows are the per-consideration rows of a result. An insufficient consideration
// has no score and no exact score, so queries that rank on them skip it.
func scoreRows(assessmentID string, r scoring.Result) []scoreRow {
	rows := make([]scoreRow, len(r.Considerations))
	for i, c := range r.Considerations {
		row := scoreRow{AssessmentID: assessmentID, Consideration: c.Key, Score: c.Score,
			Level: c.Level, Coverage: c.Coverage, Status: c.Status}
		if c.Status == scoring.StatusScored {
			exact := c.Exact
			row.Exact = &exact
		}
		rows[i] = row
	}
	return rows
}

// SubmitAssessment reads the draft, lets submit decide, and stores the submission, all
// in one write transaction: answers cannot change between the read and the write, so
// the stored scores are those of the stored answers.
func (s *Store) SubmitAssessment(ctx context.Context, id string, submit func(*assessment.Assessment) error) (*assessment.Assessment, error) {
	var a *assessment.Assessment
	err := s.w.WithContext(ctx).Transaction(func(tx *gorm.DB) error {
		if err := lockDraft(tx, id); err != nil {
			return err
		}
		var err error
		if a, err = readAssessment(tx, id); err != nil {
			return err
		}
		if err := submit(a); err != nil {
			return err
		}
		if err := writeSubmission(tx, a); err != nil {
			return err
		}
		return bumpBenchmarkVersion(tx, assessment.BenchmarkChange{TeamID: a.TeamID})
	})
	if err != nil {
		return nil, fmt.Errorf("submit assessment: %w", err)
	}
	return a, nil
}

func writeSubmission(tx *gorm.DB, a *assessment.Assessment) error {
	if a.Status != assessment.StatusSubmitted || a.SubmittedAt == nil {
		return fmt.Errorf("assessment %s: submit left it %s without a submission time", a.ID, a.Status)
	}
	js, err := encodeResult(a.Scores)
	if err != nil {
		return err
	}
	err = tx.Model(&assessmentRow{}).Where("id = ?", a.ID).Updates(map[string]any{
		"status": a.Status, "submitted_at": a.SubmittedAt.UTC(), "submitted_by": a.SubmittedBy,
		"questionnaire_hash": a.Questionnaire.Hash, "overall": a.Scores.Overall, "scores_json": js,
	}).Error
	if err != nil {
		return fmt.Errorf("store submission: %w", err)
	}
	if rows := scoreRows(a.ID, a.Scores); len(rows) > 0 {
		if err := tx.Create(&rows).Error; err != nil {
			return fmt.Errorf("store consideration scores: %w", err)
		}
	}
	return nil
}

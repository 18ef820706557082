package store

import (
	"context"
	"fmt"

	"vcready/internal/assessment"
)

// SubmittedScores returns the stored results of every submitted assessment of an
// organisation in one query, by team and newest submission first. Answers are not
// read: a comparison needs only the scores stored at submission.
func (s *Store) SubmittedScores(ctx context.Context, organisationID string) ([]assessment.Submitted, error) {
	var rows []assessmentRow
	err := s.r.WithContext(ctx).
		Select("id", "team_id", "submitted_at", "questionnaire_id", "questionnaire_version", "questionnaire_hash", "scores_json").
		Where("organisation_id = ? AND status = ?", organisationID, assessment.StatusSubmitted).
		Order("team_id, submitted_at DESC, id DESC").Find(&rows).Error
	if err != nil {
		return nil, fmt.Errorf("read submitted scores: %w", err)
	}
	out := make([]assessment.Submitted, 0, len(rows))
	for _, r := range rows {
		res, err := decodeResult(r.ScoresJSON)
		if err != nil {
			return nil, fmt.Errorf("assessment %s: %w", r.ID, err)
		}
		out = append(out, assessment.Submitted{AssessmentID: r.ID, TeamID: r.TeamID, SubmittedAt: r.SubmittedAt.UTC(),
			Questionnaire: assessment.QuestionnaireRef{ID: r.QuestionnaireID, Version: r.QuestionnaireVersion, Hash: r.QuestionnaireHash},
			Scores:        res})
	}
	return out, nil
}

package store

import (
	"context"
	"fmt"

	"gorm.io/gorm"

	"vcready/internal/assessment"
)

// exportPage is how many assessments SubmittedAssessments reads per query: enough
// that an organisation takes few round trips, few enough that the IN list of the
// answers query stays far below either database's limit on parameters.
const exportPage = 500

// SubmittedAssessments returns every submitted assessment of an organisation with its
// answers and stored scores, in submission order (then by id). It reads in pages of
// exportPage, two queries a page (assessments, then their answers), never one query
// per assessment.
func (s *Store) SubmittedAssessments(ctx context.Context, organisationID string) ([]*assessment.Assessment, error) {
	as, err := submittedAssessments(s.r.WithContext(ctx), organisationID, exportPage)
	if err != nil {
		return nil, fmt.Errorf("read submitted assessments of organisation: %w", err)
	}
	return as, nil
}

// submittedAssessments pages through the organisation's submitted assessments by
// (submitted_at, id), page at a time.
func submittedAssessments(db *gorm.DB, organisationID string, page int) ([]*assessment.Assessment, error) {
	out := []*assessment.Assessment{}
	var last *assessmentRow
	for {
		q := db.Where("organisation_id = ? AND status = ?", organisationID, assessment.StatusSubmitted)
		if last != nil {
			q = q.Where("(submitted_at > ? OR (submitted_at = ? AND id > ?))", last.SubmittedAt.UTC(), last.SubmittedAt.UTC(), last.ID)
		}
		var rows []assessmentRow
		if err := q.Order("submitted_at, id").Limit(page).Find(&rows).Error; err != nil {
			return nil, err
		}
		as, err := withAnswers(db, rows)
		if err != nil {
			return nil, err
		}
		out = append(out, as...)
		if len(rows) < page {
			return out, nil
		}
		last = &rows[len(rows)-1]
	}
}

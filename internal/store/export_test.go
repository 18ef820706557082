package store

import (
	"context"

	"vcready/internal/assessment"
)

// SubmittedAssessmentsPaged is SubmittedAssessments with a page size of the test's
// choosing, so paging is tested without hundreds of assessments.
func (s *Store) SubmittedAssessmentsPaged(ctx context.Context, organisationID string, page int) ([]*assessment.Assessment, error) {
	return submittedAssessments(s.r.WithContext(ctx), organisationID, page)
}

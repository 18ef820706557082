package store

import (
	"context"
	"fmt"
	"time"

	"gorm.io/gorm"
	"gorm.io/gorm/clause"

	"vcready/internal/apperr"
	"vcready/internal/assessment"
)

// assessmentRow is a row of assessments.
type assessmentRow struct {
	ID                   string `gorm:"primaryKey"`
	TeamID               string
	OrganisationID       string
	QuestionnaireID      string
	QuestionnaireVersion string
	QuestionnaireHash    string
	Status               string
	CreatedAt            time.Time `gorm:"autoCreateTime:false"`
	CreatedBy            string
	SubmittedAt          *time.Time
	SubmittedBy          string
	Overall              *float64
	ScoresJSON           string `gorm:"column:scores_json"`
}

func (assessmentRow) TableName() string { return "assessments" }

// assessment converts the row; answers are read separately.
func (r assessmentRow) assessment() (*assessment.Assessment, error) {
	a := &assessment.Assessment{
		ID: r.ID, TeamID: r.TeamID, OrganisationID: r.OrganisationID,
		Questionnaire: assessment.QuestionnaireRef{ID: r.QuestionnaireID, Version: r.QuestionnaireVersion, Hash: r.QuestionnaireHash},
		Status:        r.Status, CreatedAt: r.CreatedAt.UTC(), CreatedBy: r.CreatedBy,
		SubmittedAt: utcPtr(r.SubmittedAt), SubmittedBy: r.SubmittedBy, Answers: []assessment.Answer{},
	}
	res, err := decodeResult(r.ScoresJSON)
	if err != nil {
		return nil, fmt.Errorf("assessment %s: %w", r.ID, err)
	}
	a.Scores = res
	return a, nil
}

func utcPtr(t *time.Time) *time.Time {
	if t == nil {
		return nil
	}
	u := t.UTC()
	return &u
}

// CreateAssessment inserts a new draft. Its answers, if any, are not stored: drafts
// start empty and fill through SaveAnswers.
func (s *Store) CreateAssessment(ctx context.Context, a *assessment.Assessment) error {
	row := assessmentRow{
		ID: a.ID, TeamID: a.TeamID, OrganisationID: a.OrganisationID,
		QuestionnaireID: a.Questionnaire.ID, QuestionnaireVersion: a.Questionnaire.Version,
		QuestionnaireHash: a.Questionnaire.Hash, Status: a.Status, CreatedAt: a.CreatedAt.UTC(),
		CreatedBy: a.CreatedBy,
	}
	if err := s.w.WithContext(ctx).Create(&row).Error; err != nil {
		return fmt.Errorf("insert assessment: %w", err)
	}
	return nil
}

// Assessment returns an assessment with its answers and stored scores.
func (s *Store) Assessment(ctx context.Context, id string) (*assessment.Assessment, error) {
	a, err := readAssessment(s.r.WithContext(ctx), id)
	if err != nil {
		return nil, fmt.Errorf("read assessment: %w", err)
	}
	return a, nil
}

// TeamAssessments returns a team's assessments with their answers, newest first.
func (s *Store) TeamAssessments(ctx context.Context, teamID string) ([]*assessment.Assessment, error) {
	db := s.r.WithContext(ctx)
	var rows []assessmentRow
	err := db.Where("team_id = ?", teamID).Order("created_at DESC, id DESC").Find(&rows).Error
	if err != nil {
		return nil, fmt.Errorf("read assessments of team: %w", err)
	}
	as, err := withAnswers(db, rows)
	if err != nil {
		return nil, fmt.Errorf("read assessments of team: %w", err)
	}
	return as, nil
}

// LatestSubmitted returns the team's assessment submitted last, strictly before
// before when it is set.
func (s *Store) LatestSubmitted(ctx context.Context, teamID string, before *time.Time) (*assessment.Assessment, error) {
	db := s.r.WithContext(ctx)
	q := db.Where("team_id = ? AND status = ?", teamID, assessment.StatusSubmitted)
	if before != nil {
		q = q.Where("submitted_at < ?", before.UTC())
	}
	var row assessmentRow
	if err := q.Order("submitted_at DESC, id DESC").Take(&row).Error; err != nil {
		return nil, fmt.Errorf("read latest submitted assessment: %w", notFound(err, apperr.NotFound("assessment")))
	}
	as, err := withAnswers(db, []assessmentRow{row})
	if err != nil {
		return nil, fmt.Errorf("read latest submitted assessment: %w", err)
	}
	return as[0], nil
}

// readAssessment reads one assessment and its answers through db, which may be a
// transaction.
func readAssessment(db *gorm.DB, id string) (*assessment.Assessment, error) {
	var row assessmentRow
	if err := db.Where("id = ?", id).Take(&row).Error; err != nil {
		return nil, notFound(err, apperr.NotFound("assessment"))
	}
	as, err := withAnswers(db, []assessmentRow{row})
	if err != nil {
		return nil, err
	}
	return as[0], nil
}

// lockDraft locks an assessment's row for the rest of the transaction tx and fails
// unless it is a draft. Every change to an assessment takes this lock first, so on
// PostgreSQL a submission and a save of answers run one after the other, never
// interleaved. (On SQLite the writer's BEGIN IMMEDIATE already excludes every other
// writer, and the driver leaves the FOR UPDATE out.)
func lockDraft(tx *gorm.DB, id string) error {
	var row assessmentRow
	err := tx.Clauses(clause.Locking{Strength: "UPDATE"}).Select("id", "status").Where("id = ?", id).Take(&row).Error
	if err != nil {
		return notFound(err, apperr.NotFound("assessment"))
	}
	if row.Status != assessment.StatusDraft {
		return assessment.ErrSubmitted
	}
	return nil
}

// withAnswers converts rows and attaches their answers, read in one query.
func withAnswers(db *gorm.DB, rows []assessmentRow) ([]*assessment.Assessment, error) {
	out := make([]*assessment.Assessment, len(rows))
	ids := make([]string, len(rows))
	byID := make(map[string]*assessment.Assessment, len(rows))
	for i, r := range rows {
		a, err := r.assessment()
		if err != nil {
			return nil, err
		}
		out[i], ids[i], byID[r.ID] = a, r.ID, a
	}
	if len(ids) == 0 {
		return out, nil
	}
	answers, err := readAnswers(db, ids)
	if err != nil {
		return nil, err
	}
	for _, ar := range answers {
		a := byID[ar.Row.AssessmentID]
		a.Answers = append(a.Answers, ar.answer())
	}
	return out, nil
}

package store

import (
	"context"
	"encoding/json"
	"fmt"
	"time"

	"gorm.io/gorm"
	"gorm.io/gorm/clause"

	"vcready/internal/assessment"
	"vcready/internal/questionnaire"
)

// answerRow is a row of answers: one item's answer in one assessment. At most one of
// Status, Level, OptionID, OptionsJSON, Number and Text carries the value.
type answerRow struct {
	AssessmentID string `gorm:"primaryKey"`
	ItemID       string `gorm:"primaryKey"`
	Status       string
	Level        *int
	OptionID     string
	// OptionsJSON is a JSON array of option ids; "[]" is a checklist answered with
	// nothing ticked, nil no checklist answer at all.
	OptionsJSON *string `gorm:"column:options_json"`
	Number      *float64
	Text        *string
	UpdatedBy   string
	UpdatedAt   time.Time `gorm:"autoUpdateTime:false"`
}

func (answerRow) TableName() string { return "answers" }

// answerWithEmail is an answer joined with the email of who last changed it.
type answerWithEmail struct {
	Row            answerRow `gorm:"embedded"` // named: GORM skips unexported anonymous fields
	UpdatedByEmail *string
}

func newAnswerRow(assessmentID string, a assessment.Answer) (answerRow, error) {
	row := answerRow{
		AssessmentID: assessmentID, ItemID: a.ItemID, Status: a.Status, Level: a.Level,
		OptionID: a.Option, Number: a.Number, Text: a.Text,
		UpdatedBy: a.UpdatedBy, UpdatedAt: a.UpdatedAt.UTC(),
	}
	if a.OptionsSet || len(a.Options) > 0 {
		opts := a.Options
		if opts == nil {
			opts = []string{}
		}
		b, err := json.Marshal(opts)
		if err != nil {
			return answerRow{}, fmt.Errorf("encode options of %s: %w", a.ItemID, err)
		}
		js := string(b)
		row.OptionsJSON = &js
	}
	return row, nil
}

// answer converts the row. An options_json the store cannot read would mean a
// corrupted row; it reads as a checklist with nothing ticked rather than failing the
// whole assessment, and CheckAnswers guards every write.
func (j answerWithEmail) answer() assessment.Answer {
	r := j.Row
	a := assessment.Answer{
		Answer: questionnaire.Answer{
			ItemID: r.ItemID, Status: r.Status, Level: r.Level, Option: r.OptionID,
			Number: r.Number, Text: r.Text,
		},
		UpdatedBy: r.UpdatedBy, UpdatedAt: r.UpdatedAt.UTC(),
	}
	if r.OptionsJSON != nil {
		a.OptionsSet = true
		var opts []string
		if json.Unmarshal([]byte(*r.OptionsJSON), &opts) == nil && len(opts) > 0 {
			a.Options = opts
		}
	}
	if j.UpdatedByEmail != nil {
		a.UpdatedByEmail = *j.UpdatedByEmail
	}
	return a
}

// readAnswers reads the answers of the given assessments, ordered by assessment and
// item id. The email comes from a join rather than a copy, so it disappears with its
// user.
func readAnswers(db *gorm.DB, assessmentIDs []string) ([]answerWithEmail, error) {
	var rows []answerWithEmail
	err := db.Table("answers").
		Select("answers.*, users.email AS updated_by_email").
		Joins("LEFT JOIN users ON users.id = answers.updated_by").
		Where("answers.assessment_id IN ?", assessmentIDs).
		Order("answers.assessment_id, answers.item_id").
		Scan(&rows).Error
	if err != nil {
		return nil, fmt.Errorf("read answers: %w", err)
	}
	return rows, nil
}

// SaveAnswers upserts answers to a draft in one transaction, keeping its other
// answers. It fails with assessment.ErrSubmitted, storing nothing, once the
// assessment is submitted.
//
// Items named in clear lose their answers in the same transaction, so a page that
// changes some answers and blanks others is stored whole or not at all.
func (s *Store) SaveAnswers(ctx context.Context, assessmentID string, answers []assessment.Answer, clear []string) error {
	rows := make([]answerRow, len(answers))
	for i, a := range answers {
		row, err := newAnswerRow(assessmentID, a)
		if err != nil {
			return fmt.Errorf("save answers: %w", err)
		}
		rows[i] = row
	}
	err := s.w.WithContext(ctx).Transaction(func(tx *gorm.DB) error {
		if err := lockDraft(tx, assessmentID); err != nil {
			return err
		}
		if len(clear) > 0 {
			if err := tx.Where("assessment_id = ? AND item_id IN ?", assessmentID, clear).Delete(&answerRow{}).Error; err != nil {
				return err
			}
		}
		if len(rows) == 0 {
			return nil
		}
		return tx.Clauses(clause.OnConflict{
			Columns:   []clause.Column{{Name: "assessment_id"}, {Name: "item_id"}},
			UpdateAll: true,
		}).Create(&rows).Error
	})
	if err != nil {
		return fmt.Errorf("save answers: %w", err)
	}
	return nil
}

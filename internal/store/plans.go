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

type planRow struct {
	AssessmentID string `gorm:"primaryKey"`
	CreatedAt    time.Time
}

func (planRow) TableName() string { return "action_plans" }

type actionRow struct {
	ID            string `gorm:"primaryKey"`
	AssessmentID  string
	ItemID        string
	Consideration string
	Text          string
	AnsweredValue float64
	MaxValue      float64
	Priority      float64
	Rank          int
	DoFirst       bool
	Owner         string
	// DueDate is written as "YYYY-MM-DD"; the drivers read a DATE back as a time,
	// which database/sql formats as RFC 3339: its first ten characters are the day.
	DueDate     *string
	Status      string
	Notes       string
	CarriedFrom *string
	UpdatedAt   time.Time
}

func (actionRow) TableName() string { return "actions" }

type historyRow struct {
	ID        int64 `gorm:"primaryKey"`
	ActionID  string
	ChangedAt time.Time
	ChangedBy string
	Field     string
	FromValue string
	ToValue   string
}

func (historyRow) TableName() string { return "action_history" }

type resolvedRow struct {
	AssessmentID     string `gorm:"primaryKey"`
	PreviousActionID string `gorm:"primaryKey"`
	ItemID           string
	Text             string
	FromValue        float64
	ToValue          float64
	Position         int
}

func (resolvedRow) TableName() string { return "plan_resolved" }

func toActionRow(a *assessment.Action) actionRow {
	r := actionRow{ID: a.ID, AssessmentID: a.AssessmentID, ItemID: a.ItemID, Consideration: a.Consideration,
		Text: a.Text, AnsweredValue: a.Value, MaxValue: a.Max, Priority: a.Priority, Rank: a.Rank,
		DoFirst: a.DoFirst, Owner: a.Owner, Status: a.Status, Notes: a.Notes, UpdatedAt: a.UpdatedAt.UTC()}
	if a.DueDate != "" {
		d := a.DueDate
		r.DueDate = &d
	}
	if a.CarriedFrom != "" {
		c := a.CarriedFrom
		r.CarriedFrom = &c
	}
	return r
}

func (r actionRow) action() assessment.Action {
	a := assessment.Action{ID: r.ID, AssessmentID: r.AssessmentID, ItemID: r.ItemID, Consideration: r.Consideration,
		Text: r.Text, Value: r.AnsweredValue, Max: r.MaxValue, Priority: r.Priority, Rank: r.Rank,
		DoFirst: r.DoFirst, Owner: r.Owner, Status: r.Status, Notes: r.Notes, UpdatedAt: r.UpdatedAt.UTC(),
		History: []assessment.HistoryEntry{}}
	if r.DueDate != nil && len(*r.DueDate) >= 10 {
		a.DueDate = (*r.DueDate)[:10]
	}
	if r.CarriedFrom != nil {
		a.CarriedFrom = *r.CarriedFrom
	}
	return a
}

// CreatePlan stores a plan unless its assessment has one already.
func (s *Store) CreatePlan(ctx context.Context, p *assessment.Plan) (bool, error) {
	created := false
	err := s.w.WithContext(ctx).Transaction(func(tx *gorm.DB) error {
		res := tx.Clauses(clause.OnConflict{DoNothing: true}).
			Create(&planRow{AssessmentID: p.AssessmentID, CreatedAt: p.CreatedAt.UTC()})
		if res.Error != nil {
			return res.Error
		}
		if res.RowsAffected == 0 {
			return nil
		}
		created = true
		if len(p.Actions) > 0 {
			rows := make([]actionRow, len(p.Actions))
			for i := range p.Actions {
				rows[i] = toActionRow(&p.Actions[i])
			}
			if err := tx.CreateInBatches(&rows, 200).Error; err != nil {
				return err
			}
		}
		if len(p.Resolved) > 0 {
			rows := make([]resolvedRow, len(p.Resolved))
			for i, r := range p.Resolved {
				rows[i] = resolvedRow{AssessmentID: p.AssessmentID, PreviousActionID: r.PreviousActionID,
					ItemID: r.ItemID, Text: r.Text, FromValue: r.FromValue, ToValue: r.ToValue, Position: i}
			}
			if err := tx.Create(&rows).Error; err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		return false, fmt.Errorf("create plan of %s: %w", p.AssessmentID, err)
	}
	return created, nil
}

// Plan reads an assessment's plan.
func (s *Store) Plan(ctx context.Context, assessmentID string) (*assessment.Plan, error) {
	db := s.r.WithContext(ctx)
	var pr planRow
	if err := db.Where("assessment_id = ?", assessmentID).Take(&pr).Error; err != nil {
		return nil, fmt.Errorf("read plan of %s: %w", assessmentID, notFound(err, apperr.NotFound("action plan")))
	}
	p := &assessment.Plan{AssessmentID: pr.AssessmentID, CreatedAt: pr.CreatedAt.UTC(),
		Actions: []assessment.Action{}, Resolved: []assessment.Resolved{}}
	var rows []actionRow
	if err := db.Where("assessment_id = ?", assessmentID).Order("rank").Find(&rows).Error; err != nil {
		return nil, fmt.Errorf("read actions of %s: %w", assessmentID, err)
	}
	ids := make([]string, len(rows))
	for i, r := range rows {
		p.Actions = append(p.Actions, r.action())
		ids[i] = r.ID
	}
	hist, err := readHistory(db, ids)
	if err != nil {
		return nil, err
	}
	for i := range p.Actions {
		if h := hist[p.Actions[i].ID]; h != nil {
			p.Actions[i].History = h
		}
	}
	var res []resolvedRow
	if err := db.Where("assessment_id = ?", assessmentID).Order("position").Find(&res).Error; err != nil {
		return nil, fmt.Errorf("read resolved actions of %s: %w", assessmentID, err)
	}
	prevIDs := make([]string, len(res))
	for i, r := range res {
		prevIDs[i] = r.PreviousActionID
	}
	status := map[string]string{}
	if len(prevIDs) > 0 {
		var prev []actionRow
		if err := db.Select("id", "status").Where("id IN ?", prevIDs).Find(&prev).Error; err != nil {
			return nil, fmt.Errorf("read resolved actions' status: %w", err)
		}
		for _, r := range prev {
			status[r.ID] = r.Status
		}
	}
	for _, r := range res {
		p.Resolved = append(p.Resolved, assessment.Resolved{PreviousActionID: r.PreviousActionID, ItemID: r.ItemID,
			Text: r.Text, FromValue: r.FromValue, ToValue: r.ToValue, Status: status[r.PreviousActionID]})
	}
	return p, nil
}

// readHistory reads the history of the given actions, oldest first, by action id.
func readHistory(db *gorm.DB, actionIDs []string) (map[string][]assessment.HistoryEntry, error) {
	out := map[string][]assessment.HistoryEntry{}
	if len(actionIDs) == 0 {
		return out, nil
	}
	var rows []historyRow
	if err := db.Where("action_id IN ?", actionIDs).Order("id").Find(&rows).Error; err != nil {
		return nil, fmt.Errorf("read action history: %w", err)
	}
	for _, r := range rows {
		out[r.ActionID] = append(out[r.ActionID], assessment.HistoryEntry{At: r.ChangedAt.UTC(), By: r.ChangedBy,
			Field: r.Field, From: r.FromValue, To: r.ToValue})
	}
	return out, nil
}

// PlanAction reads one action with its history.
func (s *Store) PlanAction(ctx context.Context, actionID string) (*assessment.Action, error) {
	return readAction(s.r.WithContext(ctx), actionID, false)
}

func readAction(db *gorm.DB, actionID string, lock bool) (*assessment.Action, error) {
	q := db
	if lock {
		q = q.Clauses(clause.Locking{Strength: "UPDATE"})
	}
	var row actionRow
	if err := q.Where("id = ?", actionID).Take(&row).Error; err != nil {
		return nil, fmt.Errorf("read action %s: %w", actionID, notFound(err, apperr.NotFound("action")))
	}
	a := row.action()
	hist, err := readHistory(db, []string{actionID})
	if err != nil {
		return nil, err
	}
	if h := hist[actionID]; h != nil {
		a.History = h
	}
	return &a, nil
}

// UpdateAction changes an action and appends its history in one transaction.
func (s *Store) UpdateAction(ctx context.Context, actionID string,
	change func(*assessment.Action) ([]assessment.HistoryEntry, error)) (*assessment.Action, error) {
	var out *assessment.Action
	err := s.w.WithContext(ctx).Transaction(func(tx *gorm.DB) error {
		a, err := readAction(tx, actionID, true)
		if err != nil {
			return err
		}
		hist, err := change(a)
		if err != nil {
			return err
		}
		row := toActionRow(a)
		err = tx.Model(&actionRow{}).Where("id = ?", actionID).Updates(map[string]any{
			"owner": row.Owner, "due_date": row.DueDate, "status": row.Status, "notes": row.Notes,
			"updated_at": row.UpdatedAt,
		}).Error
		if err != nil {
			return fmt.Errorf("store action %s: %w", actionID, err)
		}
		if len(hist) > 0 {
			rows := make([]historyRow, len(hist))
			for i, h := range hist {
				rows[i] = historyRow{ActionID: actionID, ChangedAt: h.At.UTC(), ChangedBy: h.By,
					Field: h.Field, FromValue: h.From, ToValue: h.To}
			}
			if err := tx.Create(&rows).Error; err != nil {
				return fmt.Errorf("store history of action %s: %w", actionID, err)
			}
		}
		out, err = readAction(tx, actionID, false)
		return err
	})
	if err != nil {
		return nil, fmt.Errorf("update action: %w", err)
	}
	return out, nil
}

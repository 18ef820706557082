package store

import (
	"context"
	"fmt"
	"time"

	"vcready/internal/auth"
)

// auditRow is a row of audit_events.
type auditRow struct {
	ID             int64 `gorm:"primaryKey;autoIncrement"`
	At             time.Time
	ActorID        string
	ActorEmail     string
	Action         string
	Target         string
	OrganisationID string
	IP             string `gorm:"column:ip"`
	Detail         string
}

func (auditRow) TableName() string { return "audit_events" }

// CreateAuditEvent appends an event to the audit log.
func (s *Store) CreateAuditEvent(ctx context.Context, e auth.Event) error {
	row := auditRow{At: e.At.UTC(), ActorID: e.ActorID, ActorEmail: e.ActorEmail, Action: string(e.Action),
		Target: e.Target, OrganisationID: e.OrganisationID, IP: e.IP, Detail: e.Detail}
	if err := s.w.WithContext(ctx).Create(&row).Error; err != nil {
		return fmt.Errorf("insert audit event: %w", err)
	}
	return nil
}

// AuditEvents lists up to limit events, newest first, with ids below before (every
// event when before is 0).
func (s *Store) AuditEvents(ctx context.Context, limit int, before int64) ([]auth.Event, error) {
	q := s.r.WithContext(ctx).Order("id DESC").Limit(limit)
	if before > 0 {
		q = q.Where("id < ?", before)
	}
	var rows []auditRow
	if err := q.Find(&rows).Error; err != nil {
		return nil, fmt.Errorf("list audit events: %w", err)
	}
	out := make([]auth.Event, len(rows))
	for i, r := range rows {
		out[i] = auth.Event{ID: r.ID, At: r.At.UTC(), ActorID: r.ActorID, ActorEmail: r.ActorEmail,
			Action: auth.Action(r.Action), Target: r.Target, OrganisationID: r.OrganisationID, IP: r.IP, Detail: r.Detail}
	}
	return out, nil
}

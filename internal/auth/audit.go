package auth

import (
	"context"
	"fmt"
	"time"

	"vcready/internal/apperr"
)

// Action names what an audit event records.
type Action string

// Audited actions.
const (
	ActionSignIn             Action = "sign_in"
	ActionSignInFailed       Action = "sign_in_failed"
	ActionSignOut            Action = "sign_out"
	ActionTokenCreated       Action = "token_created"
	ActionUserCreated        Action = "user_created"
	ActionUserRemoved        Action = "user_removed"
	ActionRoleChanged        Action = "role_changed"
	ActionInvitationCreated  Action = "invitation_created"
	ActionInvitationAccepted Action = "invitation_accepted"
	ActionInvitationRevoked  Action = "invitation_revoked"
	ActionSetupCompleted     Action = "setup_completed"
	ActionExport             Action = "export"
	ActionBackupCreated      Action = "backup_created"
)

// Event is one entry of the audit log: who did what, to what, when and from where.
// It never holds a password or a token.
type Event struct {
	ID             int64 // set by the store
	At             time.Time
	ActorID        string // "" for the command line or an unknown account
	ActorEmail     string
	Action         Action
	Target         string // what was acted on, e.g. a user or invitation id
	OrganisationID string
	IP             string
	Detail         string
}

// MaxAuditPage is the most events ListAudit returns at once.
const MaxAuditPage = 500

// Record adds e to the audit log, filling in At (now) and IP (from the context, see
// WithClientIP) when they are empty. Callers log a failure and carry on: a lost audit
// event must not undo what was done.
func (s *Service) Record(ctx context.Context, e Event) error {
	if e.At.IsZero() {
		e.At = s.now()
	}
	if e.IP == "" {
		e.IP = ClientIP(ctx)
	}
	if err := s.st.CreateAuditEvent(ctx, e); err != nil {
		return fmt.Errorf("record audit event %s: %w", e.Action, err)
	}
	return nil
}

// record is Record for the service's own events: a failure is logged, not returned.
func (s *Service) record(ctx context.Context, e Event) {
	if err := s.Record(ctx, e); err != nil {
		s.opts.Log.ErrorContext(ctx, "audit event lost", "action", e.Action, "target", e.Target, "err", err)
	}
}

// RecordExport records that p downloaded an export of organisation org's data; detail
// names which (e.g. "assessments.csv"). A failure is logged, not returned: a lost
// audit event must not refuse a lead their file.
func (s *Service) RecordExport(ctx context.Context, p *Principal, org, detail string) {
	e := actorEvent(p, ActionExport)
	e.Target, e.OrganisationID, e.Detail = org, org, detail
	s.record(ctx, e)
}

// actorEvent starts an event done by p.
func actorEvent(p *Principal, action Action) Event {
	return Event{ActorID: p.UserID, ActorEmail: p.Email, Action: action}
}

// ListAudit returns up to limit events (1 to MaxAuditPage; 0 means 100), newest first,
// with ids below before (0: from the newest). Admins only.
func (s *Service) ListAudit(ctx context.Context, p *Principal, limit int, before int64) ([]Event, error) {
	if p == nil {
		return nil, apperr.ErrUnauthenticated
	}
	if !p.CanReadAudit() {
		return nil, apperr.Forbidden("Only admins can read the audit log")
	}
	if limit <= 0 {
		limit = 100
	}
	events, err := s.st.AuditEvents(ctx, min(limit, MaxAuditPage), before)
	if err != nil {
		return nil, fmt.Errorf("list audit events: %w", err)
	}
	return events, nil
}

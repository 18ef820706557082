package assessment

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"strings"
	"time"
	"unicode/utf8"

	"vcready/internal/apperr"
	"vcready/internal/auth"
)

// ActionUpdate is a change to an action; nil fields stay as they are. DueDate is a
// calendar day as "YYYY-MM-DD", or "" to clear it.
type ActionUpdate struct {
	Owner   *string
	DueDate *string
	Status  *string
	Notes   *string
}

// UpdateAction changes an action of a plan for the people who may edit the team's
// plan; to anyone else the action does not exist. Every bad value is reported in one
// validation error and nothing is written. Each changed field becomes one history row
// (who, when, from, to), written in the same transaction as the change.
func (s *Service) UpdateAction(ctx context.Context, p *auth.Principal, actionID string, u ActionUpdate) (*Action, error) {
	if _, err := s.editableAction(ctx, p, actionID); err != nil {
		return nil, err
	}
	u, err := u.validate()
	if err != nil {
		return nil, err
	}
	act, err := s.st.UpdateAction(ctx, actionID, func(act *Action) ([]HistoryEntry, error) {
		return s.apply(act, u, p.UserID), nil
	})
	if err != nil {
		return nil, fmt.Errorf("update action %s: %w", actionID, err)
	}
	return act, nil
}

// Action returns one action of a plan, with its history, to the people who may edit
// the team's plan (the action's edit page); to anyone else it does not exist.
func (s *Service) Action(ctx context.Context, p *auth.Principal, actionID string) (*Action, error) {
	if _, err := s.editableAction(ctx, p, actionID); err != nil {
		return nil, err
	}
	act, err := s.st.PlanAction(ctx, actionID)
	if err != nil {
		return nil, fmt.Errorf("action %s: %w", actionID, err)
	}
	return act, nil
}

// MarkResolvedDone marks done a previous plan's action that assessmentID's plan lists
// as resolved (its item is now at its maximum), with a history row like any edit. A
// new submission never rewrites a previous plan; a person closing the action does.
func (s *Service) MarkResolvedDone(ctx context.Context, p *auth.Principal, assessmentID, previousActionID string) (*Action, error) {
	plan, err := s.Plan(ctx, p, assessmentID)
	if err != nil {
		return nil, err
	}
	if !slices.ContainsFunc(plan.Resolved, func(r Resolved) bool { return r.PreviousActionID == previousActionID }) {
		return nil, apperr.NotFound("resolved action")
	}
	done := ActionDone
	return s.UpdateAction(ctx, p, previousActionID, ActionUpdate{Status: &done})
}

// editableAction loads an action's assessment and checks that p may edit its plan.
func (s *Service) editableAction(ctx context.Context, p *auth.Principal, actionID string) (*Assessment, error) {
	if p == nil {
		return nil, apperr.NotFound("action")
	}
	act, err := s.st.PlanAction(ctx, actionID)
	if err != nil {
		if errors.Is(err, apperr.ErrNotFound) {
			return nil, apperr.NotFound("action")
		}
		return nil, fmt.Errorf("action %s: %w", actionID, err)
	}
	a, err := s.st.Assessment(ctx, act.AssessmentID)
	if err != nil {
		return nil, fmt.Errorf("assessment of action %s: %w", actionID, err)
	}
	if !p.CanSeeTeam(a.OrganisationID, a.TeamID) {
		return nil, apperr.NotFound("action")
	}
	if !p.CanEditPlan(a.OrganisationID, a.TeamID) {
		return nil, apperr.Forbidden("you cannot change this team's action plan")
	}
	return a, nil
}

// validate checks every field and returns the update normalised (owner trimmed), or
// one validation error naming each bad field.
func (u ActionUpdate) validate() (ActionUpdate, error) {
	var ps []apperr.FieldProblem
	if u.Owner != nil {
		owner := strings.TrimSpace(*u.Owner)
		u.Owner = &owner
		if utf8.RuneCountInString(owner) > MaxOwnerChars {
			ps = append(ps, apperr.FieldProblem{Field: "owner", Problem: fmt.Sprintf("must be at most %d characters", MaxOwnerChars)})
		}
	}
	if u.DueDate != nil && *u.DueDate != "" {
		if _, err := time.Parse(time.DateOnly, *u.DueDate); err != nil {
			ps = append(ps, apperr.FieldProblem{Field: "due_date", Problem: "must be a real date written YYYY-MM-DD"})
		}
	}
	if u.Status != nil && !slices.Contains(ActionStatuses, *u.Status) {
		ps = append(ps, apperr.FieldProblem{Field: "status", Problem: "must be one of " + strings.Join(ActionStatuses, ", ")})
	}
	if u.Notes != nil && utf8.RuneCountInString(*u.Notes) > MaxNotesChars {
		ps = append(ps, apperr.FieldProblem{Field: "notes", Problem: "must be at most 5,000 characters"})
	}
	if len(ps) > 0 {
		return u, apperr.Invalid("Check the action's details", ps...)
	}
	return u, nil
}

// apply sets the update's fields on act and returns one history row per field that
// changed, in the order owner, due_date, status, notes.
func (s *Service) apply(act *Action, u ActionUpdate, by string) []HistoryEntry {
	var hist []HistoryEntry
	now := s.now()
	set := func(field string, cur *string, to *string) {
		if to == nil || *to == *cur {
			return
		}
		hist = append(hist, HistoryEntry{At: now, By: by, Field: field, From: *cur, To: *to})
		*cur = *to
	}
	set("owner", &act.Owner, u.Owner)
	set("due_date", &act.DueDate, u.DueDate)
	set("status", &act.Status, u.Status)
	set("notes", &act.Notes, u.Notes)
	if len(hist) > 0 {
		act.UpdatedAt = now
	}
	return hist
}

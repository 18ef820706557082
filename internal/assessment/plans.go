package assessment

import (
	"context"
	"time"

	"vcready/internal/scoring"
)

// PlanStore keeps action plans: derived once when an assessment is submitted, then
// edited by the team (owner, due date, status, notes) while the assessment itself never
// changes. Methods that find nothing return an error wrapping apperr.ErrNotFound.
type PlanStore interface {
	// CreatePlan stores a plan, its actions and its resolved list in one transaction,
	// unless the assessment already has a plan: then it writes nothing and reports
	// false, so deriving a plan twice (a retry, two first reads at once) keeps the
	// first.
	CreatePlan(ctx context.Context, p *Plan) (created bool, err error)
	// Plan returns an assessment's stored plan: actions by rank, each with its history
	// oldest first, and the resolved list with each previous action's current status.
	Plan(ctx context.Context, assessmentID string) (*Plan, error)
	// PlanAction returns one action with its history.
	PlanAction(ctx context.Context, actionID string) (*Action, error)
	// UpdateAction reads the action and calls change with it inside one write
	// transaction; when change returns nil it stores the action as change left it
	// and appends the history rows change returned, so concurrent edits each see the
	// other's result. It returns the action as stored, with its history.
	UpdateAction(ctx context.Context, actionID string, change func(*Action) ([]HistoryEntry, error)) (*Action, error)
}

// Action statuses (SCORING.md, API.md).
const (
	ActionNotStarted = "not_started"
	ActionInProgress = "in_progress"
	ActionDone       = "done"
	ActionDropped    = "dropped"
)

// ActionStatuses lists the statuses an action may have.
var ActionStatuses = []string{ActionNotStarted, ActionInProgress, ActionDone, ActionDropped}

// Limits on what people write into an action, counted in characters.
const (
	MaxOwnerChars = 200
	MaxNotesChars = 5000
)

// Plan is a submitted assessment's action plan.
type Plan struct {
	AssessmentID string
	CreatedAt    time.Time
	// Actions are in priority order (Rank 1 first); the first five are DoFirst.
	Actions []Action
	// Resolved lists the previous plan's open actions whose item is now at its
	// maximum, so the team can mark them done (SCORING.md "Carry forward").
	Resolved []Resolved
	// Projected is computed on every read and never stored; nil when the
	// questionnaire version answered is no longer loaded.
	Projected *Projection
}

// Action is one action of a plan: what the answers call for (fixed when the plan is
// derived) and what the team makes of it (owner, due date, status, notes).
type Action struct {
	ID            string
	AssessmentID  string
	ItemID        string
	Consideration string
	Text          string
	// Value is the answered value (0 for dont_know), Max the item's maximum.
	Value, Max float64
	// Priority is SCORING.md's priority at full precision; Rank its place, from 1.
	Priority float64
	Rank     int
	DoFirst  bool

	Owner string
	// DueDate is a calendar day, "YYYY-MM-DD", or "" for none.
	DueDate string
	Status  string
	Notes   string
	// CarriedFrom is the id of the previous plan's action this one carries forward,
	// or "".
	CarriedFrom string
	UpdatedAt   time.Time
	// History is every change a person made, oldest first.
	History []HistoryEntry
}

// HistoryEntry is one changed field of an action: who, when, and the values before and
// after ("" for none).
type HistoryEntry struct {
	At       time.Time
	By       string // user id
	Field    string // owner, due_date, status or notes
	From, To string
}

// Resolved is an open action of the previous plan whose item the new assessment
// answers at its maximum.
type Resolved struct {
	PreviousActionID string
	ItemID           string
	Text             string
	FromValue        float64
	ToValue          float64
	// Status is the previous action's current status (read, not stored): done once
	// the team marks it so.
	Status string
}

// Projection is the score the plan projects (SCORING.md "Projected score").
type Projection struct {
	// Done moves every action with status done to its next value.
	Done scoring.Result
	// DoFirst moves the do-first actions.
	DoFirst scoring.Result
}

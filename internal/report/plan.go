package report

import "time"

// PlanDocument is an action plan as every export shows it (CSV, XLSX, PDF, Markdown,
// iCalendar): who it is for, the scores it came from, the projected gain and the
// actions in priority order. It holds plain values only, so the encoders need nothing
// but this and stay pure.
type PlanDocument struct {
	Team         string
	Organisation string
	AssessmentID string
	// Questionnaire is the title and version answered, e.g. "Video consultation
	// readiness 1.0.0".
	Questionnaire string
	SubmittedAt   time.Time
	// GeneratedAt dates the document (injected, so golden files are stable).
	GeneratedAt time.Time
	Overall     *float64
	// Scores are the considerations in questionnaire order.
	Scores []PlanScore
	// Projected is the score if the do-first actions, and the actions already done,
	// reached their next value (SCORING.md "Projected score").
	Projected PlanProjection
	// Actions are in priority order, do-first ones first.
	Actions []PlanAction
}

// PlanScore is one consideration's stored score.
type PlanScore struct {
	Key, Title string
	Score      *float64
	// Level is the level's label ("Developing"), or "" when there is no score.
	Level string
}

// PlanProjection is the overall score now and if the do-first (and the done) actions
// reached their next value, with each consideration's projected score.
type PlanProjection struct {
	Overall       *float64
	DoFirst, Done ProjectedScores
}

// ProjectedScores is one projection: the overall score and, by consideration key, each
// consideration's score.
type ProjectedScores struct {
	Overall        *float64
	Considerations map[string]*float64
}

// PlanAction is one action of the plan.
type PlanAction struct {
	ID   string // stable: an iCalendar UID is made from it
	Rank int    // 1 for the highest priority
	// Priority is SCORING.md's priority at full precision.
	Priority          float64
	DoFirst           bool
	ItemID            string
	ConsiderationKey  string
	Consideration     string // its title
	Question          string // the item's text
	Answer            string // the answered value in words ("Level 2 of 4: ...")
	Text              string // what to do
	Owner             string
	DueDate           *time.Time // a calendar day (UTC midnight); nil: none set
	Status            string     // not_started, in_progress, done, dropped
	Notes             string
	CarriedFromAction string // the previous plan's action id, or ""
}

// ActionStatuses are the statuses an action may have, in the order a plan shows them.
var ActionStatuses = []string{"not_started", "in_progress", "done", "dropped"}

// ActionStatusLabel names a status key as people say it.
func ActionStatusLabel(status string) string {
	switch status {
	case "not_started":
		return "Not started"
	case "in_progress":
		return "In progress"
	case "done":
		return "Done"
	case "dropped":
		return "Dropped"
	}
	return status
}

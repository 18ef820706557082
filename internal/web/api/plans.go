package api

import (
	"bytes"
	"encoding/json"
	"net/http"
	"reflect"
	"time"

	"github.com/labstack/echo/v4"

	"vcready/internal/assessment"
	"vcready/internal/scoring"
)

// The action plan endpoints of the JSON API (API.md): a submitted assessment's plan,
// derived when it was submitted, with projected scores computed on every read; and
// the edit of one action (owner, due date, status, notes), each change recorded.

func (s *server) routesPlans(g *echo.Group) {
	g.GET("/assessments/:id/action-plan", s.handlePlanGet)
	g.PATCH("/actions/:id", s.handleActionPatch)
}

// planJSON is GET /assessments/{id}/action-plan.
type planJSON struct {
	AssessmentID string          `json:"assessment_id"`
	Actions      []actionJSON    `json:"actions"`
	Projected    *projectionJSON `json:"projected"` // null when the questionnaire version is gone
	Resolved     []resolvedJSON  `json:"resolved"`
}

// actionJSON is one action. Level is the answered value (0 for dont_know), Max the
// item's maximum; Rank 1 is the highest priority.
type actionJSON struct {
	ID            string        `json:"id"`
	AssessmentID  string        `json:"assessment_id"`
	ItemID        string        `json:"item_id"`
	Consideration string        `json:"consideration"`
	Text          string        `json:"text"`
	Level         float64       `json:"level"`
	Max           float64       `json:"max"`
	Priority      float64       `json:"priority"`
	Rank          int           `json:"rank"`
	DoFirst       bool          `json:"do_first"`
	Owner         string        `json:"owner"`
	DueDate       *string       `json:"due_date"`
	Status        string        `json:"status"`
	Notes         string        `json:"notes"`
	CarriedFrom   *string       `json:"carried_from"`
	UpdatedAt     time.Time     `json:"updated_at"`
	History       []historyJSON `json:"history"`
}

// historyJSON is one changed field; from and to are null for "none".
type historyJSON struct {
	At    time.Time `json:"at"`
	By    string    `json:"by"`
	Field string    `json:"field"`
	From  *string   `json:"from"`
	To    *string   `json:"to"`
}

type resolvedJSON struct {
	PreviousActionID string  `json:"previous_action_id"`
	ItemID           string  `json:"item_id"`
	Text             string  `json:"text"`
	FromValue        float64 `json:"from_value"`
	ToValue          float64 `json:"to_value"`
	// Status is the previous action's status now: done once the team closes it.
	Status string `json:"status"`
}

type projectionJSON struct {
	Done    projectedScoresJSON `json:"done"`
	DoFirst projectedScoresJSON `json:"do_first"`
}

// projectedScoresJSON is shaped like an assessment's scores object, with the fields a
// projection has: overall, and each consideration's score and level.
type projectedScoresJSON struct {
	Overall        *float64             `json:"overall"`
	Considerations []projectedScoreJSON `json:"considerations"`
}

type projectedScoreJSON struct {
	Key   string   `json:"key"`
	Score *float64 `json:"score"`
	Level *string  `json:"level"`
}

func newPlanJSON(p *assessment.Plan) planJSON {
	out := planJSON{AssessmentID: p.AssessmentID, Actions: listJSON(p.Actions, newActionJSON),
		Resolved: listJSON(p.Resolved, func(r assessment.Resolved) resolvedJSON {
			return resolvedJSON{PreviousActionID: r.PreviousActionID, ItemID: r.ItemID, Text: r.Text,
				FromValue: r.FromValue, ToValue: r.ToValue, Status: r.Status}
		})}
	if p.Projected != nil {
		out.Projected = &projectionJSON{Done: newProjectedScoresJSON(p.Projected.Done),
			DoFirst: newProjectedScoresJSON(p.Projected.DoFirst)}
	}
	return out
}

func newActionJSON(a assessment.Action) actionJSON {
	return actionJSON{ID: a.ID, AssessmentID: a.AssessmentID, ItemID: a.ItemID, Consideration: a.Consideration,
		Text: a.Text, Level: a.Value, Max: a.Max, Priority: a.Priority, Rank: a.Rank, DoFirst: a.DoFirst,
		Owner: a.Owner, DueDate: nullable(a.DueDate), Status: a.Status, Notes: a.Notes,
		CarriedFrom: nullable(a.CarriedFrom), UpdatedAt: a.UpdatedAt.UTC(),
		History: listJSON(a.History, func(h assessment.HistoryEntry) historyJSON {
			return historyJSON{At: h.At.UTC(), By: h.By, Field: h.Field, From: nullable(h.From), To: nullable(h.To)}
		})}
}

func newProjectedScoresJSON(r scoring.Result) projectedScoresJSON {
	return projectedScoresJSON{Overall: r.Overall, Considerations: listJSON(r.Considerations,
		func(c scoring.Consideration) projectedScoreJSON {
			return projectedScoreJSON{Key: c.Key, Score: c.Score, Level: nullable(c.Level)}
		})}
}

// actionPatchRequest is PATCH /actions/{id}: absent fields stay as they are;
// due_date null clears the date. The service checks every value.
type actionPatchRequest struct {
	Owner   *string      `json:"owner"`
	DueDate optionalDate `json:"due_date"`
	Status  *string      `json:"status"`
	Notes   *string      `json:"notes"`
}

// optionalDate tells an absent due_date (no change) from null (clear it) from a
// string (the service checks it is a real YYYY-MM-DD day).
type optionalDate struct {
	Set   bool
	Value string // "" for null
}

func (d *optionalDate) UnmarshalJSON(b []byte) error {
	d.Set = true
	if bytes.Equal(bytes.TrimSpace(b), []byte("null")) {
		d.Value = ""
		return nil
	}
	if err := json.Unmarshal(b, &d.Value); err != nil {
		return &json.UnmarshalTypeError{Value: "due_date", Type: reflect.TypeFor[string](), Field: "due_date"}
	}
	return nil
}

func (s *server) handlePlanGet(c echo.Context) error {
	p, err := requireUser(c)
	if err != nil {
		return err
	}
	plan, err := s.deps.Assessments.Plan(c.Request().Context(), p, c.Param("id"))
	if err != nil {
		return err
	}
	return c.JSON(http.StatusOK, newPlanJSON(plan))
}

func (s *server) handleActionPatch(c echo.Context) error {
	p, err := requireUser(c)
	if err != nil {
		return err
	}
	var req actionPatchRequest
	if err := bindJSON(c, &req); err != nil {
		return err
	}
	u := assessment.ActionUpdate{Owner: req.Owner, Status: req.Status, Notes: req.Notes}
	if req.DueDate.Set {
		u.DueDate = &req.DueDate.Value
	}
	act, err := s.deps.Assessments.UpdateAction(c.Request().Context(), p, c.Param("id"), u)
	if err != nil {
		return err
	}
	return c.JSON(http.StatusOK, newActionJSON(*act))
}

package api

import (
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"time"

	"github.com/labstack/echo/v4"

	"vcready/internal/apperr"
	"vcready/internal/assessment"
	"vcready/internal/questionnaire"
)

// The answers endpoint: save and take back a draft's answers, all or none.

func (s *server) routesAnswers(g *echo.Group) {
	g.PUT("/assessments/:id/answers", s.handleAnswersPut)
}

// answersRequest is the body of PUT /assessments/{id}/answers. Each answer is kept raw
// and decoded on its own, so a wrong type is reported with its index
// (answers[3].level) as the 422s are.
type answersRequest struct {
	Answers *[]json.RawMessage `json:"answers"`
	// Clear lists item ids whose saved answers to remove (an extension of API.md's
	// contract: a script can take back an answer as a person can on the page).
	Clear []string `json:"clear"`
}

// answerDTO is one answer object of API.md. Every value is a pointer or a string so
// that "present" can be told from "absent": an answer carrying two kinds of value
// must reach questionnaire.CheckAnswers as such and be rejected, not have one
// silently dropped.
type answerDTO struct {
	ItemID string `json:"item_id"`
	Status string `json:"status"`
	Level  *int   `json:"level"`
	Option string `json:"option"`
	// Options is a pointer because "options": [] is an answer ("nothing in place"),
	// while a missing key is not.
	Options *[]string `json:"options"`
	Number  *float64  `json:"number"`
	Text    *string   `json:"text"`
}

func (d answerDTO) answer() questionnaire.Answer {
	a := questionnaire.Answer{ItemID: d.ItemID, Status: d.Status, Level: d.Level, Option: d.Option,
		Number: d.Number, Text: d.Text}
	if d.Options != nil {
		a.Options, a.OptionsSet = *d.Options, true
	}
	return a
}

// answerJSON is one saved answer as the API shows it: the answer object of API.md
// (only the key of its one kind of value present) with who last changed it and when.
// The keys come in the order the wire has always had, options last.
type answerJSON struct {
	ItemID string   `json:"item_id"`
	Status string   `json:"status,omitempty"`
	Level  *int     `json:"level,omitempty"`
	Option string   `json:"option,omitempty"`
	Number *float64 `json:"number,omitempty"`
	Text   *string  `json:"text,omitempty"`
	// UpdatedByEmail is absent once the user who changed the answer is removed.
	UpdatedBy      string    `json:"updated_by"`
	UpdatedByEmail string    `json:"updated_by_email,omitempty"`
	UpdatedAt      time.Time `json:"updated_at"`
	// Options is a pointer so that a checklist answered with nothing ticked is sent
	// as "options": [] ("nothing in place"), not dropped as if unanswered.
	Options *[]string `json:"options,omitempty"`
}

func newAnswerJSON(a assessment.Answer) answerJSON {
	out := answerJSON{ItemID: a.ItemID, Status: a.Status, Level: a.Level, Option: a.Option, Number: a.Number,
		Text: a.Text, UpdatedBy: a.UpdatedBy, UpdatedByEmail: a.UpdatedByEmail, UpdatedAt: a.UpdatedAt.UTC()}
	if a.OptionsSet || len(a.Options) > 0 {
		opts := a.Options
		if opts == nil {
			opts = []string{}
		}
		out.Options = &opts
	}
	return out
}

// bindAnswers reads the answers of a PUT body: 415 when it is not JSON, 400 when it
// is malformed or a value has the wrong JSON type (naming the answer), 422 when the
// answers key is missing. Whether each answer fits its item is the service's
// business.
func bindAnswers(c echo.Context) ([]questionnaire.Answer, []string, error) {
	var req answersRequest
	if err := bindJSON(c, &req); err != nil {
		return nil, nil, err
	}
	if req.Answers == nil {
		return nil, nil, apperr.Invalid("Send the answers to save.",
			apperr.FieldProblem{Field: "answers", Problem: "is required: a list of answer objects"})
	}
	out := make([]questionnaire.Answer, 0, len(*req.Answers))
	var problems []apperr.FieldProblem
	for i, raw := range *req.Answers {
		var d answerDTO
		if err := json.Unmarshal(raw, &d); err != nil {
			problems = append(problems, answerTypeProblem(i, err))
			continue
		}
		out = append(out, d.answer())
	}
	if len(problems) > 0 {
		return nil, nil, apperr.BadRequest("Some answers have values of the wrong type.", problems...)
	}
	return out, req.Clear, nil
}

// answerTypeProblem names the field of answer i that could not be decoded.
func answerTypeProblem(i int, err error) apperr.FieldProblem {
	field := fmt.Sprintf("answers[%d]", i)
	var te *json.UnmarshalTypeError
	if !errors.As(err, &te) {
		return apperr.FieldProblem{Field: field, Problem: "is not a valid answer object"}
	}
	if te.Field != "" {
		field += "." + te.Field
	}
	return apperr.FieldProblem{Field: field, Problem: "must be " + jsonKind(te.Type)}
}

// handleAnswersPut upserts answers: all of them or, when any is invalid, none.
func (s *server) handleAnswersPut(c echo.Context) error {
	p, err := requireUser(c)
	if err != nil {
		return err
	}
	answers, clear, err := bindAnswers(c)
	if err != nil {
		return err
	}
	a, err := s.deps.Assessments.UpdateAnswers(c.Request().Context(), p, c.Param("id"), answers, clear)
	if err != nil {
		return err
	}
	return c.JSON(http.StatusOK, newAssessmentJSON(a))
}

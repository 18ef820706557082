package web

import (
	"fmt"
	"net/http"
	"net/url"
	"slices"

	"vcready/internal/apperr"
	"vcready/internal/assessment"
	"vcready/internal/questionnaire"

	"github.com/labstack/echo/v4"
)

// One consideration's page of an assessment: its questions, saved with the page's
// other answers in one go.
func (s *Server) routesConsideration() {
	s.e.GET("/assessments/:id/considerations/:key", s.handleConsiderationForm)
	s.e.POST("/assessments/:id/considerations/:key", s.handleConsiderationSave)
}

// considerationView is one consideration's page of questions.
type considerationView struct {
	ID, TeamName    string
	Action          string // where the form posts
	BackHref        string
	Number, Total   int // "Consideration 2 of 6"
	Title, Summary  string
	Items           []itemView
	ContinueToCheck bool // the last consideration: "Save and continue" leads to check answers
}

// itemView is one question as the assessment-item partial draws it.
type itemView struct {
	ID, Type, Text, Help string
	Number               int
	Optional             bool // number and text items: not scored, not needed to submit
	Why                  string
	Sources              []questionnaire.Source
	// Choices are a scale's levels or the options of a choice or checklist. Extras
	// come after an "or" divider: None of these, Don't know, Not applicable.
	Choices, Extras []choiceView
	Checkbox        bool // a checklist: checkboxes rather than radios
	Value           string
	Unit, Range     string // number items
	MaxLength       int    // text items
	Error           string
	LastChanged     string
}

// choiceView is one radio or checkbox. Title is a scale level's label, shown in bold
// before its descriptor, which is the Label.
type choiceView struct {
	ID, Value, Title, Label string
	Checked, Exclusive      bool
}

func newConsiderationView(ac *assessmentContext, qc *questionnaire.Consideration, values url.Values, errs []FieldError) considerationView {
	v := considerationView{ID: ac.a.ID, TeamName: ac.team.Name, Action: considerationHref(ac.a.ID, qc.Key),
		BackHref: assessmentHref(ac.a.ID), Total: len(ac.q.Considerations), Title: qc.Title, Summary: qc.Summary}
	for i := range ac.q.Considerations {
		if ac.q.Considerations[i].Key == qc.Key {
			v.Number = i + 1
		}
	}
	v.ContinueToCheck = v.Number == v.Total
	saved := answerIndex(ac.a.Answers)
	page := Page{Errors: errs}
	for i := range qc.Items {
		it := &qc.Items[i]
		iv := newItemView(ac.q, it, i+1, values[it.ID])
		iv.Error = page.ErrorFor(it.ID)
		if a, ok := saved[it.ID]; ok {
			iv.LastChanged = lastChanged(a, ac.p)
		}
		v.Items = append(v.Items, iv)
	}
	return v
}

// newItemView builds a question with the values to show as chosen or typed.
func newItemView(q *questionnaire.Questionnaire, it *questionnaire.Item, n int, vals []string) itemView {
	v := itemView{ID: it.ID, Type: it.Type, Text: it.Text, Help: it.Help, Number: n, Optional: !it.Scored(),
		Why: it.Why.Text, Unit: it.Unit, MaxLength: it.MaxLength, Range: rangeText(it),
		Checkbox: it.Type == questionnaire.TypeChecklist}
	for _, k := range it.Why.Sources {
		if src, ok := q.Sources[k]; ok {
			v.Sources = append(v.Sources, src)
		}
	}
	switch it.Type {
	case questionnaire.TypeScale:
		for _, l := range it.Levels {
			v.Choices = append(v.Choices, choiceView{Value: itoa(l.Value), Title: l.Label, Label: l.Descriptor})
		}
	case questionnaire.TypeChoice, questionnaire.TypeChecklist:
		for _, o := range it.Options {
			v.Choices = append(v.Choices, choiceView{Value: o.ID, Label: o.Label})
		}
	default:
		v.Value = first(vals)
	}
	v.Extras = extraChoices(it)
	v.setIDs(vals)
	return v
}

// extraChoices are the answers after the "or" divider, in the order people look
// for them.
func extraChoices(it *questionnaire.Item) []choiceView {
	if !it.Scored() {
		return nil
	}
	var out []choiceView
	excl := it.Type == questionnaire.TypeChecklist
	if excl {
		out = append(out, choiceView{Value: formNone, Label: "None of these", Exclusive: true})
	}
	out = append(out, choiceView{Value: formDontKnow, Label: "Don’t know", Exclusive: excl})
	if it.AllowNA {
		out = append(out, choiceView{Value: formNotApplicable, Label: "Not applicable", Exclusive: excl})
	}
	return out
}

// setIDs numbers the inputs as the NHS radios and checkboxes macros do: the first
// takes the item id itself, so "#eq-03" from an error summary or a Change link lands
// on the question; the rest are eq-03-2, eq-03-3 and so on, the divider taking a
// number too. It also ticks the chosen values.
func (v *itemView) setIDs(vals []string) {
	n := 0
	next := func() string {
		n++
		if n == 1 {
			return v.ID
		}
		return fmt.Sprintf("%s-%d", v.ID, n)
	}
	for i := range v.Choices {
		v.Choices[i].ID, v.Choices[i].Checked = next(), slices.Contains(vals, v.Choices[i].Value)
	}
	if len(v.Extras) > 0 {
		n++ // the divider
	}
	for i := range v.Extras {
		v.Extras[i].ID, v.Extras[i].Checked = next(), slices.Contains(vals, v.Extras[i].Value)
	}
}

func (s *Server) handleConsiderationForm(c echo.Context) error {
	ac, done, err := s.loadDraft(c)
	if err != nil || done {
		return err
	}
	qc, ok := ac.q.Consideration(c.Param("key"))
	if !ok {
		return apperr.NotFound("consideration")
	}
	v := newConsiderationView(ac, qc, savedValues(ac.a.Answers), nil)
	return s.render(c, http.StatusOK, "assessment-consideration", Page{Title: qc.Title, Nav: "home", Content: v})
}

// handleConsiderationSave saves one consideration's answers, all or none: a page with
// any invalid value is shown again with an error summary and nothing is stored.
func (s *Server) handleConsiderationSave(c echo.Context) error {
	ac, err := s.loadAssessment(c)
	if err != nil {
		return err
	}
	if ac.a.Status == assessment.StatusSubmitted || ac.q == nil {
		return assessment.ErrSubmitted
	}
	qc, ok := ac.q.Consideration(c.Param("key"))
	if !ok {
		return apperr.NotFound("consideration")
	}
	form, err := c.FormParams()
	if err != nil {
		return apperr.BadRequest("The form could not be read.")
	}
	answers, clear, errs := readConsiderationForm(ac.q, qc, form, answerIndex(ac.a.Answers))
	if len(errs) > 0 {
		v := newConsiderationView(ac, qc, form, errs)
		return s.render(c, http.StatusUnprocessableEntity, "assessment-consideration",
			Page{Title: qc.Title, Nav: "home", Errors: errs, Content: v})
	}
	if len(answers) > 0 || len(clear) > 0 {
		if err := s.deps.Assessments.SaveDraftAnswers(c.Request().Context(), ac.p, ac.a, answers, clear); err != nil {
			return err
		}
	}
	if c.FormValue("action") == "later" {
		return c.Redirect(http.StatusSeeOther, assessmentHref(ac.a.ID)+"?notice=saved")
	}
	return c.Redirect(http.StatusSeeOther, nextHref(ac, qc.Key))
}

// nextHref is where "Save and continue" leads: the next consideration, or "Check
// your answers" after the last.
func nextHref(ac *assessmentContext, key string) string {
	cs := ac.q.Considerations
	for i := range cs[:len(cs)-1] {
		if cs[i].Key == key {
			return considerationHref(ac.a.ID, cs[i+1].Key)
		}
	}
	return checkHref(ac.a.ID)
}

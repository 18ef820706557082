package web

import (
	"errors"
	"net/http"

	"github.com/labstack/echo/v4"

	"vcready/internal/apperr"
	"vcready/internal/assessment"
	"vcready/internal/auth"
	"vcready/internal/questionnaire"
)

// An assessment: start, the task list, check your answers, submit.
func (s *Server) routesAssessment() {
	s.e.POST("/teams/:id/assessments", s.handleAssessmentStart)
	s.e.GET("/assessments/:id", s.handleAssessmentTasks)
	s.e.GET("/assessments/:id/check", s.handleAssessmentCheck)
	s.e.POST("/assessments/:id/submit", s.handleAssessmentSubmit)
}

// The pages a team answers an assessment on: the task list, one page per
// consideration, "Check your answers" and submission. Every page reads the draft
// afresh, so several members can work on one draft and each sees the others' saved
// answers. A submitted assessment is read-only: its pages lead to the results.

// assessmentNotices are the success messages assessment pages may show after a
// redirect. Like notices, only these keys work, so a link cannot put words of its
// own on a page.
var assessmentNotices = map[string]string{
	"started":   "You have started a new assessment",
	"saved":     "Your answers have been saved",
	"submitted": "Your assessment has been submitted",
}

func assessmentNoticeFor(c echo.Context) string {
	return assessmentNotices[c.QueryParam("notice")]
}

// assessmentContext is what every assessment page works from.
type assessmentContext struct {
	p    *auth.Principal
	a    *assessment.Assessment
	q    *questionnaire.Questionnaire // nil when a submitted assessment's version is no longer loaded
	team assessment.Team
}

func (s *Server) loadAssessment(c echo.Context) (*assessmentContext, error) {
	p, err := requireUser(c)
	if err != nil {
		return nil, err
	}
	ctx := c.Request().Context()
	a, err := s.deps.Assessments.Get(ctx, p, c.Param("id"))
	if err != nil {
		return nil, err
	}
	team, err := s.deps.Assessments.GetTeam(ctx, p, a.TeamID)
	if err != nil {
		return nil, err
	}
	q, _ := s.deps.Assessments.Questionnaire(a)
	return &assessmentContext{p: p, a: a, q: q, team: team}, nil
}

// loadDraft is loadAssessment for the pages that change answers. A submitted
// assessment has no such pages: done is true when the visitor was sent to its results.
func (s *Server) loadDraft(c echo.Context) (ac *assessmentContext, done bool, err error) {
	ac, err = s.loadAssessment(c)
	if err != nil {
		return nil, false, err
	}
	if ac.a.Status == assessment.StatusSubmitted || ac.q == nil {
		return ac, true, c.Redirect(http.StatusSeeOther, resultsHref(ac.a.ID))
	}
	return ac, false, nil
}

func assessmentHref(id string) string { return "/assessments/" + id }
func checkHref(id string) string      { return "/assessments/" + id + "/check" }
func resultsHref(id string) string    { return "/assessments/" + id + "/results" }
func considerationHref(id, key string) string {
	return "/assessments/" + id + "/considerations/" + key
}

// handleAssessmentStart starts a draft on the default questionnaire from the team page.
func (s *Server) handleAssessmentStart(c echo.Context) error {
	p, err := requireUser(c)
	if err != nil {
		return err
	}
	a, err := s.deps.Assessments.Create(c.Request().Context(), p, c.Param("id"), "")
	if err != nil {
		return err
	}
	return c.Redirect(http.StatusSeeOther, assessmentHref(a.ID)+"?notice=started")
}

// handleAssessmentTasks is the task list: the considerations and how far each is done.
func (s *Server) handleAssessmentTasks(c echo.Context) error {
	ac, done, err := s.loadDraft(c)
	if err != nil || done {
		return err
	}
	return s.render(c, http.StatusOK, "assessment", Page{Title: "Your team’s self-assessment", Nav: "home",
		Notice: assessmentNoticeFor(c), Content: newTaskListView(ac)})
}

func (s *Server) handleAssessmentCheck(c echo.Context) error {
	ac, done, err := s.loadDraft(c)
	if err != nil || done {
		return err
	}
	return s.render(c, http.StatusOK, "assessment-check", Page{Title: "Check your answers", Nav: "home",
		Content: newCheckView(ac, nil)})
}

// handleAssessmentSubmit submits the draft. When scored questions are unanswered the
// check page is shown again, listing each one with a link to it on its own page.
func (s *Server) handleAssessmentSubmit(c echo.Context) error {
	ac, err := s.loadAssessment(c)
	if err != nil {
		return err
	}
	if ac.a.Status == assessment.StatusSubmitted {
		return c.Redirect(http.StatusSeeOther, resultsHref(ac.a.ID)) // a second click on Submit
	}
	_, err = s.deps.Assessments.Submit(c.Request().Context(), ac.p, ac.a.ID)
	var ve *apperr.ValidationError
	if errors.As(err, &ve) && ac.q != nil {
		v := newCheckView(ac, ve.Problems)
		// The layout's own error summary only links within a page; this one links to
		// other pages, so the check page draws it and sets the title itself.
		return s.render(c, http.StatusUnprocessableEntity, "assessment-check",
			Page{Title: "Error: Check your answers", Nav: "home", Content: v})
	}
	if err != nil {
		return err
	}
	return c.Redirect(http.StatusSeeOther, resultsHref(ac.a.ID)+"?notice=submitted")
}

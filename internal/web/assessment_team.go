package web

import (
	"fmt"

	"github.com/labstack/echo/v4"

	"vcready/internal/assessment"
)

// assessmentRow is one of a team's assessments as its team page lists it.
type assessmentRow struct {
	ID, Href, LinkText       string
	Status, TagClass         string
	StartedOn, SubmittedOn   string
	Overall                  string // the overall score, or words saying why there is none
	Progress                 string // for a draft: how many required questions are answered
	Submitted, OverallScored bool
}

// addTeamAssessments lists the team's assessments on its page. A draft leads to its
// task list, a submitted one to its results.
func (s *Server) addTeamAssessments(c echo.Context, v *teamView) error {
	p := principal(c)
	list, err := s.deps.Assessments.List(c.Request().Context(), p, v.Team.ID)
	if err != nil {
		return err
	}
	v.CanStart = p.CanWorkOnTeam(v.Team.OrganisationID, v.Team.ID)
	for _, a := range list {
		v.Assessments = append(v.Assessments, newAssessmentRow(a))
	}
	return nil
}

func newAssessmentRow(a assessment.Summary) assessmentRow {
	r := assessmentRow{ID: a.ID, StartedOn: formatDate(a.CreatedAt), Overall: formatScore(a.Overall),
		OverallScored: a.Overall != nil}
	if a.Status == assessment.StatusSubmitted {
		r.Submitted, r.Status, r.TagClass = true, "Submitted", "nhsuk-tag--green"
		r.Href, r.LinkText = resultsHref(a.ID), "View results"
		if a.SubmittedAt != nil {
			r.SubmittedOn = formatDate(*a.SubmittedAt)
		}
		return r
	}
	r.Status, r.TagClass = "Draft", "nhsuk-tag--blue"
	r.Href, r.LinkText = assessmentHref(a.ID), "Continue"
	r.Progress = fmt.Sprintf("%d of %d required questions answered", a.Answered, a.ScoredItems)
	if a.Overall != nil {
		r.Overall += " so far"
	}
	return r
}

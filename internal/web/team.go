package web

import (
	"fmt"
	"net/http"

	"github.com/labstack/echo/v4"

	"vcready/internal/apperr"
	"vcready/internal/assessment"
	"vcready/internal/auth"
	"vcready/internal/report"
)

// A team's page, and creating and editing teams.
func (s *Server) routesTeam() {
	s.e.GET("/organisations/:id/teams/new", s.handleTeamNewForm)
	s.e.POST("/organisations/:id/teams", s.handleTeamSave(false))
	s.e.GET("/teams/:id", s.handleTeam)
	s.e.GET("/teams/:id/edit", s.handleTeamEditForm)
	s.e.POST("/teams/:id/edit", s.handleTeamSave(true))
}

var teamLabels = map[string]string{"name": "Team name", "setting": "Setting", "specialty": "Specialty", "nation": "Nation"}

type teamFormView struct {
	Action, OrganisationID, OrganisationName string
	Name, Setting, Specialty, Nation         string
	Settings, Specialties, Nations           []termView
}

func (s *Server) teamForm(org assessment.Organisation, action string, in assessment.TeamInput) teamFormView {
	voc := s.deps.Assessments.Vocabularies()
	return teamFormView{Action: action, OrganisationID: org.ID, OrganisationName: org.Name,
		Name: in.Name, Setting: in.Setting, Specialty: in.Specialty, Nation: in.Nation,
		Settings: terms(voc.Settings), Specialties: terms(voc.Specialties), Nations: terms(voc.Nations)}
}

func terms(ts []assessment.Term) []termView {
	out := make([]termView, len(ts))
	for i, t := range ts {
		out[i] = termView{t.Key, t.Label}
	}
	return out
}

func teamInput(c echo.Context) assessment.TeamInput {
	return assessment.TeamInput{Name: formValue(c.FormValue, "name"), Setting: c.FormValue("setting"),
		Specialty: c.FormValue("specialty"), Nation: c.FormValue("nation")}
}

// teamFormPage is the team form as one of its handlers found it: the organisation,
// where the form posts, and what the page is called.
type teamFormPage struct {
	p      *auth.Principal
	org    assessment.Organisation
	teamID string // empty when adding a team
	action string
	title  string
}

// teamFormPageFor resolves the organisation (adding) or team (editing) a team form is
// about, and checks that the user may manage it.
func (s *Server) teamFormPageFor(c echo.Context, editing bool) (*teamFormPage, assessment.TeamInput, error) {
	p, err := requireUser(c)
	if err != nil {
		return nil, assessment.TeamInput{}, err
	}
	ctx := c.Request().Context()
	fp := &teamFormPage{p: p, title: "Add a team"}
	var in assessment.TeamInput
	orgID := c.Param("id")
	if editing {
		team, err := s.deps.Assessments.GetTeam(ctx, p, c.Param("id"))
		if err != nil {
			return nil, in, err
		}
		fp.teamID, fp.title, orgID = team.ID, "Edit team", team.OrganisationID
		in = assessment.TeamInput{Name: team.Name, Setting: team.Setting, Specialty: team.Specialty, Nation: team.Nation}
	}
	if fp.org, err = s.deps.Assessments.GetOrganisation(ctx, p, orgID); err != nil {
		return nil, in, err
	}
	if !p.CanManageOrganisation(fp.org.ID) {
		return nil, in, fmt.Errorf("team form of organisation %s: %w", fp.org.ID, apperr.ErrForbidden)
	}
	fp.action = "/organisations/" + fp.org.ID + "/teams"
	if editing {
		fp.action = "/teams/" + fp.teamID + "/edit"
	}
	return fp, in, nil
}

func (s *Server) renderTeamForm(c echo.Context, status int, fp *teamFormPage, in assessment.TeamInput, errs []FieldError) error {
	v := s.teamForm(fp.org, fp.action, in)
	return s.render(c, status, "team-form", Page{Title: fp.title, Errors: errs, Content: v})
}

func (s *Server) handleTeamNewForm(c echo.Context) error {
	fp, in, err := s.teamFormPageFor(c, false)
	if err != nil {
		return err
	}
	return s.renderTeamForm(c, http.StatusOK, fp, in, nil)
}

func (s *Server) handleTeamEditForm(c echo.Context) error {
	fp, in, err := s.teamFormPageFor(c, true)
	if err != nil {
		return err
	}
	return s.renderTeamForm(c, http.StatusOK, fp, in, nil)
}

// handleTeamSave adds a team or saves an edited one; invalid input re-renders the
// form with an error summary and writes nothing.
func (s *Server) handleTeamSave(editing bool) echo.HandlerFunc {
	return func(c echo.Context) error {
		fp, _, err := s.teamFormPageFor(c, editing)
		if err != nil {
			return err
		}
		in, ctx := teamInput(c), c.Request().Context()
		notice := "team-added"
		if editing {
			notice = "team-saved"
			_, err = s.deps.Assessments.UpdateTeam(ctx, fp.p, fp.teamID, in)
		} else {
			_, err = s.deps.Assessments.CreateTeam(ctx, fp.p, fp.org.ID, in)
		}
		if err != nil {
			errs, other := formErrors(err, teamLabels)
			if other != nil {
				return other
			}
			return s.renderTeamForm(c, http.StatusUnprocessableEntity, fp, in, errs)
		}
		return c.Redirect(http.StatusSeeOther, "/organisations/"+fp.org.ID+"?notice="+notice)
	}
}

type teamView struct {
	Team                       assessment.Team
	OrganisationName           string
	Setting, Specialty, Nation string
	CanManage                  bool
	// Assessments are the team's assessments, newest first; CanStart offers "Start a
	// new assessment" to those who may work on the team (its members, the
	// organisation's leads, admins).
	Assessments []assessmentRow
	CanStart    bool
}

// teamPageView gathers what the team page shows about the team itself.
func (s *Server) teamPageView(c echo.Context) (teamView, error) {
	p, err := requireUser(c)
	if err != nil {
		return teamView{}, err
	}
	ctx := c.Request().Context()
	team, err := s.deps.Assessments.GetTeam(ctx, p, c.Param("id"))
	if err != nil {
		return teamView{}, err
	}
	v := teamView{Team: team, CanManage: p.CanManageOrganisation(team.OrganisationID)}
	if org, err := s.deps.Assessments.GetOrganisation(ctx, p, team.OrganisationID); err == nil {
		v.OrganisationName = org.Name
	}
	voc := s.deps.Assessments.Vocabularies()
	v.Setting, v.Specialty, v.Nation = voc.SettingLabel(team.Setting), voc.SpecialtyLabel(team.Specialty), voc.NationLabel(team.Nation)
	return v, nil
}

func (s *Server) handleTeam(c echo.Context) error {
	v, err := s.teamPageView(c)
	if err != nil {
		return err
	}
	if err := s.addTeamAssessments(c, &v); err != nil {
		return err
	}
	return s.render(c, http.StatusOK, "team", Page{Title: v.Team.Name, Nav: "home", Notice: noticeFor(c), Content: v})
}

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
	r := assessmentRow{ID: a.ID, StartedOn: report.Date(a.CreatedAt), Overall: report.Score(a.Overall),
		OverallScored: a.Overall != nil}
	if a.Status == assessment.StatusSubmitted {
		r.Submitted, r.Status, r.TagClass = true, "Submitted", "nhsuk-tag--green"
		r.Href, r.LinkText = resultsHref(a.ID), "View results"
		if a.SubmittedAt != nil {
			r.SubmittedOn = report.Date(*a.SubmittedAt)
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

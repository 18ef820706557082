package web

import (
	"net/http"

	"github.com/labstack/echo/v4"

	"vcready/internal/assessment"
)

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

func (s *Server) handleTeamNewForm(c echo.Context) error {
	p, err := requireUser(c)
	if err != nil {
		return err
	}
	org, err := s.deps.Assessments.GetOrganisation(c.Request().Context(), p, c.Param("id"))
	if err != nil {
		return err
	}
	if !p.CanManageOrganisation(org.ID) {
		return echo.ErrForbidden
	}
	v := s.teamForm(org, "/organisations/"+org.ID+"/teams", assessment.TeamInput{})
	return s.render(c, http.StatusOK, "team-form", Page{Title: "Add a team", Content: v})
}

func (s *Server) handleTeamCreate(c echo.Context) error {
	p, err := requireUser(c)
	if err != nil {
		return err
	}
	ctx := c.Request().Context()
	org, err := s.deps.Assessments.GetOrganisation(ctx, p, c.Param("id"))
	if err != nil {
		return err
	}
	in := teamInput(c)
	if _, err := s.deps.Assessments.CreateTeam(ctx, p, org.ID, in); err != nil {
		errs, other := formErrors(err, teamLabels)
		if other != nil {
			return other
		}
		v := s.teamForm(org, "/organisations/"+org.ID+"/teams", in)
		return s.render(c, http.StatusUnprocessableEntity, "team-form", Page{Title: "Add a team", Errors: errs, Content: v})
	}
	return c.Redirect(http.StatusSeeOther, "/organisations/"+org.ID+"?notice=team-added")
}

func (s *Server) handleTeamEditForm(c echo.Context) error {
	p, err := requireUser(c)
	if err != nil {
		return err
	}
	ctx := c.Request().Context()
	team, err := s.deps.Assessments.GetTeam(ctx, p, c.Param("id"))
	if err != nil {
		return err
	}
	if !p.CanManageOrganisation(team.OrganisationID) {
		return echo.ErrForbidden
	}
	org, err := s.deps.Assessments.GetOrganisation(ctx, p, team.OrganisationID)
	if err != nil {
		return err
	}
	in := assessment.TeamInput{Name: team.Name, Setting: team.Setting, Specialty: team.Specialty, Nation: team.Nation}
	v := s.teamForm(org, "/teams/"+team.ID+"/edit", in)
	return s.render(c, http.StatusOK, "team-form", Page{Title: "Edit team", Content: v})
}

func (s *Server) handleTeamUpdate(c echo.Context) error {
	p, err := requireUser(c)
	if err != nil {
		return err
	}
	ctx := c.Request().Context()
	team, err := s.deps.Assessments.GetTeam(ctx, p, c.Param("id"))
	if err != nil {
		return err
	}
	in := teamInput(c)
	if _, err := s.deps.Assessments.UpdateTeam(ctx, p, team.ID, in); err != nil {
		errs, other := formErrors(err, teamLabels)
		if other != nil {
			return other
		}
		org, err := s.deps.Assessments.GetOrganisation(ctx, p, team.OrganisationID)
		if err != nil {
			return err
		}
		v := s.teamForm(org, "/teams/"+team.ID+"/edit", in)
		return s.render(c, http.StatusUnprocessableEntity, "team-form", Page{Title: "Edit team", Errors: errs, Content: v})
	}
	return c.Redirect(http.StatusSeeOther, "/organisations/"+team.OrganisationID+"?notice=team-saved")
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

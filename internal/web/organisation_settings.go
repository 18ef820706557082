package web

import (
	"fmt"
	"net/http"

	"github.com/labstack/echo/v4"

	"vcready/internal/apperr"
	"vcready/internal/assessment"
	"vcready/internal/auth"
)

// An organisation's settings page for its leads and admins: whether its teams'
// results are shared with other organisations, and published as open data
// (SCORING.md "Cohort privacy" and "Open data").
func (s *Server) routesOrganisationSettings() {
	s.e.GET("/organisations/:id/settings", s.handleOrganisationSettingsForm)
	s.e.POST("/organisations/:id/settings", s.handleOrganisationSettingsSave)
}

var organisationSettingsLabels = map[string]string{
	"share": "Share our teams' results with other organisations", "publish": "Publish our anonymous results as open data"}

type organisationSettingsView struct {
	Organisation   assessment.Organisation
	Share, Publish bool
}

// settingsOrganisation returns the organisation if p may change its settings: not
// found when p may not see it, forbidden for its members.
func (s *Server) settingsOrganisation(c echo.Context) (*auth.Principal, assessment.Organisation, error) {
	p, err := requireUser(c)
	if err != nil {
		return nil, assessment.Organisation{}, err
	}
	org, err := s.deps.Assessments.GetOrganisation(c.Request().Context(), p, c.Param("id"))
	if err != nil {
		return nil, org, err
	}
	if !p.CanManageOrganisation(org.ID) {
		return nil, org, fmt.Errorf("settings of organisation %s: %w", org.ID, apperr.ErrForbidden)
	}
	return p, org, nil
}

func (s *Server) handleOrganisationSettingsForm(c echo.Context) error {
	_, org, err := s.settingsOrganisation(c)
	if err != nil {
		return err
	}
	v := organisationSettingsView{Organisation: org, Share: org.ShareWithOtherOrganisations, Publish: org.PublishOpenData}
	return s.render(c, http.StatusOK, "organisation-settings", Page{Title: "Organisation settings", Notice: noticeFor(c), Content: v})
}

// handleOrganisationSettingsSave saves both settings: a checkbox left unticked is
// sent as nothing, so absent means off. Anything but "yes" is refused.
func (s *Server) handleOrganisationSettingsSave(c echo.Context) error {
	p, org, err := s.settingsOrganisation(c)
	if err != nil {
		return err
	}
	v := organisationSettingsView{Organisation: org, Share: c.FormValue("share") == "yes", Publish: c.FormValue("publish") == "yes"}
	err = checkboxes(c, "share", "publish")
	if err == nil {
		_, err = s.deps.Assessments.UpdateOrganisation(c.Request().Context(), p, org.ID,
			assessment.OrganisationUpdate{ShareWithOtherOrganisations: &v.Share, PublishOpenData: &v.Publish})
	}
	if err != nil {
		errs, other := formErrors(err, organisationSettingsLabels)
		if other != nil {
			return other
		}
		return s.render(c, http.StatusUnprocessableEntity, "organisation-settings", Page{Title: "Organisation settings", Errors: errs, Content: v})
	}
	return c.Redirect(http.StatusSeeOther, "/organisations/"+org.ID+"/settings?notice=settings-saved")
}

// checkboxes refuses a value other than "yes" or nothing for each named checkbox:
// only a hand-made request sends one, and guessing what it meant could share data.
func checkboxes(c echo.Context, names ...string) error {
	var ps []apperr.FieldProblem
	for _, n := range names {
		if v := c.FormValue(n); v != "" && v != "yes" {
			ps = append(ps, apperr.FieldProblem{Field: n, Problem: "Select the box or leave it empty"})
		}
	}
	if len(ps) > 0 {
		return apperr.Invalid("Check the settings", ps...)
	}
	return nil
}

// settingBoxView is one settings checkbox with its label, state and error.
type settingBoxView struct {
	Name, Label, Error string
	Checked            bool
}

func settingBox(p Page, name, label string, checked bool) settingBoxView {
	return settingBoxView{Name: name, Label: label, Error: p.ErrorFor(name), Checked: checked}
}

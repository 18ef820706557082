package api

import (
	"net/http"
	"time"

	"github.com/labstack/echo/v4"

	"vcready/internal/assessment"
)

// The organisation endpoints: list the ones the caller may see, read one, (admins)
// create one, and (its leads and admins) change its settings.

func (s *server) routesOrganisations(g *echo.Group) {
	g.GET("/organisations", s.handleOrganisationList)
	g.POST("/organisations", s.handleOrganisationCreate)
	g.GET("/organisations/:id", s.handleOrganisationGet)
	g.PATCH("/organisations/:id", s.handleOrganisationUpdate)
}

type organisationRequest struct {
	Name string `json:"name" validate:"required,max=120"`
}

// organisationJSON is an organisation as the API shows it (API.md: {id, name}).
type organisationJSON struct {
	ID   string `json:"id"`
	Name string `json:"name"`
	// Demo marks the synthetic organisation of serve --demo.
	Demo      bool      `json:"demo"`
	CreatedAt time.Time `json:"created_at"`
	// The settings of SCORING.md "Cohort privacy" and "Open data".
	ShareWithOtherOrganisations bool `json:"share_with_other_organisations"`
	PublishOpenData             bool `json:"publish_open_data"`
}

func newOrganisationJSON(o assessment.Organisation) organisationJSON {
	return organisationJSON{ID: o.ID, Name: o.Name, Demo: o.Demo, CreatedAt: o.CreatedAt,
		ShareWithOtherOrganisations: o.ShareWithOtherOrganisations, PublishOpenData: o.PublishOpenData}
}

// organisationUpdateRequest is the body of PATCH /organisations/{id}: absent fields
// stay as they are.
type organisationUpdateRequest struct {
	Name                        *string `json:"name" validate:"omitnil,max=120"`
	ShareWithOtherOrganisations *bool   `json:"share_with_other_organisations"`
	PublishOpenData             *bool   `json:"publish_open_data"`
}

// handleOrganisationUpdate changes an organisation's settings, or (admins) its name.
func (s *server) handleOrganisationUpdate(c echo.Context) error {
	p, err := requireUser(c)
	if err != nil {
		return err
	}
	var req organisationUpdateRequest
	if err := bindJSON(c, &req); err != nil {
		return err
	}
	org, err := s.deps.Assessments.UpdateOrganisation(c.Request().Context(), p, c.Param("id"), assessment.OrganisationUpdate{
		Name: req.Name, ShareWithOtherOrganisations: req.ShareWithOtherOrganisations, PublishOpenData: req.PublishOpenData})
	if err != nil {
		return err
	}
	return c.JSON(http.StatusOK, newOrganisationJSON(org))
}

func (s *server) handleOrganisationCreate(c echo.Context) error {
	p, err := requireUser(c)
	if err != nil {
		return err
	}
	var req organisationRequest
	if err := bindJSON(c, &req); err != nil {
		return err
	}
	org, err := s.deps.Assessments.CreateOrganisation(c.Request().Context(), p, req.Name)
	if err != nil {
		return err
	}
	return c.JSON(http.StatusCreated, newOrganisationJSON(org))
}

func (s *server) handleOrganisationList(c echo.Context) error {
	p, err := requireUser(c)
	if err != nil {
		return err
	}
	orgs, err := s.deps.Assessments.ListOrganisations(c.Request().Context(), p)
	if err != nil {
		return err
	}
	return c.JSON(http.StatusOK, listJSON(orgs, newOrganisationJSON))
}

func (s *server) handleOrganisationGet(c echo.Context) error {
	p, err := requireUser(c)
	if err != nil {
		return err
	}
	org, err := s.deps.Assessments.GetOrganisation(c.Request().Context(), p, c.Param("id"))
	if err != nil {
		return err
	}
	return c.JSON(http.StatusOK, newOrganisationJSON(org))
}

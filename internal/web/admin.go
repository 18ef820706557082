package web

import (
	"net/http"
	"sort"
	"vcready/internal/apperr"
	"vcready/internal/assessment"

	"github.com/labstack/echo/v4"
)

// Running the service: the admin home (organisations), creating an organisation, and
// the audit log.
func (s *Server) routesAdmin() {
	s.e.GET("/admin", s.handleAdmin)
	s.e.POST("/admin/organisations", s.handleAdminCreateOrganisation)
	s.e.GET("/admin/audit", s.handleAudit)
}

func (s *Server) handleAdmin(c echo.Context) error {
	return s.renderAdmin(c, http.StatusOK, nil, "")
}

func (s *Server) renderAdmin(c echo.Context, status int, errs []FieldError, name string) error {
	p, err := requireUser(c)
	if err != nil {
		return err
	}
	if !p.CanAdminister() {
		return apperr.ErrNotFound // the admin pages do not exist for anyone else
	}
	orgs, err := s.deps.Assessments.ListOrganisations(c.Request().Context(), p)
	if err != nil {
		return err
	}
	sort.Slice(orgs, func(i, j int) bool { return orgs[i].Name < orgs[j].Name })
	return s.render(c, status, "admin", Page{Title: "Administration", Nav: "home", Errors: errs,
		Notice: noticeFor(c), Content: adminView{Organisations: orgs, Name: name, Backups: s.deps.Backups.Enabled()}})
}

func (s *Server) handleAdminCreateOrganisation(c echo.Context) error {
	p, err := requireUser(c)
	if err != nil {
		return err
	}
	name := formValue(c.FormValue, "name")
	org, err := s.deps.Assessments.CreateOrganisation(c.Request().Context(), p, name)
	if err != nil {
		errs, other := formErrors(err, map[string]string{"name": "Organisation name"})
		if other != nil {
			return other
		}
		return s.renderAdmin(c, http.StatusUnprocessableEntity, errs, name)
	}
	return c.Redirect(http.StatusSeeOther, "/organisations/"+org.ID+"?notice=organisation-added")
}

func (s *Server) handleAudit(c echo.Context) error {
	p, err := requireUser(c)
	if err != nil {
		return err
	}
	if !p.CanReadAudit() {
		return apperr.ErrNotFound // the admin pages do not exist for anyone else
	}
	events, err := s.deps.Accounts.ListAudit(c.Request().Context(), p, 200, 0)
	if err != nil {
		return err
	}
	rows := make([]auditRow, 0, len(events))
	for _, e := range events {
		actor := e.ActorEmail
		if actor == "" {
			actor = "command line"
		}
		rows = append(rows, auditRow{At: e.At.UTC().Format("2006-01-02 15:04:05"), Actor: actor, Action: string(e.Action),
			Detail: e.Detail, Target: e.Target, IP: e.IP})
	}
	return s.render(c, http.StatusOK, "audit", Page{Title: "Audit log", Nav: "home", Content: rows})
}

type adminView struct {
	Organisations []assessment.Organisation
	Name          string
	Backups       bool // the backups page exists (a backup directory is set)
}

type auditRow struct{ At, Actor, Action, Detail, Target, IP string }

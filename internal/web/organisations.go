package web

import (
	"net/http"
	"sort"
	"time"

	"github.com/labstack/echo/v4"

	"vcready/internal/assessment"
	"vcready/internal/auth"
)

type organisationView struct {
	Organisation assessment.Organisation
	Teams        []teamRow
	Members      []memberRow
	Invitations  []invitationRow
}

type teamRow struct{ ID, Name, Setting, Specialty, Nation string }

type memberRow struct {
	ID, Name, Email, Role, Team string
	Removable                   bool
}

type invitationRow struct{ Email, What, Expires string }

// handleOrganisation is a lead's overview: teams, people and pending invitations.
func (s *Server) handleOrganisation(c echo.Context) error {
	p, err := requireUser(c)
	if err != nil {
		return err
	}
	ctx, id := c.Request().Context(), c.Param("id")
	org, err := s.deps.Assessments.GetOrganisation(ctx, p, id)
	if err != nil {
		return err
	}
	teams, err := s.deps.Assessments.ListTeams(ctx, p, id)
	if err != nil {
		return err
	}
	users, err := s.deps.Accounts.ListUsers(ctx, p, id)
	if err != nil {
		return err
	}
	invs, err := s.deps.Accounts.ListInvitations(ctx, p, id)
	if err != nil {
		return err
	}
	v := organisationView{Organisation: org}
	names := map[string]string{}
	voc := s.deps.Assessments.Vocabularies()
	for _, t := range teams {
		names[t.ID] = t.Name
		v.Teams = append(v.Teams, teamRow{t.ID, t.Name, voc.SettingLabel(t.Setting), voc.SpecialtyLabel(t.Specialty), voc.NationLabel(t.Nation)})
	}
	for _, u := range users {
		v.Members = append(v.Members, memberRow{ID: u.ID, Name: u.Name, Email: u.Email, Role: roleLabel(u.Role),
			Team: names[u.TeamID], Removable: u.ID != p.UserID})
	}
	for _, inv := range invs {
		what := "improvement lead"
		if inv.TeamID != "" {
			what = "member of " + names[inv.TeamID]
		}
		v.Invitations = append(v.Invitations, invitationRow{inv.Email, what, formatDate(inv.ExpiresAt)})
	}
	return s.render(c, http.StatusOK, "organisation", Page{Title: org.Name, Nav: "home", Notice: noticeFor(c), Content: v})
}

func roleLabel(r auth.Role) string {
	switch r {
	case auth.RoleAdmin:
		return "Administrator"
	case auth.RoleLead:
		return "Improvement lead"
	}
	return "Team member"
}

func formatDate(t time.Time) string { return t.UTC().Format("2 January 2006") }

type removePersonView struct {
	OrganisationID, OrganisationName, UserID, Name, Email string
}

// handleRemovePersonConfirm asks before removing someone: it cannot be undone.
func (s *Server) handleRemovePersonConfirm(c echo.Context) error {
	p, err := requireUser(c)
	if err != nil {
		return err
	}
	ctx := c.Request().Context()
	org, err := s.deps.Assessments.GetOrganisation(ctx, p, c.Param("id"))
	if err != nil {
		return err
	}
	u, err := s.deps.Accounts.GetUser(ctx, p, c.Param("user"))
	if err != nil || u.OrganisationID != org.ID || !p.CanManageOrganisation(org.ID) {
		return echo.ErrNotFound
	}
	name := u.Name
	if name == "" {
		name = u.Email
	}
	v := removePersonView{OrganisationID: org.ID, OrganisationName: org.Name, UserID: u.ID, Name: name, Email: u.Email}
	return s.render(c, http.StatusOK, "remove-person", Page{Title: "Remove " + name, Content: v})
}

// handleRemovePerson removes a member or co-lead from the organisation.
func (s *Server) handleRemovePerson(c echo.Context) error {
	p, err := requireUser(c)
	if err != nil {
		return err
	}
	if err := s.deps.Accounts.RemoveUser(c.Request().Context(), p, c.Param("user")); err != nil {
		return err
	}
	return c.Redirect(http.StatusSeeOther, "/organisations/"+c.Param("id")+"?notice=person-removed")
}

type adminView struct {
	Organisations []assessment.Organisation
	Name          string
}

func (s *Server) handleAdmin(c echo.Context) error {
	return s.renderAdmin(c, http.StatusOK, nil, "")
}

func (s *Server) renderAdmin(c echo.Context, status int, errs []FieldError, name string) error {
	p, err := requireUser(c)
	if err != nil {
		return err
	}
	if !p.IsAdmin() {
		return echo.ErrNotFound
	}
	orgs, err := s.deps.Assessments.ListOrganisations(c.Request().Context(), p)
	if err != nil {
		return err
	}
	sort.Slice(orgs, func(i, j int) bool { return orgs[i].Name < orgs[j].Name })
	return s.render(c, status, "admin", Page{Title: "Administration", Nav: "home", Errors: errs,
		Notice: noticeFor(c), Content: adminView{Organisations: orgs, Name: name}})
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

type auditRow struct{ At, Actor, Action, Detail, Target, IP string }

func (s *Server) handleAudit(c echo.Context) error {
	p, err := requireUser(c)
	if err != nil {
		return err
	}
	if !p.IsAdmin() {
		return echo.ErrNotFound
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

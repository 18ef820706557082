package web

import (
	"fmt"
	"net/http"

	"github.com/labstack/echo/v4"

	"vcready/internal/apperr"
	"vcready/internal/assessment"
	"vcready/internal/report"
)

// An organisation's page for its leads: teams, people and invitations.
func (s *Server) routesOrganisation() {
	s.e.GET("/organisations/:id", s.handleOrganisation)
	s.e.GET("/organisations/:id/people/:user/remove", s.handleRemovePersonConfirm)
	s.e.POST("/organisations/:id/people/:user/remove", s.handleRemovePerson)
}

type organisationView struct {
	Organisation assessment.Organisation
	Teams        []teamRow   // this page's teams
	Members      []memberRow // this page's people
	TeamPager    pager
	PeoplePager  pager
	Invitations  []invitationRow
	// Latest is each team's latest submitted overall score, by team id (comparison.go).
	Latest map[string]*latestScore
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
	cmpn, err := s.deps.Assessments.Compare(ctx, p, id, assessment.ComparisonFilter{})
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
	// Teams and people are paged apart (?page= and ?people=), each link keeping the
	// other table's page, so a large organisation's page stays small (issue 11).
	tp, err := pageOf(c.QueryParam("page"), len(cmpn.Teams))
	if err != nil {
		return err
	}
	pp, err := pageOf(c.QueryParam("people"), len(users))
	if err != nil {
		return err
	}
	teams := pageSlice(cmpn.Teams, tp)
	v := organisationView{Organisation: org, Latest: latestScores(teams),
		TeamPager: newPager("Teams pages", "teams", tp, len(cmpn.Teams),
			func(n int) string { return orgPageHref(org.ID, n, pp, "teams") }),
		PeoplePager: newPager("People pages", "people", pp, len(users),
			func(n int) string { return orgPageHref(org.ID, tp, n, "people") }),
	}
	names := map[string]string{}
	for _, r := range cmpn.Teams {
		names[r.Team.ID] = r.Team.Name
	}
	voc := s.deps.Assessments.Vocabularies()
	for _, r := range teams {
		t := r.Team
		v.Teams = append(v.Teams, teamRow{t.ID, t.Name, voc.SettingLabel(t.Setting), voc.SpecialtyLabel(t.Specialty), voc.NationLabel(t.Nation)})
	}
	for _, u := range pageSlice(users, pp) {
		v.Members = append(v.Members, memberRow{ID: u.ID, Name: u.Name, Email: u.Email, Role: report.Role(string(u.Role)),
			Team: names[u.TeamID], Removable: u.ID != p.UserID})
	}
	for _, inv := range invs {
		what := "improvement lead"
		if inv.TeamID != "" {
			what = "member of " + names[inv.TeamID]
		}
		v.Invitations = append(v.Invitations, invitationRow{inv.Email, what, report.Date(inv.ExpiresAt)})
	}
	return s.render(c, http.StatusOK, "organisation", Page{Title: org.Name, Nav: "home", Notice: noticeFor(c), Content: v})
}

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
	if err != nil {
		return err // not visible is already a not-found; a database failure stays a 500
	}
	if u.OrganisationID != org.ID || !p.CanRemoveUser(u.Role, org.ID) {
		return fmt.Errorf("person %s: %w", u.ID, apperr.ErrNotFound)
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

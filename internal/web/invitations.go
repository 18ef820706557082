package web

import (
	"net/http"
	"strings"

	"github.com/labstack/echo/v4"

	"vcready/internal/assessment"
	"vcready/internal/auth"
	"vcready/internal/report"
)

// Leads invite people to their organisation.
func (s *Server) routesInvitations() {
	s.e.GET("/organisations/:id/invitations/new", s.handleInviteForm)
	s.e.POST("/organisations/:id/invitations", s.handleInviteCreate)
}

var inviteLabels = map[string]string{"email": "Email address", "role": "Role", "team_id": "Team", "organisation_id": "Organisation"}

type inviteFormView struct {
	OrganisationID, OrganisationName string
	Email, Role, TeamID              string
	Teams                            []termView
}

func (s *Server) inviteForm(c echo.Context, p *auth.Principal, org assessment.Organisation, email, role, team string) (inviteFormView, error) {
	teams, err := s.deps.Assessments.ListTeams(c.Request().Context(), p, org.ID)
	if err != nil {
		return inviteFormView{}, err
	}
	v := inviteFormView{OrganisationID: org.ID, OrganisationName: org.Name, Email: email, Role: role, TeamID: team}
	for _, t := range teams {
		v.Teams = append(v.Teams, termView{t.ID, t.Name})
	}
	return v, nil
}

func (s *Server) handleInviteForm(c echo.Context) error {
	p, err := requireUser(c)
	if err != nil {
		return err
	}
	org, err := s.deps.Assessments.GetOrganisation(c.Request().Context(), p, c.Param("id"))
	if err != nil {
		return err
	}
	v, err := s.inviteForm(c, p, org, "", "member", c.QueryParam("team"))
	if err != nil {
		return err
	}
	return s.render(c, http.StatusOK, "invite", Page{Title: "Invite someone", Content: v})
}

type invitationCreatedView struct {
	Email, Link, Expires, OrganisationID, OrganisationName string
}

func (s *Server) handleInviteCreate(c echo.Context) error {
	p, err := requireUser(c)
	if err != nil {
		return err
	}
	ctx := c.Request().Context()
	org, err := s.deps.Assessments.GetOrganisation(ctx, p, c.Param("id"))
	if err != nil {
		return err
	}
	email, role, team := formValue(c.FormValue, "email"), c.FormValue("role"), c.FormValue("team_id")
	if role == string(auth.RoleLead) {
		team = ""
	}
	inv, token, err := s.deps.Accounts.Invite(ctx, p, auth.InviteInput{Email: email, Role: auth.Role(role), OrganisationID: org.ID, TeamID: team})
	if err != nil {
		errs, other := formErrors(err, inviteLabels)
		if other != nil {
			return other
		}
		v, verr := s.inviteForm(c, p, org, email, role, team)
		if verr != nil {
			return verr
		}
		return s.render(c, http.StatusUnprocessableEntity, "invite", Page{Title: "Invite someone", Errors: errs, Content: v})
	}
	v := invitationCreatedView{Email: inv.Email, Link: s.absoluteURL(c, "/invitations/"+token),
		Expires: report.Date(inv.ExpiresAt), OrganisationID: org.ID, OrganisationName: org.Name}
	return s.render(c, http.StatusCreated, "invitation-created", Page{Title: "Invitation created", Content: v})
}

// absoluteURL makes a link someone can open from an email or chat message.
func (s *Server) absoluteURL(c echo.Context, path string) string {
	if s.cfg.BaseURL != "" {
		return strings.TrimSuffix(s.cfg.BaseURL, "/") + path
	}
	return c.Scheme() + "://" + c.Request().Host + path
}

package web

import (
	"errors"
	"net/http"

	"github.com/labstack/echo/v4"

	"vcready/internal/apperr"
	"vcready/internal/auth"
)

// Arriving: the first-run set-up link, and accepting an invitation.
func (s *Server) routesOnboarding() {
	s.e.GET("/setup/:token", s.handleSetupForm)
	s.e.POST("/setup/:token", s.handleSetup)
	s.e.GET("/invitations/:token", s.handleInvitationForm)
	s.e.POST("/invitations/:token", s.handleInvitationAccept)
}

var accountLabels = map[string]string{"name": "Name", "email": "Email address", "password": "Password"}

type setupView struct{ Token, Name, Email string }

// handleSetupForm shows the one-time form that creates the first administrator. The
// link is printed on the console of `vcready serve` while no admin exists.
func (s *Server) handleSetupForm(c echo.Context) error {
	token := c.Param("token")
	if err := s.deps.Accounts.CheckSetupToken(c.Request().Context(), token); err != nil {
		return s.linkProblem(c, err, "This set-up link cannot be used")
	}
	return s.render(c, http.StatusOK, "setup", Page{Title: "Set up vcready", Content: setupView{Token: token}})
}

func (s *Server) handleSetup(c echo.Context) error {
	v := setupView{Token: c.Param("token"), Name: formValue(c.FormValue, "name"), Email: formValue(c.FormValue, "email")}
	u, err := s.deps.Accounts.CompleteSetup(c.Request().Context(), v.Token, v.Email, v.Name, c.FormValue("password"))
	if err != nil {
		errs, other := formErrors(err, accountLabels)
		if other != nil {
			return s.linkProblem(c, other, "This set-up link cannot be used")
		}
		return s.render(c, http.StatusUnprocessableEntity, "setup", Page{Title: "Set up vcready", Errors: errs, Content: v})
	}
	return s.startSession(c, u, "/admin")
}

type invitationView struct {
	Token, Email, Name, Where, RoleText string
}

func (s *Server) invitationView(c echo.Context, token string) (invitationView, error) {
	inv, err := s.deps.Accounts.InvitationByToken(c.Request().Context(), token)
	if err != nil {
		return invitationView{}, err
	}
	v := invitationView{Token: token, Email: inv.Email, RoleText: "a team member", Where: "your organisation"}
	if inv.Role == auth.RoleLead {
		v.RoleText = "an improvement lead"
	}
	// The invitee may see what they are invited to, and nothing more.
	invitee := &auth.Principal{Role: inv.Role, OrganisationID: inv.OrganisationID, TeamID: inv.TeamID}
	if org, err := s.deps.Assessments.GetOrganisation(c.Request().Context(), invitee, inv.OrganisationID); err == nil {
		v.Where = org.Name
	}
	if inv.TeamID != "" {
		if team, err := s.deps.Assessments.GetTeam(c.Request().Context(), invitee, inv.TeamID); err == nil {
			v.Where = team.Name + ", " + v.Where
		}
	}
	return v, nil
}

func (s *Server) handleInvitationForm(c echo.Context) error {
	v, err := s.invitationView(c, c.Param("token"))
	if err != nil {
		return s.linkProblem(c, err, "This invitation link cannot be used")
	}
	return s.render(c, http.StatusOK, "invitation", Page{Title: "Create your account", Content: v})
}

func (s *Server) handleInvitationAccept(c echo.Context) error {
	v, err := s.invitationView(c, c.Param("token"))
	if err != nil {
		return s.linkProblem(c, err, "This invitation link cannot be used")
	}
	v.Name = formValue(c.FormValue, "name")
	u, err := s.deps.Accounts.AcceptInvitation(c.Request().Context(), v.Token, v.Name, c.FormValue("password"))
	if err != nil {
		errs, other := formErrors(err, accountLabels)
		if other != nil {
			return s.linkProblem(c, other, "This invitation link cannot be used")
		}
		return s.render(c, http.StatusUnprocessableEntity, "invitation", Page{Title: "Create your account", Errors: errs, Content: v})
	}
	return s.startSession(c, u, "")
}

// linkProblem explains why a one-time link does not work: unknown, used or expired.
// Other errors go to the error handler.
func (s *Server) linkProblem(c echo.Context, err error, title string) error {
	switch {
	case errors.Is(err, apperr.ErrNotFound):
		return s.render(c, http.StatusNotFound, "link-problem", Page{Title: title,
			Content: "The link is not right. Check you copied the whole link."})
	case errors.Is(err, apperr.ErrConflict):
		return s.render(c, http.StatusConflict, "link-problem", Page{Title: title, Content: apperr.PublicMessage(err)})
	}
	return err
}

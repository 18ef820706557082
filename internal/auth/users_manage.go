package auth

import (
	"context"
	"fmt"

	"vcready/internal/apperr"
)

// RemoveUser deletes a user with their sessions and API tokens. A lead removes members
// and co-leads of their organisation; an admin removes anyone. Nobody removes
// themselves, so the last admin cannot disappear.
func (s *Service) RemoveUser(ctx context.Context, p *Principal, userID string) error {
	a, err := s.visibleAccount(ctx, p, userID)
	if err != nil {
		return err
	}
	switch {
	case a.ID == p.UserID:
		return apperr.Forbidden("You cannot remove yourself")
	case !p.CanRemoveUser(a.Role, a.OrganisationID):
		return apperr.Forbidden("You cannot remove this user")
	}
	if err := s.st.DeleteUser(ctx, a.ID); err != nil {
		return fmt.Errorf("remove user %s: %w", a.ID, err)
	}
	e := actorEvent(p, ActionUserRemoved)
	e.Target, e.OrganisationID, e.Detail = a.ID, a.OrganisationID, fmt.Sprintf("%s, %s", a.Email, a.Role)
	s.record(ctx, e)
	return nil
}

// SetRole gives a user a new role, organisation and team, which must fit together as
// for CreateUser. Admins only, and not on themselves, so the last admin cannot
// demote themselves. The user's sessions carry on: every request reads the user
// afresh, so the new role applies at once.
func (s *Service) SetRole(ctx context.Context, p *Principal, userID string, role Role, organisationID, teamID string) (User, error) {
	a, err := s.visibleAccount(ctx, p, userID)
	if err != nil {
		return User{}, err
	}
	switch {
	case !p.CanChangeRole():
		return User{}, apperr.Forbidden("Only admins can change a user's role")
	case a.ID == p.UserID:
		return User{}, apperr.Forbidden("You cannot change your own role")
	}
	org, team, err := s.placement(ctx, p, role, organisationID, teamID)
	if err != nil {
		return User{}, err
	}
	if err := s.st.UpdateUserRole(ctx, a.ID, role, org, team); err != nil {
		return User{}, fmt.Errorf("change role of user %s: %w", a.ID, err)
	}
	e := actorEvent(p, ActionRoleChanged)
	e.Target, e.OrganisationID = a.ID, org
	e.Detail = fmt.Sprintf("%s: %s -> %s (organisation %q, team %q)", a.Email, a.Role, role, org, team)
	s.record(ctx, e)
	a.Role, a.OrganisationID, a.TeamID = role, org, team
	return a.User, nil
}

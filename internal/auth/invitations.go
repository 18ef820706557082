package auth

import (
	"context"
	"errors"
	"fmt"
	"time"

	"vcready/internal/apperr"
	"vcready/internal/id"
)

// Invitation asks someone to join an organisation as a lead, or one of its teams as
// a member. Its link carries a secret token that works once, until ExpiresAt.
type Invitation struct {
	ID             string
	Email          string
	Role           Role // lead or member
	OrganisationID string
	TeamID         string // members only
	InvitedBy      string // user id
	CreatedAt      time.Time
	ExpiresAt      time.Time
	UsedAt         *time.Time
}

// InviteInput is what Invite needs. A member invitation names a team; its
// organisation, if given, must be the team's.
type InviteInput struct {
	Email          string
	Role           Role
	OrganisationID string
	TeamID         string
}

// Errors for an invitation link that no longer works. Both are conflicts (409) whose
// text is the message to show.
var (
	ErrInvitationUsed    = apperr.Conflict("This invitation link has already been used")
	ErrInvitationExpired = apperr.Conflict("This invitation link has expired. Ask your lead for a new one")
)

// Invite creates an invitation for p, a lead of the organisation or an admin, and
// returns it with the token for its link (shown once; only its hash is stored). The
// email address must not belong to an account already.
func (s *Service) Invite(ctx context.Context, p *Principal, in InviteInput) (Invitation, string, error) {
	if p == nil {
		return Invitation{}, "", apperr.ErrUnauthenticated
	}
	if in.Role != RoleLead && in.Role != RoleMember {
		return Invitation{}, "", invalid("role", "Choose lead or member")
	}
	org, team, err := s.placement(ctx, p, in.Role, in.OrganisationID, in.TeamID)
	if err != nil {
		return Invitation{}, "", err
	}
	if !p.CanManageOrganisation(org) {
		return Invitation{}, "", apperr.Forbidden("Only leads can invite people")
	}
	email, err := s.newEmail(ctx, in.Email)
	if err != nil {
		return Invitation{}, "", err
	}
	token, now := newSecret(), s.now()
	inv := Invitation{ID: id.New(), Email: email, Role: in.Role, OrganisationID: org, TeamID: team,
		InvitedBy: p.UserID, CreatedAt: now, ExpiresAt: now.Add(s.opts.InvitationTTL)}
	if err := s.st.CreateInvitation(ctx, inv, hashToken(token)); err != nil {
		return Invitation{}, "", fmt.Errorf("create invitation: %w", err)
	}
	e := actorEvent(p, ActionInvitationCreated)
	e.Target, e.OrganisationID, e.Detail = inv.ID, org, fmt.Sprintf("%s as %s", email, in.Role)
	s.record(ctx, e)
	return inv, token, nil
}

// newEmail normalises an email address that must not belong to an account yet.
func (s *Service) newEmail(ctx context.Context, raw string) (string, error) {
	email, problems, err := s.newAccountEmail(ctx, raw)
	if err != nil {
		return "", err
	}
	if len(problems) > 0 {
		return "", apperr.Invalid(problems[0].Problem, problems...)
	}
	return email, nil
}

// InvitationByToken returns the invitation of a link, for the page that accepts it.
// An unknown token is apperr.ErrNotFound; a used or expired one is
// ErrInvitationUsed or ErrInvitationExpired.
func (s *Service) InvitationByToken(ctx context.Context, token string) (Invitation, error) {
	if !secretShaped(token) {
		return Invitation{}, apperr.NotFound("invitation")
	}
	inv, err := s.st.InvitationByHash(ctx, hashToken(token))
	switch {
	case err != nil:
		return Invitation{}, fmt.Errorf("invitation: %w", err)
	case inv.UsedAt != nil:
		return Invitation{}, ErrInvitationUsed
	case !s.now().Before(inv.ExpiresAt):
		return Invitation{}, ErrInvitationExpired
	}
	return inv, nil
}

// AcceptInvitation creates the invitee's account with their name and password and
// marks the link used, both or neither: a link used twice (even at the same moment)
// creates one account and then answers ErrInvitationUsed. Sign the new user in with
// CreateSession.
func (s *Service) AcceptInvitation(ctx context.Context, token, name, password string) (User, error) {
	inv, err := s.InvitationByToken(ctx, token)
	if err != nil {
		return User{}, err
	}
	a, err := s.newAccount(ctx, inv.Email, name, password, true)
	if err != nil {
		return User{}, err
	}
	a.Role, a.OrganisationID, a.TeamID = inv.Role, inv.OrganisationID, inv.TeamID
	err = s.st.AcceptInvitation(ctx, hashToken(token), s.now(), a)
	if errors.Is(err, ErrInvitationUsed) {
		// Used, revoked or expired since we looked: say which, as InvitationByToken does.
		if _, again := s.InvitationByToken(ctx, token); again != nil {
			return User{}, again
		}
	}
	if err != nil {
		return User{}, emailTakenAsInvalid(fmt.Errorf("accept invitation: %w", err))
	}
	s.record(ctx, Event{ActorID: a.ID, ActorEmail: a.Email, Action: ActionInvitationAccepted, Target: inv.ID,
		OrganisationID: inv.OrganisationID, Detail: fmt.Sprintf("joined as %s", a.Role)})
	return a.User, nil
}

// ListInvitations lists an organisation's pending invitations (unused, unexpired),
// newest first, for its leads and admins.
func (s *Service) ListInvitations(ctx context.Context, p *Principal, organisationID string) ([]Invitation, error) {
	if err := s.mayManage(ctx, p, organisationID); err != nil {
		return nil, err
	}
	all, err := s.st.Invitations(ctx, organisationID)
	if err != nil {
		return nil, fmt.Errorf("list invitations: %w", err)
	}
	now := s.now()
	pending := all[:0]
	for _, inv := range all {
		if inv.UsedAt == nil && now.Before(inv.ExpiresAt) {
			pending = append(pending, inv)
		}
	}
	return pending, nil
}

// RevokeInvitation deletes an unused invitation, so its link stops working.
func (s *Service) RevokeInvitation(ctx context.Context, p *Principal, invitationID string) error {
	if p == nil {
		return apperr.ErrUnauthenticated
	}
	inv, err := s.st.Invitation(ctx, invitationID)
	if err != nil {
		return fmt.Errorf("invitation %s: %w", invitationID, err)
	}
	if !p.CanSeeOrganisation(inv.OrganisationID) {
		return apperr.NotFound("invitation")
	}
	if err := s.mayManage(ctx, p, inv.OrganisationID); err != nil {
		return err
	}
	if inv.UsedAt != nil {
		return ErrInvitationUsed
	}
	if err := s.st.DeleteInvitation(ctx, inv.ID); err != nil {
		return fmt.Errorf("revoke invitation %s: %w", inv.ID, err)
	}
	e := actorEvent(p, ActionInvitationRevoked)
	e.Target, e.OrganisationID, e.Detail = inv.ID, inv.OrganisationID, inv.Email
	s.record(ctx, e)
	return nil
}

// mayManage returns nil when p may manage organisation org: not found when p may not
// see it (or it does not exist), forbidden when p may see it but not manage it.
func (s *Service) mayManage(ctx context.Context, p *Principal, org string) error {
	if p == nil {
		return apperr.ErrUnauthenticated
	}
	if err := s.checkOrganisation(ctx, p, org); err != nil {
		return err
	}
	if !p.CanManageOrganisation(org) {
		return apperr.Forbidden("Only leads can manage this organisation's people")
	}
	return nil
}

package auth

import (
	"context"
	"fmt"

	"vcready/internal/apperr"
)

// First run: while no admin exists, serve prints a one-time set-up link; whoever
// opens it creates the first admin account, and the link is dead once used.

// NeedsSetup reports whether no admin exists yet.
func (s *Service) NeedsSetup(ctx context.Context) (bool, error) {
	exists, err := s.st.AdminExists(ctx)
	if err != nil {
		return false, fmt.Errorf("look for an admin: %w", err)
	}
	return !exists, nil
}

// NewSetupToken returns the token for a new set-up link, replacing any earlier unused
// link (only the newest printed link works). Once an admin exists it fails with
// ErrAlreadySetUp.
func (s *Service) NewSetupToken(ctx context.Context) (string, error) {
	token := newSecret()
	if err := s.st.ReplaceSetupToken(ctx, hashToken(token), s.now()); err != nil {
		return "", fmt.Errorf("create set-up link: %w", err)
	}
	return token, nil
}

// CheckSetupToken tells the set-up page whether to show its form: nil for a live
// link, apperr.ErrNotFound for an unknown or used one, ErrAlreadySetUp once an admin
// exists.
func (s *Service) CheckSetupToken(ctx context.Context, token string) error {
	if !secretShaped(token) {
		return apperr.NotFound("set-up link")
	}
	needed, err := s.NeedsSetup(ctx)
	if err != nil {
		return err
	}
	if !needed {
		return ErrAlreadySetUp
	}
	unused, err := s.st.SetupTokenUnused(ctx, hashToken(token))
	if err != nil {
		return fmt.Errorf("check set-up link: %w", err)
	}
	if !unused {
		return apperr.NotFound("set-up link")
	}
	return nil
}

// CompleteSetup creates the first admin account from a set-up link and kills the
// link, both or neither: it fails, writing nothing, on an unknown or used link
// (apperr.ErrNotFound), once an admin exists (ErrAlreadySetUp) and on invalid input
// (apperr.ValidationError on email, name and password). Sign the admin in with
// CreateSession.
func (s *Service) CompleteSetup(ctx context.Context, token, email, name, password string) (User, error) {
	if err := s.CheckSetupToken(ctx, token); err != nil {
		return User{}, err
	}
	a, err := s.newAccount(ctx, email, name, password, true)
	if err != nil {
		return User{}, err
	}
	a.Role = RoleAdmin
	if err := s.st.CompleteSetup(ctx, hashToken(token), s.now(), a); err != nil {
		return User{}, emailTakenAsInvalid(fmt.Errorf("complete set-up: %w", err))
	}
	s.record(ctx, Event{ActorID: a.ID, ActorEmail: a.Email, Action: ActionSetupCompleted, Target: a.ID})
	return a.User, nil
}

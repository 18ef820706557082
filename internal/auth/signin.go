package auth

import (
	"context"
	"errors"
	"fmt"
	"strings"

	"vcready/internal/apperr"
)

// ErrBadCredentials is the one answer to a wrong email, a wrong password and a
// disabled account alike, so a failed sign-in does not reveal who has an account.
// It wraps apperr.ErrUnauthenticated; its text is the message to show.
var ErrBadCredentials error = &credentialsError{}

type credentialsError struct{}

func (*credentialsError) Error() string { return "Enter a correct email address and password" }
func (*credentialsError) Unwrap() error { return apperr.ErrUnauthenticated }

// PublicMessage is the sentence to show the user.
func (e *credentialsError) PublicMessage() string { return e.Error() }

// Authenticate checks an email address and password for a browser sign-in, from the
// client address ip (used for rate limiting and the audit log). Failures are
// ErrBadCredentials or a *RateLimitError. On success create a session with
// CreateSession.
func (s *Service) Authenticate(ctx context.Context, email, password, ip string) (User, error) {
	a, err := s.checkCredentials(ctx, email, password, ip, "browser")
	if err != nil {
		return User{}, err
	}
	e := Event{ActorID: a.ID, ActorEmail: a.Email, Action: ActionSignIn, Target: a.ID,
		OrganisationID: a.OrganisationID, IP: ip}
	s.record(ctx, e)
	return a.User, nil
}

// checkCredentials is sign-in without its success event: rate limits, a password
// check that takes as long for an unknown email as for a known one, and the
// sign_in_failed event (never with the password). via names the door, for the log.
func (s *Service) checkCredentials(ctx context.Context, rawEmail, password, ip, via string) (Account, error) {
	email := strings.ToLower(strings.TrimSpace(rawEmail))
	now := s.now()
	if err := s.limits.begin(ctx, now, email, ip); err != nil {
		return Account{}, err
	}
	a, found, err := s.accountForSignIn(ctx, email)
	if err != nil {
		return Account{}, err
	}
	hash := s.dummyHash
	if found {
		hash = a.PasswordHash
	}
	ok, err := VerifyPassword(hash, password)
	if err != nil {
		return Account{}, fmt.Errorf("verify password of %s: %w", a.ID, err)
	}
	if !found || !ok || a.DisabledAt != nil {
		s.recordFailure(ctx, a, found, email, ip, via)
		return Account{}, ErrBadCredentials
	}
	if err := s.limits.succeeded(ctx, now, email, ip); err != nil {
		// The attempt was counted as a failure in advance; leaving it counted only
		// limits sooner, so the correct password still signs in.
		s.opts.Log.ErrorContext(ctx, "clear sign-in limits", "err", err)
	}
	return a, nil
}

func (s *Service) accountForSignIn(ctx context.Context, email string) (Account, bool, error) {
	if !emailLooksValid(email) {
		return Account{}, false, nil
	}
	a, err := s.st.AccountByEmail(ctx, email)
	switch {
	case err == nil:
		return a, true, nil
	case errors.Is(err, apperr.ErrNotFound):
		return Account{}, false, nil
	}
	return Account{}, false, fmt.Errorf("sign in: %w", err)
}

func (s *Service) recordFailure(ctx context.Context, a Account, found bool, email, ip, via string) {
	e := Event{Action: ActionSignInFailed, IP: ip}
	switch {
	case !found && emailLooksValid(email):
		e.ActorEmail, e.Detail = email, via+": unknown email address"
	case !found:
		// Not an address at all: perhaps a password typed in the wrong box. Keep it out.
		e.Detail = via + ": not an email address"
	case a.DisabledAt != nil:
		e.ActorID, e.ActorEmail, e.OrganisationID, e.Detail = a.ID, a.Email, a.OrganisationID, via+": account disabled"
	default:
		e.ActorID, e.ActorEmail, e.OrganisationID, e.Detail = a.ID, a.Email, a.OrganisationID, via+": wrong password"
	}
	e.Target = e.ActorID
	s.record(ctx, e)
}

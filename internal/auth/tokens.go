package auth

import (
	"context"
	"fmt"
	"strings"
	"time"

	"vcready/internal/apperr"
)

// TokenPrefix starts every API token, so a leaked token is recognisable (by secret
// scanners, and by people) and cannot be confused with a session cookie.
const TokenPrefix = "vcr_"

// CreateToken checks an email address and password, as Authenticate does (the same
// rate limits and errors), and returns a new API token for the account with its
// expiry. The token is shown once: only its hash is stored.
func (s *Service) CreateToken(ctx context.Context, email, password, ip string) (string, time.Time, error) {
	a, err := s.checkCredentials(ctx, email, password, ip, "api token")
	if err != nil {
		return "", time.Time{}, err
	}
	return s.issue(ctx, a, Event{ActorID: a.ID, ActorEmail: a.Email, IP: ip})
}

// IssueToken returns a new API token for the account with this email address
// without a password, for the command line (whoever can run it can read the
// database anyway). An unknown email is apperr.ErrNotFound.
func (s *Service) IssueToken(ctx context.Context, email string) (string, time.Time, error) {
	email, err := NormaliseEmail(email)
	if err != nil {
		return "", time.Time{}, err
	}
	a, err := s.st.AccountByEmail(ctx, email)
	if err != nil {
		return "", time.Time{}, fmt.Errorf("user %s: %w", email, err)
	}
	if a.DisabledAt != nil {
		return "", time.Time{}, apperr.Conflict("This account is disabled")
	}
	e := actorEvent(System, "")
	e.Detail = "issued by the command line"
	return s.issue(ctx, a, e)
}

// issue stores a new token for a and records token_created as e.
func (s *Service) issue(ctx context.Context, a Account, e Event) (string, time.Time, error) {
	token := TokenPrefix + newSecret()
	now := s.now()
	t := APIToken{TokenHash: hashToken(token), UserID: a.ID, CreatedAt: now, ExpiresAt: now.Add(s.opts.TokenTTL)}
	if err := s.st.CreateAPIToken(ctx, t); err != nil {
		return "", time.Time{}, fmt.Errorf("create API token: %w", err)
	}
	e.Action, e.Target, e.OrganisationID = ActionTokenCreated, a.ID, a.OrganisationID
	s.record(ctx, e)
	return token, t.ExpiresAt, nil
}

// TokenUser returns the user of a live API token (from "Authorization: Bearer").
// An expired, unknown or malformed token, or a disabled or removed user, is
// apperr.ErrUnauthenticated; a store that fails otherwise is apperr.ErrUnavailable.
// Use is recorded in last_used_at, at most once a minute.
func (s *Service) TokenUser(ctx context.Context, token string) (User, error) {
	secret, ok := strings.CutPrefix(token, TokenPrefix)
	if !ok || !secretShaped(secret) {
		return User{}, errNotSignedIn
	}
	hash := hashToken(token)
	t, err := s.st.APIToken(ctx, hash)
	if err != nil {
		return User{}, notSignedIn("look up API token", err)
	}
	now := s.now()
	if !now.Before(t.ExpiresAt) {
		return User{}, errNotSignedIn
	}
	if t.LastUsedAt == nil || now.Sub(*t.LastUsedAt) >= touchEvery {
		if err := s.st.TouchAPIToken(ctx, hash, now); err != nil {
			return User{}, apperr.Unavailable("record token use", err)
		}
	}
	return s.liveUser(ctx, t.UserID)
}

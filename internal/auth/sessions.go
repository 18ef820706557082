package auth

import (
	"context"
	"errors"
	"fmt"
	"time"

	"vcready/internal/apperr"
)

// touchEvery is how stale last_seen_at may get before a request refreshes it: idle
// expiry works in minutes, and writing on every request would serialise reads
// behind SQLite's single writer.
const touchEvery = time.Minute

// errNotSignedIn is the answer to a missing, unknown or expired session or API token.
var errNotSignedIn = fmt.Errorf("no live session or token: %w", apperr.ErrUnauthenticated)

// CreateSession starts a browser session for the user and returns its token (for the
// cookie; only its hash is stored) and its absolute expiry. Call it after
// Authenticate, AcceptInvitation or CompleteSetup; a new token on every sign-in means
// a session id planted before sign-in is worthless.
func (s *Service) CreateSession(ctx context.Context, userID string) (string, time.Time, error) {
	token := newSecret()
	now := s.now()
	sess := Session{TokenHash: hashToken(token), UserID: userID, CreatedAt: now, LastSeenAt: now,
		ExpiresAt: now.Add(s.opts.SessionAbsolute)}
	if err := s.st.CreateSession(ctx, sess); err != nil {
		return "", time.Time{}, fmt.Errorf("create session: %w", err)
	}
	return token, sess.ExpiresAt, nil
}

// SessionUser returns the user of a live session. A session ends after
// Options.SessionIdle without use and Options.SessionAbsolute after sign-in; an
// ended, unknown or malformed token, or a disabled or removed user, is
// apperr.ErrUnauthenticated. A store that fails otherwise (the database is down) is
// apperr.ErrUnavailable, never ErrUnauthenticated: the session may be perfectly
// good, so the caller must not sign the browser out.
func (s *Service) SessionUser(ctx context.Context, token string) (User, error) {
	if !secretShaped(token) {
		return User{}, errNotSignedIn
	}
	hash := hashToken(token)
	sess, err := s.st.Session(ctx, hash)
	if err != nil {
		return User{}, notSignedIn("look up session", err)
	}
	now := s.now()
	if !now.Before(sess.ExpiresAt) || now.Sub(sess.LastSeenAt) >= s.opts.SessionIdle {
		if err := s.st.DeleteSession(ctx, hash); err != nil {
			s.opts.Log.WarnContext(ctx, "delete expired session", "err", err)
		}
		return User{}, errNotSignedIn
	}
	if now.Sub(sess.LastSeenAt) >= touchEvery {
		if err := s.st.TouchSession(ctx, hash, now); err != nil {
			return User{}, apperr.Unavailable("refresh session", err)
		}
	}
	return s.liveUser(ctx, sess.UserID)
}

// liveUser loads the user a session or token belongs to, refusing disabled ones.
func (s *Service) liveUser(ctx context.Context, userID string) (User, error) {
	a, err := s.st.Account(ctx, userID)
	if err != nil {
		return User{}, notSignedIn("look up signed-in user", err)
	}
	if a.DisabledAt != nil {
		return User{}, errNotSignedIn
	}
	return a.User, nil
}

// notSignedIn turns a store's not-found into errNotSignedIn, and any other failure,
// which says nothing about the credential, into apperr.ErrUnavailable naming what
// was being done.
func notSignedIn(doing string, err error) error {
	if errors.Is(err, apperr.ErrNotFound) {
		return errNotSignedIn
	}
	return apperr.Unavailable(doing, err)
}

// EndSession signs the session out (recording sign_out). Ending an unknown or
// already ended session is not an error: signing out twice is harmless.
func (s *Service) EndSession(ctx context.Context, token string) error {
	if !secretShaped(token) {
		return nil
	}
	hash := hashToken(token)
	sess, err := s.st.Session(ctx, hash)
	if errors.Is(err, apperr.ErrNotFound) {
		return nil
	}
	if err != nil {
		return fmt.Errorf("end session: %w", err)
	}
	if err := s.st.DeleteSession(ctx, hash); err != nil {
		return fmt.Errorf("end session: %w", err)
	}
	e := Event{ActorID: sess.UserID, Action: ActionSignOut, Target: sess.UserID}
	if a, err := s.st.Account(ctx, sess.UserID); err == nil {
		e.ActorEmail, e.OrganisationID = a.Email, a.OrganisationID
	}
	s.record(ctx, e)
	return nil
}

// EndUserSessions signs the user out everywhere (for example after a password
// change). API tokens are not affected.
func (s *Service) EndUserSessions(ctx context.Context, userID string) error {
	if err := s.st.DeleteUserSessions(ctx, userID); err != nil {
		return fmt.Errorf("end sessions of user %s: %w", userID, err)
	}
	return nil
}

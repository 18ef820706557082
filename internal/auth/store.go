package auth

import (
	"context"
	"errors"
	"time"

	"vcready/internal/apperr"
)

// Store is the persistence the auth service needs; internal/store implements it.
// Methods that find nothing return an error wrapping apperr.ErrNotFound. Secrets
// (session, API, invitation and set-up tokens) reach the store only as their SHA-256
// hashes, and times are passed in, never read from the store's own clock.
type Store interface {
	UserStore
	SessionStore
	TokenStore
	InvitationStore
	SetupStore
	AuditStore
}

// UserStore keeps accounts and answers the organisation and team questions that
// placing a user needs.
type UserStore interface {
	// CreateUser fails with ErrEmailTaken when the email is taken in any case.
	CreateUser(ctx context.Context, a Account) error
	// Account returns the user with id, with their password hash.
	Account(ctx context.Context, id string) (Account, error)
	// AccountByEmail finds the account whose email equals email (lower-case) in any case.
	AccountByEmail(ctx context.Context, email string) (Account, error)
	// Users lists an organisation's users by email; organisationID "" lists the admins.
	Users(ctx context.Context, organisationID string) ([]User, error)
	// DeleteUser removes the user with their sessions and API tokens (and, through
	// the foreign key, the invitations they sent).
	DeleteUser(ctx context.Context, id string) error
	// UpdateUserRole moves the user to role, organisation and team.
	UpdateUserRole(ctx context.Context, id string, role Role, organisationID, teamID string) error
	// AdminExists reports whether any admin account exists.
	AdminExists(ctx context.Context) (bool, error)
	// OrganisationExists reports whether the organisation exists.
	OrganisationExists(ctx context.Context, id string) (bool, error)
	// TeamOrganisation returns the id of the team's organisation.
	TeamOrganisation(ctx context.Context, teamID string) (string, error)
}

// SessionStore keeps browser sessions.
type SessionStore interface {
	CreateSession(ctx context.Context, s Session) error
	Session(ctx context.Context, tokenHash string) (Session, error)
	// TouchSession records that the session was used at at.
	TouchSession(ctx context.Context, tokenHash string, at time.Time) error
	DeleteSession(ctx context.Context, tokenHash string) error
	DeleteUserSessions(ctx context.Context, userID string) error
}

// TokenStore keeps API tokens.
type TokenStore interface {
	CreateAPIToken(ctx context.Context, t APIToken) error
	APIToken(ctx context.Context, tokenHash string) (APIToken, error)
	// TouchAPIToken records that the token was used at at.
	TouchAPIToken(ctx context.Context, tokenHash string, at time.Time) error
}

// InvitationStore keeps invitations.
type InvitationStore interface {
	CreateInvitation(ctx context.Context, inv Invitation, tokenHash string) error
	InvitationByHash(ctx context.Context, tokenHash string) (Invitation, error)
	Invitation(ctx context.Context, id string) (Invitation, error)
	// Invitations lists an organisation's unused invitations, newest first.
	Invitations(ctx context.Context, organisationID string) ([]Invitation, error)
	DeleteInvitation(ctx context.Context, id string) error
	// AcceptInvitation marks the unused invitation used at at and creates the account,
	// in one transaction. It fails with ErrInvitationUsed, writing nothing, when the
	// invitation is used or gone, and with ErrEmailTaken when the email is taken.
	AcceptInvitation(ctx context.Context, tokenHash string, at time.Time, a Account) error
}

// SetupStore keeps the one-time links that create the first admin.
type SetupStore interface {
	// ReplaceSetupToken deletes every unused set-up token and stores a new one, in one
	// transaction, failing with ErrAlreadySetUp when an admin exists.
	ReplaceSetupToken(ctx context.Context, tokenHash string, at time.Time) error
	// SetupTokenUnused reports whether the set-up token exists and is unused.
	SetupTokenUnused(ctx context.Context, tokenHash string) (bool, error)
	// CompleteSetup, in one transaction, marks the unused set-up token used and
	// creates the admin account a. It fails, writing nothing, with
	// apperr.ErrNotFound when the token is unknown or used, with ErrAlreadySetUp when
	// an admin exists, and with ErrEmailTaken when the email is taken.
	CompleteSetup(ctx context.Context, tokenHash string, at time.Time, a Account) error
}

// AuditStore keeps the audit log.
type AuditStore interface {
	CreateAuditEvent(ctx context.Context, e Event) error
	// AuditEvents lists up to limit events, newest first, with ids below before
	// (every event when before is 0).
	AuditEvents(ctx context.Context, limit int, before int64) ([]Event, error)
}

// Errors a Store returns that the service turns into messages a user can act on.
var (
	// ErrEmailTaken: an account already has this email address in some mix of cases.
	ErrEmailTaken = errors.New("email address already in use")
	// ErrAlreadySetUp: an admin exists, so the first-run set-up is over.
	ErrAlreadySetUp = apperr.Conflict("vcready is already set up. Sign in instead")
)

// Account is a user as stored: the User plus what only signing in may look at.
type Account struct {
	User
	PasswordHash string
	DisabledAt   *time.Time
}

// Session is a browser session as stored.
type Session struct {
	TokenHash  string
	UserID     string
	CreatedAt  time.Time
	LastSeenAt time.Time
	// ExpiresAt is the absolute expiry: CreatedAt plus Options.SessionAbsolute.
	ExpiresAt time.Time
}

// APIToken is an API token as stored.
type APIToken struct {
	TokenHash  string
	UserID     string
	CreatedAt  time.Time
	ExpiresAt  time.Time
	LastUsedAt *time.Time
}

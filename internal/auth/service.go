package auth

import (
	"cmp"
	"context"
	"log/slog"
	"time"
)

// System is the principal the command line acts for: an admin with no account. The
// web layer must never use it for a request.
var System = &Principal{Role: RoleAdmin, Email: "system"}

// Options tunes the service. A zero field takes its default (see DefaultOptions).
type Options struct {
	// SessionIdle ends a browser session that has not been used for this long.
	SessionIdle time.Duration
	// SessionAbsolute ends a browser session this long after sign-in, however busy.
	SessionAbsolute time.Duration
	// TokenTTL is the lifetime of an API token.
	TokenTTL time.Duration
	// InvitationTTL is how long an invitation link works.
	InvitationTTL time.Duration
	// Limits throttle failed sign-ins and token requests.
	Limits Limits
	// Now is the clock; tests inject their own.
	Now func() time.Time
	// Log receives what the service cannot return, such as a failure to record an
	// audit event.
	Log *slog.Logger
}

// DefaultOptions are the settings used for every zero field of Options.
func DefaultOptions() Options {
	return Options{
		SessionIdle:     30 * time.Minute,
		SessionAbsolute: 12 * time.Hour,
		TokenTTL:        90 * 24 * time.Hour,
		InvitationTTL:   7 * 24 * time.Hour,
		Limits:          DefaultLimits(),
		Now:             time.Now,
		Log:             slog.New(slog.DiscardHandler),
	}
}

func (o Options) withDefaults() Options {
	d := DefaultOptions()
	o.SessionIdle = cmp.Or(o.SessionIdle, d.SessionIdle)
	o.SessionAbsolute = cmp.Or(o.SessionAbsolute, d.SessionAbsolute)
	o.TokenTTL = cmp.Or(o.TokenTTL, d.TokenTTL)
	o.InvitationTTL = cmp.Or(o.InvitationTTL, d.InvitationTTL)
	o.Limits = o.Limits.withDefaults()
	if o.Now == nil {
		o.Now = d.Now
	}
	if o.Log == nil {
		o.Log = d.Log
	}
	return o
}

// Service is identity and access: accounts, sign-in, sessions, API tokens,
// invitations, first-run set-up and the audit log. It is safe for concurrent use.
type Service struct {
	st     Store
	opts   Options
	limits attempts
	// dummyHash is verified against when an email is unknown, so a wrong email
	// takes as long as a wrong password and timing does not reveal who has an account.
	dummyHash string
}

// NewService returns a service on st with opts (zero fields take their defaults).
func NewService(st Store, opts Options) *Service {
	opts = opts.withDefaults()
	dummy, err := HashPassword(newSecret())
	if err != nil {
		panic("auth: hash the dummy password: " + err.Error()) // only if crypto/rand fails
	}
	return &Service{st: st, opts: opts, limits: newAttempts(st, opts.Limits), dummyHash: dummy}
}

// now is the current time in UTC, truncated to the microsecond PostgreSQL keeps, so
// a time the service returns equals the one read back later on either database.
func (s *Service) now() time.Time {
	return s.opts.Now().UTC().Truncate(time.Microsecond)
}

type clientIPKey struct{}

// WithClientIP returns a context that carries the client's address, which the audit
// events recorded while serving the request then name. The web layer sets it once
// per request (from echo's configured IP extractor).
func WithClientIP(ctx context.Context, ip string) context.Context {
	return context.WithValue(ctx, clientIPKey{}, ip)
}

// ClientIP returns the address set by WithClientIP, or "".
func ClientIP(ctx context.Context) string {
	ip, _ := ctx.Value(clientIPKey{}).(string)
	return ip
}

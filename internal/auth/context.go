package auth

import "context"

// The signed-in user travels in the request's context, set once by the web layer's
// identity middleware, so that every handler (pages and the JSON API alike) asks the
// same question the same way and no package needs the web framework's own context
// to know who is asking.

type userKey struct{}

// NewContext returns a copy of ctx that carries u as the signed-in user.
func NewContext(ctx context.Context, u User) context.Context {
	return context.WithValue(ctx, userKey{}, signedIn{user: u, principal: u.Principal()})
}

// FromContext returns the principal of the signed-in user ctx carries, or nil for an
// anonymous request.
func FromContext(ctx context.Context) *Principal {
	s, ok := ctx.Value(userKey{}).(signedIn)
	if !ok {
		return nil
	}
	return s.principal
}

// UserFromContext returns the signed-in user ctx carries, for pages and responses
// that show more than the principal holds (a name, a creation date).
func UserFromContext(ctx context.Context) (User, bool) {
	s, ok := ctx.Value(userKey{}).(signedIn)
	return s.user, ok
}

// signedIn keeps the principal made once per request, so every handler shares it.
type signedIn struct {
	user      User
	principal *Principal
}

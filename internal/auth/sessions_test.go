package auth_test

import (
	"context"
	"errors"
	"regexp"
	"testing"
	"time"

	"vcready/internal/apperr"
	"vcready/internal/auth"
	"vcready/internal/store"
	"vcready/internal/store/storetest"
)

func TestSessionExpiry(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	cases := []struct {
		name  string
		steps []time.Duration // clock advances, each followed by SessionUser
		want  string          // error kind of the last SessionUser
	}{
		{"fresh", []time.Duration{0}, ""},
		{"just inside idle expiry", []time.Duration{29 * time.Minute}, ""},
		{"idle for 30 minutes", []time.Duration{30 * time.Minute}, "unauthenticated"},
		{"use slides idle expiry", []time.Duration{20 * time.Minute, 20 * time.Minute, 20 * time.Minute}, ""},
		{"use within a minute of the last is not recorded", []time.Duration{30 * time.Second, 29*time.Minute + 40*time.Second}, "unauthenticated"},
		{"busy but past absolute expiry", repeat(25*time.Minute, 29), "unauthenticated"},
		{"busy, just before absolute expiry", append(repeat(25*time.Minute, 28), 19*time.Minute+59*time.Second), ""},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			t.Parallel()
			storetest.Each(t, func(t *testing.T, st *store.Store) {
				w := newWorld(t, st, auth.Options{})
				token, expires, err := w.svc.CreateSession(ctx, w.member.ID)
				must(t, err)
				if want := w.clock.Now().Add(12 * time.Hour); !expires.Equal(want) {
					t.Errorf("expires %v, want %v", expires, want)
				}
				for _, d := range c.steps {
					w.clock.Advance(d)
					_, err = w.svc.SessionUser(ctx, token)
				}
				checkErr(t, err, c.want)
			})
		})
	}
}

// altered is token with its last character changed.
func altered(token string) string {
	last := "A"
	if token[len(token)-1] == 'A' {
		last = "B"
	}
	return token[:len(token)-1] + last
}

func repeat(d time.Duration, n int) []time.Duration {
	out := make([]time.Duration, n)
	for i := range out {
		out[i] = d
	}
	return out
}

func TestSessionUserAndEnd(t *testing.T) {
	t.Parallel()
	storetest.Each(t, func(t *testing.T, st *store.Store) {
		w := newWorld(t, st, auth.Options{})
		ctx := auth.WithClientIP(context.Background(), "192.0.2.44")
		token, _, err := w.svc.CreateSession(ctx, w.lead.ID)
		must(t, err)
		if !regexp.MustCompile(`^[A-Za-z0-9_-]{43}$`).MatchString(token) {
			t.Errorf("session token %q is not 256 bits of base64url", token)
		}
		u, err := w.svc.SessionUser(ctx, token)
		must(t, err)
		if u != w.lead {
			t.Errorf("session user %+v, want %+v", u, w.lead)
		}
		for _, bad := range []string{"", "junk", altered(token), auth.TokenPrefix + token} {
			_, err := w.svc.SessionUser(ctx, bad)
			checkErr(t, err, "unauthenticated")
		}
		must(t, w.svc.EndSession(ctx, token))
		_, err = w.svc.SessionUser(ctx, token)
		checkErr(t, err, "unauthenticated")
		must(t, w.svc.EndSession(ctx, token)) // twice is fine
		if e := w.lastEvent(t); e.Action != auth.ActionSignOut || e.ActorID != w.lead.ID || e.IP != "192.0.2.44" {
			t.Errorf("last audit event %+v, want sign_out of the lead from 192.0.2.44", e)
		}
	})
}

func TestEndUserSessions(t *testing.T) {
	t.Parallel()
	storetest.Each(t, func(t *testing.T, st *store.Store) {
		w := newWorld(t, st, auth.Options{})
		ctx := context.Background()
		a, _, err := w.svc.CreateSession(ctx, w.member.ID)
		must(t, err)
		b, _, err := w.svc.CreateSession(ctx, w.member.ID)
		must(t, err)
		other, _, err := w.svc.CreateSession(ctx, w.lead.ID)
		must(t, err)
		must(t, w.svc.EndUserSessions(ctx, w.member.ID))
		for _, tok := range []string{a, b} {
			_, err := w.svc.SessionUser(ctx, tok)
			checkErr(t, err, "unauthenticated")
		}
		_, err = w.svc.SessionUser(ctx, other)
		checkErr(t, err, "")
	})
}

func TestDisabledUserSessionEnds(t *testing.T) {
	t.Parallel()
	storetest.Each(t, func(t *testing.T, st *store.Store) {
		w := newWorld(t, st, auth.Options{})
		ctx := context.Background()
		token, _, err := w.svc.CreateSession(ctx, w.member.ID)
		must(t, err)
		storetest.DisableUser(t, st, w.member.ID)
		_, err = w.svc.SessionUser(ctx, token)
		checkErr(t, err, "unauthenticated")
	})
}

func TestAPITokens(t *testing.T) {
	t.Parallel()
	storetest.Each(t, func(t *testing.T, st *store.Store) {
		w := newWorld(t, st, auth.Options{})
		ctx := context.Background()
		token, expires, err := w.svc.CreateToken(ctx, "Lead@One.example", goodPassword, "192.0.2.9")
		must(t, err)
		if !regexp.MustCompile(`^vcr_[A-Za-z0-9_-]{43}$`).MatchString(token) {
			t.Errorf("token %q does not look like vcr_ + 43 base64url characters", token)
		}
		if want := w.clock.Now().Add(90 * 24 * time.Hour); !expires.Equal(want) {
			t.Errorf("expires %v, want %v", expires, want)
		}
		if e := w.lastEvent(t); e.Action != auth.ActionTokenCreated || e.ActorID != w.lead.ID || e.IP != "192.0.2.9" {
			t.Errorf("last audit event %+v, want token_created by the lead", e)
		}
		u, err := w.svc.TokenUser(ctx, token)
		must(t, err)
		if u.ID != w.lead.ID {
			t.Errorf("token user %s, want the lead", u.ID)
		}
		_, _, err = w.svc.CreateToken(ctx, "lead@one.example", "not the password", "192.0.2.9")
		checkErr(t, err, "unauthenticated")

		session, _, err := w.svc.CreateSession(ctx, w.lead.ID)
		must(t, err)
		for _, bad := range []string{"", token[4:], altered(token), auth.TokenPrefix + session, session, "Bearer " + token} {
			_, err := w.svc.TokenUser(ctx, bad)
			checkErr(t, err, "unauthenticated")
		}
		_, err = w.svc.SessionUser(ctx, token)
		checkErr(t, err, "unauthenticated")

		w.clock.Advance(90*24*time.Hour - time.Second)
		_, err = w.svc.TokenUser(ctx, token)
		checkErr(t, err, "")
		w.clock.Advance(time.Second)
		_, err = w.svc.TokenUser(ctx, token)
		checkErr(t, err, "unauthenticated")
	})
}

func TestIssueToken(t *testing.T) {
	t.Parallel()
	storetest.Each(t, func(t *testing.T, st *store.Store) {
		w := newWorld(t, st, auth.Options{})
		ctx := context.Background()
		token, _, err := w.svc.IssueToken(ctx, "ADMIN@example.org")
		must(t, err)
		u, err := w.svc.TokenUser(ctx, token)
		must(t, err)
		if u.ID != w.admin.ID {
			t.Errorf("token user %s, want the admin", u.ID)
		}
		if e := w.lastEvent(t); e.Action != auth.ActionTokenCreated || e.Target != w.admin.ID || e.ActorEmail != "system" {
			t.Errorf("last audit event %+v, want token_created for the admin by the system", e)
		}
		_, _, err = w.svc.IssueToken(ctx, "nobody@example.org")
		checkErr(t, err, "not found")
		_, _, err = w.svc.IssueToken(ctx, "not an email")
		checkErr(t, err, "invalid")
	})
}

// A database that cannot answer says nothing about the credential: SessionUser and
// TokenUser report it as unavailable, never as signed out, and the session or token
// still works once the database is back.
func TestSessionAndTokenUserWhenTheStoreFails(t *testing.T) {
	t.Parallel()
	cases := []struct {
		name, failing string
		useToken      bool
	}{
		{"session lookup", "Session", false},
		{"session refresh", "TouchSession", false},
		{"session's user", "Account", false},
		{"token lookup", "APIToken", true},
		{"token use", "TouchAPIToken", true},
		{"token's user", "Account", true},
	}
	storetest.Each(t, func(t *testing.T, st *store.Store) {
		w := newWorld(t, st, auth.Options{})
		broken := &failingStore{Store: st}
		svc := auth.NewService(broken, auth.Options{Now: w.clock.Now})
		ctx := context.Background()
		for _, c := range cases {
			t.Run(c.name, func(t *testing.T) {
				lookup, credential := svc.SessionUser, ""
				var err error
				if c.useToken {
					lookup = svc.TokenUser
					credential, _, err = w.svc.IssueToken(ctx, w.member.Email)
				} else {
					credential, _, err = w.svc.CreateSession(ctx, w.member.ID)
				}
				must(t, err)
				w.clock.Advance(2 * time.Minute) // so the lookup records the use

				broken.failing = c.failing
				_, err = lookup(ctx, credential)
				broken.failing = ""
				checkErr(t, err, "unavailable")
				if errors.Is(err, apperr.ErrUnauthenticated) || !errors.Is(err, errDatabase) {
					t.Errorf("error %v: want ErrUnavailable with the cause, and not ErrUnauthenticated", err)
				}
				u, err := lookup(ctx, credential)
				must(t, err)
				if u.ID != w.member.ID {
					t.Errorf("after the failure: user %s, want the member", u.ID)
				}
				_, err = lookup(ctx, altered(credential))
				checkErr(t, err, "unauthenticated")
			})
		}
	})
}

// A closed store is the real thing the fake above stands for.
func TestSessionAndTokenUserOnAClosedStore(t *testing.T) {
	t.Parallel()
	storetest.Each(t, func(t *testing.T, st *store.Store) {
		w := newWorld(t, st, auth.Options{})
		ctx := context.Background()
		session, _, err := w.svc.CreateSession(ctx, w.member.ID)
		must(t, err)
		token, _, err := w.svc.IssueToken(ctx, w.member.Email)
		must(t, err)
		must(t, st.Close())
		_, err = w.svc.SessionUser(ctx, session)
		checkErr(t, err, "unavailable")
		_, err = w.svc.TokenUser(ctx, token)
		checkErr(t, err, "unavailable")
		_, err = w.svc.SessionUser(ctx, "not a token")
		checkErr(t, err, "unauthenticated") // malformed needs no database
	})
}

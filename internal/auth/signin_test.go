package auth_test

import (
	"context"
	"errors"
	"fmt"
	"sort"
	"strings"
	"testing"
	"time"

	"vcready/internal/apperr"
	"vcready/internal/auth"
	"vcready/internal/store"
	"vcready/internal/store/storetest"
)

func TestAuthenticate(t *testing.T) {
	t.Parallel()
	storetest.Each(t, func(t *testing.T, st *store.Store) {
		w := newWorld(t, st, auth.Options{})
		ctx := context.Background()
		disabled := w.create(t, auth.System, "gone@one.example", auth.RoleMember, "", "team-1")
		storetest.DisableUser(t, st, disabled.ID)
		cases := []struct {
			name, email, password string
			wantUser              string
			wantEvent             auth.Action
			wantDetail            string
		}{
			{"right password", "member@one.example", goodPassword, w.member.ID, auth.ActionSignIn, ""},
			{"email in another case, with spaces", " Member@ONE.example ", goodPassword, w.member.ID, auth.ActionSignIn, ""},
			{"wrong password", "member@one.example", goodPassword + "x", "", auth.ActionSignInFailed, "browser: wrong password"},
			{"unknown email", "nobody@one.example", goodPassword, "", auth.ActionSignInFailed, "browser: unknown email address"},
			{"not an email", "plum tractor", goodPassword, "", auth.ActionSignInFailed, "browser: not an email address"},
			{"disabled account", "gone@one.example", goodPassword, "", auth.ActionSignInFailed, "browser: account disabled"},
		}
		for _, c := range cases {
			t.Run(c.name, func(t *testing.T) {
				u, err := w.svc.Authenticate(ctx, c.email, c.password, "192.0.2.1")
				if c.wantUser != "" {
					must(t, err)
					if u.ID != c.wantUser {
						t.Errorf("signed in as %s, want %s", u.ID, c.wantUser)
					}
				} else {
					if err != auth.ErrBadCredentials || !errors.Is(err, apperr.ErrUnauthenticated) {
						t.Fatalf("got %v, want auth.ErrBadCredentials", err)
					}
					if err.Error() != "Enter a correct email address and password" {
						t.Errorf("message %q", err.Error())
					}
				}
				e := w.lastEvent(t)
				if e.Action != c.wantEvent || e.Detail != c.wantDetail || e.IP != "192.0.2.1" {
					t.Errorf("audit event %+v, want %s %q from 192.0.2.1", e, c.wantEvent, c.wantDetail)
				}
				if strings.Contains(e.ActorEmail+e.Detail+e.Target, "tractor") {
					t.Errorf("audit event %+v holds what may be a password", e)
				}
			})
		}
	})
}

// An unknown email must cost a password hash too, or response times would tell an
// attacker which addresses have accounts. Not parallel: it compares timings, which
// tests running beside it would distort.
func TestAuthenticateTakesAsLongForUnknownEmails(t *testing.T) {
	st := storetest.SQLite(t)
	w := newWorld(t, st, auth.Options{Limits: auth.Limits{PerAccount: 1000, PerAddress: 1000}})
	timeIt := func(email string) time.Duration {
		var ds []time.Duration
		for range 5 {
			start := time.Now()
			_, _ = w.svc.Authenticate(context.Background(), email, "wrong password here", "")
			ds = append(ds, time.Since(start))
		}
		sort.Slice(ds, func(i, j int) bool { return ds[i] < ds[j] })
		return ds[2]
	}
	known, unknown := timeIt("member@one.example"), timeIt("nobody@one.example")
	// A hash takes tens of milliseconds and a lookup well under one: a third is a
	// generous margin for a busy machine that still catches a missing hash.
	if unknown < known/3 {
		t.Errorf("unknown email took %v, known email %v: the dummy hash is not verified", unknown, known)
	}
}

func TestRateLimits(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	cases := []struct {
		name string
		run  func(t *testing.T, w *world)
	}{
		{"per account, from any address", func(t *testing.T, w *world) {
			for i := range 3 {
				_, err := w.svc.Authenticate(ctx, "member@one.example", "wrong password!", ip(i))
				checkErr(t, err, "unauthenticated")
			}
			w.clock.Advance(time.Minute)
			_, err := w.svc.Authenticate(ctx, "MEMBER@one.example", goodPassword, ip(9))
			checkRetryAfter(t, err, 14*60)
			_, _, err = w.svc.CreateToken(ctx, "member@one.example", goodPassword, ip(9))
			checkRetryAfter(t, err, 14*60)
			_, err = w.svc.Authenticate(ctx, "lead@one.example", goodPassword, ip(9))
			checkErr(t, err, "")
			w.clock.Advance(14 * time.Minute)
			_, err = w.svc.Authenticate(ctx, "member@one.example", goodPassword, ip(9))
			checkErr(t, err, "")
		}},
		{"success clears the account's failures", func(t *testing.T, w *world) {
			for _, pw := range []string{"wrong password!", "wrong password!", goodPassword, "wrong password!", "wrong password!"} {
				_, _ = w.svc.Authenticate(ctx, "lead@one.example", pw, "")
			}
			_, err := w.svc.Authenticate(ctx, "lead@one.example", goodPassword, "")
			checkErr(t, err, "")
		}},
		{"per address, across accounts", func(t *testing.T, w *world) {
			for i := range 5 {
				_, err := w.svc.Authenticate(ctx, fmt.Sprintf("x%d@one.example", i), "wrong password!", "198.51.100.7")
				checkErr(t, err, "unauthenticated")
			}
			_, err := w.svc.Authenticate(ctx, "lead@one.example", goodPassword, "198.51.100.7")
			checkRetryAfter(t, err, 15*60)
			_, err = w.svc.Authenticate(ctx, "lead@one.example", goodPassword, "198.51.100.8")
			checkErr(t, err, "")
		}},
		{"successes do not count against an address", func(t *testing.T, w *world) {
			for range 8 {
				_, err := w.svc.Authenticate(ctx, "lead@one.example", goodPassword, "198.51.100.9")
				checkErr(t, err, "")
			}
		}},
	}
	limits := auth.Limits{Window: 15 * time.Minute, PerAccount: 3, PerAddress: 5}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			t.Parallel()
			storetest.Each(t, func(t *testing.T, st *store.Store) {
				c.run(t, newWorld(t, st, auth.Options{Limits: limits}))
			})
		})
	}
}

func ip(i int) string { return fmt.Sprintf("203.0.113.%d", i+1) }

// checkRetryAfter fails unless err is a rate-limit error that says to wait secs.
func checkRetryAfter(t *testing.T, err error, secs int) {
	t.Helper()
	checkErr(t, err, "rate limited")
	var ra interface{ RetryAfterSeconds() int }
	if !errors.As(err, &ra) {
		t.Fatalf("%v has no RetryAfterSeconds", err)
	}
	if got := ra.RetryAfterSeconds(); got != secs {
		t.Errorf("Retry-After %d seconds, want %d", got, secs)
	}
}

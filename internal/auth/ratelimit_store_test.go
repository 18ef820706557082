package auth_test

import (
	"context"
	"fmt"
	"testing"
	"time"

	"vcready/internal/auth"
	"vcready/internal/store"
	"vcready/internal/store/storetest"
)

// Two services on one store stand for two app instances on one database (F-01):
// the limit is one allowance between them, not one each.
func TestRateLimitsAreSharedBetweenInstances(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	storetest.Each(t, func(t *testing.T, st *store.Store) {
		w := newWorld(t, st, auth.Options{})
		other := auth.NewService(st, auth.Options{Now: w.clock.Now})
		for i := range 10 {
			_, _, err := w.svc.CreateToken(ctx, "member@one.example", "wrong password!", ip(i))
			checkErr(t, err, "unauthenticated")
		}
		w.clock.Advance(time.Minute)
		_, _, err := other.CreateToken(ctx, "member@one.example", "wrong password!", ip(20))
		checkRetryAfter(t, err, 14*60)
		_, err = other.Authenticate(ctx, "member@one.example", goodPassword, ip(21))
		checkRetryAfter(t, err, 14*60)

		// Per address too: 30 failures from one address through either instance.
		for i := range 30 {
			svc := w.svc
			if i%2 == 1 {
				svc = other
			}
			_, err := svc.Authenticate(ctx, fmt.Sprintf("x%d@one.example", i), "wrong password!", "198.51.100.7")
			checkErr(t, err, "unauthenticated")
		}
		_, err = w.svc.Authenticate(ctx, "lead@one.example", goodPassword, "198.51.100.7")
		checkRetryAfter(t, err, 15*60)
	})
}

// A restart (a new service on the same store) keeps the lockout until its window ends.
func TestRateLimitsSurviveARestart(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	storetest.Each(t, func(t *testing.T, st *store.Store) {
		w := newWorld(t, st, auth.Options{})
		for i := range 10 {
			_, err := w.svc.Authenticate(ctx, "member@one.example", "wrong password!", ip(i))
			checkErr(t, err, "unauthenticated")
		}
		w.clock.Advance(5 * time.Minute)
		restarted := auth.NewService(st, auth.Options{Now: w.clock.Now})
		_, err := restarted.Authenticate(ctx, "member@one.example", goodPassword, ip(11))
		checkRetryAfter(t, err, 10*60)
		w.clock.Advance(10 * time.Minute)
		_, err = restarted.Authenticate(ctx, "member@one.example", goodPassword, ip(11))
		checkErr(t, err, "")
	})
}

// The limit's keys are hashes: no email or client address is stored for it.
func TestRateLimitKeysAreHashed(t *testing.T) {
	t.Parallel()
	st := storetest.SQLite(t)
	w := newWorld(t, st, auth.Options{})
	_, err := w.svc.Authenticate(context.Background(), "member@one.example", "wrong password!", "198.51.100.7")
	checkErr(t, err, "unauthenticated")
	var keys []string
	must(t, storetest.DB(t, st).Raw("SELECT key FROM rate_limits ORDER BY key").Scan(&keys).Error)
	if len(keys) != 2 || len(keys[0]) != len("account:")+64 || len(keys[1]) != len("address:")+64 {
		t.Errorf("keys %q, want an account and an address hash", keys)
	}
}

// limitsDown is a store whose rate-limit counters cannot be read.
type limitsDown struct{ *store.Store }

func (limitsDown) AcquireRateLimits(context.Context, time.Time, time.Duration, []auth.RateLimitCounter) (time.Duration, error) {
	return 0, errDatabase
}

// A database that cannot check the limit refuses the attempt (503), never lets it
// through unchecked, even with the correct password.
func TestRateLimitFailsClosed(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	st := storetest.SQLite(t)
	newWorld(t, st, auth.Options{})
	svc := auth.NewService(limitsDown{st}, auth.Options{})
	_, err := svc.Authenticate(ctx, "member@one.example", goodPassword, "198.51.100.7")
	checkErr(t, err, "unavailable")
	_, _, err = svc.CreateToken(ctx, "member@one.example", goodPassword, "")
	checkErr(t, err, "unavailable")
}

// A Store that keeps no counters gets the limiter in memory.
func TestRateLimitsFallBackToMemory(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	st := storetest.SQLite(t)
	w := newWorld(t, st, auth.Options{})
	svc := auth.NewService(&failingStore{Store: st}, auth.Options{Now: w.clock.Now, Limits: auth.Limits{PerAccount: 2}})
	for range 2 {
		_, err := svc.Authenticate(ctx, "member@one.example", "wrong password!", "")
		checkErr(t, err, "unauthenticated")
	}
	_, err := svc.Authenticate(ctx, "member@one.example", goodPassword, "")
	checkRetryAfter(t, err, 15*60)
	if n := w.count(t, "rate_limits"); n != 0 {
		t.Errorf("%d rate_limits rows, want none from the in-memory limiter", n)
	}
}

package auth

import (
	"errors"
	"fmt"
	"testing"
	"time"

	"vcready/internal/apperr"
)

var t0 = time.Date(2026, 3, 2, 9, 0, 0, 0, time.UTC)

// fail makes n failed attempts and returns the error of the last acquire.
func fail(l *limiter, at time.Time, account, address string, n int) error {
	var err error
	for range n {
		err = l.acquire(at, account, address)
	}
	return err
}

func TestLimiterPerAccount(t *testing.T) {
	t.Parallel()
	l := newLimiter(Limits{Window: 15 * time.Minute, PerAccount: 10, PerAddress: 30, MaxTracked: 100})
	if err := fail(l, t0, "ann@example.org", "", 10); err != nil {
		t.Fatalf("10th attempt refused: %v", err)
	}
	err := l.acquire(t0.Add(5*time.Minute), "ann@example.org", "")
	var rl *RateLimitError
	if !errors.As(err, &rl) || !errors.Is(err, apperr.ErrRateLimited) || rl.RetryAfterSeconds() != 600 {
		t.Fatalf("11th attempt: got %v, want a rate limit for 600 seconds", err)
	}
	if err := l.acquire(t0.Add(5*time.Minute), "bob@example.org", ""); err != nil {
		t.Errorf("another account is limited: %v", err)
	}
	if err := l.acquire(t0.Add(15*time.Minute), "ann@example.org", ""); err != nil {
		t.Errorf("still limited after the window: %v", err)
	}
}

func TestLimiterPerAddress(t *testing.T) {
	t.Parallel()
	l := newLimiter(Limits{Window: 15 * time.Minute, PerAccount: 10, PerAddress: 3, MaxTracked: 100})
	for i := range 3 {
		if err := l.acquire(t0, fmt.Sprintf("u%d@example.org", i), "192.0.2.1"); err != nil {
			t.Fatal(err)
		}
	}
	if err := l.acquire(t0.Add(time.Second), "new@example.org", "192.0.2.1"); !errors.Is(err, apperr.ErrRateLimited) {
		t.Errorf("4th failure from one address: got %v, want rate limited", err)
	}
	if err := l.acquire(t0, "new@example.org", "192.0.2.2"); err != nil {
		t.Errorf("another address is limited: %v", err)
	}
}

func TestLimiterSuccess(t *testing.T) {
	t.Parallel()
	l := newLimiter(Limits{Window: 15 * time.Minute, PerAccount: 2, PerAddress: 2, MaxTracked: 100})
	for range 5 {
		if err := l.acquire(t0, "ann@example.org", "192.0.2.1"); err != nil {
			t.Fatalf("successful sign-ins are limited: %v", err)
		}
		l.succeed(t0, "ann@example.org", "192.0.2.1")
	}
}

func TestLimiterMemoryIsBounded(t *testing.T) {
	t.Parallel()
	l := newLimiter(Limits{Window: 15 * time.Minute, PerAccount: 2, PerAddress: 2, MaxTracked: 50})
	for i := range 1000 {
		_ = l.acquire(t0.Add(time.Duration(i)*time.Second), fmt.Sprintf("u%d@example.org", i), fmt.Sprintf("10.0.%d.%d", i/256, i%256))
	}
	if len(l.accounts.m) > 50 || len(l.addresses.m) > 50 {
		t.Errorf("tracking %d accounts and %d addresses, want at most 50 each", len(l.accounts.m), len(l.addresses.m))
	}
	if _, ok := l.accounts.m["u999@example.org"]; !ok {
		t.Error("the newest account was evicted instead of the oldest")
	}
}

func TestRetryAfterRoundsUp(t *testing.T) {
	t.Parallel()
	for d, want := range map[time.Duration]int{0: 1, time.Millisecond: 1, time.Second: 1, 1500 * time.Millisecond: 2, 15 * time.Minute: 900} {
		if got := (&RateLimitError{RetryAfter: d}).RetryAfterSeconds(); got != want {
			t.Errorf("RetryAfterSeconds for %v = %d, want %d", d, got, want)
		}
	}
}

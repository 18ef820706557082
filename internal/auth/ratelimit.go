package auth

import (
	"cmp"
	"context"
	"fmt"
	"sync"
	"time"

	"vcready/internal/apperr"
)

// Limits throttle password guessing at sign-in and token creation, per account and
// per client address. Only failed attempts count against an address: many NHS
// sites reach the internet through one shared address, and a busy morning of
// correct sign-ins must not lock a whole trust out.
type Limits struct {
	// Window is how long failures are remembered, and the longest wait.
	Window time.Duration
	// PerAccount failed attempts on one email address within Window lock it until
	// the window ends. A successful sign-in clears them.
	PerAccount int
	// PerAddress failed attempts from one client address within Window block it.
	PerAddress int
	// MaxTracked bounds the accounts and the addresses remembered (each) by the
	// in-memory limiter, so memory stays bounded however many are tried; the oldest
	// are forgotten first. A RateLimitStore needs no bound: it deletes ended windows.
	MaxTracked int
}

// DefaultLimits: 10 failures per account and 30 per address in 15 minutes.
func DefaultLimits() Limits {
	return Limits{Window: 15 * time.Minute, PerAccount: 10, PerAddress: 30, MaxTracked: 20000}
}

func (l Limits) withDefaults() Limits {
	d := DefaultLimits()
	l.Window = cmp.Or(l.Window, d.Window)
	l.PerAccount = cmp.Or(l.PerAccount, d.PerAccount)
	l.PerAddress = cmp.Or(l.PerAddress, d.PerAddress)
	l.MaxTracked = cmp.Or(l.MaxTracked, d.MaxTracked)
	return l
}

// RateLimitError says too many attempts were made and when to try again. It wraps
// apperr.ErrRateLimited; the web layer sends RetryAfterSeconds as Retry-After.
type RateLimitError struct {
	RetryAfter time.Duration
}

func (e *RateLimitError) Error() string {
	return fmt.Sprintf("too many attempts: try again in %d seconds", e.RetryAfterSeconds())
}

// Unwrap makes errors.Is(err, apperr.ErrRateLimited) true.
func (e *RateLimitError) Unwrap() error { return apperr.ErrRateLimited }

// RetryAfterSeconds is the wait in whole seconds, rounded up, at least 1.
func (e *RateLimitError) RetryAfterSeconds() int {
	return max(1, int((e.RetryAfter+time.Second-1)/time.Second))
}

// limiter counts attempts in fixed windows that start at a key's first failure.
type limiter struct {
	mu        sync.Mutex
	window    time.Duration
	accounts  *counter
	addresses *counter
}

type counter struct {
	limit int
	max   int
	m     map[string]*window
}

type window struct {
	start    time.Time
	failures int
}

func newLimiter(l Limits) *limiter {
	return &limiter{
		window:    l.Window,
		accounts:  &counter{limit: l.PerAccount, max: l.MaxTracked, m: map[string]*window{}},
		addresses: &counter{limit: l.PerAddress, max: l.MaxTracked, m: map[string]*window{}},
	}
}

// acquire refuses an attempt when the account or address is blocked, and otherwise
// counts it as a failure in advance, so concurrent guesses cannot all slip past the
// check before any is counted. succeed takes it back. An empty address (the
// command line) is not limited by address.
func (l *limiter) acquire(now time.Time, account, address string) error {
	l.mu.Lock()
	defer l.mu.Unlock()
	wait := max(l.accounts.blocked(now, l.window, account), l.addresses.blocked(now, l.window, address))
	if wait > 0 {
		return &RateLimitError{RetryAfter: wait}
	}
	l.accounts.add(now, l.window, account, 1)
	l.addresses.add(now, l.window, address, 1)
	return nil
}

// succeed records a successful attempt: the account's failures are forgotten and the
// address's advance count is taken back.
func (l *limiter) succeed(now time.Time, account, address string) {
	l.mu.Lock()
	defer l.mu.Unlock()
	delete(l.accounts.m, account)
	l.addresses.add(now, l.window, address, -1)
}

// blocked returns how long key must wait, or 0.
func (c *counter) blocked(now time.Time, span time.Duration, key string) time.Duration {
	w := c.m[key]
	if key == "" || w == nil {
		return 0
	}
	end := w.start.Add(span)
	if !now.Before(end) || w.failures < c.limit {
		return 0
	}
	return end.Sub(now)
}

func (c *counter) add(now time.Time, span time.Duration, key string, n int) {
	if key == "" {
		return
	}
	w := c.m[key]
	if w == nil || !now.Before(w.start.Add(span)) {
		if n < 0 {
			return
		}
		c.makeRoom(now, span)
		w = &window{start: now}
		c.m[key] = w
	}
	w.failures = max(0, w.failures+n)
}

// makeRoom forgets finished windows when the map is full, and then, if it is still
// full, the window that started first.
func (c *counter) makeRoom(now time.Time, span time.Duration) {
	if len(c.m) < c.max {
		return
	}
	var oldest string
	for k, w := range c.m {
		if !now.Before(w.start.Add(span)) {
			delete(c.m, k)
		} else if oldest == "" || w.start.Before(c.m[oldest].start) {
			oldest = k
		}
	}
	if len(c.m) >= c.max && oldest != "" {
		delete(c.m, oldest)
	}
}

// RateLimitStore keeps the limiter's counters in the database, so that every app
// instance shares them and a restart keeps them. internal/store implements it; a
// Store without it gets the limiter in memory. Keys reach it only hashed.
type RateLimitStore interface {
	// AcquireRateLimits, in one transaction, checks and counts a failed attempt
	// against each counter. A counter's window lasts window from its first failure;
	// one that began at or before now-window is over and starts afresh at now. If
	// any counter already holds Limit failures in its window, it changes nothing and
	// returns the longest wait until such a window ends; otherwise it adds one
	// failure to every counter and returns 0. Windows that are over may be deleted.
	AcquireRateLimits(ctx context.Context, now time.Time, window time.Duration, counters []RateLimitCounter) (time.Duration, error)
	// ReleaseRateLimits deletes the counters named in clear and takes one failure
	// back from each counter in takeBack whose window is still open (never below 0).
	ReleaseRateLimits(ctx context.Context, now time.Time, window time.Duration, clear, takeBack []string) error
}

// RateLimitCounter is one counter that AcquireRateLimits checks: its key and the
// failures it allows in a window.
type RateLimitCounter struct {
	Key   string
	Limit int
}

// attempts is the limiter the service uses: the database's, shared by every
// instance, or the in-memory one when the Store keeps no counters.
type attempts interface {
	// begin is acquire; a limit that cannot be checked refuses the attempt.
	begin(ctx context.Context, now time.Time, account, address string) error
	// succeeded is succeed.
	succeeded(ctx context.Context, now time.Time, account, address string) error
}

// newAttempts keeps the counters in st when it is a RateLimitStore, and otherwise
// in this process's memory (bounded by l.MaxTracked).
func newAttempts(st Store, l Limits) attempts {
	if rs, ok := st.(RateLimitStore); ok {
		return &storeLimiter{st: rs, limits: l}
	}
	return newLimiter(l)
}

func (l *limiter) begin(_ context.Context, now time.Time, account, address string) error {
	return l.acquire(now, account, address)
}

func (l *limiter) succeeded(_ context.Context, now time.Time, account, address string) error {
	l.succeed(now, account, address)
	return nil
}

// storeLimiter is the limiter with its counters in the database: the same policy as
// limiter (fixed windows from a key's first failure, failures counted in advance,
// an account cleared and an address's advance taken back on success), with keys
// hashed so no email or client address is stored for it.
type storeLimiter struct {
	st     RateLimitStore
	limits Limits
}

func accountKey(email string) string { return "account:" + hashToken(email) }
func addressKey(ip string) string    { return "address:" + hashToken(ip) }

// begin fails closed: when the database cannot say whether the attempt is allowed,
// it is refused with apperr.ErrUnavailable, never let through unchecked.
func (l *storeLimiter) begin(ctx context.Context, now time.Time, account, address string) error {
	var counters []RateLimitCounter
	if account != "" {
		counters = append(counters, RateLimitCounter{Key: accountKey(account), Limit: l.limits.PerAccount})
	}
	if address != "" {
		counters = append(counters, RateLimitCounter{Key: addressKey(address), Limit: l.limits.PerAddress})
	}
	if len(counters) == 0 {
		return nil
	}
	wait, err := l.st.AcquireRateLimits(ctx, now, l.limits.Window, counters)
	if err != nil {
		return apperr.Unavailable("check sign-in limits", err)
	}
	if wait > 0 {
		return &RateLimitError{RetryAfter: wait}
	}
	return nil
}

func (l *storeLimiter) succeeded(ctx context.Context, now time.Time, account, address string) error {
	var clear, takeBack []string
	if account != "" {
		clear = []string{accountKey(account)}
	}
	if address != "" {
		takeBack = []string{addressKey(address)}
	}
	return l.st.ReleaseRateLimits(ctx, now, l.limits.Window, clear, takeBack)
}

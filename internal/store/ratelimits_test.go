package store_test

import (
	"sync"
	"testing"
	"time"

	"vcready/internal/auth"
	"vcready/internal/store"
	"vcready/internal/store/storetest"
)

const rlWindow = 15 * time.Minute

func acquire(t *testing.T, s *store.Store, at time.Time, counters ...auth.RateLimitCounter) time.Duration {
	t.Helper()
	wait, err := s.AcquireRateLimits(tctx, at, rlWindow, counters)
	if err != nil {
		t.Fatalf("AcquireRateLimits: %v", err)
	}
	return wait
}

func rlCount(t *testing.T, s *store.Store, key string) int {
	t.Helper()
	var n int
	if err := storetest.DB(t, s).Raw("SELECT count FROM rate_limits WHERE key = ?", key).Scan(&n).Error; err != nil {
		t.Fatal(err)
	}
	return n
}

func TestAcquireRateLimits(t *testing.T) {
	t.Parallel()
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		acct := auth.RateLimitCounter{Key: "account:a", Limit: 2}
		addr := auth.RateLimitCounter{Key: "address:x", Limit: 5}
		for range 2 {
			if wait := acquire(t, s, epoch, acct, addr); wait != 0 {
				t.Fatalf("refused within the limit: wait %v", wait)
			}
		}
		if wait := acquire(t, s, epoch.Add(5*time.Minute), addr, acct); wait != 10*time.Minute {
			t.Errorf("full counter: wait %v, want 10m", wait)
		}
		if n := rlCount(t, s, "address:x"); n != 2 {
			t.Errorf("a refused attempt counted against the other key: %d, want 2", n)
		}
		if wait := acquire(t, s, epoch.Add(rlWindow), acct); wait != 0 {
			t.Errorf("refused after the window: wait %v", wait)
		}
		if n := rlCount(t, s, "account:a"); n != 1 {
			t.Errorf("new window holds %d failures, want 1", n)
		}
	})
}

func TestReleaseRateLimits(t *testing.T) {
	t.Parallel()
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		acct := auth.RateLimitCounter{Key: "account:a", Limit: 2}
		addr := auth.RateLimitCounter{Key: "address:x", Limit: 5}
		acquire(t, s, epoch, acct, addr)
		acquire(t, s, epoch, acct, addr)
		if err := s.ReleaseRateLimits(tctx, epoch, rlWindow, []string{"account:a"}, []string{"address:x", "address:none"}); err != nil {
			t.Fatal(err)
		}
		if n := storetest.CountRows(t, s, "rate_limits"); n != 1 {
			t.Errorf("%d rows, want the address's only", n)
		}
		if n := rlCount(t, s, "address:x"); n != 1 {
			t.Errorf("address holds %d failures, want 1", n)
		}
		for range 2 {
			if err := s.ReleaseRateLimits(tctx, epoch, rlWindow, nil, []string{"address:x"}); err != nil {
				t.Fatal(err)
			}
		}
		if n := rlCount(t, s, "address:x"); n != 0 {
			t.Errorf("address holds %d failures, want 0 (never below)", n)
		}
	})
}

func TestRateLimitsPruneEndedWindows(t *testing.T) {
	t.Parallel()
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		acquire(t, s, epoch, auth.RateLimitCounter{Key: "account:old", Limit: 3})
		acquire(t, s, epoch.Add(10*time.Minute), auth.RateLimitCounter{Key: "account:mid", Limit: 3})
		acquire(t, s, epoch.Add(rlWindow), auth.RateLimitCounter{Key: "account:new", Limit: 3})
		if n := storetest.CountRows(t, s, "rate_limits"); n != 2 {
			t.Errorf("%d rows after a window, want 2 (the ended one deleted)", n)
		}
	})
}

// Concurrent attempts on one key, as from several instances, count one by one.
func TestAcquireRateLimitsConcurrently(t *testing.T) {
	t.Parallel()
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		const limit, tries = 5, 20
		var mu sync.Mutex
		allowed := 0
		var wg sync.WaitGroup
		for range tries {
			wg.Go(func() {
				wait, err := s.AcquireRateLimits(tctx, epoch, rlWindow,
					[]auth.RateLimitCounter{{Key: "account:a", Limit: limit}, {Key: "address:x", Limit: 100}})
				if err != nil {
					t.Error(err)
					return
				}
				if wait == 0 {
					mu.Lock()
					allowed++
					mu.Unlock()
				}
			})
		}
		wg.Wait()
		if allowed != limit {
			t.Errorf("%d of %d concurrent attempts allowed, want %d", allowed, tries, limit)
		}
	})
}

package store

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"strings"
	"time"

	"gorm.io/gorm"

	"vcready/internal/auth"
)

// rateLimitRow is a row of rate_limits: one fixed-window failure counter.
type rateLimitRow struct {
	Key         string `gorm:"primaryKey"`
	WindowStart time.Time
	Count       int
}

func (rateLimitRow) TableName() string { return "rate_limits" }

// errLimited rolls back an acquire that found a counter full.
var errLimited = errors.New("rate limited")

// AcquireRateLimits checks and counts a failed attempt against every counter, in one
// transaction (see auth.RateLimitStore). Each counter's row is locked (the upsert
// takes the lock on PostgreSQL; SQLite has one writer) in key order, so concurrent
// attempts from every instance count one after the other and two attempts on
// overlapping keys cannot deadlock. Afterwards it deletes the windows that are over.
func (s *Store) AcquireRateLimits(ctx context.Context, now time.Time, window time.Duration, counters []auth.RateLimitCounter) (time.Duration, error) {
	now = now.UTC()
	counters = slices.SortedFunc(slices.Values(counters), func(a, b auth.RateLimitCounter) int {
		return strings.Compare(a.Key, b.Key)
	})
	var wait time.Duration
	err := s.w.WithContext(ctx).Transaction(func(tx *gorm.DB) error {
		rows := make([]rateLimitRow, len(counters))
		for i, c := range counters {
			// Insert an empty window, or lock the existing row with a no-op update.
			err := tx.Exec(`INSERT INTO rate_limits (key, window_start, count) VALUES (?, ?, 0)
				ON CONFLICT (key) DO UPDATE SET count = rate_limits.count`, c.Key, now).Error
			if err != nil {
				return fmt.Errorf("lock rate limit: %w", err)
			}
			if err := tx.Where("key = ?", c.Key).Take(&rows[i]).Error; err != nil {
				return fmt.Errorf("read rate limit: %w", err)
			}
			r := &rows[i]
			if end := r.WindowStart.Add(window); !now.Before(end) {
				r.WindowStart, r.Count = now, 0
			} else if r.Count >= c.Limit {
				wait = max(wait, end.Sub(now))
			}
		}
		if wait > 0 {
			return errLimited
		}
		for _, r := range rows {
			err := tx.Model(&rateLimitRow{}).Where("key = ?", r.Key).
				Updates(map[string]any{"window_start": r.WindowStart.UTC(), "count": r.Count + 1}).Error
			if err != nil {
				return fmt.Errorf("count rate limit: %w", err)
			}
		}
		return nil
	})
	switch {
	case errors.Is(err, errLimited):
		return wait, nil
	case err != nil:
		return 0, fmt.Errorf("acquire rate limits: %w", err)
	}
	s.pruneRateLimits(ctx, now.Add(-window))
	return 0, nil
}

// pruneRateLimits deletes the windows that began at or before cutoff, so the table
// holds only the keys tried within one window. On PostgreSQL it skips rows another
// transaction holds, rather than wait and risk a deadlock with an acquire. A failure
// is left for the next write to retry (the SQL logger reports it).
func (s *Store) pruneRateLimits(ctx context.Context, cutoff time.Time) {
	q := `DELETE FROM rate_limits WHERE window_start <= ?`
	if s.dialect == Postgres {
		q = `DELETE FROM rate_limits WHERE key IN
			(SELECT key FROM rate_limits WHERE window_start <= ? FOR UPDATE SKIP LOCKED)`
	}
	_ = s.w.WithContext(ctx).Exec(q, cutoff.UTC()).Error
}

// ReleaseRateLimits deletes the counters in clear and takes one failure back from
// each counter in takeBack whose window is still open. Each statement stands alone:
// nothing here needs the two to agree, and holding one row at a time cannot deadlock.
func (s *Store) ReleaseRateLimits(ctx context.Context, now time.Time, window time.Duration, clear, takeBack []string) error {
	db := s.w.WithContext(ctx)
	if len(clear) > 0 {
		if err := db.Where("key IN ?", clear).Delete(&rateLimitRow{}).Error; err != nil {
			return fmt.Errorf("clear rate limits: %w", err)
		}
	}
	if len(takeBack) > 0 {
		err := db.Model(&rateLimitRow{}).Where("key IN ? AND count > 0 AND window_start > ?", takeBack, now.UTC().Add(-window)).
			Update("count", gorm.Expr("count - 1")).Error
		if err != nil {
			return fmt.Errorf("take back rate limits: %w", err)
		}
	}
	return nil
}

package assessment

import (
	"context"
	"errors"
	"fmt"
	"sync"
	"time"

	"vcready/internal/apperr"
	"vcready/internal/questionnaire"
)

// OpenDataStore is what the open data needs of the store.
type OpenDataStore interface {
	// OpenDataSubmissions lists every submitted assessment with its team's setting and
	// nation and its organisation's publish_open_data and demo flags.
	OpenDataSubmissions(ctx context.Context) ([]OpenDataSubmission, error)
	// CreateOpenDataSnapshot stores a snapshot; it fails with ErrSnapshotExists when
	// there is one for its date already (the date is the key, so of two builders
	// racing, on one instance or several, exactly one wins).
	CreateOpenDataSnapshot(ctx context.Context, od OpenData) error
	// LatestOpenDataSnapshot returns the snapshot with the latest date, or an error
	// wrapping apperr.ErrNotFound when there is none.
	LatestOpenDataSnapshot(ctx context.Context) (OpenData, error)
}

// ErrSnapshotExists: an open-data snapshot for that date has been stored already.
var ErrSnapshotExists = errors.New("open-data snapshot exists for this date")

// openDataBuilds serialises the builds of one process, so that the first requests of a
// day wait for one build instead of each running the aggregate query.
type openDataBuilds struct{ mu sync.Mutex }

// OpenDataBenchmarks returns the open data (SCORING.md "Open data"), which anyone may
// read: the latest daily snapshot, building today's (UTC) first when there is none.
// A snapshot is never rebuilt: all reads of one day see the same figures, so a single
// new submission cannot be worked out by comparing two reads.
func (s *Service) OpenDataBenchmarks(ctx context.Context) (OpenData, error) {
	today := utcDay(s.now())
	latest, err := s.st.LatestOpenDataSnapshot(ctx)
	if err == nil && !latest.SnapshotDate.Before(today) {
		return latest, nil
	}
	if err != nil && !errors.Is(err, apperr.ErrNotFound) {
		return OpenData{}, fmt.Errorf("read open data: %w", err)
	}
	return s.buildOpenData(ctx, today)
}

// buildOpenData builds and stores today's snapshot unless another request, here or on
// another instance, has just done so; then it serves that one.
func (s *Service) buildOpenData(ctx context.Context, today time.Time) (OpenData, error) {
	if s.openData != nil {
		s.openData.mu.Lock()
		defer s.openData.mu.Unlock()
	}
	if latest, err := s.st.LatestOpenDataSnapshot(ctx); err == nil && !latest.SnapshotDate.Before(today) {
		return latest, nil
	}
	subs, err := s.st.OpenDataSubmissions(ctx)
	if err != nil {
		return OpenData{}, fmt.Errorf("build open data: %w", err)
	}
	od := OpenData{SnapshotDate: today, BuiltAt: s.now(), Questionnaires: AggregateOpenData(subs, s.considerationOrder)}
	err = s.st.CreateOpenDataSnapshot(ctx, od)
	if errors.Is(err, ErrSnapshotExists) {
		// Someone else built it first: serve theirs, so every reader sees one snapshot.
		if od, err = s.st.LatestOpenDataSnapshot(ctx); err != nil {
			return OpenData{}, fmt.Errorf("read open data built elsewhere: %w", err)
		}
		return od, nil
	}
	if err != nil {
		return OpenData{}, fmt.Errorf("store open data: %w", err)
	}
	return od, nil
}

// considerationOrder is the order of the considerations in the newest loaded version
// of a questionnaire id and major version.
func (s *Service) considerationOrder(id string, major int) []string {
	q, ok := s.NewestOfMajor(id, major)
	if !ok {
		return nil
	}
	keys := make([]string, len(q.Considerations))
	for i, c := range q.Considerations {
		keys[i] = c.Key
	}
	return keys
}

// NewestOfMajor returns the newest loaded version of a questionnaire id and
// major version, for its title and consideration titles; false when none is loaded.
func (s *Service) NewestOfMajor(id string, major int) (*questionnaire.Questionnaire, bool) {
	var newest *questionnaire.Questionnaire
	for _, q := range s.qs.All() {
		if q.ID == id && questionnaire.Major(q.Version) == major &&
			(newest == nil || questionnaire.CompareVersions(q.Version, newest.Version) > 0) {
			newest = q
		}
	}
	return newest, newest != nil
}

// utcDay is midnight UTC of t's day.
func utcDay(t time.Time) time.Time {
	y, m, d := t.UTC().Date()
	return time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
}

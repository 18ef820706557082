package assessment_test

import (
	"context"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"vcready/internal/assessment"
	"vcready/internal/store"
	"vcready/internal/store/storetest"
)

// countingBuilds counts how often the aggregate's input is read, that is how often a
// snapshot is built.
type countingBuilds struct {
	*store.Store
	builds atomic.Int32
}

func (c *countingBuilds) OpenDataSubmissions(ctx context.Context) ([]assessment.OpenDataSubmission, error) {
	c.builds.Add(1)
	return c.Store.OpenDataSubmissions(ctx)
}

func TestOpenDataIsBuiltOncePerDay(t *testing.T) {
	t.Parallel()
	st := &countingBuilds{Store: storetest.SQLite(t)}
	svc := assessment.New(st, mustQuestionnaires(t))
	now := time.Date(2026, 12, 1, 0, 0, 1, 0, time.UTC)
	svc.Now = func() time.Time { return now }
	first, err := svc.OpenDataBenchmarks(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if want := time.Date(2026, 12, 1, 0, 0, 0, 0, time.UTC); !first.SnapshotDate.Equal(want) {
		t.Errorf("snapshot date = %s, want %s", first.SnapshotDate, want)
	}
	now = now.Add(23 * time.Hour)
	again, err := svc.OpenDataBenchmarks(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if n := st.builds.Load(); n != 1 || !again.BuiltAt.Equal(first.BuiltAt) {
		t.Errorf("later the same day: %d builds, built at %s; want 1 build at %s", n, again.BuiltAt, first.BuiltAt)
	}
	now = now.Add(time.Hour)
	next, err := svc.OpenDataBenchmarks(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if n := st.builds.Load(); n != 2 || !next.SnapshotDate.Equal(first.SnapshotDate.AddDate(0, 0, 1)) {
		t.Errorf("the next day: %d builds, snapshot of %s; want 2 builds, the next day's", n, next.SnapshotDate)
	}
}

// TestOpenDataConcurrentBuildersAgree: instances racing to build the day's snapshot
// (each service here is one instance, with its own lock) store one and all serve it.
func TestOpenDataConcurrentBuildersAgree(t *testing.T) {
	t.Parallel()
	st := storetest.SQLite(t)
	qs := mustQuestionnaires(t)
	var wg sync.WaitGroup
	got := make([]assessment.OpenData, 8)
	errs := make([]error, len(got))
	for i := range got {
		svc := assessment.New(st, qs)
		built := time.Date(2026, 12, 1, 8, 0, i, 0, time.UTC)
		svc.Now = func() time.Time { return built }
		wg.Go(func() { got[i], errs[i] = svc.OpenDataBenchmarks(ctx) })
	}
	wg.Wait()
	for i := range got {
		if errs[i] != nil {
			t.Fatalf("builder %d: %v", i, errs[i])
		}
		if !got[i].BuiltAt.Equal(got[0].BuiltAt) {
			t.Errorf("builder %d serves the snapshot built at %s, builder 0 the one built at %s", i, got[i].BuiltAt, got[0].BuiltAt)
		}
	}
	if n := storetest.CountRows(t, st, "open_data_snapshots"); n != 1 {
		t.Errorf("%d snapshots stored, want 1", n)
	}
}

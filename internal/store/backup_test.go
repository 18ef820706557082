package store_test

import (
	"errors"
	"fmt"
	"path/filepath"
	"sync"
	"testing"

	"vcready/internal/assessment"
	"vcready/internal/backup"
	"vcready/internal/store"
	"vcready/internal/store/storetest"
)

// The store is the backup service's Snapshotter.
var _ backup.Snapshotter = (*store.Store)(nil)

// TestSnapshotFileWhileWriting: a snapshot taken while another goroutine writes is a
// sound, fully migrated database holding at least what was there before it began.
func TestSnapshotFileWhileWriting(t *testing.T) {
	t.Parallel()
	st := storetest.SQLite(t)
	for i := range 20 {
		storetest.SeedOrganisation(t, st, fmt.Sprintf("before-%02d", i), fmt.Sprintf("Before %02d", i))
	}
	stop := make(chan struct{})
	var wg sync.WaitGroup
	wg.Go(func() {
		for i := 0; ; i++ {
			select {
			case <-stop:
				return
			default:
			}
			_ = st.CreateOrganisation(tctx, assessment.Organisation{ID: fmt.Sprintf("during-%04d", i), Name: fmt.Sprintf("During %d", i), CreatedAt: epoch})
		}
	})
	path := filepath.Join(t.TempDir(), "snap.db")
	err := st.SnapshotFile(tctx, path)
	close(stop)
	wg.Wait()
	if err != nil {
		t.Fatal(err)
	}
	check, err := store.CheckSQLiteFile(tctx, path)
	if err != nil || len(check.Pending) != 0 || len(check.Applied) == 0 {
		t.Fatalf("CheckSQLiteFile = %+v, %v; want every migration applied", check, err)
	}
	copyStore, err := store.Open(tctx, path, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer copyStore.Close()
	if orgs, err := copyStore.Organisations(tctx); err != nil || len(orgs) < 20 {
		t.Errorf("the snapshot holds %d organisations (%v), want at least the 20 made before it", len(orgs), err)
	}
}

func TestSnapshotFileRefusesAnExistingFile(t *testing.T) {
	t.Parallel()
	st := storetest.SQLite(t)
	path := filepath.Join(t.TempDir(), "snap.db")
	if err := st.SnapshotFile(tctx, path); err != nil {
		t.Fatal(err)
	}
	if err := st.SnapshotFile(tctx, path); err == nil {
		t.Error("a second snapshot to the same path succeeded; want VACUUM INTO to refuse")
	}
}

func TestSnapshotFileOnPostgres(t *testing.T) {
	t.Parallel()
	st := storetest.Postgres(t)
	if err := st.SnapshotFile(tctx, filepath.Join(t.TempDir(), "x.db")); !errors.Is(err, backup.ErrUnsupported) {
		t.Errorf("SnapshotFile on PostgreSQL = %v, want backup.ErrUnsupported", err)
	}
}

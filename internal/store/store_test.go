package store_test

import (
	"context"
	"path/filepath"
	"testing"

	"vcready/internal/store"
	"vcready/internal/store/storetest"
)

func TestMigrateIsIdempotentAndReady(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		ctx := context.Background()
		if err := s.Ready(ctx); err != nil {
			t.Fatalf("Ready after migrate: %v", err)
		}
		again, err := s.Migrate(ctx)
		if err != nil {
			t.Fatalf("second Migrate: %v", err)
		}
		if len(again) != 0 {
			t.Errorf("second Migrate applied %v, want nothing", again)
		}
	})
}

func TestReadyReportsPendingMigrations(t *testing.T) {
	ctx := context.Background()
	s, err := store.Open(ctx, filepath.Join(t.TempDir(), "fresh.db"), nil)
	if err != nil {
		t.Fatalf("Open: %v", err)
	}
	defer s.Close()
	if err := s.Ready(ctx); err == nil {
		t.Fatal("Ready on an unmigrated database: got nil, want an error")
	}
	applied, err := s.Migrate(ctx)
	if err != nil {
		t.Fatalf("Migrate: %v", err)
	}
	if len(applied) == 0 {
		t.Fatal("Migrate applied nothing on a fresh database")
	}
	if err := s.Ready(ctx); err != nil {
		t.Errorf("Ready after Migrate: %v", err)
	}
}

func TestSQLiteIsConfiguredForAConcurrentService(t *testing.T) {
	s := storetest.SQLite(t)
	got := s.SQLitePragmas(context.Background())
	want := map[string]string{"journal_mode": "wal", "foreign_keys": "1", "busy_timeout": "5000"}
	for k, v := range want {
		if got[k] != v {
			t.Errorf("PRAGMA %s = %q, want %q", k, got[k], v)
		}
	}
}

func TestIsPostgres(t *testing.T) {
	cases := map[string]bool{
		"postgres://u@h/db":   true,
		"postgresql://u@h/db": true,
		"vcready.db":          false,
		"/data/vcready.db":    false,
	}
	for dsn, want := range cases {
		if got := store.IsPostgres(dsn); got != want {
			t.Errorf("IsPostgres(%q) = %v, want %v", dsn, got, want)
		}
	}
}

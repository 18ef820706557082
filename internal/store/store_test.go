package store_test

import (
	"context"
	"errors"
	"path/filepath"
	"testing"
	"time"

	"vcready/internal/apperr"
	"vcready/internal/assessment"
	"vcready/internal/auth"
	"vcready/internal/store"
	"vcready/internal/store/storetest"
)

// The store is the Store of both services.
var (
	_ assessment.Store = (*store.Store)(nil)
	_ auth.Store       = (*store.Store)(nil)
)

var (
	tctx = context.Background()
	// epoch stops at microseconds, the precision PostgreSQL keeps: the service
	// truncates its clock the same way before storing.
	epoch = time.Date(2025, 5, 6, 7, 8, 9, 123456000, time.UTC)
)

func TestMigrateIsIdempotentAndReady(t *testing.T) {
	t.Parallel()
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
	t.Parallel()
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
	t.Parallel()
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
	t.Parallel()
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

func TestDuplicateNamesAndMissingRows(t *testing.T) {
	t.Parallel()
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		mustOrganisation(t, s, "org-a", "Alpha")
		mustTeam(t, s, "team-a", "org-a", "Physio")
		other := mustTeam(t, s, "team-b", "org-a", "Podiatry")
		renamed := other
		renamed.Name = "PHYSIO"
		cases := []struct {
			name string
			err  error
			want error
		}{
			{"organisation name in another case", s.CreateOrganisation(tctx, assessment.Organisation{ID: "org-x", Name: "ALPHA", CreatedAt: epoch}), assessment.ErrDuplicateName},
			{"team name in another case", s.CreateTeam(tctx, assessment.Team{ID: "team-x", OrganisationID: "org-a", Name: "physio", CreatedAt: epoch}), assessment.ErrDuplicateName},
			{"team renamed to a sibling's name", s.UpdateTeam(tctx, renamed), assessment.ErrDuplicateName},
			{"update of a missing team", s.UpdateTeam(tctx, assessment.Team{ID: "nope", Name: "n"}), apperr.ErrNotFound},
			{"missing organisation", errOf(s.Organisation(tctx, "nope")), apperr.ErrNotFound},
			{"missing team", errOf(s.Team(tctx, "nope")), apperr.ErrNotFound},
			{"missing assessment", errOf(s.Assessment(tctx, "nope")), apperr.ErrNotFound},
			{"no submitted assessment", errOf(s.LatestSubmitted(tctx, "team-a", nil)), apperr.ErrNotFound},
			{"answers to a missing assessment", s.SaveAnswers(tctx, "nope", nil, nil), apperr.ErrNotFound},
		}
		for _, c := range cases {
			if !errors.Is(c.err, c.want) {
				t.Errorf("%s: error %v, want %v", c.name, c.err, c.want)
			}
		}
	})
}

func errOf[T any](_ T, err error) error { return err }

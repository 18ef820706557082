// Package storetest opens real, migrated stores for tests: a SQLite file in the test's
// temporary directory and, when VCREADY_TEST_POSTGRES names a server, a fresh
// PostgreSQL schema that is dropped afterwards. Its Seed helpers, CountRows,
// DisableUser and DB let suites of other packages (auth, assessment) set up and
// inspect rows without the store exporting anything for tests.
package storetest

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"net/url"
	"os"
	"path/filepath"
	"testing"

	"gorm.io/driver/postgres"
	"gorm.io/gorm"

	"vcready/internal/store"
)

// PostgresEnv names the environment variable holding a PostgreSQL URL for tests, e.g.
// postgres://vcready:vcready@127.0.0.1:5432/vcready_test?sslmode=disable.
const PostgresEnv = "VCREADY_TEST_POSTGRES"

// SQLite opens a migrated store on a new SQLite file.
func SQLite(t testing.TB) *store.Store {
	t.Helper()
	return open(t, filepath.Join(t.TempDir(), "vcready.db"))
}

// Postgres opens a migrated store in a new PostgreSQL schema. Without a server it
// skips the test, except in CI (CI=true), where a skipped database test would hide
// a broken pipeline, so it fails instead.
func Postgres(t testing.TB) *store.Store {
	t.Helper()
	base := os.Getenv(PostgresEnv)
	if base == "" {
		if os.Getenv("CI") == "true" {
			t.Fatalf("%s is not set: CI must run the PostgreSQL store tests", PostgresEnv)
		}
		t.Skipf("PostgreSQL tests skipped: set %s to a server URL to run them", PostgresEnv)
	}
	schema := "t_" + randomHex(8)
	admin, err := gorm.Open(postgres.Open(base), &gorm.Config{})
	if err != nil {
		t.Fatalf("connect to %s: %v", PostgresEnv, err)
	}
	if err := admin.Exec("CREATE SCHEMA " + schema).Error; err != nil {
		t.Fatalf("create schema: %v", err)
	}
	t.Cleanup(func() {
		admin.Exec("DROP SCHEMA " + schema + " CASCADE")
		if db, err := admin.DB(); err == nil {
			db.Close()
		}
	})
	return open(t, withSearchPath(t, base, schema))
}

// Each runs fn as a subtest against every dialect: "sqlite" and "postgres".
func Each(t *testing.T, fn func(t *testing.T, s *store.Store)) {
	t.Helper()
	t.Run(store.SQLite, func(t *testing.T) { fn(t, SQLite(t)) })
	t.Run(store.Postgres, func(t *testing.T) { fn(t, Postgres(t)) })
}

func open(t testing.TB, dsn string) *store.Store {
	t.Helper()
	ctx := context.Background()
	s, err := store.Open(ctx, dsn, nil)
	if err != nil {
		t.Fatalf("open store: %v", err)
	}
	t.Cleanup(func() { s.Close() })
	if _, err := s.Migrate(ctx); err != nil {
		t.Fatalf("migrate: %v", err)
	}
	remember(t, s, dsn)
	return s
}

func withSearchPath(t testing.TB, base, schema string) string {
	t.Helper()
	u, err := url.Parse(base)
	if err != nil {
		t.Fatalf("parse %s: %v", PostgresEnv, err)
	}
	q := u.Query()
	q.Set("search_path", schema)
	u.RawQuery = q.Encode()
	return u.String()
}

func randomHex(n int) string {
	b := make([]byte, n)
	_, _ = rand.Read(b)
	return hex.EncodeToString(b)
}

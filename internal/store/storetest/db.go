package storetest

import (
	"net/url"
	"strings"
	"sync"
	"testing"

	"gorm.io/driver/postgres"
	"gorm.io/driver/sqlite"
	"gorm.io/gorm"

	"vcready/internal/store"
)

// handles maps each store this package opened to the way to reach its database
// directly. The store keeps its own connections private, and test kits do not
// widen its API: DB opens a second connection from the DSN instead.
var handles sync.Map // *store.Store -> *handle

type handle struct {
	dsn  string
	once sync.Once
	db   *gorm.DB
	err  error
}

// remember records how to reach s's database until the test that opened it ends;
// the handle, if DB opened one, closes before the store does.
func remember(t testing.TB, s *store.Store, dsn string) {
	h := &handle{dsn: dsn}
	handles.Store(s, h)
	t.Cleanup(func() {
		handles.Delete(s)
		if h.db != nil {
			if db, err := h.db.DB(); err == nil {
				db.Close()
			}
		}
	})
}

// DB is a second connection to st's database (opened on first use, closed when the
// test that opened st ends), for what no store method does: reading columns no
// method returns, counting rows, or changing a row in a way no service can yet.
// Prefer the store's methods and the Seed helpers; st must come from SQLite,
// Postgres or Each.
func DB(t testing.TB, st *store.Store) *gorm.DB {
	t.Helper()
	v, ok := handles.Load(st)
	if !ok {
		t.Fatal("storetest.DB: the store was not opened by storetest (or its test has ended)")
	}
	h := v.(*handle)
	h.once.Do(func() { h.db, h.err = openDirect(h.dsn) })
	if h.err != nil {
		t.Fatalf("storetest.DB: %v", h.err)
	}
	return h.db
}

// openDirect opens one plain connection to the database at dsn: a PostgreSQL URL
// (with the test's search_path) or a SQLite file, with the store's busy timeout and
// foreign keys so writes behave as the store's do.
func openDirect(dsn string) (*gorm.DB, error) {
	var dialector gorm.Dialector
	if store.IsPostgres(dsn) {
		dialector = postgres.Open(dsn)
	} else {
		path := strings.TrimPrefix(dsn, "sqlite://")
		dialector = sqlite.Open("file:" + (&url.URL{Path: path}).EscapedPath() + "?_busy_timeout=5000&_foreign_keys=on")
	}
	db, err := gorm.Open(dialector, &gorm.Config{TranslateError: true})
	if err != nil {
		return nil, err
	}
	sqlDB, err := db.DB()
	if err != nil {
		return nil, err
	}
	sqlDB.SetMaxOpenConns(1)
	return db, nil
}

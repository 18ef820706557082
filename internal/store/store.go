// Package store keeps vcready's data with GORM: SQLite (embedded default) or
// PostgreSQL (for larger deployments and several app instances). The schema is
// versioned SQL (migrations/<dialect>/NNNN_name.sql), embedded and applied in order.
//
// Row types are private to this package; services see their own types through the
// interfaces they declare.
package store

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net/url"
	"path/filepath"
	"runtime"
	"strings"
	"time"

	"gorm.io/driver/postgres"
	"gorm.io/driver/sqlite"
	"gorm.io/gorm"
	"gorm.io/gorm/logger"
)

// Dialects.
const (
	SQLite   = "sqlite"
	Postgres = "postgres"
)

// Store is the database. SQLite allows one writer at a time, so writes go through a
// single connection with immediate transactions (no SQLITE_BUSY_SNAPSHOT surprises)
// and reads through a separate read-only pool. On PostgreSQL both handles are the
// same pool.
type Store struct {
	dialect string
	w       *gorm.DB // every write, and any transaction that reads then writes
	r       *gorm.DB // pure reads
	Now     func() time.Time
}

// Open connects to dsn: a postgres:// or postgresql:// URL selects PostgreSQL,
// anything else is a SQLite file path. It does not migrate; call Migrate.
func Open(ctx context.Context, dsn string, log *slog.Logger) (*Store, error) {
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	cfg := &gorm.Config{
		TranslateError: true,
		NowFunc:        func() time.Time { return time.Now().UTC() },
		Logger: sqlLog{logger.NewSlogLogger(log, logger.Config{
			SlowThreshold:             200 * time.Millisecond,
			IgnoreRecordNotFoundError: true,
			ParameterizedQueries:      true, // answers are health-service data: keep values out of logs
			LogLevel:                  logger.Warn,
		})},
	}
	if IsPostgres(dsn) {
		return openPostgres(ctx, dsn, cfg)
	}
	return openSQLite(ctx, dsn, cfg)
}

// IsPostgres reports whether dsn selects PostgreSQL.
func IsPostgres(dsn string) bool {
	return strings.HasPrefix(dsn, "postgres://") || strings.HasPrefix(dsn, "postgresql://")
}

func openPostgres(ctx context.Context, dsn string, cfg *gorm.Config) (*Store, error) {
	db, err := gorm.Open(postgres.Open(dsn), cfg)
	if err != nil {
		return nil, fmt.Errorf("open postgres: %w", err)
	}
	sqlDB, err := db.DB()
	if err != nil {
		return nil, fmt.Errorf("open postgres: %w", err)
	}
	sqlDB.SetMaxOpenConns(20)
	sqlDB.SetConnMaxIdleTime(5 * time.Minute)
	if err := sqlDB.PingContext(ctx); err != nil {
		_ = sqlDB.Close()
		return nil, fmt.Errorf("connect to postgres: %w", err)
	}
	return &Store{dialect: Postgres, w: db, r: db, Now: utcNow}, nil
}

func openSQLite(ctx context.Context, path string, cfg *gorm.Config) (*Store, error) {
	abs, err := filepath.Abs(strings.TrimPrefix(path, "sqlite://"))
	if err != nil {
		return nil, fmt.Errorf("sqlite path %q: %w", path, err)
	}
	w, err := openSQLiteHandle(ctx, sqliteDSN(abs, false), cfg, 1)
	if err != nil {
		return nil, err
	}
	// The writer opened (and pinged) first switches the file to WAL; a read-only
	// connection could not.
	r, err := openSQLiteHandle(ctx, sqliteDSN(abs, true), cfg, max(4, runtime.NumCPU()))
	if err != nil {
		closeDB(w)
		return nil, err
	}
	return &Store{dialect: SQLite, w: w, r: r, Now: utcNow}, nil
}

// sqliteDSN builds a mattn/go-sqlite3 DSN. The file: prefix matters: without it the
// driver ignores mode=ro.
func sqliteDSN(path string, readOnly bool) string {
	q := url.Values{}
	q.Set("_busy_timeout", "5000")
	q.Set("_foreign_keys", "on")
	if readOnly {
		q.Set("mode", "ro")
	} else {
		q.Set("mode", "rwc")
		q.Set("_journal_mode", "WAL")
		q.Set("_synchronous", "NORMAL")
		q.Set("_txlock", "immediate")
	}
	return "file:" + (&url.URL{Path: path}).EscapedPath() + "?" + q.Encode()
}

func openSQLiteHandle(ctx context.Context, dsn string, cfg *gorm.Config, conns int) (*gorm.DB, error) {
	db, err := gorm.Open(sqlite.Open(dsn), cfg)
	if err != nil {
		return nil, fmt.Errorf("open sqlite: %w", err)
	}
	sqlDB, err := db.DB()
	if err != nil {
		return nil, fmt.Errorf("open sqlite: %w", err)
	}
	sqlDB.SetMaxOpenConns(conns)
	sqlDB.SetMaxIdleConns(conns)
	sqlDB.SetConnMaxLifetime(0)
	if err := sqlDB.PingContext(ctx); err != nil {
		_ = sqlDB.Close()
		return nil, fmt.Errorf("open sqlite: %w", err)
	}
	return db, nil
}

// Dialect is SQLite or Postgres.
func (s *Store) Dialect() string { return s.dialect }

// Close checkpoints SQLite's write-ahead log and closes every connection.
func (s *Store) Close() error {
	if s.dialect == SQLite {
		_ = s.w.Exec("PRAGMA wal_checkpoint(TRUNCATE)").Error
		closeDB(s.r)
	}
	return closeDBErr(s.w)
}

// Ready reports whether the database answers and every embedded migration is applied.
func (s *Store) Ready(ctx context.Context) error {
	pending, err := s.Pending(ctx)
	if err != nil {
		return err
	}
	if len(pending) > 0 {
		return fmt.Errorf("%d migrations pending (first %s)", len(pending), pending[0])
	}
	return nil
}

func closeDB(db *gorm.DB) { _ = closeDBErr(db) }

func closeDBErr(db *gorm.DB) error {
	sqlDB, err := db.DB()
	if err != nil {
		return err
	}
	return sqlDB.Close()
}

func utcNow() time.Time { return time.Now().UTC() }

// notFound translates GORM's "no row" into the caller's not-found error.
func notFound(err error, what error) error {
	if errors.Is(err, gorm.ErrRecordNotFound) {
		return what
	}
	return err
}

// SQLitePragmas reads the settings that matter for a concurrent service from the
// writer connection (for tests and the start-up log). Empty on PostgreSQL.
func (s *Store) SQLitePragmas(ctx context.Context) map[string]string {
	out := map[string]string{}
	if s.dialect != SQLite {
		return out
	}
	for _, p := range []string{"journal_mode", "foreign_keys", "busy_timeout", "synchronous"} {
		var v string
		if err := s.w.WithContext(ctx).Raw("PRAGMA " + p).Row().Scan(&v); err == nil {
			out[p] = v
		}
	}
	return out
}

package store

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"gorm.io/driver/sqlite"
	"gorm.io/gorm"
	"gorm.io/gorm/logger"

	"vcready/internal/backup"
)

// sqliteHeader opens every SQLite database file.
var sqliteHeader = []byte("SQLite format 3\x00")

// SnapshotFile writes a consistent copy of the database to path with VACUUM INTO,
// which reads one snapshot while the service keeps running, and then checks the copy
// with PRAGMA integrity_check; a copy that fails the check is removed. path must not
// exist. PostgreSQL answers backup.ErrUnsupported: use pg_dump.
func (s *Store) SnapshotFile(ctx context.Context, path string) error {
	if s.dialect != SQLite {
		return backup.ErrUnsupported
	}
	if err := s.w.WithContext(ctx).Exec("VACUUM INTO ?", path).Error; err != nil {
		return fmt.Errorf("vacuum into %s: %w", path, err)
	}
	if _, err := CheckSQLiteFile(ctx, path); err != nil {
		_ = os.Remove(path)
		return err
	}
	return nil
}

// FileCheck is what CheckSQLiteFile found in a database file.
type FileCheck struct {
	Applied []string // migrations recorded in the file, in order
	Pending []string // migrations of this binary the file lacks: applied at next start
}

// Errors of CheckSQLiteFile, for the command line to word.
var (
	ErrNotSQLite = errors.New("not a SQLite database")
	ErrCorrupt   = errors.New("fails the integrity check")
	ErrFuture    = errors.New("made by a newer vcready")
	ErrInUse     = errors.New("is open in another process")
)

// CheckSQLiteFile opens path read-only and reports whether it is a sound vcready
// database this binary can run on: a SQLite file whose integrity check is ok and
// whose migrations are all known here (an older level is fine).
func CheckSQLiteFile(ctx context.Context, path string) (FileCheck, error) {
	if err := checkHeader(path); err != nil {
		return FileCheck{}, err
	}
	db, err := gorm.Open(sqlite.Open(sqliteDSN(path, true)), &gorm.Config{Logger: logger.Discard})
	if err != nil { // the header is SQLite's, so the rest of the file is damaged
		return FileCheck{}, fmt.Errorf("%s %w (%s)", path, ErrCorrupt, err)
	}
	defer closeDB(db)
	if err := integrityCheck(ctx, db); err != nil {
		return FileCheck{}, fmt.Errorf("%s %w (%s)", path, ErrCorrupt, err)
	}
	return checkMigrations(ctx, db, path)
}

func checkHeader(path string) error {
	f, err := os.Open(path)
	if err != nil {
		return err
	}
	defer f.Close()
	head := make([]byte, len(sqliteHeader))
	if _, err := io.ReadFull(f, head); err != nil || !bytes.Equal(head, sqliteHeader) {
		return fmt.Errorf("%s is %w", path, ErrNotSQLite)
	}
	return nil
}

func integrityCheck(ctx context.Context, db *gorm.DB) error {
	var results []string
	rows, err := db.WithContext(ctx).Raw("PRAGMA integrity_check").Rows()
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		var r string
		if err := rows.Scan(&r); err != nil {
			return err
		}
		results = append(results, r)
	}
	if err := rows.Err(); err != nil {
		return err
	}
	if len(results) != 1 || results[0] != "ok" {
		return errors.New(strings.Join(results, "; "))
	}
	return nil
}

func checkMigrations(ctx context.Context, db *gorm.DB, path string) (FileCheck, error) {
	known, err := migrations(SQLite)
	if err != nil {
		return FileCheck{}, err
	}
	var rows []schemaMigration
	if !db.WithContext(ctx).Migrator().HasTable("schema_migrations") {
		return FileCheck{}, fmt.Errorf("%s is not a vcready database (no schema_migrations table)", path)
	}
	if err := db.WithContext(ctx).Order("version").Find(&rows).Error; err != nil {
		return FileCheck{}, fmt.Errorf("read schema_migrations of %s: %w", path, err)
	}
	var out FileCheck
	done := map[int]bool{}
	for _, r := range rows {
		if !slices.ContainsFunc(known, func(m migration) bool { return m.Version == r.Version }) {
			return FileCheck{}, fmt.Errorf("%s was %w: it has migration %s, which this binary lacks", path, ErrFuture, r.Name)
		}
		done[r.Version] = true
		out.Applied = append(out.Applied, r.Name)
	}
	for _, m := range known {
		if !done[m.Version] {
			out.Pending = append(out.Pending, m.Name)
		}
	}
	return out, nil
}

// RestoreSQLiteFile replaces the SQLite database at target with the backup at from,
// after CheckSQLiteFile has passed it. The copy is written next to target, synced and
// renamed over it, so target is either the old database or the new one, never half of
// each; the old file's -wal and -shm are removed, since they belong to the old
// database and SQLite would otherwise replay them onto the new one. The service must
// be stopped: a running one keeps the old file open, and is refused where it can be
// seen (ErrInUse).
func RestoreSQLiteFile(ctx context.Context, from, target string) (FileCheck, error) {
	check, err := CheckSQLiteFile(ctx, from)
	if err != nil {
		return check, err
	}
	if inUse, err := sqliteInUse(target); err != nil || inUse {
		return check, errors.Join(fmt.Errorf("%s %w", target, ErrInUse), err)
	}
	tmp, err := copyNextTo(from, target)
	if err != nil {
		return check, err
	}
	if old, err := os.Stat(target); err == nil {
		_ = os.Chmod(tmp, old.Mode().Perm()) // keep whatever the service's user was given
	}
	for _, suffix := range []string{"-wal", "-shm"} {
		if err := os.Remove(target + suffix); err != nil && !errors.Is(err, os.ErrNotExist) {
			_ = os.Remove(tmp)
			return check, fmt.Errorf("remove %s%s: %w", target, suffix, err)
		}
	}
	if err := os.Rename(tmp, target); err != nil {
		_ = os.Remove(tmp)
		return check, fmt.Errorf("replace %s: %w", target, err)
	}
	return check, syncDir(filepath.Dir(target))
}

// copyNextTo copies from into a new temporary file in target's directory, synced to
// disk, and returns its name.
func copyNextTo(from, target string) (string, error) {
	src, err := os.Open(from)
	if err != nil {
		return "", err
	}
	defer src.Close()
	dst, err := os.CreateTemp(filepath.Dir(target), "."+filepath.Base(target)+".restore-*")
	if err != nil {
		return "", fmt.Errorf("write next to %s: %w", target, err)
	}
	_, err = io.Copy(dst, src)
	if err == nil {
		err = dst.Sync()
	}
	if cerr := dst.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		_ = os.Remove(dst.Name())
		return "", fmt.Errorf("copy %s next to %s: %w", from, target, err)
	}
	return dst.Name(), nil
}

func syncDir(dir string) error {
	d, err := os.Open(dir)
	if err != nil {
		return err
	}
	defer d.Close()
	_ = d.Sync() // not every file system can sync a directory; the rename is done either way
	return nil
}

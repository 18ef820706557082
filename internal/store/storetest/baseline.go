package storetest

import (
	"database/sql"
	"fmt"
	"path/filepath"
	"testing"

	_ "github.com/mattn/go-sqlite3" // the raw driver, for the baseline only
)

// RawSQLite opens a plain database/sql SQLite connection with the settings the store
// uses (WAL, NORMAL sync, immediate transactions, one writer) and a minimal schema.
// Benchmarks measure vcready against it in the same run, so the figure they report
// is a ratio that the machine's noise cancels out of.
func RawSQLite(tb testing.TB) *sql.DB {
	tb.Helper()
	dsn := "file:" + filepath.Join(tb.TempDir(), "raw.db") +
		"?_journal_mode=WAL&_synchronous=NORMAL&_busy_timeout=5000&_foreign_keys=on&_txlock=immediate"
	db, err := sql.Open("sqlite3", dsn)
	if err != nil {
		tb.Fatal(err)
	}
	db.SetMaxOpenConns(1)
	tb.Cleanup(func() { db.Close() })
	schema := `CREATE TABLE a (id TEXT PRIMARY KEY, status TEXT, overall REAL, scores TEXT);
		CREATE TABLE ans (a TEXT, item TEXT, level INTEGER, PRIMARY KEY (a, item));
		CREATE TABLE sc (a TEXT, c TEXT, score REAL, PRIMARY KEY (a, c));`
	if _, err := db.Exec(schema); err != nil {
		tb.Fatal(err)
	}
	return db
}

// RawAssessment is the baseline for one whole assessment: the same three
// transactions the service makes (create the draft, save n answers, submit with six
// score rows), written by hand.
func RawAssessment(db *sql.DB, id string, n int) error {
	steps := []func(tx *sql.Tx) error{
		func(tx *sql.Tx) error {
			_, err := tx.Exec(`INSERT INTO a (id, status) VALUES (?, 'draft')`, id)
			return err
		},
		func(tx *sql.Tx) error {
			for i := range n {
				if _, err := tx.Exec(`INSERT INTO ans (a, item, level) VALUES (?, ?, ?)`, id, fmt.Sprint("i", i), i%5); err != nil {
					return err
				}
			}
			return nil
		},
		func(tx *sql.Tx) error {
			if _, err := tx.Exec(`UPDATE a SET status = 'submitted', overall = 50, scores = '{}' WHERE id = ?`, id); err != nil {
				return err
			}
			for c := range 6 {
				if _, err := tx.Exec(`INSERT INTO sc (a, c, score) VALUES (?, ?, 50)`, id, fmt.Sprint("c", c)); err != nil {
					return err
				}
			}
			return nil
		},
	}
	for _, step := range steps {
		if err := inTx(db, step); err != nil {
			return err
		}
	}
	return nil
}

func inTx(db *sql.DB, fn func(tx *sql.Tx) error) error {
	tx, err := db.Begin()
	if err != nil {
		return err
	}
	if err := fn(tx); err != nil {
		tx.Rollback()
		return err
	}
	return tx.Commit()
}

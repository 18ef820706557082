package assessment_test

import (
	"database/sql"
	"fmt"
	"path/filepath"
	"testing"
	"time"

	_ "github.com/mattn/go-sqlite3"

	"vcready/internal/assessment"
	"vcready/internal/auth"
	"vcready/internal/store/storetest"
)

// BenchmarkAssessmentVsRawSQLite measures one whole assessment (start, save every
// answer, submit with scoring) through the service and its GORM store, against the
// same writes as three hand-written transactions on a raw SQLite connection with the
// same settings, in the same run. The machine is shared and noisy, so the figure to
// read is the ratio "x-raw", not the absolute times.
//
//	go test -run '^$' -bench AssessmentVsRawSQLite -benchtime 200x ./internal/assessment/
func BenchmarkAssessmentVsRawSQLite(b *testing.B) {
	qs, err := realQuestionnaires()
	if err != nil {
		b.Fatal(err)
	}
	st := storetest.SQLite(b)
	svc := assessment.New(st, qs)
	admin := &auth.Principal{UserID: "u-admin", Role: auth.RoleAdmin}
	org, err := svc.CreateOrganisation(ctx, admin, "Bench")
	if err != nil {
		b.Fatal(err)
	}
	team, err := svc.CreateTeam(ctx, admin, org.ID, teamInput("Bench team"))
	if err != nil {
		b.Fatal(err)
	}
	answers := allAnswers(qs.Default())
	raw := openRawSQLite(b)

	var service, baseline time.Duration
	b.ResetTimer()
	for i := range b.N {
		start := time.Now()
		a, err := svc.Create(ctx, admin, team.ID, "")
		if err == nil {
			_, err = svc.SaveAnswers(ctx, admin, a.ID, answers)
		}
		if err == nil {
			_, err = svc.Submit(ctx, admin, a.ID)
		}
		if err != nil {
			b.Fatal(err)
		}
		service += time.Since(start)

		start = time.Now()
		if err := rawAssessment(raw, fmt.Sprint("a", i), len(answers)); err != nil {
			b.Fatal(err)
		}
		baseline += time.Since(start)
	}
	b.ReportMetric(float64(service.Microseconds())/float64(b.N), "µs-service/op")
	b.ReportMetric(float64(baseline.Microseconds())/float64(b.N), "µs-raw/op")
	b.ReportMetric(float64(service)/float64(baseline), "x-raw")
}

func openRawSQLite(b *testing.B) *sql.DB {
	b.Helper()
	dsn := "file:" + filepath.Join(b.TempDir(), "raw.db") + "?_journal_mode=WAL&_synchronous=NORMAL&_busy_timeout=5000&_foreign_keys=on&_txlock=immediate"
	db, err := sql.Open("sqlite3", dsn)
	if err != nil {
		b.Fatal(err)
	}
	db.SetMaxOpenConns(1)
	b.Cleanup(func() { db.Close() })
	schema := `CREATE TABLE a (id TEXT PRIMARY KEY, status TEXT, overall REAL, scores TEXT);
		CREATE TABLE ans (a TEXT, item TEXT, level INTEGER, PRIMARY KEY (a, item));
		CREATE TABLE sc (a TEXT, c TEXT, score REAL, PRIMARY KEY (a, c));`
	if _, err := db.Exec(schema); err != nil {
		b.Fatal(err)
	}
	return db
}

// rawAssessment is the baseline: the same three transactions (create, save answers,
// submit with six score rows) written by hand.
func rawAssessment(db *sql.DB, id string, n int) error {
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
		tx, err := db.Begin()
		if err != nil {
			return err
		}
		if err := step(tx); err != nil {
			tx.Rollback()
			return err
		}
		if err := tx.Commit(); err != nil {
			return err
		}
	}
	return nil
}

package assessment_test

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"
	"time"

	"gorm.io/gorm"

	"vcready/internal/assessment"
	"vcready/internal/store"
	"vcready/internal/store/storetest"
)

// BenchmarkBenchmarkRebuild is a rebuild of the benchmark index from the database (a
// start-up, or another instance's change): the streaming query and the build, on
// stored assessments seeded with plain SQL, four rounds per team.
//
//	go test -run '^$' -bench BenchmarkRebuild -benchtime 3x ./internal/assessment/
func BenchmarkBenchmarkRebuild(b *testing.B) {
	for _, n := range []int{10_000, 100_000} {
		b.Run(fmt.Sprintf("sqlite/assessments=%d", n), func(b *testing.B) { benchRebuild(b, storetest.SQLite(b), n) })
		b.Run(fmt.Sprintf("postgres/assessments=%d", n), func(b *testing.B) { benchRebuild(b, storetest.Postgres(b), n) })
	}
}

func benchRebuild(b *testing.B, st *store.Store, assessments int) {
	seedCohorts(b, storetest.DB(b, st), assessments/4, 4)
	qs, err := realQuestionnaires()
	if err != nil {
		b.Fatal(err)
	}
	rows := 0
	if err := st.CohortScores(ctx, func(assessment.CohortScore) error { rows++; return nil }); err != nil || rows != assessments/4*6 {
		b.Fatalf("cohort query gave %d rows (%v), want the latest of each team: %d", rows, err, assessments/4*6)
	}
	b.ResetTimer()
	for b.Loop() {
		if err := assessment.New(st, qs).LoadBenchmarks(ctx); err != nil {
			b.Fatal(err)
		}
	}
}

// seedCohorts inserts teams (20 per organisation) with rounds submitted assessments
// each, six scored considerations apiece.
func seedCohorts(b *testing.B, db *gorm.DB, teams, rounds int) {
	b.Helper()
	r := rand.New(rand.NewPCG(5, 6))
	at := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	keys := []string{"equity", "pathways", "infrastructure", "wellbeing", "evidence", "shared_learning"}
	err := db.Transaction(func(tx *gorm.DB) error {
		var orgs, ts, as, ss []string
		flush := func(table string, rows *[]string) error {
			if len(*rows) == 0 {
				return nil
			}
			err := tx.Exec("INSERT INTO " + table + " VALUES " + strings.Join(*rows, ",")).Error
			*rows = (*rows)[:0]
			return err
		}
		for t := range teams {
			if t%20 == 0 {
				orgs = append(orgs, fmt.Sprintf("('o%d', 'Org %d', FALSE, '2026-01-01', %v, FALSE)", t/20, t/20, t/200*10 != t/20))
			}
			ts = append(ts, fmt.Sprintf("('t%d', 'o%d', 'Team %d', 's%d', 'p%d', 'n%d', '2026-01-01')", t, t/20, t, t%8, t%30, t%4))
			for round := range rounds {
				id := fmt.Sprintf("a%d-%d", t, round)
				day := at.AddDate(0, 0, round).Format("2006-01-02 15:04:05")
				as = append(as, fmt.Sprintf("('%s', 't%d', 'o%d', 'vc-readiness', '1.0.0', 'h', 'submitted', '%s', 'u', '%s', 'u', 50, '')", id, t, t/20, day, day))
				for _, k := range keys {
					x := r.Float64() * 100
					ss = append(ss, fmt.Sprintf("('%s', '%s', %.1f, %v, 'developing', 1, 'scored')", id, k, x, x))
				}
			}
			if len(ss) >= 3000 || t == teams-1 {
				for _, f := range []struct {
					table string
					rows  *[]string
				}{{"organisations", &orgs}, {"teams", &ts}, {"assessments", &as}, {"assessment_scores", &ss}} {
					if err := flush(f.table, f.rows); err != nil {
						return err
					}
				}
			}
		}
		return nil
	})
	if err != nil {
		b.Fatal(err)
	}
}

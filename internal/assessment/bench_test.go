package assessment_test

import (
	"fmt"
	"testing"
	"time"

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
	raw := storetest.RawSQLite(b)

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
		if err := storetest.RawAssessment(raw, fmt.Sprint("a", i), len(answers)); err != nil {
			b.Fatal(err)
		}
		baseline += time.Since(start)
	}
	b.ReportMetric(float64(service.Microseconds())/float64(b.N), "µs-service/op")
	b.ReportMetric(float64(baseline.Microseconds())/float64(b.N), "µs-raw/op")
	b.ReportMetric(float64(service)/float64(baseline), "x-raw")
}

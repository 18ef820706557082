package api_test

import (
	"encoding/json"
	"fmt"
	"net/http"
	"testing"
	"time"

	"vcready/internal/store/storetest"
	"vcready/internal/web/webtest"
)

// BenchmarkAPIAssessmentVsRawSQLite drives one whole assessment through the JSON API
// with every middleware on (create, PUT every answer, submit) and, in the same loop,
// the same writes as hand-written SQLite transactions. Read the "x-raw" ratio: the
// machine is shared, so absolute times move from run to run.
//
//	go test -run '^$' -bench APIAssessmentVsRawSQLite -benchtime 100x ./internal/web/
func BenchmarkAPIAssessmentVsRawSQLite(b *testing.B) {
	app := newTestApp(b)
	body := allAnswersJSON(b)
	raw := storetest.RawSQLite(b)
	teamPath := "/api/v1/teams/" + app.Team1.ID + "/assessments"
	var api, baseline time.Duration
	b.ResetTimer()
	for i := range b.N {
		start := time.Now()
		rec := app.API("member", http.MethodPost, teamPath, `{}`)
		id := webtest.Decode[map[string]any](b, rec)["id"].(string)
		if rec := app.API("member", http.MethodPut, "/api/v1/assessments/"+id+"/answers", body); rec.Code != 200 {
			b.Fatalf("answers: %d %s", rec.Code, rec.Body)
		}
		if rec := app.API("member", http.MethodPost, "/api/v1/assessments/"+id+"/submit", ""); rec.Code != 200 {
			b.Fatalf("submit: %d %s", rec.Code, rec.Body)
		}
		api += time.Since(start)

		start = time.Now()
		if err := storetest.RawAssessment(raw, fmt.Sprint("a", i), 53); err != nil {
			b.Fatal(err)
		}
		baseline += time.Since(start)
	}
	b.ReportMetric(float64(api.Microseconds())/float64(b.N), "µs-api/op")
	b.ReportMetric(float64(baseline.Microseconds())/float64(b.N), "µs-raw/op")
	b.ReportMetric(float64(api)/float64(baseline), "x-raw")
}

// allAnswersJSON is a PUT body answering every item of the default questionnaire.
func allAnswersJSON(tb testing.TB) string {
	q := webtest.Questionnaires().Default()
	var answers []map[string]any
	for _, c := range q.Considerations {
		for _, it := range c.Items {
			a := map[string]any{"item_id": it.ID}
			switch it.Type {
			case "scale":
				a["level"] = 2
			case "choice":
				a["option"] = it.Options[0].ID
			case "checklist":
				a["options"] = []string{it.Options[0].ID}
			case "number":
				a["number"] = *it.Min
			case "text":
				a["text"] = "A lesson."
			}
			answers = append(answers, a)
		}
	}
	b, err := json.Marshal(map[string]any{"answers": answers})
	if err != nil {
		tb.Fatal(err)
	}
	return string(b)
}

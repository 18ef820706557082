package api_test

import (
	"bytes"
	"encoding/csv"
	"mime"
	"net/http"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/xuri/excelize/v2"
)

// TestComparisonExport: one row per team of the organisation, with the latest scores,
// the level, and the change since the previous assessment, worked out by hand from
// answers that score each consideration 100 or 0; filters as the comparison's; the
// XLSX holds the same cells.
func TestComparisonExport(t *testing.T) {
	t.Parallel()
	a := newTestApp(t)
	day := time.Date(2026, 3, 2, 10, 0, 0, 0, time.UTC)
	a.SubmitScoredAt("member", a.Team1.ID, day, "equity", "pathways")                                    // overall 33.3
	a.SubmitScoredAt("member", a.Team1.ID, day.AddDate(0, 3, 0), "equity", "pathways", "infrastructure") // overall 50.0
	path := "/api/v1/organisations/" + a.Org1.ID + "/comparison"

	rec := a.API("lead", http.MethodGet, path+".csv", "")
	if rec.Code != 200 || rec.Header().Get("Content-Type") != "text/csv; charset=utf-8" {
		t.Fatalf("csv: %d %s %.200s", rec.Code, rec.Header().Get("Content-Type"), rec.Body)
	}
	if _, params, err := mime.ParseMediaType(rec.Header().Get("Content-Disposition")); err != nil ||
		params["filename"] != "Northshire Health comparison "+a.Assessments.Now().UTC().Format(time.DateOnly)+".csv" {
		t.Errorf("Content-Disposition %q (%v)", rec.Header().Get("Content-Disposition"), err)
	}
	rows, err := csv.NewReader(bytes.NewReader(bytes.TrimPrefix(rec.Body.Bytes(), []byte("\ufeff")))).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	wantHeader := []string{"team", "setting", "specialty", "nation", "assessment_id", "submitted_at", "overall", "overall_level",
		"equity", "pathways", "infrastructure", "wellbeing", "evidence", "shared_learning",
		"previous_submitted_at", "change_overall", "change_equity", "change_pathways", "change_infrastructure",
		"change_wellbeing", "change_evidence", "change_shared_learning"}
	if diff := cmp.Diff(wantHeader, rows[0]); diff != "" {
		t.Fatalf("header (-want +got):\n%s", diff)
	}
	if len(rows) != 3 {
		t.Fatalf("%d rows, want the header and organisation 1's two teams: %v", len(rows), rows)
	}
	// Teams by name: Diabetes clinic (nothing submitted), then Physio outpatients.
	diabetes, physio := rows[1], rows[2]
	if diabetes[0] != "Diabetes clinic" || diabetes[6] != "" || diabetes[15] != "" {
		t.Errorf("team without a submission: %v", diabetes)
	}
	want := []string{"Physio outpatients", "secondary_care", "physiotherapy", "england", physio[4],
		day.AddDate(0, 3, 0).Format(time.RFC3339), "50.0", "Established",
		"100.0", "100.0", "100.0", "0.0", "0.0", "0.0",
		day.Format(time.RFC3339), "16.7", "0.0", "0.0", "100.0", "0.0", "0.0", "0.0"}
	if diff := cmp.Diff(want, physio); diff != "" {
		t.Errorf("physio row (-want +got):\n%s", diff)
	}

	// The comparison's filters apply, and a bad key is refused naming it.
	if rows := csvRows(t, a.API("lead", http.MethodGet, path+".csv?specialty=diabetes", "")); len(rows) != 2 || rows[1][0] != "Diabetes clinic" {
		t.Errorf("filtered: %v", rows)
	}
	if rec := a.API("lead", http.MethodGet, path+".csv?nation=atlantis", ""); rec.Code != 422 {
		t.Errorf("bad filter: %d %s", rec.Code, rec.Body)
	}

	rec = a.API("lead", http.MethodGet, path+".xlsx", "")
	f, err := excelize.OpenReader(bytes.NewReader(rec.Body.Bytes()))
	if rec.Code != 200 || err != nil {
		t.Fatalf("xlsx: %d %v", rec.Code, err)
	}
	got, err := f.GetRows(f.GetSheetName(0))
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(rows[0], got[0]); diff != "" {
		t.Errorf("xlsx header (-csv +xlsx):\n%s", diff)
	}
	if diff := cmp.Diff(physio[:8], got[2][:8]); diff != "" {
		t.Errorf("xlsx physio row (-csv +xlsx):\n%s", diff)
	}
}

func csvRows(t *testing.T, rec interface{ Result() *http.Response }) [][]string {
	t.Helper()
	body := rec.Result().Body
	defer body.Close()
	var buf bytes.Buffer
	if _, err := buf.ReadFrom(body); err != nil {
		t.Fatal(err)
	}
	rows, err := csv.NewReader(bytes.NewReader(bytes.TrimPrefix(buf.Bytes(), []byte("\ufeff")))).ReadAll()
	if err != nil {
		t.Fatalf("csv: %v: %s", err, buf.String())
	}
	return rows
}

package api_test

import (
	"bytes"
	"context"
	"encoding/csv"
	"fmt"
	"mime"
	"net/http"
	"net/http/httptest"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/xuri/excelize/v2"

	"vcready/internal/auth"
	"vcready/internal/questionnaire"
	"vcready/internal/web/webtest"
)

const xlsxType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"

// formula is a text answer a spreadsheet would run, with a quote and a comma.
const formula = `=HYPERLINK("https://example.org/?q=1", "click")`

// exportAnswers answers every item of q, one of each kind the export writes: levels,
// dont_know, not_applicable where allowed, an option, two ticked options, a number
// and a formula-like text. It returns the API body and, by item id, the cell the CSV
// should hold. Items in skip stay unanswered (an empty cell).
func exportAnswers(q *questionnaire.Questionnaire, skip ...string) (string, map[string]string) {
	var parts []string
	want := map[string]string{}
	n := 0
	for _, c := range q.Considerations {
		for _, it := range c.Items {
			n++
			if slices.Contains(skip, it.ID) {
				want[it.ID] = ""
				continue
			}
			body, cell := exportAnswer(it, n)
			parts = append(parts, fmt.Sprintf(`{"item_id": %q, %s}`, it.ID, body))
			want[it.ID] = cell
		}
	}
	return `{"answers": [` + strings.Join(parts, ", ") + `]}`, want
}

func exportAnswer(it questionnaire.Item, n int) (body, cell string) {
	switch {
	case it.AllowNA && n%2 == 0:
		return `"status": "not_applicable"`, "not_applicable"
	case it.Scored() && n%7 == 0:
		return `"status": "dont_know"`, "dont_know"
	}
	switch it.Type {
	case questionnaire.TypeScale:
		return fmt.Sprintf(`"level": %d`, n%5), fmt.Sprint(n % 5)
	case questionnaire.TypeChoice:
		return fmt.Sprintf(`"option": %q`, it.Options[0].ID), it.Options[0].ID
	case questionnaire.TypeChecklist:
		return fmt.Sprintf(`"options": [%q, %q]`, it.Options[0].ID, it.Options[1].ID), it.Options[0].ID + ";" + it.Options[1].ID
	case questionnaire.TypeNumber:
		return `"number": 37.5`, "37.5"
	}
	return fmt.Sprintf(`"text": %q`, formula), "'" + formula
}

// exportFixture submits two assessments of organisation 1 (the second with its text
// item unanswered) and leaves a draft; organisation 2 gets a submitted assessment of
// its own. It returns the two and, by assessment id, the answer cells expected.
func exportFixture(t *testing.T, app *webtest.App) ([]webtest.Assessment, map[string]map[string]string) {
	t.Helper()
	q := webtest.Questionnaires().Default()
	var textItem string
	for _, c := range q.Considerations {
		for _, it := range c.Items {
			if it.Type == questionnaire.TypeText {
				textItem = it.ID
			}
		}
	}
	body1, want1 := exportAnswers(q)
	body2, want2 := exportAnswers(q, textItem)
	a1, a2 := app.SubmitVia(body1), app.SubmitVia(body2)
	app.NewDraft()
	d := webtest.Decode[webtest.Assessment](t, app.API("other-lead", http.MethodPost, "/api/v1/teams/"+app.Team3.ID+"/assessments", `{}`))
	app.API("other-lead", http.MethodPut, "/api/v1/assessments/"+d.ID+"/answers", body1)
	if rec := app.API("other-lead", http.MethodPost, "/api/v1/assessments/"+d.ID+"/submit", ""); rec.Code != 200 {
		t.Fatalf("submit in organisation 2: %d %s", rec.Code, rec.Body)
	}
	return []webtest.Assessment{a1, a2}, map[string]map[string]string{a1.ID: want1, a2.ID: want2}
}

func TestAssessmentsCSV(t *testing.T) {
	t.Parallel()
	app := newTestApp(t)
	submitted, answers := exportFixture(t, app)
	rec := app.API("lead", http.MethodGet, "/api/v1/organisations/"+app.Org1.ID+"/assessments.csv", "")
	if rec.Code != http.StatusOK {
		t.Fatalf("status %d %s", rec.Code, rec.Body)
	}
	checkDownloadHeaders(t, rec, "text/csv; charset=utf-8", "Northshire Health", "csv")
	records := parseCSV(t, rec.Body.Bytes())
	q := webtest.Questionnaires().Default()
	if diff := cmp.Diff(exportHeader(q), records[0]); diff != "" {
		t.Errorf("header (-want +got):\n%s", diff)
	}
	if len(records) != 1+len(submitted) {
		t.Fatalf("%d rows, want one per submitted assessment of the organisation (%d)", len(records)-1, len(submitted))
	}
	for i, a := range submitted {
		got := rowByColumn(records[0], records[1+i])
		want := map[string]string{"team": app.Team1.Name, "setting": app.Team1.Setting, "specialty": app.Team1.Specialty,
			"nation": app.Team1.Nation, "assessment_id": a.ID, "submitted_at": a.SubmittedAt.UTC().Format(time.RFC3339),
			"questionnaire_id": q.ID, "questionnaire_version": q.Version, "overall": score(a.Scores.Overall)}
		for _, c := range a.Scores.Considerations {
			want[c.Key] = score(c.Score)
		}
		for item, cell := range answers[a.ID] {
			want[item] = cell
		}
		if diff := cmp.Diff(want, got); diff != "" {
			t.Errorf("row of %s (-want +got):\n%s", a.ID, diff)
		}
	}
}

func TestAssessmentsXLSXHasTheCSVCells(t *testing.T) {
	t.Parallel()
	app := newTestApp(t)
	exportFixture(t, app)
	path := "/api/v1/organisations/" + app.Org1.ID + "/assessments"
	csvRec := app.API("admin", http.MethodGet, path+".csv", "")
	rec := app.API("admin", http.MethodGet, path+".xlsx", "")
	if rec.Code != http.StatusOK {
		t.Fatalf("status %d %s", rec.Code, rec.Body)
	}
	checkDownloadHeaders(t, rec, xlsxType, "Northshire Health", "xlsx")
	f, err := excelize.OpenReader(bytes.NewReader(rec.Body.Bytes()))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, err := f.GetRows(f.GetSheetName(0))
	if err != nil {
		t.Fatal(err)
	}
	// The CSV's quote against formulas is a CSV matter: the workbook holds the text.
	want := parseCSV(t, csvRec.Body.Bytes())
	for _, r := range want {
		for j, cell := range r {
			r[j] = strings.TrimPrefix(cell, "'")
		}
	}
	if diff := cmp.Diff(want, padRows(rows, len(want[0]))); diff != "" {
		t.Errorf("XLSX cells differ from the CSV's (-csv +xlsx):\n%s", diff)
	}
	if typ, _ := f.GetCellType(f.GetSheetName(0), "I2"); typ != excelize.CellTypeUnset && typ != excelize.CellTypeNumber {
		t.Errorf("overall is stored as %v, want a number", typ)
	}
}

// TestExportFileNameOutsideASCII: the name travels in the RFC 2231 form and reads
// back whole.
func TestExportFileNameOutsideASCII(t *testing.T) {
	t.Parallel()
	app := newTestApp(t)
	const name = "Ysbyty Gwynedd – Ærø 🙂"
	rec := app.API("admin", http.MethodPost, "/api/v1/organisations", `{"name": "`+name+`"}`)
	if rec.Code != http.StatusCreated {
		t.Fatalf("create organisation: %d %s", rec.Code, rec.Body)
	}
	org := webtest.Decode[struct{ ID string }](t, rec)
	for _, f := range []struct{ ext, contentType string }{{"csv", "text/csv; charset=utf-8"}, {"xlsx", xlsxType}} {
		rec := app.API("admin", http.MethodGet, "/api/v1/organisations/"+org.ID+"/assessments."+f.ext, "")
		if rec.Code != http.StatusOK {
			t.Fatalf("%s: status %d %s", f.ext, rec.Code, rec.Body)
		}
		if cd := rec.Header().Get("Content-Disposition"); !strings.Contains(cd, "filename*=utf-8''") {
			t.Errorf("%s: Content-Disposition %q lacks the RFC 2231 form", f.ext, cd)
		}
		checkDownloadHeaders(t, rec, f.contentType, name, f.ext)
	}
}

// TestExportsAreAudited: each download is an audit event naming who took which file
// of which organisation.
func TestExportsAreAudited(t *testing.T) {
	t.Parallel()
	app := newTestApp(t)
	for _, ext := range []string{"csv", "xlsx"} {
		if rec := app.API("lead", http.MethodGet, "/api/v1/organisations/"+app.Org1.ID+"/assessments."+ext, ""); rec.Code != 200 {
			t.Fatalf("%s: %d", ext, rec.Code)
		}
	}
	app.API("member", http.MethodGet, "/api/v1/organisations/"+app.Org1.ID+"/assessments.csv", "") // refused: not audited
	events, err := app.Accounts.ListAudit(context.Background(), app.Users["admin"].Principal(), 100, 0)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, e := range events {
		if e.Action == auth.ActionExport {
			if e.ActorID != app.Users["lead"].ID || e.Target != app.Org1.ID || e.OrganisationID != app.Org1.ID {
				t.Errorf("export event %+v", e)
			}
			got = append(got, e.Detail)
		}
	}
	if diff := cmp.Diff([]string{"assessments.xlsx", "assessments.csv"}, got); diff != "" {
		t.Errorf("export events, newest first (-want +got):\n%s", diff)
	}
}

func TestCookieSessionDownloadsTheExport(t *testing.T) {
	t.Parallel()
	app := newTestApp(t)
	req := httptest.NewRequest(http.MethodGet, "/api/v1/organisations/"+app.Org1.ID+"/assessments.csv", nil)
	req.AddCookie(app.Session("lead"))
	if rec := webtest.Serve(app.Handler, req); rec.Code != http.StatusOK || !strings.HasPrefix(rec.Body.String(), "\uFEFFteam,") {
		t.Errorf("a lead's browser session: %d %.80s", rec.Code, rec.Body)
	}
}

func checkDownloadHeaders(t *testing.T, rec *httptest.ResponseRecorder, contentType, org, ext string) {
	t.Helper()
	if got := rec.Header().Get("Content-Type"); got != contentType {
		t.Errorf("Content-Type %q, want %q", got, contentType)
	}
	if got := rec.Header().Get("Cache-Control"); got != "no-store" {
		t.Errorf("Cache-Control %q, want no-store", got)
	}
	disposition, params, err := mime.ParseMediaType(rec.Header().Get("Content-Disposition"))
	want := org + " assessments " + time.Now().UTC().Format(time.DateOnly) + "." + ext
	if err != nil || disposition != "attachment" || params["filename"] != want {
		t.Errorf("Content-Disposition %q reads as %q %v (%v), want attachment %q",
			rec.Header().Get("Content-Disposition"), disposition, params, err, want)
	}
}

func parseCSV(t *testing.T, b []byte) [][]string {
	t.Helper()
	body, ok := bytes.CutPrefix(b, []byte("\uFEFF"))
	if !ok {
		t.Errorf("CSV without a byte-order mark: %.20q", b)
	}
	records, err := csv.NewReader(bytes.NewReader(body)).ReadAll()
	if err != nil {
		t.Fatalf("CSV does not parse: %v", err)
	}
	return records
}

// exportHeader is the header the export of q's assessments must have.
func exportHeader(q *questionnaire.Questionnaire) []string {
	h := []string{"team", "setting", "specialty", "nation", "assessment_id", "submitted_at",
		"questionnaire_id", "questionnaire_version", "overall"}
	for _, c := range q.Considerations {
		h = append(h, c.Key)
	}
	for _, c := range q.Considerations {
		for _, it := range c.Items {
			h = append(h, it.ID)
		}
	}
	return h
}

func rowByColumn(header, row []string) map[string]string {
	m := make(map[string]string, len(header))
	for i, h := range header {
		m[h] = row[i]
	}
	return m
}

func score(p *float64) string {
	if p == nil {
		return ""
	}
	return fmt.Sprintf("%.1f", *p)
}

// padRows gives every row n cells: excelize leaves out trailing empty cells.
func padRows(rows [][]string, n int) [][]string {
	for i, r := range rows {
		for len(r) < n {
			r = append(r, "")
		}
		rows[i] = r
	}
	return rows
}

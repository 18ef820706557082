package api_test

import (
	"bytes"
	"context"
	"mime"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/xuri/excelize/v2"

	"vcready/internal/assessment"
	"vcready/internal/auth"
	"vcready/internal/browsertest"
	"vcready/internal/web/webtest"
)

// renamed is a team name a file name cannot carry as plain ASCII.
const renamed = "Siân's Ward Ó"

// planFilePaths gives the access table, by extension, the path of that download of
// one submitted assessment of team 1, submitted when first asked for.
func planFilePaths(app *webtest.App) func(ext string) func() string {
	id := sync.OnceValue(func() string { return app.SubmitVia(answersJSON()).ID })
	return func(ext string) func() string {
		return func() string { return "/api/v1/assessments/" + id() + "/action-plan." + ext }
	}
}

// planExport is a submitted plan of team 1, renamed to renamed, with due dates on its
// first two actions, as the JSON API shows it.
func planExport(t *testing.T, app *webtest.App) planBody {
	t.Helper()
	in := assessment.TeamInput{Name: renamed, Setting: app.Team1.Setting, Specialty: app.Team1.Specialty, Nation: app.Team1.Nation}
	if _, err := app.Assessments.UpdateTeam(context.Background(), app.Users["admin"].Principal(), app.Team1.ID, in); err != nil {
		t.Fatal(err)
	}
	a := app.SubmitVia(answersJSON())
	p := getPlan(t, app, "member", a.ID)
	if len(p.Actions) < 3 {
		t.Fatalf("the plan has %d actions, want at least 3", len(p.Actions))
	}
	for i, day := range []string{"2027-01-15", "2027-02-01"} {
		if rec := app.API("member", http.MethodPatch, "/api/v1/actions/"+p.Actions[i].ID, `{"due_date":"`+day+`"}`); rec.Code != http.StatusOK {
			t.Fatalf("due date: %d %s", rec.Code, rec.Body)
		}
	}
	return getPlan(t, app, "member", a.ID)
}

func TestPlanExports(t *testing.T) {
	t.Parallel()
	app := newTestApp(t)
	plan := planExport(t, app)
	cases := []struct {
		ext, contentType string
		check            func(t *testing.T, body []byte, plan planBody)
	}{
		{"csv", "text/csv; charset=utf-8", checkPlanCSV},
		{"xlsx", xlsxType, checkPlanXLSX},
		{"pdf", "application/pdf", checkPlanPDF},
		{"md", "text/markdown; charset=utf-8", checkPlanMarkdown},
		{"ics", "text/calendar; charset=utf-8", checkPlanICS},
	}
	for _, tc := range cases {
		t.Run(tc.ext, func(t *testing.T) {
			rec := app.API("member", http.MethodGet, "/api/v1/assessments/"+plan.AssessmentID+"/action-plan."+tc.ext, "")
			if rec.Code != http.StatusOK {
				t.Fatalf("status %d %s", rec.Code, rec.Body)
			}
			checkPlanDownloadHeaders(t, rec, tc.contentType, tc.ext)
			tc.check(t, rec.Body.Bytes(), plan)
		})
	}
}

// checkPlanDownloadHeaders checks rec is an attachment named after the renamed team
// and today, whose name survives the RFC 2231 round trip, never kept by a cache.
func checkPlanDownloadHeaders(t *testing.T, rec *httptest.ResponseRecorder, contentType, ext string) {
	t.Helper()
	if got := rec.Header().Get("Content-Type"); got != contentType {
		t.Errorf("Content-Type %q, want %q", got, contentType)
	}
	if got := rec.Header().Get("Cache-Control"); got != "no-store" {
		t.Errorf("Cache-Control %q, want no-store", got)
	}
	header := rec.Header().Get("Content-Disposition")
	disposition, params, err := mime.ParseMediaType(header)
	want := renamed + " action plan " + time.Now().UTC().Format(time.DateOnly) + "." + ext
	if err != nil || disposition != "attachment" || params["filename"] != want {
		t.Errorf("Content-Disposition %q reads as %q %v (%v), want attachment %q", header, disposition, params, err, want)
	}
}

// checkPlanCSV: one row per action of the JSON plan, in its order, with its text and
// due date.
func checkPlanCSV(t *testing.T, body []byte, plan planBody) {
	records := parseCSV(t, body)
	if len(records)-1 != len(plan.Actions) {
		t.Fatalf("%d rows, want one per action (%d)", len(records)-1, len(plan.Actions))
	}
	var got, want []map[string]string
	for i, a := range plan.Actions {
		row := rowByColumn(records[0], records[1+i])
		got = append(got, map[string]string{"action": row["action"], "due_date": row["due_date"]})
		want = append(want, map[string]string{"action": a.Text, "due_date": deref(a.DueDate)})
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("rows (-want +got):\n%s", diff)
	}
}

// checkPlanXLSX: the workbook opens, with a header and a row per action.
func checkPlanXLSX(t *testing.T, body []byte, plan planBody) {
	f, err := excelize.OpenReader(bytes.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, err := f.GetRows(f.GetSheetName(0))
	if err != nil {
		t.Fatal(err)
	}
	if len(rows)-1 != len(plan.Actions) {
		t.Fatalf("%d rows, want one per action (%d)", len(rows)-1, len(plan.Actions))
	}
}

// checkPlanPDF: a PDF whose text names the team and starts the first action. Only
// the action's first words: the table wraps it in its column, and the text of the
// columns beside it comes between its lines.
func checkPlanPDF(t *testing.T, body []byte, plan planBody) {
	if !bytes.HasPrefix(body, []byte("%PDF")) {
		t.Fatalf("not a PDF: %.20q", body)
	}
	text := strings.Join(strings.Fields(browsertest.PDFText(t, body)), " ")
	words := strings.Fields(plan.Actions[0].Text)
	for _, want := range []string{renamed, strings.Join(words[:min(4, len(words))], " ")} {
		if !strings.Contains(text, want) {
			t.Errorf("the PDF's text lacks %q:\n%s", want, text)
		}
	}
}

// checkPlanMarkdown: the team (as Markdown escapes it) and the do-first actions.
func checkPlanMarkdown(t *testing.T, body []byte, _ planBody) {
	md := string(body)
	if !strings.Contains(md, renamed) || !strings.Contains(strings.ToLower(md), "do first") {
		t.Errorf("Markdown without the team or its do-first actions:\n%s", md)
	}
}

// checkPlanICS: CRLF line ends, and one event per action with a due date, named by
// the action's id.
func checkPlanICS(t *testing.T, body []byte, plan planBody) {
	text := string(body)
	if !strings.HasSuffix(text, "\r\n") || strings.Count(text, "\n") != strings.Count(text, "\r\n") {
		t.Errorf("lines do not all end in CRLF: %q", text)
	}
	var got, want []string
	for _, line := range strings.Split(text, "\r\n") {
		if uid, ok := strings.CutPrefix(line, "UID:"); ok {
			got = append(got, uid)
		}
	}
	for _, a := range plan.Actions {
		if a.DueDate != nil {
			want = append(want, a.ID+"@vcready")
		}
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("event UIDs (-want +got):\n%s", diff)
	}
	if n := strings.Count(text, "BEGIN:VEVENT\r\n"); n != len(want) {
		t.Errorf("%d events, want %d", n, len(want))
	}
	if !strings.Contains(text, "DTSTART;VALUE=DATE:20270115\r\n") {
		t.Errorf("no all-day event on 2027-01-15:\n%s", text)
	}
}

// TestPlanExportErrorsAreJSON: a draft (409) and someone else's plan (404) answer as
// the API's error, never as a file.
func TestPlanExportErrorsAreJSON(t *testing.T) {
	t.Parallel()
	app := newTestApp(t)
	draft, submitted := app.NewDraft(), app.SubmitVia(answersJSON())
	cases := []struct {
		name, role, id string
		status         int
	}{
		{"draft", "member", draft.ID, http.StatusConflict},
		{"another organisation's lead", "other-lead", submitted.ID, http.StatusNotFound},
		{"no such assessment", "admin", "nosuchassessmentxxxxxxxxx", http.StatusNotFound},
	}
	for _, tc := range cases {
		for _, ext := range []string{"csv", "xlsx", "pdf", "md", "ics"} {
			rec := app.API(tc.role, http.MethodGet, "/api/v1/assessments/"+tc.id+"/action-plan."+ext, "")
			if rec.Code != tc.status || !strings.HasPrefix(rec.Header().Get("Content-Type"), "application/json") {
				t.Errorf("%s, %s: %d %q, want %d JSON", tc.name, ext, rec.Code, rec.Header().Get("Content-Type"), tc.status)
			}
			if d := rec.Header().Get("Content-Disposition"); d != "" {
				t.Errorf("%s, %s: Content-Disposition %q on an error", tc.name, ext, d)
			}
			if e := webtest.Decode[webtest.APIError](t, rec); e.Error.Code == "" {
				t.Errorf("%s, %s: error body %s", tc.name, ext, rec.Body)
			}
		}
	}
}

// TestPlanExportsAreAudited: each download is an export event of the team's
// organisation, naming the format; a refused one is not.
func TestPlanExportsAreAudited(t *testing.T) {
	t.Parallel()
	app := newTestApp(t)
	a := app.SubmitVia(answersJSON())
	exts := []string{"csv", "xlsx", "pdf", "md", "ics"}
	for _, ext := range exts {
		if rec := app.API("lead", http.MethodGet, "/api/v1/assessments/"+a.ID+"/action-plan."+ext, ""); rec.Code != http.StatusOK {
			t.Fatalf("%s: %d %s", ext, rec.Code, rec.Body)
		}
	}
	app.API("other-lead", http.MethodGet, "/api/v1/assessments/"+a.ID+"/action-plan.csv", "") // refused: not audited
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
	want := []string{"action-plan.ics", "action-plan.md", "action-plan.pdf", "action-plan.xlsx", "action-plan.csv"}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("export events, newest first (-want +got):\n%s", diff)
	}
}

func deref(s *string) string {
	if s == nil {
		return ""
	}
	return *s
}

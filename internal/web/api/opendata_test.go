package api_test

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"mime"
	"net/http"
	"strings"
	"testing"
	"time"

	"vcready/internal/web/webtest"
)

type openDataWire struct {
	SnapshotDate   string `json:"snapshot_date"`
	Questionnaires []struct {
		ID     string `json:"id"`
		Major  int    `json:"major"`
		Groups []struct {
			Group          string                     `json:"group"`
			N              int                        `json:"n"`
			Suppressed     bool                       `json:"suppressed"`
			Considerations map[string]json.RawMessage `json:"considerations"`
		} `json:"groups"`
	} `json:"questionnaires"`
}

// openDataApp is the fixture with a clock that starts at 09:00 on 1 December 2026 and
// moves a second per reading; *day moves it to another day.
func openDataApp(t *testing.T) (*webtest.App, *time.Time) {
	t.Helper()
	app := newTestApp(t)
	now := time.Date(2026, 12, 1, 9, 0, 0, 0, time.UTC)
	app.Assessments.Now = func() time.Time {
		now = now.Add(time.Second)
		return now
	}
	return app, &now
}

// tenPublishedTeams: seven community teams in England and three primary care teams in
// Wales, of an organisation that publishes, with scores that differ.
func tenPublishedTeams(app *webtest.App) string {
	org := app.PublishingOrganisation("Open Health")
	for i := range 10 {
		setting, nation := "community", "england"
		if i >= 7 {
			setting, nation = "primary_care", "wales"
		}
		app.SubmittedTeam(org, fmt.Sprintf("Open team %d", i), setting, nation, i%5)
	}
	return org
}

func getOpenData(t *testing.T, app *webtest.App) (openDataWire, string) {
	t.Helper()
	rec := app.API("anonymous", http.MethodGet, "/api/v1/open-data/benchmarks", "")
	if rec.Code != http.StatusOK {
		t.Fatalf("GET open data: %d %s", rec.Code, rec.Body)
	}
	if cc := rec.Header().Get("Cache-Control"); cc != "public, max-age=3600" {
		t.Errorf("Cache-Control = %q", cc)
	}
	return webtest.Decode[openDataWire](t, rec), rec.Body.String()
}

func TestOpenDataAnonymousWithNothingPublished(t *testing.T) {
	t.Parallel()
	app, _ := openDataApp(t)
	app.SubmitVia(webtest.AnswersJSON(webtest.Questionnaires().Default(), false)) // Org1 does not publish
	got, body := getOpenData(t, app)
	if got.SnapshotDate != "2026-12-01" || !strings.Contains(body, `"questionnaires":[]`) {
		t.Errorf("open data with nobody publishing = %s", body)
	}
}

func TestOpenDataSuppressesSmallGroupsAndLeavesOutOptedOutTeams(t *testing.T) {
	t.Parallel()
	app, _ := openDataApp(t)
	tenPublishedTeams(app)
	// Team 1's organisation does not publish: its submissions must never count.
	app.SubmitVia(webtest.AnswersJSON(webtest.Questionnaires().Default(), false))
	got, _ := getOpenData(t, app)
	if len(got.Questionnaires) != 1 || got.Questionnaires[0].Major != 1 {
		t.Fatalf("questionnaires = %+v, want one major version 1", got.Questionnaires)
	}
	want := map[string]int{"all": 10, "setting:community": 7, "setting:primary_care": 3, "nation:england": 7, "nation:wales": 3}
	for _, g := range got.Questionnaires[0].Groups {
		if g.N != want[g.Group] {
			t.Errorf("group %s: n = %d, want %d", g.Group, g.N, want[g.Group])
		}
		delete(want, g.Group)
		if g.Suppressed != (g.N < 10) {
			t.Errorf("group %s of %d teams: suppressed = %v", g.Group, g.N, g.Suppressed)
		}
		if g.Suppressed && g.Considerations != nil {
			t.Errorf("suppressed group %s carries figures: %v", g.Group, g.Considerations)
		}
		if !g.Suppressed && !strings.Contains(string(g.Considerations["equity"]), `"median"`) {
			t.Errorf("group %s shows no median for equity: %s", g.Group, g.Considerations["equity"])
		}
	}
	if len(want) > 0 {
		t.Errorf("groups missing: %v", want)
	}
}

// TestOpenDataSnapshotHoldsForTheDay: a submission later the same day changes nothing
// anyone can read until the next day's snapshot, so it cannot be worked out by
// comparing two reads.
func TestOpenDataSnapshotHoldsForTheDay(t *testing.T) {
	t.Parallel()
	app, now := openDataApp(t)
	org := tenPublishedTeams(app)
	_, before := getOpenData(t, app)
	app.SubmittedTeam(org, "Late team", "community", "england", 4)
	if _, after := getOpenData(t, app); after != before {
		t.Errorf("open data changed the same day:\nbefore %s\nafter  %s", before, after)
	}
	*now = now.Add(24 * time.Hour)
	next, _ := getOpenData(t, app)
	if next.SnapshotDate != "2026-12-02" || next.Questionnaires[0].Groups[0].N != 11 {
		t.Errorf("the next day: snapshot %s with %d teams, want 2026-12-02 with 11", next.SnapshotDate, next.Questionnaires[0].Groups[0].N)
	}
}

func TestOpenDataCSV(t *testing.T) {
	t.Parallel()
	app, _ := openDataApp(t)
	tenPublishedTeams(app)
	rec := app.API("anonymous", http.MethodGet, "/api/v1/open-data/benchmarks.csv", "")
	if rec.Code != http.StatusOK {
		t.Fatalf("GET CSV: %d %s", rec.Code, rec.Body)
	}
	if ct := rec.Header().Get("Content-Type"); ct != "text/csv; charset=utf-8" {
		t.Errorf("Content-Type = %q", ct)
	}
	disp, params, err := mime.ParseMediaType(rec.Header().Get("Content-Disposition"))
	if err != nil || disp != "attachment" || params["filename"] != "vcready-open-data-2026-12-01.csv" {
		t.Errorf("Content-Disposition = %q", rec.Header().Get("Content-Disposition"))
	}
	body := rec.Body.Bytes()
	if !bytes.HasPrefix(body, []byte("\ufeff")) || !bytes.Contains(body, []byte("\r\n")) {
		t.Fatalf("CSV lacks the byte order mark or CRLF line ends: %q", body[:min(len(body), 80)])
	}
	rows, err := csv.NewReader(bytes.NewReader(body[3:])).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if got := strings.Join(rows[0], ","); got != "snapshot_date,questionnaire,major,group,n,suppressed,consideration,median,p25,p75" {
		t.Errorf("header = %s", got)
	}
	keys := len(webtest.Questionnaires().Default().Considerations)
	if len(rows) != 1+5*keys {
		t.Errorf("%d rows, want a header and %d (5 groups x %d considerations)", len(rows), 5*keys, keys)
	}
	for _, r := range rows[1:] {
		shown := r[3] == "all"
		if hasFigures := r[7] != "" && r[8] != "" && r[9] != ""; hasFigures != shown || r[5] != fmt.Sprint(!shown) {
			t.Errorf("row %v: figures shown = %v, want %v", r, hasFigures, shown)
		}
	}
}

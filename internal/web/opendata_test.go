package web

import (
	"fmt"
	"net/http"
	"regexp"
	"strings"
	"testing"

	"vcready/internal/web/webtest"
)

func sampleOpenData() openDataView {
	return openDataView{SnapshotDate: "1 December 2026", MinTeams: 10, Tables: []openDataTable{{
		ID: "vc-readiness", Title: "Video consultation readiness", Major: 1, Columns: []string{"Equity of access", "Pathway redesign"},
		Rows: []openDataRow{
			{Group: "All teams", N: 12, Cells: []openDataCell{{N: 12, Median: "55.0", P25: "32.5", P75: "77.5"}, {N: 9, Suppressed: true}}},
			{Group: "Nation: Wales", N: 3, Suppressed: true},
		}}}}
}

// publishTeams gives an organisation that publishes open data n submitted teams: the
// first seven community teams in England, the rest primary care in Wales.
func publishTeams(a *testApp, n int) {
	org := a.PublishingOrganisation("Open Health")
	for i := range n {
		setting, nation := "community", "england"
		if i >= 7 {
			setting, nation = "primary_care", "wales"
		}
		a.SubmittedTeam(org, fmt.Sprintf("Open team %d", i), setting, nation, i%5)
	}
}

// figure is a median with its middle half, as a cell shows it: "55.0 (32.5 to 77.5)".
var figure = regexp.MustCompile(`\d+\.\d \(\d+\.\d to \d+\.\d\)`)

func TestOpenDataPage(t *testing.T) {
	t.Parallel()
	t.Run("nothing published yet", func(t *testing.T) {
		t.Parallel()
		a := newTestApp(t)
		a.SubmitVia(webtest.AnswersJSON(webtest.Questionnaires().Default(), false)) // Org1 does not publish
		body := webtest.AssertPage(t, a.Page("anonymous", "/open-data"), http.StatusOK,
			"Open data: how ready teams are for video consultations", "There are no figures yet",
			`href="/api/v1/open-data/benchmarks.csv"`, `href="/api/v1/open-data/benchmarks"`)
		if strings.Contains(body, "<table") {
			t.Error("a table is shown with nothing published")
		}
	})
	t.Run("every group under ten", func(t *testing.T) {
		t.Parallel()
		a := newTestApp(t)
		publishTeams(a, 3)
		cols := len(webtest.Questionnaires().Default().Considerations)
		body := webtest.AssertPage(t, a.Page("anonymous", "/open-data"), http.StatusOK,
			fmt.Sprintf(`colspan="%d">Fewer than 10 teams</td>`, cols), templateEscape("Equity of access"))
		if figure.MatchString(body) {
			t.Errorf("figures shown for a group of three: %s", figure.FindString(body))
		}
	})
	t.Run("groups of ten are shown, smaller ones are not", func(t *testing.T) {
		t.Parallel()
		a := newTestApp(t)
		publishTeams(a, 10)
		body := webtest.AssertPage(t, a.Page("anonymous", "/open-data"), http.StatusOK,
			"Video consultation readiness, version 1", `role="region"`, `tabindex="0"`,
			"All teams", "Setting: Community", "Nation: Wales", "Fewer than 10 teams</td>",
			templateEscape("Equity of access"))
		if !figure.MatchString(body) {
			t.Error("no figures shown for all ten teams")
		}
		if strings.Contains(body, "There are no figures yet") {
			t.Error("figures are said to be missing")
		}
		// Only the "all" row has figures: it is the only group of ten.
		if n := strings.Count(body, "Fewer than 10 teams</td>"); n != 4 {
			t.Errorf("%d suppressed groups, want 4 (two settings, two nations)", n)
		}
	})
}

func TestFooterLinksToOpenData(t *testing.T) {
	t.Parallel()
	a := newTestApp(t)
	webtest.AssertPage(t, a.Page("anonymous", "/"), http.StatusOK, `href="/open-data"`)
}

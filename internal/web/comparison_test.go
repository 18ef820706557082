package web

import (
	"regexp"
	"strings"
	"testing"
	"time"

	"vcready/internal/assessment"
	"vcready/internal/web/webtest"
)

var (
	october  = time.Date(2026, 10, 1, 9, 0, 0, 0, time.UTC)
	november = time.Date(2026, 11, 1, 9, 0, 0, 0, time.UTC)
)

// teamOrder is the team names in the comparison table, top to bottom.
var teamRowName = regexp.MustCompile(`<th scope="row" class="nhsuk-table__header"><a href="/teams/[^"]+">([^<]+)</a>`)

func teamOrder(body string) []string {
	var out []string
	for _, m := range teamRowName.FindAllStringSubmatch(body, -1) {
		out = append(out, m[1])
	}
	return out
}

// comparisonApp has team 1 with two submissions (0, then equity at 100: overall 16.7,
// up 16.7) and a third team "Community nursing" (community, wales) scoring 33.3
// (equity and pathways at 100) an hour later; team 2 has none.
func comparisonApp(t *testing.T) *testApp {
	t.Helper()
	app := newTestApp(t)
	nursing := webtest.Must(app.Assessments.CreateTeam(t.Context(), app.Users["lead"].Principal(), app.Org1.ID,
		assessment.TeamInput{Name: "Community nursing", Setting: "community", Specialty: "other", Nation: "wales"}))
	app.SubmitScoredAt("member", app.Team1.ID, october)
	app.SubmitScoredAt("member", app.Team1.ID, november, "equity")
	app.SubmitScoredAt("lead", nursing.ID, november.Add(time.Hour), "equity", "pathways")
	return app
}

func TestComparisonPage(t *testing.T) {
	t.Parallel()
	app := comparisonApp(t)
	base := "/organisations/" + app.Org1.ID + "/comparison"
	body := webtest.AssertPage(t, app.Page("lead", base), 200,
		"Compare teams", `role="region"`, `tabindex="0"`, `aria-labelledby="teams-caption"`,
		"16.7", "Up 16.7", "Up 100.0", "Getting started", "Embedded", "No assessment submitted yet",
		"1 November 2026", "First assessment", `aria-sort="ascending"`,
		"Fewer than 5 teams: not shown", "October to December 2026")
	if got := teamOrder(body); strings.Join(got, ", ") != "Community nursing, Diabetes clinic, Physio outpatients" {
		t.Errorf("default order = %v, want by name", got)
	}
	for _, tc := range []struct{ query, want, ariaSort string }{
		// Highest first; the team without a score last whichever way.
		{"?sort=overall&dir=desc", "Community nursing, Physio outpatients, Diabetes clinic", "descending"},
		{"?sort=overall&dir=asc", "Physio outpatients, Community nursing, Diabetes clinic", "ascending"},
		// Equal equity (100 each): by name.
		{"?sort=equity&dir=desc", "Community nursing, Physio outpatients, Diabetes clinic", "descending"},
		{"?sort=submitted&dir=desc", "Community nursing, Physio outpatients, Diabetes clinic", "descending"},
		{"?sort=submitted&dir=asc", "Physio outpatients, Community nursing, Diabetes clinic", "ascending"},
		{"?sort=team&dir=desc", "Physio outpatients, Diabetes clinic, Community nursing", "descending"},
		{"?sort=nonsense", "Community nursing, Diabetes clinic, Physio outpatients", "ascending"},
		{"?setting=secondary_care&sort=overall&dir=desc", "Physio outpatients, Diabetes clinic", "descending"},
		{"?nation=wales", "Community nursing", "ascending"},
	} {
		body := webtest.AssertPage(t, app.Page("lead", base+tc.query), 200, `aria-sort="`+tc.ariaSort+`"`)
		if got := strings.Join(teamOrder(body), ", "); got != tc.want {
			t.Errorf("%s: order %s, want %s", tc.query, got, tc.want)
		}
		if strings.Count(body, "aria-sort=") != 1 {
			t.Errorf("%s: %d sorted headers, want 1", tc.query, strings.Count(body, "aria-sort="))
		}
	}
	// Sort links keep the filters, and the filter form keeps the sort.
	body = webtest.AssertPage(t, app.Page("lead", base+"?setting=secondary_care&sort=overall&dir=desc"), 200,
		`href="`+base+`?dir=asc&amp;setting=secondary_care&amp;sort=overall"`,
		`<input type="hidden" name="sort" value="overall">`, "Clear filters")
	_ = body
}

func TestComparisonPageBadFilter(t *testing.T) {
	t.Parallel()
	app := newTestApp(t)
	rec := app.Page("lead", "/organisations/"+app.Org1.ID+"/comparison?setting=moon_base&nation=atlantis")
	body := webtest.AssertPage(t, rec, 422, `href="#setting"`, `href="#nation"`, `id="setting"`)
	if !webtest.ErrorSummaryHas(body, "Setting must be one of", "Nation must be one of") || strings.Contains(body, "teams-caption") {
		t.Errorf("bad filter page: %.2000s", body)
	}
}

func TestComparisonPageAccess(t *testing.T) {
	t.Parallel()
	app := newTestApp(t)
	path := "/organisations/" + app.Org1.ID + "/comparison"
	for role, want := range map[string]int{"admin": 200, "lead": 200, "other-lead": 404, "member": 403, "other-member": 403} {
		if rec := app.Page(role, path); rec.Code != want {
			t.Errorf("%s: %d, want %d", role, rec.Code, want)
		}
	}
	if rec := app.Page("anonymous", path); rec.Code != 303 {
		t.Errorf("anonymous: %d, want a redirect to sign in", rec.Code)
	}
}

// TestComparisonPageSpreadAndTrend: with five teams scored the quartiles and the
// quarter's median are shown, as a chart and a table.
func TestComparisonPageSpreadAndTrend(t *testing.T) {
	t.Parallel()
	app := comparisonApp(t)
	lead := app.Users["lead"].Principal()
	app.SubmitScoredAt("lead", app.Team2.ID, november)
	for _, name := range []string{"Podiatry", "Dietetics"} {
		team := webtest.Must(app.Assessments.CreateTeam(t.Context(), lead, app.Org1.ID,
			assessment.TeamInput{Name: name, Setting: "community", Specialty: "other", Nation: "england"}))
		app.SubmitScoredAt("lead", team.ID, november, "equity", "pathways", "infrastructure", "wellbeing", "evidence", "shared_learning")
	}
	// Overall: 0, 16.7, 33.3, 100, 100: median 33.3. Equity 0, 100 x4: quartiles 100.
	webtest.AssertPage(t, app.Page("lead", "/organisations/"+app.Org1.ID+"/comparison"), 200,
		`aria-labelledby="spread-title spread-desc"`, `aria-labelledby="trend-title trend-desc"`,
		"Equity of access: median 100.0, middle half 100.0 to 100.0", "<polyline", "<rect", "33.3",
		"Median scores by quarter", `aria-labelledby="trend-caption"`)
}

// sampleComparison is TestEveryTemplateRenders' comparison page: a scored team, one
// without a submission, a shown and a suppressed spread, a shown and a suppressed
// quarter.
func sampleComparison() comparisonView {
	f := func(x float64) *float64 { return &x }
	return comparisonView{Organisation: assessment.Organisation{ID: "o", Name: "Org"}, Shown: true, Filtered: true,
		Sort:     comparisonSort{"overall", "desc"},
		Settings: []termView{{"community", "Community"}},
		Columns:  []columnView{{Key: "team", Title: "Team", Href: "/x"}, {Key: "overall", Title: "Overall", Href: "/y", AriaSort: "descending"}},
		Rows: []comparisonRowView{
			{TeamID: "t", Name: "Team", Details: "Community, Other, Wales", Submitted: "1 November 2026", Change: "Up 1.0",
				Overall: cellView{Score: "50.0", Level: "established", LevelLabel: "Established", Change: "Up 1.0"}},
			{TeamID: "u", Name: "Other team"}},
		Spread: newSpreadView([]assessment.Distribution{{Key: "equity", N: 5, P25: 10, Median: 20, P75: 30}, {Key: "pathways", N: 2, Suppressed: true}},
			map[string]string{"equity": "Equity", "pathways": "Pathways"}),
		Trend: newTrendView(assessment.Trend{Periods: []assessment.Period{{Period: "2026-Q3", N: 2, Suppressed: true},
			{Period: "2026-Q4", N: 5, Overall: f(40), Considerations: map[string]float64{"equity": 50}}}},
			[]string{"equity", "pathways"}, map[string]string{"equity": "Equity", "pathways": "Pathways"}),
	}
}

// TestOrganisationPageShowsLatestScores: the lead's organisation page lists each
// team's latest overall score, level and date, and links to the comparison.
func TestOrganisationPageShowsLatestScores(t *testing.T) {
	t.Parallel()
	app := comparisonApp(t)
	webtest.AssertPage(t, app.Page("lead", "/organisations/"+app.Org1.ID), 200,
		`href="/organisations/`+app.Org1.ID+`/comparison"`, `href="/organisations/`+app.Org1.ID+`/settings"`,
		"<strong>16.7</strong> Getting started", "<strong>33.3</strong> Developing", "Submitted 1 November 2026", "None submitted yet")
}

// TestComparisonPageLinksToItsDownloads: the downloads carry the page's filters, and
// a signed-in lead's browser gets the file with its session (a safe GET).
func TestComparisonPageLinksToItsDownloads(t *testing.T) {
	t.Parallel()
	a := newTestApp(t)
	b := a.Browser("lead")
	page := "/organisations/" + a.Org1.ID + "/comparison"
	webtest.AssertPage(t, b.Get(page), 200,
		`href="/api/v1/organisations/`+a.Org1.ID+`/comparison.csv"`,
		`href="/api/v1/organisations/`+a.Org1.ID+`/comparison.xlsx"`)
	body := webtest.AssertPage(t, b.Get(page+"?specialty=diabetes"), 200,
		`href="/api/v1/organisations/`+a.Org1.ID+`/comparison.csv?specialty=diabetes"`)
	if !strings.Contains(body, "Download this comparison (Excel)") {
		t.Error("no Excel download")
	}
	rec := b.Get("/api/v1/organisations/" + a.Org1.ID + "/comparison.csv?specialty=diabetes")
	if rec.Code != 200 || !strings.Contains(rec.Body.String(), "Diabetes clinic") || strings.Contains(rec.Body.String(), "Physio") {
		t.Errorf("download with the session: %d %.300s", rec.Code, rec.Body)
	}
}

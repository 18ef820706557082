package web

import (
	"context"
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"testing"
	"vcready/internal/auth"
	"vcready/internal/web/webtest"
)

func TestLeadPages(t *testing.T) {
	t.Parallel()
	app := newTestApp(t)
	lead := webtest.NewClient(t, app.srv)
	lead.SignIn("lead@example.org", webtest.Password)
	orgPage := "/organisations/" + app.Org1.ID
	if rec := lead.Get(orgPage); rec.Code != 200 || !strings.Contains(rec.Body.String(), "Physio outpatients") || !strings.Contains(rec.Body.String(), "member@example.org") {
		t.Fatalf("organisation page: %d", rec.Code)
	}
	// A bad team: every field named, nothing written.
	rec := lead.Submit(orgPage+"/teams/new", orgPage+"/teams", url.Values{"name": {""}, "setting": {"moon_base"}, "specialty": {""}, "nation": {"atlantis"}})
	if rec.Code != 422 || !webtest.ErrorSummaryHas(rec.Body.String(), "Setting", "Nation") {
		t.Fatalf("bad team: %d %.500s", rec.Code, rec.Body)
	}
	rec = lead.Submit(orgPage+"/teams/new", orgPage+"/teams", url.Values{"name": {"Podiatry"}, "setting": {"community"}, "specialty": {"podiatry"}, "nation": {"england"}})
	if rec.Code != http.StatusSeeOther {
		t.Fatalf("create team: %d %.300s", rec.Code, rec.Body)
	}
	if page := lead.Get(orgPage + "?notice=team-added"); !strings.Contains(page.Body.String(), "Team added") {
		t.Error("no success notice")
	}
	if page := lead.Get(orgPage + "?notice=Your+account+is+locked"); strings.Contains(page.Body.String(), "Your account is locked") {
		t.Error("a crafted notice was shown")
	}
	// Edit a team.
	rec = lead.Submit("/teams/"+app.Team2.ID+"/edit", "/teams/"+app.Team2.ID+"/edit", url.Values{"name": {"Diabetes and endocrinology"}, "setting": {"secondary_care"}, "specialty": {"diabetes"}, "nation": {"england"}})
	if rec.Code != http.StatusSeeOther {
		t.Fatalf("edit team: %d %.300s", rec.Code, rec.Body)
	}
	// Remove a member, after a confirmation page.
	confirm := orgPage + "/people/" + app.Users["other-member"].ID + "/remove"
	if page := lead.Get(confirm); page.Code != 200 || !strings.Contains(page.Body.String(), "member2@example.org") {
		t.Fatalf("confirmation page: %d", page.Code)
	}
	if page := app.Page("other-lead", confirm); page.Code != 404 {
		t.Errorf("another organisation's lead sees the confirmation page: %d", page.Code)
	}
	rec = lead.Submit(confirm, confirm, url.Values{})
	if rec.Code != http.StatusSeeOther {
		t.Fatalf("remove: %d %.300s", rec.Code, rec.Body)
	}
	if _, err := app.Accounts.GetUser(context.Background(), auth.System, app.Users["other-member"].ID); err == nil {
		t.Error("the member was not removed")
	}
}

func TestPagesAcrossOrganisationsAre404(t *testing.T) {
	t.Parallel()
	app := newTestApp(t)
	cases := []struct {
		role, path string
		want       int
	}{
		{"other-lead", "/organisations/" + app.Org1.ID, 404},
		{"other-lead", "/teams/" + app.Team1.ID, 404},
		{"other-lead", "/teams/" + app.Team1.ID + "/edit", 404},
		{"other-member", "/teams/" + app.Team1.ID, 404},
		{"member", "/organisations/" + app.Org1.ID, 403},
		{"member", "/admin", 404},
		{"lead", "/admin/audit", 404},
		{"admin", "/admin/audit", 200},
		{"anonymous", "/organisations/" + app.Org1.ID, 303},
	}
	for _, tc := range cases {
		if rec := app.Page(tc.role, tc.path); rec.Code != tc.want {
			t.Errorf("%s GET %s: %d, want %d", tc.role, tc.path, rec.Code, tc.want)
		}
	}
}

// TestOrganisationPageLinksToTheExports: a lead downloads the assessments export from
// the organisation page with the browser session alone (the API acts on a cookie for
// GET), in both formats.
func TestOrganisationPageLinksToTheExports(t *testing.T) {
	t.Parallel()
	app := newTestApp(t)
	lead := webtest.NewClient(t, app.srv)
	lead.SignIn("lead@example.org", webtest.Password)
	page := webtest.AssertPage(t, lead.Get("/organisations/"+app.Org1.ID), http.StatusOK)
	for _, f := range []struct{ ext, text, contentType string }{
		{"csv", "Download every submitted assessment (CSV)", "text/csv; charset=utf-8"},
		{"xlsx", "Download every submitted assessment (Excel)", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"},
	} {
		href := "/api/v1/organisations/" + app.Org1.ID + "/assessments." + f.ext
		if !strings.Contains(page, `<a href="`+href+`" download>`+f.text+`</a>`) {
			t.Errorf("no %q link to %s", f.text, href)
		}
		rec := lead.Get(href)
		if rec.Code != http.StatusOK || rec.Header().Get("Content-Type") != f.contentType {
			t.Errorf("following the %s link: %d %s", f.ext, rec.Code, rec.Header().Get("Content-Type"))
		}
	}
}

// bigOrganisation gives Org1 1,000 teams (the fixture's two and 998 more) and 120
// more members, the size of issue 11's organisation whose page was 2.4 MB.
func bigOrganisation(t *testing.T) *testApp {
	t.Helper()
	app := newTestApp(t)
	for i := range 998 {
		app.AddTeam(app.Org1.ID, fmt.Sprintf("Team %04d", i), "community", "podiatry", "england")
	}
	for i := range 120 {
		app.AddUser(fmt.Sprintf("m%03d", i), auth.NewUser{Email: fmt.Sprintf("m%03d@example.org", i), Role: auth.RoleMember, TeamID: app.Team1.ID})
	}
	return app
}

// TestOrganisationPageIsPagedAtAThousandTeams: 50 teams and 50 people a page, with
// NHS.UK previous and next links that keep the other table's page, under 200 KB.
func TestOrganisationPageIsPagedAtAThousandTeams(t *testing.T) {
	t.Parallel()
	app := bigOrganisation(t)
	org := "/organisations/" + app.Org1.ID
	lead := app.Browser("lead")
	people := len(webtest.Must(app.Accounts.ListUsers(context.Background(), app.Users["lead"].Principal(), app.Org1.ID)))
	cases := []struct {
		path, showing, prev, next string
		teamRows                  int
	}{
		{org, "Showing 1 to 50 of 1,000 teams", "", org + "?page=2#teams", 50},
		{org + "?page=11", "Showing 501 to 550 of 1,000 teams", org + "?page=10#teams", org + "?page=12#teams", 50},
		{org + "?page=20", "Showing 951 to 1,000 of 1,000 teams", org + "?page=19#teams", "", 50},
	}
	for _, tc := range cases {
		rec := lead.Get(tc.path)
		body := webtest.AssertPage(t, rec, http.StatusOK, tc.showing, `aria-label="Teams pages"`, `aria-label="People pages"`,
			fmt.Sprintf("Showing 1 to 50 of %d people", people))
		if n := len(body); n > 200_000 {
			t.Errorf("%s: %d bytes, want under 200 KB", tc.path, n)
		}
		t.Logf("%s: %d bytes", tc.path, len(body))
		if n := strings.Count(body, `/edit">Edit<span`); n != tc.teamRows {
			t.Errorf("%s: %d team rows, want %d", tc.path, n, tc.teamRows)
		}
		if n := strings.Count(body, `/remove">Remove<span`); n > 50 {
			t.Errorf("%s: %d people rows, want at most 50", tc.path, n)
		}
		for rel, href := range map[string]string{"prev": tc.prev, "next": tc.next} {
			link := `href="` + strings.ReplaceAll(href, "&", "&amp;") + `" rel="` + rel + `"`
			switch {
			case href != "" && !strings.Contains(body, link):
				t.Errorf("%s: no %s link to %s", tc.path, rel, href)
			case href == "" && strings.Contains(body, `#teams" rel="`+rel+`"`):
				t.Errorf("%s: a %s link to teams, want none", tc.path, rel)
			}
		}
	}
	// Across the 20 pages every team is listed once, and a team's latest score shows
	// on its own page.
	scored := app.AddTeam(app.Org1.ID, "Team 0600b", "community", "podiatry", "england")
	app.SubmitScoredAt("lead", scored, november)
	seen, scoredOn := map[string]int{}, 0
	for n := 1; n <= 21; n++ {
		body := webtest.AssertPage(t, lead.Get(fmt.Sprintf("%s?page=%d", org, n)), http.StatusOK)
		for _, part := range strings.Split(body, `<a href="/teams/`)[1:] {
			if id, _, ok := strings.Cut(part, `"`); ok && !strings.HasSuffix(id, "/edit") {
				seen[id]++
			}
		}
		if strings.Contains(body, `<a href="/teams/`+scored+`"`) {
			scoredOn = n
			if !strings.Contains(body, "Submitted 1 November 2026") {
				t.Errorf("page %d lists the scored team without its score", n)
			}
		}
	}
	if len(seen) != 1001 || scoredOn == 0 {
		t.Errorf("%d teams across the pages, want 1,001; the scored team on page %d", len(seen), scoredOn)
	}
	for id, k := range seen {
		if k != 1 {
			t.Errorf("team %s listed %d times", id, k)
		}
	}
	// The people's pages keep the teams' page, and the last shows the remainder.
	last := (people + 49) / 50
	rec := lead.Get(fmt.Sprintf("%s?page=11&people=%d", org, last))
	body := webtest.AssertPage(t, rec, http.StatusOK, fmt.Sprintf("Showing %d to %d of %d people", (last-1)*50+1, people, people),
		fmt.Sprintf(`href="%s?page=11&amp;people=%d#people" rel="prev"`, org, last-1),
		"Showing 501 to 550 of 1,001 teams")
	if strings.Contains(body, `#people" rel="next"`) {
		t.Error("the last page of people links to a next page")
	}
}

// TestOrganisationPageRefusesABadPage: a page that is not a whole number from 1 to
// the last is a 404, for teams and people alike, rather than other rows than it names.
func TestOrganisationPageRefusesABadPage(t *testing.T) {
	t.Parallel()
	app := newTestApp(t)
	org := "/organisations/" + app.Org1.ID
	lead := app.Browser("lead")
	webtest.AssertPage(t, lead.Get(org+"?page=1"), http.StatusOK, "Physio outpatients")
	for _, q := range []string{"page=2", "page=0", "page=-1", "page=abc", "page=1.5", "page=01", "page=99999999999999999999", "people=2", "people=x"} {
		if rec := lead.Get(org + "?" + q); rec.Code != http.StatusNotFound {
			t.Errorf("?%s: %d, want 404", q, rec.Code)
		}
	}
	// A small organisation has one page and no pagination at all.
	if body := lead.Get(org).Body.String(); strings.Contains(body, "nhsuk-pagination") || strings.Contains(body, "Showing ") {
		t.Error("a one-page organisation shows pagination")
	}
}

package web

import (
	"context"
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

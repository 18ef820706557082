package web

import (
	"fmt"
	"net/http/httptest"
	"strings"
	"testing"

	"vcready/internal/auth"
	"vcready/internal/browsertest"
	"vcready/internal/web/webtest"
)

// TestOrganisationPagingInABrowser: a paged organisation page passes axe-core with its
// two pagination landmarks, and its Next and Previous links page the teams with
// JavaScript off.
func TestOrganisationPagingInABrowser(t *testing.T) {
	t.Parallel()
	if testing.Short() {
		t.Skip("browser test skipped in -short mode")
	}
	app := newTestApp(t)
	for i := range 118 {
		app.AddTeam(app.Org1.ID, fmt.Sprintf("Team %03d", i), "community", "podiatry", "england")
	}
	for i := range 50 { // and more than 50 people, so both tables are paged
		app.AddUser(fmt.Sprintf("m%02d", i), auth.NewUser{Email: fmt.Sprintf("m%02d@example.org", i), Role: auth.RoleMember, TeamID: app.Team1.ID})
	}
	ts := httptest.NewServer(app.srv)
	defer ts.Close()
	ctx := browsertest.New(t)
	step := browsertest.NewSteps(t, ctx, ts.URL)
	step.Visit("/sign-in", "Sign in")
	step.Fill("#email", "lead@example.org").Fill("#password", webtest.Password)
	step.Submit("main form button", "Northshire Health", "organisation page 1 of 3")
	step.NoJS = true
	step.Scripts(false)

	org := "/organisations/" + app.Org1.ID
	step.Submit(`nav[aria-label="Teams pages"] a[rel="next"]`, "Northshire Health", "organisation page 2 of 3 without JavaScript")
	if p := step.Path(); p != org+"?page=2" {
		t.Errorf("next went to %s", p)
	}
	step.WantText("main", "Showing 51 to 100 of 120 teams", "Showing 1 to 50 of 53 people") // the fixture's lead and two members, and 50
	step.Submit(`nav[aria-label="Teams pages"] a[rel="next"]`, "Northshire Health", "organisation page 3 of 3")
	step.WantText("main", "Showing 101 to 120 of 120 teams")
	if n := step.Eval(`String(document.querySelectorAll('nav[aria-label="Teams pages"] a[rel="next"]').length)`); n != "0" {
		t.Error("the last page links to a next page")
	}
	step.Submit(`nav[aria-label="Teams pages"] a[rel="prev"]`, "Northshire Health", "organisation page 2 again")
	if p := step.Path(); !strings.HasSuffix(p, "?page=2") {
		t.Errorf("previous went to %s", p)
	}
}

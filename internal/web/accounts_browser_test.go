package web

import (
	"net/http/httptest"
	"strings"
	"testing"

	"vcready/internal/browsertest"
	"vcready/internal/web/webtest"
)

// TestAccountsInABrowser drives sign-in, the lead's pages, an invitation, the
// invitee's first sign-in and sign-out in Chromium, checking every page state
// (including each error state) with axe-core.
func TestAccountsInABrowser(t *testing.T) {
	t.Parallel()
	if testing.Short() {
		t.Skip("browser test skipped in -short mode")
	}
	app := newTestApp(t)
	ts := httptest.NewServer(app.srv)
	defer ts.Close()
	ctx := browsertest.New(t)
	step := browsertest.NewSteps(t, ctx, ts.URL)

	step.Visit("/sign-in", "Sign in")
	step.Submit("main form button", "Error: Sign in", "sign-in empty")
	step.Fill("#email", "lead@example.org").Fill("#password", "wrong password here")
	step.Submit("main form button", "Error: Sign in", "sign-in wrong password")
	step.Fill("#password", webtest.Password)
	step.Submit("main form button", "Northshire Health", "organisation overview")

	step.Visit("/teams/"+app.Team1.ID, "Physio outpatients")
	step.Check("team page as lead")
	step.Visit("/organisations/"+app.Org1.ID+"/teams/new", "Add a team")
	step.Submit("main form button", "Error: Add a team", "team form errors")
	step.Visit("/organisations/"+app.Org1.ID+"/invitations/new", "Invite someone")
	step.Fill("#email", "not an email")
	step.Submit("main form button", "Error: Invite someone", "invite errors")
	step.Fill("#email", "newcomer@example.org")
	step.ClickScript("#role")
	step.Fill("#team_id", app.Team1.ID)
	step.Submit("main form button", "Invitation created", "invitation created")
	link := step.Text(".app-invitation-link a")
	step.Visit("/organisations/"+app.Org1.ID+"/people/"+app.Users["other-member"].ID+"/remove", "Remove Other-member User")
	step.Check("remove person confirmation")
	step.Submit(".nhsuk-header__account-button", "You have signed out", "signed out")

	step.Visit(strings.TrimPrefix(link, ts.URL), "Create your account")
	step.Fill("#name", "New Comer").Fill("#password", "short")
	step.Submit("main form button", "Error: Create your account", "invitation password error")
	step.Fill("#password", "tangerine kayak meadow 9")
	step.Submit("main form button", "Physio outpatients", "team page after joining")
	step.Submit(".nhsuk-header__account-button", "You have signed out", "signed out again")
	step.Visit(strings.TrimPrefix(link, ts.URL), "This invitation link cannot be used")

	step.Visit("/sign-in", "Sign in")
	step.Fill("#email", "newcomer@example.org").Fill("#password", "tangerine kayak meadow 9")
	step.Submit("main form button", "Physio outpatients", "newcomer signs in")
	step.Submit(".nhsuk-header__account-button", "You have signed out", "newcomer signs out")

	step.Visit("/sign-in", "Sign in")
	step.Fill("#email", "admin@example.org").Fill("#password", webtest.Password)
	step.Submit("main form button", "Administration", "admin home")
	step.Submit("main form button", "Error: Administration", "admin organisation error")
	step.Visit("/admin/audit", "Audit log")
	step.Check("audit log")
}

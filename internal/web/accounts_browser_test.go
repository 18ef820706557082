package web

import (
	"context"
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
	if testing.Short() {
		t.Skip("browser test skipped in -short mode")
	}
	app := newTestApp(t)
	ts := httptest.NewServer(app.srv)
	defer ts.Close()
	ctx := browsertest.New(t)
	step := newBrowserSteps(t, ctx, ts.URL)

	step.visit("/sign-in", "Sign in")
	step.submit("main form button", "Error: Sign in", "sign-in empty")
	step.fill("#email", "lead@example.org").fill("#password", "wrong password here")
	step.submit("main form button", "Error: Sign in", "sign-in wrong password")
	step.fill("#password", webtest.Password)
	step.submit("main form button", "Northshire Health", "organisation overview")

	step.visit("/teams/"+app.Team1.ID, "Physio outpatients")
	step.check("team page as lead")
	step.visit("/organisations/"+app.Org1.ID+"/teams/new", "Add a team")
	step.submit("main form button", "Error: Add a team", "team form errors")
	step.visit("/organisations/"+app.Org1.ID+"/invitations/new", "Invite someone")
	step.fill("#email", "not an email")
	step.submit("main form button", "Error: Invite someone", "invite errors")
	step.fill("#email", "newcomer@example.org")
	step.click("#role")
	step.selectTeam(app.Team1.ID)
	step.submit("main form button", "Invitation created", "invitation created")
	link := step.text(".app-invitation-link a")
	step.visit("/organisations/"+app.Org1.ID+"/people/"+app.Users["other-member"].ID+"/remove", "Remove Other-member User")
	step.check("remove person confirmation")
	step.submit(".nhsuk-header__account-button", "You have signed out", "signed out")

	step.visit(strings.TrimPrefix(link, ts.URL), "Create your account")
	step.fill("#name", "New Comer").fill("#password", "short")
	step.submit("main form button", "Error: Create your account", "invitation password error")
	step.fill("#password", "tangerine kayak meadow 9")
	step.submit("main form button", "Physio outpatients", "team page after joining")
	step.submit(".nhsuk-header__account-button", "You have signed out", "signed out again")
	step.visit(strings.TrimPrefix(link, ts.URL), "This invitation link cannot be used")

	step.visit("/sign-in", "Sign in")
	step.fill("#email", "newcomer@example.org").fill("#password", "tangerine kayak meadow 9")
	step.submit("main form button", "Physio outpatients", "newcomer signs in")
	step.submit(".nhsuk-header__account-button", "You have signed out", "newcomer signs out")

	step.visit("/sign-in", "Sign in")
	step.fill("#email", "admin@example.org").fill("#password", webtest.Password)
	step.submit("main form button", "Administration", "admin home")
	step.submit("main form button", "Error: Administration", "admin organisation error")
	step.visit("/admin/audit", "Audit log")
	step.check("audit log")
}

// browserSteps keeps browser tests readable: each step fails the test with context.
type browserSteps struct {
	t    *testing.T
	ctx  context.Context
	base string
}

func newBrowserSteps(t *testing.T, ctx context.Context, base string) *browserSteps {
	return &browserSteps{t: t, ctx: ctx, base: base}
}

func (s *browserSteps) visit(path, wantTitle string) *browserSteps {
	s.t.Helper()
	if err := browsertest.Go(s.ctx, s.base+path); err != nil {
		s.t.Fatalf("visit %s: %v", path, err)
	}
	s.wantTitle(wantTitle, path)
	return s
}

// submit clicks sel, waits for the next page, checks its title and runs axe on it.
func (s *browserSteps) submit(sel, wantTitle, label string) *browserSteps {
	s.t.Helper()
	if err := browsertest.ClickAndWait(s.ctx, sel); err != nil {
		s.t.Fatalf("%s: %v", label, err)
	}
	s.wantTitle(wantTitle, label)
	s.check(label)
	return s
}

func (s *browserSteps) check(label string) {
	s.t.Helper()
	browsertest.CheckA11y(s.t, s.ctx, label)
	browsertest.Screenshot(s.t, s.ctx, strings.ReplaceAll(label, " ", "-"))
}

func (s *browserSteps) wantTitle(want, label string) {
	s.t.Helper()
	title, err := browsertest.Eval[string](s.ctx, "document.title")
	if err != nil || !strings.HasPrefix(title, want) {
		h1, _ := browsertest.Text(s.ctx, "h1")
		s.t.Fatalf("%s: title %q (h1 %q), want it to start with %q", label, title, h1, want)
	}
}

func (s *browserSteps) fill(sel, value string) *browserSteps {
	s.t.Helper()
	if err := browsertest.Fill(s.ctx, sel, value); err != nil {
		s.t.Fatalf("fill %s: %v", sel, err)
	}
	return s
}

func (s *browserSteps) click(sel string) *browserSteps {
	s.t.Helper()
	if _, err := browsertest.Eval[bool](s.ctx, "(document.querySelector('"+sel+"').click(), true)"); err != nil {
		s.t.Fatalf("click %s: %v", sel, err)
	}
	return s
}

func (s *browserSteps) selectTeam(id string) {
	s.t.Helper()
	s.fill("#team_id", id)
}

func (s *browserSteps) text(sel string) string {
	s.t.Helper()
	v, err := browsertest.Text(s.ctx, sel)
	if err != nil {
		s.t.Fatalf("text of %s: %v", sel, err)
	}
	return strings.TrimSpace(v)
}

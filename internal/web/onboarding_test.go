package web

import (
	"context"
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"
	"vcready/internal/assessment"
	"vcready/internal/auth"
	"vcready/internal/store/storetest"
	"vcready/internal/web/webtest"
)

func TestInvitationLifecycle(t *testing.T) {
	t.Parallel()
	app := newTestApp(t)
	lead := webtest.NewClient(t, app.srv)
	lead.SignIn("lead@example.org", webtest.Password)
	orgPage := "/organisations/" + app.Org1.ID
	// Bad input: error summary, nothing written.
	rec := lead.Submit(orgPage+"/invitations/new", orgPage+"/invitations", url.Values{"email": {"not-an-email"}, "role": {"member"}})
	if rec.Code != 422 || !strings.Contains(rec.Body.String(), "nhsuk-error-summary") {
		t.Fatalf("bad invitation: %d %.400s", rec.Code, rec.Body)
	}
	if invs, _ := app.Accounts.ListInvitations(context.Background(), app.Users["lead"].Principal(), app.Org1.ID); len(invs) != 0 {
		t.Fatalf("a rejected invitation was stored: %+v", invs)
	}
	rec = lead.Submit(orgPage+"/invitations/new", orgPage+"/invitations", url.Values{"email": {"newcomer@example.org"}, "role": {"member"}, "team_id": {app.Team1.ID}})
	if rec.Code != http.StatusCreated {
		t.Fatalf("invite: %d %.400s", rec.Code, rec.Body)
	}
	link := regexpFind(t, rec.Body.String(), `href="http://[^/]+(/invitations/[^"]+)"`)

	newcomer := webtest.NewClient(t, app.srv)
	if page := newcomer.Get(link); page.Code != 200 || !strings.Contains(page.Body.String(), "newcomer@example.org") {
		t.Fatalf("invitation page: %d", page.Code)
	}
	rec = newcomer.Submit(link, link, url.Values{"name": {"New Comer"}, "password": {"short"}})
	if rec.Code != 422 || !webtest.ErrorSummaryHas(rec.Body.String(), "12 characters") {
		t.Fatalf("short password: %d %.400s", rec.Code, rec.Body)
	}
	rec = newcomer.Submit(link, link, url.Values{"name": {"New Comer"}, "password": {"tangerine kayak meadow 9"}})
	if rec.Code != http.StatusSeeOther || rec.Header().Get("Location") != "/teams/"+app.Team1.ID {
		t.Fatalf("accept: %d %q", rec.Code, rec.Header().Get("Location"))
	}
	// The link is dead once used: a clear message, and no second account.
	again := webtest.NewClient(t, app.srv)
	page := again.Get(link)
	if page.Code != http.StatusConflict || !strings.Contains(page.Body.String(), "already been used") {
		t.Fatalf("reused link: %d %.300s", page.Code, page.Body)
	}
	users, _ := app.Accounts.ListUsers(context.Background(), auth.System, app.Org1.ID)
	n := 0
	for _, u := range users {
		if u.Email == "newcomer@example.org" {
			n++
		}
	}
	if n != 1 {
		t.Errorf("%d accounts for the newcomer, want 1", n)
	}
	if page := again.Get("/invitations/" + strings.Repeat("x", 43)); page.Code != 404 {
		t.Errorf("unknown link: %d", page.Code)
	}
}

func TestExpiredInvitation(t *testing.T) {
	t.Parallel()
	st := storetest.SQLite(t)
	now := time.Date(2026, 11, 1, 9, 0, 0, 0, time.UTC)
	acc := auth.NewService(st, auth.Options{Now: func() time.Time { return now }})
	asm := assessment.New(st, webtest.Questionnaires())
	srv, err := New(Config{}, Deps{Questionnaires: webtest.Questionnaires(), Accounts: acc, Assessments: asm})
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	admin, _ := acc.CreateUser(ctx, auth.System, auth.NewUser{Email: "admin@example.org", Password: webtest.Password, Role: auth.RoleAdmin})
	org := webtest.Must(asm.CreateOrganisation(ctx, admin.Principal(), "Org"))
	_, token, err := acc.Invite(ctx, admin.Principal(), auth.InviteInput{Email: "late@example.org", Role: auth.RoleLead, OrganisationID: org.ID})
	if err != nil {
		t.Fatal(err)
	}
	now = now.Add(8 * 24 * time.Hour)
	b := webtest.NewClient(t, srv)
	page := b.Get("/invitations/" + token)
	if page.Code != http.StatusConflict || !strings.Contains(page.Body.String(), "expired") {
		t.Fatalf("expired link: %d %.300s", page.Code, page.Body)
	}
	rec := b.Post("/invitations/"+token, url.Values{"name": {"Late"}, "password": {"tangerine kayak meadow 9"}})
	if rec.Code == http.StatusSeeOther {
		t.Fatal("an expired invitation created an account")
	}
}

func TestFirstRunSetup(t *testing.T) {
	t.Parallel()
	st := storetest.SQLite(t)
	acc := auth.NewService(st, auth.Options{})
	srv, err := New(Config{}, Deps{Questionnaires: webtest.Questionnaires(), Accounts: acc, Assessments: assessment.New(st, webtest.Questionnaires())})
	if err != nil {
		t.Fatal(err)
	}
	token, err := acc.NewSetupToken(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	link := "/setup/" + token
	b := webtest.NewClient(t, srv)
	rec := b.Submit(link, link, url.Values{"name": {"Ada"}, "email": {"ada@example.org"}, "password": {"password1234"}})
	if rec.Code != 422 || !strings.Contains(rec.Body.String(), "nhsuk-error-summary") {
		t.Fatalf("common password accepted: %d %.300s", rec.Code, rec.Body)
	}
	rec = b.Submit(link, link, url.Values{"name": {"Ada"}, "email": {"ada@example.org"}, "password": {"tangerine kayak meadow 9"}})
	if rec.Code != http.StatusSeeOther || rec.Header().Get("Location") != "/admin" {
		t.Fatalf("setup: %d %q %.300s", rec.Code, rec.Header().Get("Location"), rec.Body)
	}
	if page := b.Get("/admin"); page.Code != 200 {
		t.Errorf("admin page after setup: %d", page.Code)
	}
	other := webtest.NewClient(t, srv)
	if page := other.Get(link); page.Code == 200 {
		t.Error("the set-up link still works after use")
	}
	if _, err := acc.NewSetupToken(context.Background()); err == nil {
		t.Error("a new set-up link was issued although an admin exists")
	}
}

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

func TestSignIn(t *testing.T) {
	app := newTestApp(t)
	cases := []struct {
		name, email, password string
		status                int
		errors                []string
	}{
		{"empty", "", "", 422, []string{"Enter your email address", "Enter your password"}},
		{"wrong password", "member@example.org", "not the password at all", 401, []string{"Enter a correct email address and password"}},
		{"unknown email", "nobody@example.org", webtest.Password, 401, []string{"Enter a correct email address and password"}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			b := webtest.NewClient(t, app.srv)
			rec := b.Submit("/sign-in", "/sign-in", url.Values{"email": {tc.email}, "password": {tc.password}})
			if rec.Code != tc.status || !webtest.ErrorSummaryHas(rec.Body.String(), tc.errors...) {
				t.Fatalf("status %d, want %d with %v; body %.300s", rec.Code, tc.status, tc.errors, rec.Body)
			}
			if !strings.Contains(rec.Body.String(), "<title>Error: ") {
				t.Error("the page title does not start with Error:")
			}
			if b.Cookie(sessionCookie) != nil {
				t.Error("a failed sign-in set a session cookie")
			}
		})
	}
	t.Run("success", func(t *testing.T) {
		b := webtest.NewClient(t, app.srv)
		rec := b.Submit("/sign-in", "/sign-in", url.Values{"email": {"MEMBER@example.org"}, "password": {webtest.Password}})
		if rec.Code != http.StatusSeeOther || rec.Header().Get("Location") != "/teams/"+app.Team1.ID {
			t.Fatalf("status %d location %q", rec.Code, rec.Header().Get("Location"))
		}
		ck := b.Cookie(sessionCookie)
		if ck == nil || !ck.HttpOnly || ck.SameSite != http.SameSiteLaxMode {
			t.Fatalf("session cookie = %+v", ck)
		}
		if page := b.Get("/teams/" + app.Team1.ID); page.Code != 200 || !strings.Contains(page.Body.String(), "member@example.org") {
			t.Errorf("team page after sign-in: %d", page.Code)
		}
		// Sign out ends the session on the server, not just the cookie.
		stolen := *ck
		b.Submit("/teams/"+app.Team1.ID, "/sign-out", url.Values{})
		if b.Cookie(sessionCookie) != nil {
			t.Error("sign-out left the session cookie")
		}
		if _, err := app.Accounts.SessionUser(context.Background(), stolen.Value); err == nil {
			t.Error("the session still works after sign-out")
		}
	})
	t.Run("next stays on this site", func(t *testing.T) {
		b := webtest.NewClient(t, app.srv)
		rec := b.Submit("/sign-in", "/sign-in", url.Values{"email": {"lead@example.org"}, "password": {webtest.Password}, "next": {"//evil.example/x"}})
		if loc := rec.Header().Get("Location"); loc != "/organisations/"+app.Org1.ID {
			t.Errorf("redirect to %q", loc)
		}
	})
}

func TestSignInRateLimit(t *testing.T) {
	app := newTestApp(t)
	b := webtest.NewClient(t, app.srv)
	var rec = b.Get("/")
	for i := range 11 {
		rec = b.Submit("/sign-in", "/sign-in", url.Values{"email": {"member@example.org"}, "password": {"wrong password number " + string(rune('a'+i))}})
	}
	if rec.Code != http.StatusTooManyRequests || rec.Header().Get("Retry-After") == "" {
		t.Fatalf("11th failure: %d, Retry-After %q", rec.Code, rec.Header().Get("Retry-After"))
	}
	if !webtest.ErrorSummaryHas(rec.Body.String(), "Too many attempts to sign in") {
		t.Errorf("body %.300s", rec.Body)
	}
	// The right password is refused too while the account is locked.
	rec = b.Submit("/sign-in", "/sign-in", url.Values{"email": {"member@example.org"}, "password": {webtest.Password}})
	if rec.Code != http.StatusTooManyRequests {
		t.Errorf("correct password during lock-out: %d", rec.Code)
	}
	// The API token endpoint shares the limit: 429 with Retry-After.
	api := app.API("anonymous", http.MethodPost, "/api/v1/auth/tokens", `{"email":"member@example.org","password":"`+webtest.Password+`"}`)
	if api.Code != http.StatusTooManyRequests || api.Header().Get("Retry-After") == "" {
		t.Errorf("token during lock-out: %d %s", api.Code, api.Body)
	}
}

func TestForgedCSRFIsRefusedAndWritesNothing(t *testing.T) {
	app := newTestApp(t)
	b := webtest.NewClient(t, app.srv)
	b.SignIn("admin@example.org", webtest.Password)
	cases := []struct {
		name   string
		token  string
		header string
	}{
		{"no token", "", ""},
		{"forged token", "forged-token-value", ""},
		{"cross-site browser", "", "cross-site"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			v := url.Values{"name": {"Forged " + tc.name}}
			if tc.token != "" {
				v.Set("_csrf", tc.token)
			}
			req := webtest.FormRequest("/admin/organisations", v)
			if tc.header != "" {
				req.Header.Set("Sec-Fetch-Site", tc.header)
			}
			rec := b.Do(req)
			if rec.Code != http.StatusForbidden || !strings.Contains(rec.Body.String(), "This form has expired or did not come from vcready") {
				t.Fatalf("status %d body %.300s", rec.Code, rec.Body)
			}
			orgs, _ := app.Assessments.ListOrganisations(context.Background(), app.Users["admin"].Principal())
			for _, o := range orgs {
				if strings.HasPrefix(o.Name, "Forged") {
					t.Fatal("a forged form created an organisation")
				}
			}
		})
	}
}

func TestInvitationLifecycle(t *testing.T) {
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

func TestLeadPages(t *testing.T) {
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

func regexpFind(t *testing.T, s, pattern string) string {
	t.Helper()
	m := regexpMust(pattern).FindStringSubmatch(s)
	if m == nil {
		t.Fatalf("no match for %s in %.500s", pattern, s)
	}
	return m[1]
}

func TestHomeLinksToEachRolesStartingPage(t *testing.T) {
	app := newTestApp(t)
	cases := map[string]string{
		"admin":  `href="/admin" role="button"`,
		"lead":   `href="/organisations/` + app.Org1.ID + `" role="button"`,
		"member": `href="/teams/` + app.Team1.ID + `" role="button"`,
	}
	for role, want := range cases {
		if body := app.Page(role, "/").Body.String(); !strings.Contains(body, want) {
			t.Errorf("home as %s lacks %s", role, want)
		}
	}
	if body := app.Page("anonymous", "/").Body.String(); !strings.Contains(body, `href="/sign-in" role="button"`) {
		t.Error("home signed out lacks the sign-in button")
	}
}

func TestTeamPageGivesLeadsTheirTools(t *testing.T) {
	app := newTestApp(t)
	path := "/teams/" + app.Team1.ID
	lead := app.Page("lead", path).Body.String()
	for _, want := range []string{"nhsuk-breadcrumb", "/teams/" + app.Team1.ID + "/edit", "invitations/new?team=" + app.Team1.ID} {
		if !strings.Contains(lead, want) {
			t.Errorf("lead's team page lacks %s", want)
		}
	}
	member := app.Page("member", path).Body.String()
	if strings.Contains(member, "/edit") || strings.Contains(member, "nhsuk-breadcrumb") {
		t.Error("a member's team page offers lead tools")
	}
}

// TestStaticFilesSkipIdentity: assets and probes never look up the session, so a page
// load costs one session lookup, not one per stylesheet and script. An unknown session
// cookie is cleared on a page request but left alone on a static one, which shows the
// lookup did not run.
func TestStaticFilesSkipIdentity(t *testing.T) {
	app := newTestApp(t)
	for path, wantLookup := range map[string]bool{
		"/": true, "/static/" + staticVersion() + "/css/vcready.css": false, "/healthz": false,
	} {
		req := webtest.JSONRequest(http.MethodGet, path, "")
		req.AddCookie(&http.Cookie{Name: sessionCookie, Value: "no-such-session"})
		rec := webtest.Serve(app.srv, req)
		cleared := strings.Contains(rec.Header().Get("Set-Cookie"), sessionCookie+"=;")
		if cleared != wantLookup {
			t.Errorf("%s: session looked up = %v, want %v", path, cleared, wantLookup)
		}
	}
}

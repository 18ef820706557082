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
		{"unknown email", "nobody@example.org", testPassword, 401, []string{"Enter a correct email address and password"}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			b := newBrowserish(t, app.srv)
			rec := b.submit("/sign-in", "/sign-in", url.Values{"email": {tc.email}, "password": {tc.password}})
			if rec.Code != tc.status || !errorSummaryHas(rec.Body.String(), tc.errors...) {
				t.Fatalf("status %d, want %d with %v; body %.300s", rec.Code, tc.status, tc.errors, rec.Body)
			}
			if !strings.Contains(rec.Body.String(), "<title>Error: ") {
				t.Error("the page title does not start with Error:")
			}
			if b.cookies[sessionCookie] != nil {
				t.Error("a failed sign-in set a session cookie")
			}
		})
	}
	t.Run("success", func(t *testing.T) {
		b := newBrowserish(t, app.srv)
		rec := b.submit("/sign-in", "/sign-in", url.Values{"email": {"MEMBER@example.org"}, "password": {testPassword}})
		if rec.Code != http.StatusSeeOther || rec.Header().Get("Location") != "/teams/"+app.team1.ID {
			t.Fatalf("status %d location %q", rec.Code, rec.Header().Get("Location"))
		}
		ck := b.cookies[sessionCookie]
		if ck == nil || !ck.HttpOnly || ck.SameSite != http.SameSiteLaxMode {
			t.Fatalf("session cookie = %+v", ck)
		}
		if page := b.get("/teams/" + app.team1.ID); page.Code != 200 || !strings.Contains(page.Body.String(), "member@example.org") {
			t.Errorf("team page after sign-in: %d", page.Code)
		}
		// Sign out ends the session on the server, not just the cookie.
		stolen := *ck
		b.submit("/teams/"+app.team1.ID, "/sign-out", url.Values{})
		if b.cookies[sessionCookie] != nil {
			t.Error("sign-out left the session cookie")
		}
		if _, err := app.acc.SessionUser(context.Background(), stolen.Value); err == nil {
			t.Error("the session still works after sign-out")
		}
	})
	t.Run("next stays on this site", func(t *testing.T) {
		b := newBrowserish(t, app.srv)
		rec := b.submit("/sign-in", "/sign-in", url.Values{"email": {"lead@example.org"}, "password": {testPassword}, "next": {"//evil.example/x"}})
		if loc := rec.Header().Get("Location"); loc != "/organisations/"+app.org1.ID {
			t.Errorf("redirect to %q", loc)
		}
	})
}

func TestSignInRateLimit(t *testing.T) {
	app := newTestApp(t)
	b := newBrowserish(t, app.srv)
	var rec = b.get("/")
	for i := range 11 {
		rec = b.submit("/sign-in", "/sign-in", url.Values{"email": {"member@example.org"}, "password": {"wrong password number " + string(rune('a'+i))}})
	}
	if rec.Code != http.StatusTooManyRequests || rec.Header().Get("Retry-After") == "" {
		t.Fatalf("11th failure: %d, Retry-After %q", rec.Code, rec.Header().Get("Retry-After"))
	}
	if !errorSummaryHas(rec.Body.String(), "Too many attempts to sign in") {
		t.Errorf("body %.300s", rec.Body)
	}
	// The right password is refused too while the account is locked.
	rec = b.submit("/sign-in", "/sign-in", url.Values{"email": {"member@example.org"}, "password": {testPassword}})
	if rec.Code != http.StatusTooManyRequests {
		t.Errorf("correct password during lock-out: %d", rec.Code)
	}
	// The API token endpoint shares the limit: 429 with Retry-After.
	api := app.api("anonymous", http.MethodPost, "/api/v1/auth/tokens", `{"email":"member@example.org","password":"`+testPassword+`"}`)
	if api.Code != http.StatusTooManyRequests || api.Header().Get("Retry-After") == "" {
		t.Errorf("token during lock-out: %d %s", api.Code, api.Body)
	}
}

func TestForgedCSRFIsRefusedAndWritesNothing(t *testing.T) {
	app := newTestApp(t)
	b := newBrowserish(t, app.srv)
	b.signIn("admin@example.org", testPassword)
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
			req := newFormRequest("/admin/organisations", v)
			if tc.header != "" {
				req.Header.Set("Sec-Fetch-Site", tc.header)
			}
			rec := b.do(req)
			if rec.Code != http.StatusForbidden || !strings.Contains(rec.Body.String(), "This form has expired or did not come from vcready") {
				t.Fatalf("status %d body %.300s", rec.Code, rec.Body)
			}
			orgs, _ := app.asm.ListOrganisations(context.Background(), app.users["admin"].Principal())
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
	lead := newBrowserish(t, app.srv)
	lead.signIn("lead@example.org", testPassword)
	orgPage := "/organisations/" + app.org1.ID
	// Bad input: error summary, nothing written.
	rec := lead.submit(orgPage+"/invitations/new", orgPage+"/invitations", url.Values{"email": {"not-an-email"}, "role": {"member"}})
	if rec.Code != 422 || !strings.Contains(rec.Body.String(), "nhsuk-error-summary") {
		t.Fatalf("bad invitation: %d %.400s", rec.Code, rec.Body)
	}
	if invs, _ := app.acc.ListInvitations(context.Background(), app.users["lead"].Principal(), app.org1.ID); len(invs) != 0 {
		t.Fatalf("a rejected invitation was stored: %+v", invs)
	}
	rec = lead.submit(orgPage+"/invitations/new", orgPage+"/invitations", url.Values{"email": {"newcomer@example.org"}, "role": {"member"}, "team_id": {app.team1.ID}})
	if rec.Code != http.StatusCreated {
		t.Fatalf("invite: %d %.400s", rec.Code, rec.Body)
	}
	link := regexpFind(t, rec.Body.String(), `href="http://[^/]+(/invitations/[^"]+)"`)

	newcomer := newBrowserish(t, app.srv)
	if page := newcomer.get(link); page.Code != 200 || !strings.Contains(page.Body.String(), "newcomer@example.org") {
		t.Fatalf("invitation page: %d", page.Code)
	}
	rec = newcomer.submit(link, link, url.Values{"name": {"New Comer"}, "password": {"short"}})
	if rec.Code != 422 || !errorSummaryHas(rec.Body.String(), "12 characters") {
		t.Fatalf("short password: %d %.400s", rec.Code, rec.Body)
	}
	rec = newcomer.submit(link, link, url.Values{"name": {"New Comer"}, "password": {"tangerine kayak meadow 9"}})
	if rec.Code != http.StatusSeeOther || rec.Header().Get("Location") != "/teams/"+app.team1.ID {
		t.Fatalf("accept: %d %q", rec.Code, rec.Header().Get("Location"))
	}
	// The link is dead once used: a clear message, and no second account.
	again := newBrowserish(t, app.srv)
	page := again.get(link)
	if page.Code != http.StatusConflict || !strings.Contains(page.Body.String(), "already been used") {
		t.Fatalf("reused link: %d %.300s", page.Code, page.Body)
	}
	users, _ := app.acc.ListUsers(context.Background(), auth.System, app.org1.ID)
	n := 0
	for _, u := range users {
		if u.Email == "newcomer@example.org" {
			n++
		}
	}
	if n != 1 {
		t.Errorf("%d accounts for the newcomer, want 1", n)
	}
	if page := again.get("/invitations/" + strings.Repeat("x", 43)); page.Code != 404 {
		t.Errorf("unknown link: %d", page.Code)
	}
}

func TestExpiredInvitation(t *testing.T) {
	st := storetest.SQLite(t)
	now := time.Date(2026, 11, 1, 9, 0, 0, 0, time.UTC)
	acc := auth.NewService(st, auth.Options{Now: func() time.Time { return now }})
	asm := assessment.New(st, testQuestionnaires())
	srv, err := New(Config{}, Deps{Questionnaires: testQuestionnaires(), Accounts: acc, Assessments: asm})
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	admin, _ := acc.CreateUser(ctx, auth.System, auth.NewUser{Email: "admin@example.org", Password: testPassword, Role: auth.RoleAdmin})
	org := must(asm.CreateOrganisation(ctx, admin.Principal(), "Org"))
	_, token, err := acc.Invite(ctx, admin.Principal(), auth.InviteInput{Email: "late@example.org", Role: auth.RoleLead, OrganisationID: org.ID})
	if err != nil {
		t.Fatal(err)
	}
	now = now.Add(8 * 24 * time.Hour)
	b := newBrowserish(t, srv)
	page := b.get("/invitations/" + token)
	if page.Code != http.StatusConflict || !strings.Contains(page.Body.String(), "expired") {
		t.Fatalf("expired link: %d %.300s", page.Code, page.Body)
	}
	rec := b.post("/invitations/"+token, url.Values{"name": {"Late"}, "password": {"tangerine kayak meadow 9"}})
	if rec.Code == http.StatusSeeOther {
		t.Fatal("an expired invitation created an account")
	}
}

func TestFirstRunSetup(t *testing.T) {
	st := storetest.SQLite(t)
	acc := auth.NewService(st, auth.Options{})
	srv, err := New(Config{}, Deps{Questionnaires: testQuestionnaires(), Accounts: acc, Assessments: assessment.New(st, testQuestionnaires())})
	if err != nil {
		t.Fatal(err)
	}
	token, err := acc.NewSetupToken(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	link := "/setup/" + token
	b := newBrowserish(t, srv)
	rec := b.submit(link, link, url.Values{"name": {"Ada"}, "email": {"ada@example.org"}, "password": {"password1234"}})
	if rec.Code != 422 || !strings.Contains(rec.Body.String(), "nhsuk-error-summary") {
		t.Fatalf("common password accepted: %d %.300s", rec.Code, rec.Body)
	}
	rec = b.submit(link, link, url.Values{"name": {"Ada"}, "email": {"ada@example.org"}, "password": {"tangerine kayak meadow 9"}})
	if rec.Code != http.StatusSeeOther || rec.Header().Get("Location") != "/admin" {
		t.Fatalf("setup: %d %q %.300s", rec.Code, rec.Header().Get("Location"), rec.Body)
	}
	if page := b.get("/admin"); page.Code != 200 {
		t.Errorf("admin page after setup: %d", page.Code)
	}
	other := newBrowserish(t, srv)
	if page := other.get(link); page.Code == 200 {
		t.Error("the set-up link still works after use")
	}
	if _, err := acc.NewSetupToken(context.Background()); err == nil {
		t.Error("a new set-up link was issued although an admin exists")
	}
}

func TestLeadPages(t *testing.T) {
	app := newTestApp(t)
	lead := newBrowserish(t, app.srv)
	lead.signIn("lead@example.org", testPassword)
	orgPage := "/organisations/" + app.org1.ID
	if rec := lead.get(orgPage); rec.Code != 200 || !strings.Contains(rec.Body.String(), "Physio outpatients") || !strings.Contains(rec.Body.String(), "member@example.org") {
		t.Fatalf("organisation page: %d", rec.Code)
	}
	// A bad team: every field named, nothing written.
	rec := lead.submit(orgPage+"/teams/new", orgPage+"/teams", url.Values{"name": {""}, "setting": {"moon_base"}, "specialty": {""}, "nation": {"atlantis"}})
	if rec.Code != 422 || !errorSummaryHas(rec.Body.String(), "Setting", "Nation") {
		t.Fatalf("bad team: %d %.500s", rec.Code, rec.Body)
	}
	rec = lead.submit(orgPage+"/teams/new", orgPage+"/teams", url.Values{"name": {"Podiatry"}, "setting": {"community"}, "specialty": {"podiatry"}, "nation": {"england"}})
	if rec.Code != http.StatusSeeOther {
		t.Fatalf("create team: %d %.300s", rec.Code, rec.Body)
	}
	if page := lead.get(orgPage + "?notice=team-added"); !strings.Contains(page.Body.String(), "Team added") {
		t.Error("no success notice")
	}
	if page := lead.get(orgPage + "?notice=Your+account+is+locked"); strings.Contains(page.Body.String(), "Your account is locked") {
		t.Error("a crafted notice was shown")
	}
	// Edit a team.
	rec = lead.submit("/teams/"+app.team2.ID+"/edit", "/teams/"+app.team2.ID+"/edit", url.Values{"name": {"Diabetes and endocrinology"}, "setting": {"secondary_care"}, "specialty": {"diabetes"}, "nation": {"england"}})
	if rec.Code != http.StatusSeeOther {
		t.Fatalf("edit team: %d %.300s", rec.Code, rec.Body)
	}
	// Remove a member, after a confirmation page.
	confirm := orgPage + "/people/" + app.users["other-member"].ID + "/remove"
	if page := lead.get(confirm); page.Code != 200 || !strings.Contains(page.Body.String(), "member2@example.org") {
		t.Fatalf("confirmation page: %d", page.Code)
	}
	if page := app.page("other-lead", confirm); page.Code != 404 {
		t.Errorf("another organisation's lead sees the confirmation page: %d", page.Code)
	}
	rec = lead.submit(confirm, confirm, url.Values{})
	if rec.Code != http.StatusSeeOther {
		t.Fatalf("remove: %d %.300s", rec.Code, rec.Body)
	}
	if _, err := app.acc.GetUser(context.Background(), auth.System, app.users["other-member"].ID); err == nil {
		t.Error("the member was not removed")
	}
}

func TestPagesAcrossOrganisationsAre404(t *testing.T) {
	app := newTestApp(t)
	cases := []struct {
		role, path string
		want       int
	}{
		{"other-lead", "/organisations/" + app.org1.ID, 404},
		{"other-lead", "/teams/" + app.team1.ID, 404},
		{"other-lead", "/teams/" + app.team1.ID + "/edit", 404},
		{"other-member", "/teams/" + app.team1.ID, 404},
		{"member", "/organisations/" + app.org1.ID, 403},
		{"member", "/admin", 404},
		{"lead", "/admin/audit", 404},
		{"admin", "/admin/audit", 200},
		{"anonymous", "/organisations/" + app.org1.ID, 303},
	}
	for _, tc := range cases {
		if rec := app.page(tc.role, tc.path); rec.Code != tc.want {
			t.Errorf("%s GET %s: %d, want %d", tc.role, tc.path, rec.Code, tc.want)
		}
	}
}

func TestAPITokenCreate(t *testing.T) {
	app := newTestApp(t)
	rec := app.api("anonymous", http.MethodPost, "/api/v1/auth/tokens", `{"email":"lead@example.org","password":"`+testPassword+`"}`)
	if rec.Code != 201 {
		t.Fatalf("create token: %d %s", rec.Code, rec.Body)
	}
	tok := decode[tokenResponse](t, rec)
	if !strings.HasPrefix(tok.Token, "vcr_") || tok.ExpiresAt.Before(time.Now()) {
		t.Errorf("token = %+v", tok)
	}
	app.tokens["fresh"] = tok.Token
	if me := decode[userJSON](t, app.api("fresh", http.MethodGet, "/api/v1/me", "")); me.Email != "lead@example.org" {
		t.Errorf("me = %+v", me)
	}
	bad := app.api("anonymous", http.MethodPost, "/api/v1/auth/tokens", `{"email":"lead@example.org","password":"wrong password here"}`)
	if bad.Code != 401 || !strings.Contains(bad.Body.String(), "Enter a correct email address and password") {
		t.Errorf("bad password: %d %s", bad.Code, bad.Body)
	}
	cases := []struct {
		body, ctype string
		want        int
	}{
		{`{"email":`, "application/json", 400},
		{`{"email": 5, "password": "x"}`, "application/json", 400},
		{`{}`, "application/json", 422},
		{`email=a&password=b`, "application/x-www-form-urlencoded", 415},
		{``, "application/json", 400},
	}
	for _, tc := range cases {
		req := newJSONRequest(http.MethodPost, "/api/v1/auth/tokens", tc.body)
		req.Header.Set("Content-Type", tc.ctype)
		if rec := serve(app.srv, req); rec.Code != tc.want {
			t.Errorf("body %q (%s): %d, want %d: %s", tc.body, tc.ctype, rec.Code, tc.want, rec.Body)
		}
	}
}

func TestAPIValidationNamesFields(t *testing.T) {
	app := newTestApp(t)
	rec := app.api("admin", http.MethodPost, "/api/v1/organisations/"+app.org1.ID+"/teams", `{"name":"X","setting":"moon","specialty":"physiotherapy","nation":"mars"}`)
	body := rec.Body.String()
	if rec.Code != 422 || !strings.Contains(body, `"field":"setting"`) || !strings.Contains(body, `"field":"nation"`) {
		t.Fatalf("bad vocab: %d %s", rec.Code, body)
	}
	teams := decode[[]assessment.Team](t, app.api("admin", http.MethodGet, "/api/v1/organisations/"+app.org1.ID+"/teams", ""))
	for _, tm := range teams {
		if tm.Name == "X" {
			t.Fatal("an invalid team was stored")
		}
	}
	rec = app.api("admin", http.MethodPost, "/api/v1/users", `{"email":"MEMBER@example.org","password":"`+testPassword+`","role":"member","team_id":"`+app.team1.ID+`"}`)
	if rec.Code != 422 || !strings.Contains(rec.Body.String(), `"field":"email"`) {
		t.Errorf("duplicate email (other case): %d %s", rec.Code, rec.Body)
	}
	rec = app.api("admin", http.MethodPost, "/api/v1/users", `{"email":"x@example.org","password":"password1234","role":"member","team_id":"`+app.team1.ID+`"}`)
	if rec.Code != 422 || !strings.Contains(rec.Body.String(), `"field":"password"`) {
		t.Errorf("common password: %d %s", rec.Code, rec.Body)
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
		"lead":   `href="/organisations/` + app.org1.ID + `" role="button"`,
		"member": `href="/teams/` + app.team1.ID + `" role="button"`,
	}
	for role, want := range cases {
		if body := app.page(role, "/").Body.String(); !strings.Contains(body, want) {
			t.Errorf("home as %s lacks %s", role, want)
		}
	}
	if body := app.page("anonymous", "/").Body.String(); !strings.Contains(body, `href="/sign-in" role="button"`) {
		t.Error("home signed out lacks the sign-in button")
	}
}

func TestTeamPageGivesLeadsTheirTools(t *testing.T) {
	app := newTestApp(t)
	path := "/teams/" + app.team1.ID
	lead := app.page("lead", path).Body.String()
	for _, want := range []string{"nhsuk-breadcrumb", "/teams/" + app.team1.ID + "/edit", "invitations/new?team=" + app.team1.ID} {
		if !strings.Contains(lead, want) {
			t.Errorf("lead's team page lacks %s", want)
		}
	}
	member := app.page("member", path).Body.String()
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
		req := newJSONRequest(http.MethodGet, path, "")
		req.AddCookie(&http.Cookie{Name: sessionCookie, Value: "no-such-session"})
		rec := serve(app.srv, req)
		cleared := strings.Contains(rec.Header().Get("Set-Cookie"), sessionCookie+"=;")
		if cleared != wantLookup {
			t.Errorf("%s: session looked up = %v, want %v", path, cleared, wantLookup)
		}
	}
}

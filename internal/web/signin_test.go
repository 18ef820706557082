package web

import (
	"context"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"vcready/internal/web/webtest"
)

func TestSignIn(t *testing.T) {
	t.Parallel()
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
	t.Parallel()
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
	t.Parallel()
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

func regexpFind(t *testing.T, s, pattern string) string {
	t.Helper()
	m := regexpMust(pattern).FindStringSubmatch(s)
	if m == nil {
		t.Fatalf("no match for %s in %.500s", pattern, s)
	}
	return m[1]
}

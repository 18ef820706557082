package web

import (
	"context"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"vcready/internal/assessment"
	"vcready/internal/auth"
	"vcready/internal/store/storetest"
)

// testPassword is every fixture user's password.
const testPassword = "plum orchard lantern 42"

// testApp is the whole service on a real SQLite store, with a fixture of two
// organisations and a user of every role, each with an API token.
type testApp struct {
	t      testing.TB
	srv    *Server
	acc    *auth.Service
	asm    *assessment.Service
	org1   assessment.Organisation // teams team1, team2
	org2   assessment.Organisation // team3
	team1  assessment.Team
	team2  assessment.Team
	team3  assessment.Team
	users  map[string]auth.User // by role name: admin, lead, other-lead, member, other-member
	tokens map[string]string    // same keys; "anonymous" has none
}

// The roles every access table covers.
var roles = []string{"admin", "lead", "other-lead", "member", "other-member", "anonymous"}

func newTestApp(t testing.TB) *testApp {
	t.Helper()
	st := storetest.SQLite(t)
	qs := testQuestionnaires()
	a := &testApp{t: t, acc: auth.NewService(st, auth.Options{}), asm: assessment.New(st, qs),
		users: map[string]auth.User{}, tokens: map[string]string{}}
	srv, err := New(Config{}, Deps{Questionnaires: qs, Accounts: a.acc, Assessments: a.asm})
	if err != nil {
		t.Fatal(err)
	}
	a.srv = srv
	a.fixture()
	return a
}

func (a *testApp) fixture() {
	ctx := context.Background()
	a.addUser("admin", auth.NewUser{Email: "admin@example.org", Role: auth.RoleAdmin})
	admin := a.users["admin"].Principal()
	a.org1 = must(a.asm.CreateOrganisation(ctx, admin, "Northshire Health"))
	a.org2 = must(a.asm.CreateOrganisation(ctx, admin, "Southshire Care"))
	a.team1 = must(a.asm.CreateTeam(ctx, admin, a.org1.ID, assessment.TeamInput{Name: "Physio outpatients", Setting: "secondary_care", Specialty: "physiotherapy", Nation: "england"}))
	a.team2 = must(a.asm.CreateTeam(ctx, admin, a.org1.ID, assessment.TeamInput{Name: "Diabetes clinic", Setting: "secondary_care", Specialty: "diabetes", Nation: "england"}))
	a.team3 = must(a.asm.CreateTeam(ctx, admin, a.org2.ID, assessment.TeamInput{Name: "Riverside GP", Setting: "primary_care", Specialty: "general_practice", Nation: "wales"}))
	a.addUser("lead", auth.NewUser{Email: "lead@example.org", Role: auth.RoleLead, OrganisationID: a.org1.ID})
	a.addUser("other-lead", auth.NewUser{Email: "lead2@example.org", Role: auth.RoleLead, OrganisationID: a.org2.ID})
	a.addUser("member", auth.NewUser{Email: "member@example.org", Role: auth.RoleMember, TeamID: a.team1.ID})
	a.addUser("other-member", auth.NewUser{Email: "member2@example.org", Role: auth.RoleMember, TeamID: a.team2.ID})
}

func (a *testApp) addUser(key string, nu auth.NewUser) {
	ctx := context.Background()
	nu.Password, nu.Name = testPassword, strings.ToUpper(key[:1])+key[1:]+" User"
	u, err := a.acc.CreateUser(ctx, auth.System, nu)
	if err != nil {
		a.t.Fatalf("create %s: %v", key, err)
	}
	tok, _, err := a.acc.IssueToken(ctx, u.Email)
	if err != nil {
		a.t.Fatalf("token for %s: %v", key, err)
	}
	a.users[key], a.tokens[key] = u, tok
}

func must[T any](v T, err error) T {
	if err != nil {
		panic(err)
	}
	return v
}

// api sends a JSON request as role ("anonymous" sends no token).
func (a *testApp) api(role, method, path, body string) *httptest.ResponseRecorder {
	a.t.Helper()
	var r io.Reader
	if body != "" {
		r = strings.NewReader(body)
	}
	req := httptest.NewRequest(method, path, r)
	if body != "" {
		req.Header.Set("Content-Type", "application/json")
	}
	if tok := a.tokens[role]; tok != "" {
		req.Header.Set("Authorization", "Bearer "+tok)
	}
	rec := httptest.NewRecorder()
	a.srv.ServeHTTP(rec, req)
	return rec
}

// decode unmarshals a response body, failing the test on bad JSON.
func decode[T any](t testing.TB, rec *httptest.ResponseRecorder) T {
	t.Helper()
	var v T
	if err := json.Unmarshal(rec.Body.Bytes(), &v); err != nil {
		t.Fatalf("decode %s: %v", rec.Body, err)
	}
	return v
}

// sessionCookie signs role in and returns its session cookie, for page tests.
func (a *testApp) session(role string) *http.Cookie {
	a.t.Helper()
	tok, _, err := a.acc.CreateSession(context.Background(), a.users[role].ID)
	if err != nil {
		a.t.Fatal(err)
	}
	return &http.Cookie{Name: sessionCookie, Value: tok}
}

// page GETs a page as role (by session cookie).
func (a *testApp) page(role, path string) *httptest.ResponseRecorder {
	a.t.Helper()
	req := httptest.NewRequest(http.MethodGet, path, nil)
	if role != "anonymous" {
		req.AddCookie(a.session(role))
	}
	rec := httptest.NewRecorder()
	a.srv.ServeHTTP(rec, req)
	return rec
}

func newJSONRequest(method, path, body string) *http.Request {
	var r io.Reader
	if body != "" {
		r = strings.NewReader(body)
	}
	req := httptest.NewRequest(method, path, r)
	if body != "" {
		req.Header.Set("Content-Type", "application/json")
	}
	return req
}

func serve(h http.Handler, req *http.Request) *httptest.ResponseRecorder {
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	return rec
}

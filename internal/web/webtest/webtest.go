// Package webtest is the shared HTTP test kit for the pages (package web) and the
// JSON API (package web/api): the whole service on a real SQLite store with a fixture
// of two organisations and a user of every role, an API client per role, and a
// signed-in page client that keeps cookies and posts forms with their CSRF token.
//
// It builds the services but not the server: the caller passes a constructor, so
// package web's own (internal) tests can use the kit without an import cycle.
package webtest

import (
	"context"
	"net/http"
	"strings"
	"sync"
	"testing"

	"vcready/internal/assessment"
	"vcready/internal/auth"
	"vcready/internal/id"
	"vcready/internal/questionnaire"
	"vcready/internal/store"
	"vcready/internal/store/storetest"
	"vcready/questionnaires"
)

// Password is every fixture user's password.
const Password = "plum orchard lantern 42"

// SessionCookie is the name of the browser session cookie (package web checks that
// its own constant agrees).
const SessionCookie = "vcready_session"

// Roles are the callers every access table covers: a user of each role, someone of
// the same role elsewhere, and nobody.
var Roles = []string{"admin", "lead", "other-lead", "member", "other-member", "anonymous"}

// Services are what a server is built from.
type Services struct {
	Store          *store.Store
	Questionnaires *questionnaire.Set
	Accounts       *auth.Service
	Assessments    *assessment.Service
}

// App is the whole service with its fixture:
//
//	Org1 "Northshire Health": Team1 (the member's), Team2 (the other member's); lead
//	Org2 "Southshire Care": Team3; other-lead
//
// and an admin. Users and Tokens are keyed by role name; "anonymous" has no token.
type App struct {
	T       testing.TB
	Handler http.Handler
	Services
	Org1, Org2          assessment.Organisation
	Team1, Team2, Team3 assessment.Team
	Users               map[string]auth.User
	Tokens              map[string]string
}

// Option changes how NewApp builds the services.
type Option func(*options)

type options struct {
	open            func(testing.TB) *store.Store
	assessmentStore func(*store.Store) assessment.Store
}

// WithStore builds the service on open(t) instead of a new SQLite store: pass
// storetest.Postgres to run a test against PostgreSQL (Dialects lists both).
func WithStore(open func(testing.TB) *store.Store) Option {
	return func(o *options) { o.open = open }
}

// Dialects are the stores a test that must hold on every database runs against, by
// name: for t.Run(name, ...) with WithStore(open).
var Dialects = []struct {
	Name string
	Open func(testing.TB) *store.Store
}{{store.SQLite, storetest.SQLite}, {store.Postgres, storetest.Postgres}}

// WithAssessmentStore gives the assessment service wrap(store) instead of the store,
// for tests that count or break what the service asks of it.
func WithAssessmentStore(wrap func(*store.Store) assessment.Store) Option {
	return func(o *options) { o.assessmentStore = wrap }
}

// NewApp builds the services on a new SQLite store (or WithStore's), the server with build, and the
// fixture.
func NewApp(t testing.TB, build func(Services) (http.Handler, error), opts ...Option) *App {
	t.Helper()
	o := options{open: storetest.SQLite, assessmentStore: func(st *store.Store) assessment.Store { return st }}
	for _, opt := range opts {
		opt(&o)
	}
	st := o.open(t)
	qs := Questionnaires()
	a := &App{T: t, Services: Services{Store: st, Questionnaires: qs,
		Accounts: auth.NewService(st, auth.Options{}), Assessments: assessment.New(o.assessmentStore(st), qs)},
		Users: map[string]auth.User{}, Tokens: map[string]string{}}
	h, err := build(a.Services)
	if err != nil {
		t.Fatal(err)
	}
	a.Handler = h
	a.fixture()
	return a
}

var loadQuestionnaires = sync.OnceValue(func() *questionnaire.Set {
	set, err := questionnaire.Load(questionnaires.FS())
	if err != nil {
		panic(err)
	}
	return set
})

// Questionnaires is the real embedded questionnaire set, loaded once per test binary.
func Questionnaires() *questionnaire.Set { return loadQuestionnaires() }

func (a *App) fixture() {
	ctx := context.Background()
	a.AddUser("admin", auth.NewUser{Email: "admin@example.org", Role: auth.RoleAdmin})
	admin := a.Users["admin"].Principal()
	a.Org1 = Must(a.Assessments.CreateOrganisation(ctx, admin, "Northshire Health"))
	a.Org2 = Must(a.Assessments.CreateOrganisation(ctx, admin, "Southshire Care"))
	a.Team1 = Must(a.Assessments.CreateTeam(ctx, admin, a.Org1.ID, assessment.TeamInput{Name: "Physio outpatients", Setting: "secondary_care", Specialty: "physiotherapy", Nation: "england"}))
	a.Team2 = Must(a.Assessments.CreateTeam(ctx, admin, a.Org1.ID, assessment.TeamInput{Name: "Diabetes clinic", Setting: "secondary_care", Specialty: "diabetes", Nation: "england"}))
	a.Team3 = Must(a.Assessments.CreateTeam(ctx, admin, a.Org2.ID, assessment.TeamInput{Name: "Riverside GP", Setting: "primary_care", Specialty: "general_practice", Nation: "wales"}))
	a.AddUser("lead", auth.NewUser{Email: "lead@example.org", Role: auth.RoleLead, OrganisationID: a.Org1.ID})
	a.AddUser("other-lead", auth.NewUser{Email: "lead2@example.org", Role: auth.RoleLead, OrganisationID: a.Org2.ID})
	a.AddUser("member", auth.NewUser{Email: "member@example.org", Role: auth.RoleMember, TeamID: a.Team1.ID})
	a.AddUser("other-member", auth.NewUser{Email: "member2@example.org", Role: auth.RoleMember, TeamID: a.Team2.ID})
}

// passwordHash is Password hashed once per test binary: hashing is deliberately slow
// (argon2id), and every fixture makes the same five users.
var passwordHash = sync.OnceValue(func() string {
	h, err := auth.HashPassword(Password)
	if err != nil {
		panic(err)
	}
	return h
})

// AddUser makes a user under key (its name is made from the key), who signs in with
// Password, and gives them an API token. The row is seeded with a password hashed
// once per binary, so a fixture costs no hashing; users a test creates through the
// service or a page are checked and hashed as ever.
func (a *App) AddUser(key string, nu auth.NewUser) {
	a.T.Helper()
	ctx := context.Background()
	u := auth.User{ID: id.New(), Email: strings.ToLower(nu.Email), Name: strings.ToUpper(key[:1]) + key[1:] + " User",
		Role: nu.Role, OrganisationID: nu.OrganisationID, TeamID: nu.TeamID}
	if u.Role == auth.RoleMember && u.OrganisationID == "" {
		team, err := a.Assessments.GetTeam(ctx, auth.System, u.TeamID)
		if err != nil {
			a.T.Fatalf("team of %s: %v", key, err)
		}
		u.OrganisationID = team.OrganisationID
	}
	storetest.SeedAccount(a.T, a.Store, u, passwordHash())
	u, err := a.Accounts.GetUser(ctx, auth.System, u.ID)
	if err != nil {
		a.T.Fatalf("read back %s: %v", key, err)
	}
	tok, _, err := a.Accounts.IssueToken(ctx, u.Email)
	if err != nil {
		a.T.Fatalf("token for %s: %v", key, err)
	}
	a.Users[key], a.Tokens[key] = u, tok
}

// Must returns v, panicking on err: for fixture set-up that cannot fail.
func Must[T any](v T, err error) T {
	if err != nil {
		panic(err)
	}
	return v
}

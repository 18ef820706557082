package auth_test

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"sync"
	"testing"
	"time"

	"vcready/internal/apperr"
	"vcready/internal/auth"
	"vcready/internal/store"
	"vcready/internal/store/storetest"
)

// goodPassword passes the password policy.
const goodPassword = "plum tractor violet 9"

// clock is a settable time source for the service.
type clock struct {
	mu sync.Mutex
	t  time.Time
}

func newClock() *clock { return &clock{t: time.Date(2026, 3, 2, 9, 0, 0, 0, time.UTC)} }

func (c *clock) Now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.t
}

func (c *clock) Advance(d time.Duration) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.t = c.t.Add(d)
}

// world is a store with two organisations and their people:
//
//	org-1: teams team-1 and team-2; lead lead@one.example; member member@one.example (team-1)
//	org-2: team team-3; lead lead@two.example
//
// and the admin admin@example.org, all with goodPassword.
type world struct {
	st                             *store.Store
	svc                            *auth.Service
	clock                          *clock
	admin, lead, otherLead, member auth.User
}

func newWorld(t *testing.T, st *store.Store, opts auth.Options) *world {
	t.Helper()
	w := &world{st: st, clock: newClock()}
	opts.Now = w.clock.Now
	w.svc = auth.NewService(st, opts)
	storetest.SeedOrganisation(t, st, "org-1", "One Trust")
	storetest.SeedOrganisation(t, st, "org-2", "Two Trust")
	storetest.SeedTeam(t, st, "team-1", "org-1", "Physio")
	storetest.SeedTeam(t, st, "team-2", "org-1", "Diabetes")
	storetest.SeedTeam(t, st, "team-3", "org-2", "Dermatology")
	w.admin = w.create(t, auth.System, "admin@example.org", auth.RoleAdmin, "", "")
	w.lead = w.create(t, auth.System, "lead@one.example", auth.RoleLead, "org-1", "")
	w.otherLead = w.create(t, auth.System, "lead@two.example", auth.RoleLead, "org-2", "")
	w.member = w.create(t, auth.System, "member@one.example", auth.RoleMember, "", "team-1")
	return w
}

func (w *world) create(t *testing.T, p *auth.Principal, email string, role auth.Role, org, team string) auth.User {
	t.Helper()
	u, err := w.svc.CreateUser(context.Background(), p, auth.NewUser{Email: email, Name: "Test " + string(role),
		Password: goodPassword, Role: role, OrganisationID: org, TeamID: team})
	if err != nil {
		t.Fatalf("create %s %s: %v", role, email, err)
	}
	return u
}

// count returns the number of rows in table.
func (w *world) count(t *testing.T, table string) int64 {
	t.Helper()
	return storetest.CountRows(t, w.st, table)
}

// audit returns the audit log, oldest first.
func (w *world) audit(t *testing.T) []auth.Event {
	t.Helper()
	events, err := w.svc.ListAudit(context.Background(), w.admin.Principal(), auth.MaxAuditPage, 0)
	if err != nil {
		t.Fatalf("ListAudit: %v", err)
	}
	for i, j := 0, len(events)-1; i < j; i, j = i+1, j-1 {
		events[i], events[j] = events[j], events[i]
	}
	return events
}

// lastEvent is the newest audit event.
func (w *world) lastEvent(t *testing.T) auth.Event {
	t.Helper()
	events := w.audit(t)
	if len(events) == 0 {
		t.Fatal("audit log is empty")
	}
	return events[len(events)-1]
}

func must(t *testing.T, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}

// sentinels names the error kinds tests expect; "" is success.
var sentinels = map[string]error{
	"not found":       apperr.ErrNotFound,
	"forbidden":       apperr.ErrForbidden,
	"unauthenticated": apperr.ErrUnauthenticated,
	"invalid":         apperr.ErrInvalid,
	"conflict":        apperr.ErrConflict,
	"rate limited":    apperr.ErrRateLimited,
	"unavailable":     apperr.ErrUnavailable,
}

// checkErr fails unless err is of the kind want ("" for nil).
func checkErr(t *testing.T, err error, want string) {
	t.Helper()
	if want == "" {
		if err != nil {
			t.Fatalf("got error %v, want success", err)
		}
		return
	}
	if !errors.Is(err, sentinels[want]) {
		t.Fatalf("got error %v, want %s", err, want)
	}
}

// problemFields lists the fields of a validation error.
func problemFields(err error) string {
	var ve *apperr.ValidationError
	if !errors.As(err, &ve) {
		return ""
	}
	var fields []string
	for _, p := range ve.Problems {
		fields = append(fields, p.Field)
	}
	return strings.Join(fields, ",")
}

// errDatabase is the failure of a database that cannot answer at all.
var errDatabase = errors.New("connection refused")

// failingStore is a real store with one method, named by failing, answering as a
// database that is down would; "" fails nothing.
type failingStore struct {
	auth.Store
	failing string
}

func (f *failingStore) fail(method string) error {
	if f.failing == method {
		return fmt.Errorf("%s: %w", method, errDatabase)
	}
	return nil
}

func (f *failingStore) Session(ctx context.Context, hash string) (auth.Session, error) {
	if err := f.fail("Session"); err != nil {
		return auth.Session{}, err
	}
	return f.Store.Session(ctx, hash)
}

func (f *failingStore) TouchSession(ctx context.Context, hash string, at time.Time) error {
	if err := f.fail("TouchSession"); err != nil {
		return err
	}
	return f.Store.TouchSession(ctx, hash, at)
}

func (f *failingStore) APIToken(ctx context.Context, hash string) (auth.APIToken, error) {
	if err := f.fail("APIToken"); err != nil {
		return auth.APIToken{}, err
	}
	return f.Store.APIToken(ctx, hash)
}

func (f *failingStore) TouchAPIToken(ctx context.Context, hash string, at time.Time) error {
	if err := f.fail("TouchAPIToken"); err != nil {
		return err
	}
	return f.Store.TouchAPIToken(ctx, hash, at)
}

func (f *failingStore) Account(ctx context.Context, id string) (auth.Account, error) {
	if err := f.fail("Account"); err != nil {
		return auth.Account{}, err
	}
	return f.Store.Account(ctx, id)
}

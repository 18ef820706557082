package storetest

import (
	"context"
	"testing"
	"time"

	"vcready/internal/assessment"
	"vcready/internal/auth"
	"vcready/internal/store"
)

// The Seed helpers put rows in place through the store's own methods, for suites
// that need an organisation, a team or a user to exist but are not testing how one
// is made (the auth suites place users in teams without the assessment service).

// SeedOrganisation stores the organisation id called name.
func SeedOrganisation(t testing.TB, st *store.Store, id, name string) {
	t.Helper()
	o := assessment.Organisation{ID: id, Name: name, CreatedAt: now()}
	if err := st.CreateOrganisation(context.Background(), o); err != nil {
		t.Fatalf("seed organisation %s: %v", id, err)
	}
}

// SeedTeam stores the team id called name in organisation org, a general practice
// in England.
func SeedTeam(t testing.TB, st *store.Store, id, org, name string) {
	t.Helper()
	tm := assessment.Team{ID: id, OrganisationID: org, Name: name, Setting: "primary_care",
		Specialty: "general_practice", Nation: "england", CreatedAt: now()}
	if err := st.CreateTeam(context.Background(), tm); err != nil {
		t.Fatalf("seed team %s: %v", id, err)
	}
}

// SeedUser stores u as an account with no usable password (its hash is not a hash),
// for suites that need a user row but never sign in as it. A zero CreatedAt is now.
func SeedUser(t testing.TB, st *store.Store, u auth.User) {
	t.Helper()
	SeedAccount(t, st, u, "x")
}

// SeedAccount stores u with passwordHash (from auth.HashPassword), skipping the
// service's checks and its audit event: for fixtures that make the same users in
// every test and can hash their one password once. A zero CreatedAt is now.
func SeedAccount(t testing.TB, st *store.Store, u auth.User, passwordHash string) {
	t.Helper()
	if u.CreatedAt.IsZero() {
		u.CreatedAt = now()
	}
	if err := st.CreateUser(context.Background(), auth.Account{User: u, PasswordHash: passwordHash}); err != nil {
		t.Fatalf("seed user %s: %v", u.ID, err)
	}
}

// CountRows counts the rows of table, a fixed name from the test (never input).
func CountRows(t testing.TB, st *store.Store, table string) int64 {
	t.Helper()
	var n int64
	if err := DB(t, st).Table(table).Count(&n).Error; err != nil {
		t.Fatalf("count %s: %v", table, err)
	}
	return n
}

// DisableUser marks the user disabled, which no service method does yet.
func DisableUser(t testing.TB, st *store.Store, id string) {
	t.Helper()
	res := DB(t, st).Exec("UPDATE users SET disabled_at = ? WHERE id = ?", now(), id)
	if res.Error != nil || res.RowsAffected != 1 {
		t.Fatalf("disable user %s: %v (%d rows)", id, res.Error, res.RowsAffected)
	}
}

// now is the time seeded rows carry, at the microsecond precision PostgreSQL keeps.
func now() time.Time { return time.Now().UTC().Truncate(time.Microsecond) }

package auth_test

import (
	"context"
	"errors"
	"testing"

	"vcready/internal/auth"
	"vcready/internal/store"
	"vcready/internal/store/storetest"
)

func TestFirstRunSetup(t *testing.T) {
	t.Parallel()
	storetest.Each(t, func(t *testing.T, st *store.Store) {
		ctx := context.Background()
		svc := auth.NewService(st, auth.Options{})
		needs, err := svc.NeedsSetup(ctx)
		must(t, err)
		if !needs {
			t.Fatal("a fresh database does not need set-up")
		}
		first, err := svc.NewSetupToken(ctx)
		must(t, err)
		second, err := svc.NewSetupToken(ctx)
		must(t, err)
		checkErr(t, svc.CheckSetupToken(ctx, first), "not found")
		_, err = svc.CompleteSetup(ctx, first, "admin@example.org", "Ada Admin", goodPassword)
		checkErr(t, err, "not found")
		checkErr(t, svc.CheckSetupToken(ctx, second), "")

		_, err = svc.CompleteSetup(ctx, second, "admin@example.org", "", "password1234")
		checkErr(t, err, "invalid")
		if problemFields(err) != "name,password" {
			t.Errorf("problems on %q, want name and password", problemFields(err))
		}
		admin, err := svc.CompleteSetup(ctx, second, "Admin@Example.org", "Ada Admin", goodPassword)
		must(t, err)
		if admin.Role != auth.RoleAdmin || admin.Email != "admin@example.org" || admin.OrganisationID != "" {
			t.Errorf("set-up created %+v", admin)
		}
		events, err := svc.ListAudit(ctx, admin.Principal(), 1, 0)
		must(t, err)
		if events[0].Action != auth.ActionSetupCompleted || events[0].ActorID != admin.ID {
			t.Errorf("audit %+v, want setup_completed by the new admin", events)
		}

		_, err = svc.CompleteSetup(ctx, second, "other@example.org", "Eve", goodPassword)
		if !errors.Is(err, auth.ErrAlreadySetUp) {
			t.Errorf("reused set-up link: got %v, want ErrAlreadySetUp", err)
		}
		_, err = svc.NewSetupToken(ctx)
		if !errors.Is(err, auth.ErrAlreadySetUp) {
			t.Errorf("NewSetupToken with an admin: got %v, want ErrAlreadySetUp", err)
		}
		if needs, _ := svc.NeedsSetup(ctx); needs {
			t.Error("NeedsSetup after set-up")
		}
		if n := storetest.CountRows(t, st, "users"); n != 1 {
			t.Errorf("%d users, want just the admin", n)
		}
	})
}

// An admin made another way (the command line) kills a link printed earlier.
func TestSetupLinkDiesOnceAnAdminExists(t *testing.T) {
	t.Parallel()
	storetest.Each(t, func(t *testing.T, st *store.Store) {
		ctx := context.Background()
		svc := auth.NewService(st, auth.Options{})
		token, err := svc.NewSetupToken(ctx)
		must(t, err)
		_, err = svc.CreateUser(ctx, auth.System, auth.NewUser{Email: "cli@example.org", Password: goodPassword, Role: auth.RoleAdmin})
		must(t, err)
		if err := svc.CheckSetupToken(ctx, token); !errors.Is(err, auth.ErrAlreadySetUp) {
			t.Errorf("CheckSetupToken: got %v, want ErrAlreadySetUp", err)
		}
		_, err = svc.CompleteSetup(ctx, token, "late@example.org", "Late", goodPassword)
		if !errors.Is(err, auth.ErrAlreadySetUp) {
			t.Errorf("CompleteSetup: got %v, want ErrAlreadySetUp", err)
		}
		if n := storetest.CountRows(t, st, "users"); n != 1 {
			t.Errorf("%d users, want 1", n)
		}
	})
}

func TestListAudit(t *testing.T) {
	t.Parallel()
	storetest.Each(t, func(t *testing.T, st *store.Store) {
		w := newWorld(t, st, auth.Options{})
		ctx := context.Background()
		all := w.audit(t)
		if len(all) != 4 {
			t.Fatalf("%d events after creating 4 users, want 4", len(all))
		}
		page, err := w.svc.ListAudit(ctx, w.admin.Principal(), 2, all[3].ID)
		must(t, err)
		if len(page) != 2 || page[0].ID != all[2].ID || page[1].ID != all[1].ID {
			t.Errorf("page before %d: %+v", all[3].ID, page)
		}
		_, err = w.svc.ListAudit(ctx, w.lead.Principal(), 10, 0)
		checkErr(t, err, "forbidden")
		_, err = w.svc.ListAudit(ctx, nil, 10, 0)
		checkErr(t, err, "unauthenticated")
		must(t, w.svc.Record(ctx, auth.Event{ActorID: w.lead.ID, ActorEmail: w.lead.Email, Action: auth.ActionExport,
			Target: "org-1", OrganisationID: "org-1", IP: "192.0.2.5", Detail: "comparison.csv"}))
		e := w.lastEvent(t)
		if e.Action != auth.ActionExport || e.IP != "192.0.2.5" || !e.At.Equal(w.clock.Now()) {
			t.Errorf("recorded %+v", e)
		}
	})
}

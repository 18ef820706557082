package auth_test

import (
	"context"
	"fmt"
	"testing"

	"vcready/internal/auth"
	"vcready/internal/store"
	"vcready/internal/store/storetest"
)

func TestCreateUserAccess(t *testing.T) {
	t.Parallel()
	storetest.Each(t, func(t *testing.T, st *store.Store) {
		w := newWorld(t, st, auth.Options{})
		callers := map[string]*auth.Principal{"admin": w.admin.Principal(), "lead": w.lead.Principal(),
			"other lead": w.otherLead.Principal(), "member": w.member.Principal(), "anonymous": nil}
		cases := []struct {
			name, caller   string
			role           auth.Role
			org, team      string
			want           string
			wantOrg, wantT string
		}{
			{"admin adds an admin", "admin", auth.RoleAdmin, "", "", "", "", ""},
			{"admin adds a lead", "admin", auth.RoleLead, "org-2", "", "", "org-2", ""},
			{"admin adds a member", "admin", auth.RoleMember, "", "team-3", "", "org-2", "team-3"},
			{"lead adds a member of a team", "lead", auth.RoleMember, "", "team-2", "", "org-1", "team-2"},
			{"lead adds a member naming the org", "lead", auth.RoleMember, "org-1", "team-1", "", "org-1", "team-1"},
			{"lead adds a co-lead", "lead", auth.RoleLead, "org-1", "", "", "org-1", ""},
			{"lead cannot add an admin", "lead", auth.RoleAdmin, "", "", "forbidden", "", ""},
			{"lead cannot see another org's team", "lead", auth.RoleMember, "", "team-3", "not found", "", ""},
			{"lead cannot see another org", "lead", auth.RoleLead, "org-2", "", "not found", "", ""},
			{"other lead cannot see org-1", "other lead", auth.RoleMember, "", "team-1", "not found", "", ""},
			{"member cannot add to own org", "member", auth.RoleMember, "", "team-1", "forbidden", "", ""},
			{"member cannot see another org", "member", auth.RoleMember, "", "team-3", "not found", "", ""},
			{"anonymous", "anonymous", auth.RoleMember, "", "team-1", "unauthenticated", "", ""},
			{"team of another org than named", "admin", auth.RoleMember, "org-1", "team-3", "invalid", "", ""},
			{"unknown organisation", "admin", auth.RoleLead, "org-9", "", "not found", "", ""},
			{"unknown team", "admin", auth.RoleMember, "", "team-9", "not found", "", ""},
			{"admin with an organisation", "admin", auth.RoleAdmin, "org-1", "", "invalid", "", ""},
			{"lead without an organisation", "admin", auth.RoleLead, "", "", "invalid", "", ""},
			{"lead with a team", "admin", auth.RoleLead, "org-1", "team-1", "invalid", "", ""},
			{"member without a team", "admin", auth.RoleMember, "org-1", "", "invalid", "", ""},
			{"unknown role", "admin", auth.Role("owner"), "", "", "invalid", "", ""},
		}
		for i, c := range cases {
			t.Run(c.name, func(t *testing.T) {
				ctx := context.Background()
				before := w.count(t, "users")
				email := fmt.Sprintf("new%d@example.org", i)
				u, err := w.svc.CreateUser(ctx, callers[c.caller], auth.NewUser{Email: email, Password: goodPassword,
					Role: c.role, OrganisationID: c.org, TeamID: c.team})
				checkErr(t, err, c.want)
				if c.want != "" {
					if n := w.count(t, "users"); n != before {
						t.Fatalf("a failed CreateUser wrote: %d users, was %d", n, before)
					}
					return
				}
				got, err := w.svc.GetUser(ctx, auth.System, u.ID)
				must(t, err)
				if got.Email != email || got.Role != c.role || got.OrganisationID != c.wantOrg || got.TeamID != c.wantT {
					t.Errorf("stored %+v, want %s %s org %q team %q", got, email, c.role, c.wantOrg, c.wantT)
				}
				if e := w.lastEvent(t); e.Action != auth.ActionUserCreated || e.Target != u.ID || e.ActorEmail != callers[c.caller].Email {
					t.Errorf("last audit event %+v, want user_created of %s by %s", e, u.ID, callers[c.caller].Email)
				}
			})
		}
	})
}

func TestCreateUserValidation(t *testing.T) {
	t.Parallel()
	storetest.Each(t, func(t *testing.T, st *store.Store) {
		w := newWorld(t, st, auth.Options{})
		cases := []struct {
			name, email, password, wantFields string
		}{
			{"email taken in another case", "  Lead@ONE.example ", goodPassword, "email"},
			{"no email", "", goodPassword, "email"},
			{"display name", "Ann <ann@example.org>", goodPassword, "email"},
			{"two @", "ann@b@example.org", goodPassword, "email"},
			{"short password", "ann@example.org", "short pass1", "password"},
			{"common password", "ann@example.org", "Password1234", "password"},
			{"password holds the email's local part", "annabel@example.org", "my name is annabel!", "password"},
			{"every problem at once", "nope", "short", "email,password"},
		}
		for _, c := range cases {
			t.Run(c.name, func(t *testing.T) {
				before := w.count(t, "users")
				_, err := w.svc.CreateUser(context.Background(), auth.System, auth.NewUser{Email: c.email,
					Password: c.password, Role: auth.RoleMember, TeamID: "team-1"})
				checkErr(t, err, "invalid")
				if got := problemFields(err); got != c.wantFields {
					t.Errorf("problems on %q, want %q (%v)", got, c.wantFields, err)
				}
				if n := w.count(t, "users"); n != before {
					t.Errorf("invalid input wrote a user")
				}
			})
		}
	})
}

func TestCreateUserNormalisesEmail(t *testing.T) {
	t.Parallel()
	storetest.Each(t, func(t *testing.T, st *store.Store) {
		w := newWorld(t, st, auth.Options{})
		u := w.create(t, auth.System, "  Ann.Other@Example.ORG ", auth.RoleMember, "", "team-1")
		if u.Email != "ann.other@example.org" {
			t.Errorf("email stored as %q, want it trimmed and lower-case", u.Email)
		}
	})
}

func TestUserVisibilityAndRemoval(t *testing.T) {
	t.Parallel()
	storetest.Each(t, func(t *testing.T, st *store.Store) {
		w := newWorld(t, st, auth.Options{})
		ctx := context.Background()
		coLead := w.create(t, auth.System, "colead@one.example", auth.RoleLead, "org-1", "")
		admin2 := w.create(t, auth.System, "admin2@example.org", auth.RoleAdmin, "", "")
		cases := []struct {
			name   string
			caller *auth.Principal
			target string
			want   string
		}{
			{"anonymous", nil, w.member.ID, "unauthenticated"},
			{"member removes themselves", w.member.Principal(), w.member.ID, "forbidden"},
			{"member cannot see their lead", w.member.Principal(), w.lead.ID, "not found"},
			{"lead removes themselves", w.lead.Principal(), w.lead.ID, "forbidden"},
			{"lead of another org", w.otherLead.Principal(), w.member.ID, "not found"},
			{"lead cannot see an admin", w.lead.Principal(), w.admin.ID, "not found"},
			{"admin removes themselves", w.admin.Principal(), w.admin.ID, "forbidden"},
			{"unknown user", w.admin.Principal(), "nobody", "not found"},
			{"lead removes a co-lead", w.lead.Principal(), coLead.ID, ""},
			{"lead removes a member", w.lead.Principal(), w.member.ID, ""},
			{"admin removes an admin", w.admin.Principal(), admin2.ID, ""},
		}
		for _, c := range cases {
			t.Run(c.name, func(t *testing.T) {
				err := w.svc.RemoveUser(ctx, c.caller, c.target)
				checkErr(t, err, c.want)
				_, getErr := w.svc.GetUser(ctx, auth.System, c.target)
				if gone := getErr != nil; gone != (c.want == "" || c.target == "nobody") {
					t.Errorf("after RemoveUser (err %v) the user is gone = %v", err, gone)
				}
			})
		}
		if e := w.lastEvent(t); e.Action != auth.ActionUserRemoved || e.Target != admin2.ID {
			t.Errorf("last audit event %+v, want user_removed of %s", e, admin2.ID)
		}
	})
}

func TestRemoveUserEndsSessionsAndTokens(t *testing.T) {
	t.Parallel()
	storetest.Each(t, func(t *testing.T, st *store.Store) {
		w := newWorld(t, st, auth.Options{})
		ctx := context.Background()
		session, _, err := w.svc.CreateSession(ctx, w.member.ID)
		must(t, err)
		token, _, err := w.svc.IssueToken(ctx, w.member.Email)
		must(t, err)
		must(t, w.svc.RemoveUser(ctx, w.lead.Principal(), w.member.ID))
		if _, err := w.svc.SessionUser(ctx, session); err == nil {
			t.Error("the removed user's session still works")
		}
		if _, err := w.svc.TokenUser(ctx, token); err == nil {
			t.Error("the removed user's API token still works")
		}
		if n := w.count(t, "sessions") + w.count(t, "api_tokens"); n != 0 {
			t.Errorf("%d sessions and tokens left behind", n)
		}
	})
}

func TestListUsers(t *testing.T) {
	t.Parallel()
	storetest.Each(t, func(t *testing.T, st *store.Store) {
		w := newWorld(t, st, auth.Options{})
		ctx := context.Background()
		cases := []struct {
			name   string
			caller *auth.Principal
			org    string
			want   string
			emails string
		}{
			{"lead lists own org", w.lead.Principal(), "org-1", "", "lead@one.example member@one.example"},
			{"admin lists an org", w.admin.Principal(), "org-2", "", "lead@two.example"},
			{"admin lists admins", w.admin.Principal(), "", "", "admin@example.org"},
			{"lead lists admins", w.lead.Principal(), "", "forbidden", ""},
			{"member lists own org", w.member.Principal(), "org-1", "forbidden", ""},
			{"lead lists another org", w.lead.Principal(), "org-2", "not found", ""},
			{"admin lists an unknown org", w.admin.Principal(), "org-9", "not found", ""},
			{"anonymous", nil, "org-1", "unauthenticated", ""},
		}
		for _, c := range cases {
			t.Run(c.name, func(t *testing.T) {
				users, err := w.svc.ListUsers(ctx, c.caller, c.org)
				checkErr(t, err, c.want)
				var emails []string
				for _, u := range users {
					emails = append(emails, u.Email)
				}
				if got := fmt.Sprint(emails); c.want == "" && got != "["+c.emails+"]" {
					t.Errorf("listed %s, want [%s]", got, c.emails)
				}
			})
		}
	})
}

func TestSetRole(t *testing.T) {
	t.Parallel()
	storetest.Each(t, func(t *testing.T, st *store.Store) {
		w := newWorld(t, st, auth.Options{})
		ctx := context.Background()
		cases := []struct {
			name      string
			caller    *auth.Principal
			target    string
			role      auth.Role
			org, team string
			want      string
		}{
			{"lead cannot change roles", w.lead.Principal(), w.member.ID, auth.RoleLead, "org-1", "", "forbidden"},
			{"other lead cannot see the user", w.otherLead.Principal(), w.member.ID, auth.RoleLead, "org-1", "", "not found"},
			{"admin cannot change own role", w.admin.Principal(), w.admin.ID, auth.RoleLead, "org-1", "", "forbidden"},
			{"roles must fit", w.admin.Principal(), w.member.ID, auth.RoleLead, "org-1", "team-1", "invalid"},
			{"admin promotes a member", w.admin.Principal(), w.member.ID, auth.RoleLead, "org-1", "", ""},
			{"admin moves a lead to a team of org-2", w.admin.Principal(), w.lead.ID, auth.RoleMember, "", "team-3", ""},
		}
		for _, c := range cases {
			t.Run(c.name, func(t *testing.T) {
				before, err := w.svc.GetUser(ctx, auth.System, c.target)
				must(t, err)
				u, err := w.svc.SetRole(ctx, c.caller, c.target, c.role, c.org, c.team)
				checkErr(t, err, c.want)
				after, err := w.svc.GetUser(ctx, auth.System, c.target)
				must(t, err)
				if c.want != "" && after != before {
					t.Errorf("a refused SetRole changed %+v to %+v", before, after)
				}
				if c.want == "" && (after != u || after.Role != c.role || after.TeamID != c.team) {
					t.Errorf("stored %+v, returned %+v, want role %s team %q", after, u, c.role, c.team)
				}
			})
		}
		if e := w.lastEvent(t); e.Action != auth.ActionRoleChanged || e.Target != w.lead.ID || e.OrganisationID != "org-2" {
			t.Errorf("last audit event %+v, want role_changed of the lead into org-2", e)
		}
	})
}

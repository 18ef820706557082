package auth_test

import (
	"context"
	"errors"
	"sync"
	"testing"
	"time"

	"vcready/internal/auth"
	"vcready/internal/store"
	"vcready/internal/store/storetest"
)

func TestInviteAccess(t *testing.T) {
	t.Parallel()
	storetest.Each(t, func(t *testing.T, st *store.Store) {
		w := newWorld(t, st, auth.Options{})
		cases := []struct {
			name      string
			caller    *auth.Principal
			email     string
			role      auth.Role
			org, team string
			want      string
		}{
			{"lead invites a member", w.lead.Principal(), "a@one.example", auth.RoleMember, "org-1", "team-2", ""},
			{"lead invites a co-lead", w.lead.Principal(), "b@one.example", auth.RoleLead, "org-1", "", ""},
			{"admin invites a lead", w.admin.Principal(), "c@two.example", auth.RoleLead, "org-2", "", ""},
			{"lead of another org", w.otherLead.Principal(), "d@one.example", auth.RoleMember, "org-1", "team-1", "not found"},
			{"team of another org", w.lead.Principal(), "e@one.example", auth.RoleMember, "", "team-3", "not found"},
			{"member", w.member.Principal(), "f@one.example", auth.RoleMember, "org-1", "team-1", "forbidden"},
			{"anonymous", nil, "g@one.example", auth.RoleMember, "org-1", "team-1", "unauthenticated"},
			{"admin role", w.admin.Principal(), "h@one.example", auth.RoleAdmin, "", "", "invalid"},
			{"member without a team", w.lead.Principal(), "i@one.example", auth.RoleMember, "org-1", "", "invalid"},
			{"existing account", w.lead.Principal(), "MEMBER@one.example", auth.RoleMember, "org-1", "team-1", "invalid"},
			{"bad email", w.lead.Principal(), "member at one", auth.RoleMember, "org-1", "team-1", "invalid"},
		}
		for _, c := range cases {
			t.Run(c.name, func(t *testing.T) {
				before := w.count(t, "invitations")
				inv, token, err := w.svc.Invite(context.Background(), c.caller,
					auth.InviteInput{Email: c.email, Role: c.role, OrganisationID: c.org, TeamID: c.team})
				checkErr(t, err, c.want)
				if c.want != "" {
					if w.count(t, "invitations") != before {
						t.Error("a refused invitation was stored")
					}
					return
				}
				if token == "" || inv.ExpiresAt.Sub(inv.CreatedAt) != 7*24*time.Hour || inv.InvitedBy != c.caller.UserID {
					t.Errorf("invitation %+v with token %q", inv, token)
				}
				if e := w.lastEvent(t); e.Action != auth.ActionInvitationCreated || e.Target != inv.ID {
					t.Errorf("last audit event %+v, want invitation_created", e)
				}
			})
		}
	})
}

func TestAcceptInvitation(t *testing.T) {
	t.Parallel()
	storetest.Each(t, func(t *testing.T, st *store.Store) {
		w := newWorld(t, st, auth.Options{})
		ctx := context.Background()
		inv, token, err := w.svc.Invite(ctx, w.lead.Principal(), auth.InviteInput{Email: "New@One.example",
			Role: auth.RoleMember, TeamID: "team-2"})
		must(t, err)
		got, err := w.svc.InvitationByToken(ctx, token)
		must(t, err)
		if got.ID != inv.ID || got.Email != "new@one.example" || got.OrganisationID != "org-1" {
			t.Errorf("InvitationByToken = %+v, want %+v", got, inv)
		}

		_, err = w.svc.AcceptInvitation(ctx, token, "", "short")
		checkErr(t, err, "invalid")
		if problemFields(err) != "name,password" {
			t.Errorf("problems on %q, want name and password", problemFields(err))
		}
		u, err := w.svc.AcceptInvitation(ctx, token, "  New Person ", goodPassword)
		must(t, err)
		if u.Email != "new@one.example" || u.Name != "New Person" || u.Role != auth.RoleMember ||
			u.OrganisationID != "org-1" || u.TeamID != "team-2" {
			t.Errorf("accepted as %+v", u)
		}
		if _, err := w.svc.Authenticate(ctx, "new@one.example", goodPassword, ""); err != nil {
			t.Errorf("the new user cannot sign in: %v", err)
		}
		if e := w.audit(t); e[len(e)-2].Action != auth.ActionInvitationAccepted || e[len(e)-2].ActorID != u.ID {
			t.Errorf("audit event %+v, want invitation_accepted by the new user", e[len(e)-2])
		}

		users := w.count(t, "users")
		_, err = w.svc.AcceptInvitation(ctx, token, "Someone Else", goodPassword+"!")
		if !errors.Is(err, auth.ErrInvitationUsed) {
			t.Errorf("reused link: got %v, want ErrInvitationUsed", err)
		}
		_, err = w.svc.InvitationByToken(ctx, token)
		if !errors.Is(err, auth.ErrInvitationUsed) {
			t.Errorf("InvitationByToken of a used link: got %v", err)
		}
		if w.count(t, "users") != users {
			t.Error("a reused link wrote a user")
		}
		_, err = w.svc.InvitationByToken(ctx, altered(token))
		checkErr(t, err, "not found")
	})
}

func TestInvitationExpires(t *testing.T) {
	t.Parallel()
	storetest.Each(t, func(t *testing.T, st *store.Store) {
		w := newWorld(t, st, auth.Options{})
		ctx := context.Background()
		_, token, err := w.svc.Invite(ctx, w.lead.Principal(), auth.InviteInput{Email: "late@one.example",
			Role: auth.RoleLead, OrganisationID: "org-1"})
		must(t, err)
		w.clock.Advance(7*24*time.Hour - time.Second)
		_, err = w.svc.InvitationByToken(ctx, token)
		checkErr(t, err, "")
		w.clock.Advance(time.Second)
		users := w.count(t, "users")
		_, err = w.svc.AcceptInvitation(ctx, token, "Late Person", goodPassword)
		if !errors.Is(err, auth.ErrInvitationExpired) || err.Error() != "This invitation link has expired. Ask your lead for a new one" {
			t.Errorf("expired link: got %v, want ErrInvitationExpired", err)
		}
		if w.count(t, "users") != users {
			t.Error("an expired link wrote a user")
		}
	})
}

// Two people opening the same link at once get one account between them.
func TestAcceptInvitationConcurrently(t *testing.T) {
	t.Parallel()
	storetest.Each(t, func(t *testing.T, st *store.Store) {
		w := newWorld(t, st, auth.Options{})
		ctx := context.Background()
		_, token, err := w.svc.Invite(ctx, w.lead.Principal(), auth.InviteInput{Email: "race@one.example",
			Role: auth.RoleMember, TeamID: "team-1"})
		must(t, err)
		errs := make([]error, 4)
		var wg sync.WaitGroup
		for i := range errs {
			wg.Go(func() { _, errs[i] = w.svc.AcceptInvitation(ctx, token, "Racer", goodPassword) })
		}
		wg.Wait()
		ok := 0
		for _, err := range errs {
			switch {
			case err == nil:
				ok++
			case !errors.Is(err, auth.ErrInvitationUsed) && problemFields(err) != "email":
				t.Errorf("a losing acceptance got %v", err)
			}
		}
		if ok != 1 {
			t.Errorf("%d acceptances succeeded, want exactly 1", ok)
		}
	})
}

func TestListAndRevokeInvitations(t *testing.T) {
	t.Parallel()
	storetest.Each(t, func(t *testing.T, st *store.Store) {
		w := newWorld(t, st, auth.Options{})
		ctx := context.Background()
		invite := func(email string) (auth.Invitation, string) {
			inv, token, err := w.svc.Invite(ctx, w.lead.Principal(), auth.InviteInput{Email: email,
				Role: auth.RoleMember, TeamID: "team-1"})
			must(t, err)
			return inv, token
		}
		invite("old@one.example")
		w.clock.Advance(6 * 24 * time.Hour)
		_, usedToken := invite("used@one.example")
		_, err := w.svc.AcceptInvitation(ctx, usedToken, "Used", goodPassword)
		must(t, err)
		w.clock.Advance(2 * 24 * time.Hour) // the first has expired now
		pending, pendingToken := invite("pending@one.example")

		list, err := w.svc.ListInvitations(ctx, w.lead.Principal(), "org-1")
		must(t, err)
		if len(list) != 1 || list[0].ID != pending.ID {
			t.Errorf("pending invitations %+v, want just %s", list, pending.ID)
		}
		for name, c := range map[string]struct {
			p    *auth.Principal
			want string
		}{"other lead": {w.otherLead.Principal(), "not found"}, "member": {w.member.Principal(), "forbidden"}} {
			_, err := w.svc.ListInvitations(ctx, c.p, "org-1")
			if !errors.Is(err, sentinels[c.want]) {
				t.Errorf("%s lists invitations: got %v, want %s", name, err, c.want)
			}
			err = w.svc.RevokeInvitation(ctx, c.p, pending.ID)
			if !errors.Is(err, sentinels[c.want]) {
				t.Errorf("%s revokes: got %v, want %s", name, err, c.want)
			}
		}
		must(t, w.svc.RevokeInvitation(ctx, w.lead.Principal(), pending.ID))
		list, err = w.svc.ListInvitations(ctx, w.admin.Principal(), "org-1")
		must(t, err)
		if len(list) != 0 {
			t.Errorf("after revoking: %+v", list)
		}
		_, err = w.svc.InvitationByToken(ctx, pendingToken)
		checkErr(t, err, "not found")
	})
}

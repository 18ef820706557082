package assessment_test

import (
	"fmt"
	"testing"

	"vcready/internal/auth"
	"vcready/internal/store"
	"vcready/internal/store/storetest"
)

// TestAccess runs every service method as every kind of principal against
// organisation A, its team A1 and an assessment of A1, and checks the answer: a
// principal who may not see the resource is told it does not exist (so ids of other
// organisations cannot be probed); one who may see it but not act is forbidden.
func TestAccess(t *testing.T) {
	t.Parallel()
	const ok, nf, fb = "ok", "not found", "forbidden"
	principals := []string{"admin", "lead of org", "lead of other org", "member of team", "member of other team", "nil"}
	cases := []struct {
		name string
		want []string // in the order of principals
		op   func(t *testing.T, f *fixture, p *auth.Principal) error
	}{
		{"CreateOrganisation", []string{ok, fb, fb, fb, fb, fb}, func(t *testing.T, f *fixture, p *auth.Principal) error {
			_, err := f.svc.CreateOrganisation(ctx, p, "New organisation "+f.svc.NewID())
			return err
		}},
		{"GetOrganisation", []string{ok, ok, nf, ok, ok, nf}, func(t *testing.T, f *fixture, p *auth.Principal) error {
			_, err := f.svc.GetOrganisation(ctx, p, f.orgA.ID)
			return err
		}},
		{"CreateTeam", []string{ok, ok, nf, fb, fb, nf}, func(t *testing.T, f *fixture, p *auth.Principal) error {
			_, err := f.svc.CreateTeam(ctx, p, f.orgA.ID, teamInput("Team "+f.svc.NewID()))
			return err
		}},
		{"UpdateTeam", []string{ok, ok, nf, fb, nf, nf}, func(t *testing.T, f *fixture, p *auth.Principal) error {
			_, err := f.svc.UpdateTeam(ctx, p, f.teamA1.ID, teamInput(f.teamA1.Name))
			return err
		}},
		{"GetTeam", []string{ok, ok, nf, ok, nf, nf}, func(t *testing.T, f *fixture, p *auth.Principal) error {
			_, err := f.svc.GetTeam(ctx, p, f.teamA1.ID)
			return err
		}},
		{"ListTeams", []string{ok, ok, nf, fb, fb, nf}, func(t *testing.T, f *fixture, p *auth.Principal) error {
			_, err := f.svc.ListTeams(ctx, p, f.orgA.ID)
			return err
		}},
		{"ExportAssessments", []string{ok, ok, nf, fb, fb, nf}, func(t *testing.T, f *fixture, p *auth.Principal) error {
			_, err := f.svc.ExportAssessments(ctx, p, f.orgA.ID)
			return err
		}},
		{"Create", []string{ok, ok, nf, ok, nf, nf}, func(t *testing.T, f *fixture, p *auth.Principal) error {
			_, err := f.svc.Create(ctx, p, f.teamA1.ID, "")
			return err
		}},
		{"List", []string{ok, ok, nf, ok, nf, nf}, func(t *testing.T, f *fixture, p *auth.Principal) error {
			_, err := f.svc.List(ctx, p, f.teamA1.ID)
			return err
		}},
		{"Get", []string{ok, ok, nf, ok, nf, nf}, func(t *testing.T, f *fixture, p *auth.Principal) error {
			_, err := f.svc.Get(ctx, p, f.mustDraft(t, f.teamA1.ID).ID)
			return err
		}},
		{"SaveAnswers", []string{ok, ok, nf, ok, nf, nf}, func(t *testing.T, f *fixture, p *auth.Principal) error {
			a := f.mustDraft(t, f.teamA1.ID)
			_, err := f.svc.SaveAnswers(ctx, p, a.ID, allAnswers(mustQuestionnaires(t).Default())[:3])
			return err
		}},
		{"Submit", []string{ok, ok, nf, ok, nf, nf}, func(t *testing.T, f *fixture, p *auth.Principal) error {
			_, err := f.svc.Submit(ctx, p, f.mustAnswered(t, f.teamA1.ID).ID)
			return err
		}},
		{"Previous", []string{ok, ok, nf, ok, nf, nf}, func(t *testing.T, f *fixture, p *auth.Principal) error {
			_, err := f.svc.Previous(ctx, p, f.mustDraft(t, f.teamA1.ID).ID)
			return err
		}},
	}
	storetest.Each(t, func(t *testing.T, st *store.Store) {
		f := newFixture(t, st)
		ps := []*auth.Principal{f.admin, f.leadA, f.leadB, f.memberA1, f.memberA2, nil}
		for _, c := range cases {
			for i, p := range ps {
				t.Run(fmt.Sprintf("%s/%s", c.name, principals[i]), func(t *testing.T) {
					if got := outcome(c.op(t, f, p)); got != c.want[i] {
						t.Errorf("got %s, want %s", got, c.want[i])
					}
				})
			}
		}
	})
}

// TestAccessUnknownIDs checks that ids that exist nowhere are not found for everyone,
// admins included.
func TestAccessUnknownIDs(t *testing.T) {
	t.Parallel()
	storetest.Each(t, func(t *testing.T, st *store.Store) {
		f := newFixture(t, st)
		const unknown = "aaaaaaaaaaaaaaaaaaaaaaaaaa"
		ops := map[string]func() error{
			"GetOrganisation": func() error { _, err := f.svc.GetOrganisation(ctx, f.admin, unknown); return err },
			"CreateTeam": func() error {
				_, err := f.svc.CreateTeam(ctx, f.admin, unknown, teamInput("x"))
				return err
			},
			"ListTeams": func() error { _, err := f.svc.ListTeams(ctx, f.admin, unknown); return err },
			"ExportAssessments": func() error {
				_, err := f.svc.ExportAssessments(ctx, f.admin, unknown)
				return err
			},
			"GetTeam":     func() error { _, err := f.svc.GetTeam(ctx, f.admin, unknown); return err },
			"UpdateTeam":  func() error { _, err := f.svc.UpdateTeam(ctx, f.admin, unknown, teamInput("x")); return err },
			"Create":      func() error { _, err := f.svc.Create(ctx, f.admin, unknown, ""); return err },
			"List":        func() error { _, err := f.svc.List(ctx, f.admin, unknown); return err },
			"Get":         func() error { _, err := f.svc.Get(ctx, f.admin, unknown); return err },
			"SaveAnswers": func() error { _, err := f.svc.SaveAnswers(ctx, f.admin, unknown, nil); return err },
			"Submit":      func() error { _, err := f.svc.Submit(ctx, f.admin, unknown); return err },
			"Previous":    func() error { _, err := f.svc.Previous(ctx, f.admin, unknown); return err },
		}
		for name, op := range ops {
			if got := outcome(op()); got != "not found" {
				t.Errorf("%s: got %s, want not found", name, got)
			}
		}
	})
}

func TestListOrganisations(t *testing.T) {
	t.Parallel()
	storetest.Each(t, func(t *testing.T, st *store.Store) {
		f := newFixture(t, st)
		cases := []struct {
			name string
			p    *auth.Principal
			want []string
		}{
			{"admin sees all, by name", f.admin, []string{f.orgA.Name, f.orgB.Name}},
			{"lead sees own", f.leadB, []string{f.orgB.Name}},
			{"member sees own", f.memberA2, []string{f.orgA.Name}},
			{"nil sees none", nil, nil},
		}
		for _, c := range cases {
			t.Run(c.name, func(t *testing.T) {
				os, err := f.svc.ListOrganisations(ctx, c.p)
				if err != nil {
					t.Fatal(err)
				}
				var got []string
				for _, o := range os {
					got = append(got, o.Name)
				}
				if fmt.Sprint(got) != fmt.Sprint(c.want) {
					t.Errorf("got %q, want %q", got, c.want)
				}
			})
		}
	})
}

package assessment_test

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"vcready/internal/apperr"
	"vcready/internal/assessment"
	"vcready/internal/store"
	"vcready/internal/store/storetest"
)

func TestTeamValidation(t *testing.T) {
	t.Parallel()
	settings := "must be one of primary_care, secondary_care, community, mental_health, social_care, other"
	nations := "must be one of england, scotland, wales, northern_ireland, ireland, other"
	cases := []struct {
		name string
		in   assessment.TeamInput
		want []apperr.FieldProblem
	}{
		{"valid", teamInput("Podiatry"), nil},
		{"name trimmed", assessment.TeamInput{Name: "  Foot Health\t", Setting: "other", Specialty: "podiatry", Nation: "wales"}, nil},
		{"empty name", assessment.TeamInput{Name: "   ", Setting: "other", Specialty: "other", Nation: "other"},
			[]apperr.FieldProblem{{Field: "name", Problem: "is required"}}},
		{"long name", assessment.TeamInput{Name: strings.Repeat("é", 121), Setting: "other", Specialty: "other", Nation: "other"},
			[]apperr.FieldProblem{{Field: "name", Problem: "must be at most 120 characters"}}},
		{"unknown setting", assessment.TeamInput{Name: "A", Setting: "hospital", Specialty: "other", Nation: "other"},
			[]apperr.FieldProblem{{Field: "setting", Problem: settings}}},
		{"every field bad", assessment.TeamInput{Name: "", Setting: "Primary care", Specialty: "brain", Nation: "uk"},
			[]apperr.FieldProblem{
				{Field: "name", Problem: "is required"},
				{Field: "setting", Problem: settings},
				{Field: "specialty", Problem: "must be one of " + specialtyKeys()},
				{Field: "nation", Problem: nations},
			}},
		{"missing keys", assessment.TeamInput{Name: "A"},
			[]apperr.FieldProblem{
				{Field: "setting", Problem: "is required; " + settings},
				{Field: "specialty", Problem: "is required; must be one of " + specialtyKeys()},
				{Field: "nation", Problem: "is required; " + nations},
			}},
	}
	storetest.Each(t, func(t *testing.T, st *store.Store) {
		f := newFixture(t, st)
		for _, c := range cases {
			t.Run(c.name, func(t *testing.T) {
				created, err := f.svc.CreateTeam(ctx, f.leadA, f.orgA.ID, c.in)
				if c.want == nil {
					if err != nil {
						t.Fatalf("CreateTeam: %v", err)
					}
					if created.Name != strings.TrimSpace(c.in.Name) {
						t.Errorf("name = %q, want it trimmed", created.Name)
					}
					return
				}
				if diff := cmp.Diff(c.want, problems(t, err)); diff != "" {
					t.Errorf("CreateTeam problems (-want +got):\n%s", diff)
				}
				_, err = f.svc.UpdateTeam(ctx, f.leadA, f.teamA1.ID, c.in)
				if diff := cmp.Diff(c.want, problems(t, err)); diff != "" {
					t.Errorf("UpdateTeam problems (-want +got):\n%s", diff)
				}
			})
		}
	})
}

func specialtyKeys() string {
	var ks []string
	for _, t := range (&assessment.Service{}).Vocabularies().Specialties {
		ks = append(ks, t.Key)
	}
	return strings.Join(ks, ", ")
}

func TestDuplicateNames(t *testing.T) {
	t.Parallel()
	storetest.Each(t, func(t *testing.T, st *store.Store) {
		f := newFixture(t, st)
		nameTaken := func(t *testing.T, err error) {
			t.Helper()
			ps := problems(t, err)
			if len(ps) != 1 || ps[0].Field != "name" || !strings.Contains(ps[0].Problem, "already used") {
				t.Errorf("problems = %v, want one: name already used", ps)
			}
		}
		t.Run("organisation, any case", func(t *testing.T) {
			_, err := f.svc.CreateOrganisation(ctx, f.admin, "  NORTHSHIRE healthcare nhs trust ")
			nameTaken(t, err)
		})
		t.Run("team in the same organisation, any case", func(t *testing.T) {
			_, err := f.svc.CreateTeam(ctx, f.leadA, f.orgA.ID, teamInput("msk PHYSIOTHERAPY"))
			nameTaken(t, err)
		})
		t.Run("team renamed to a sibling's name", func(t *testing.T) {
			_, err := f.svc.UpdateTeam(ctx, f.leadA, f.teamA2.ID, teamInput(f.teamA1.Name))
			nameTaken(t, err)
		})
		t.Run("same team name in another organisation", func(t *testing.T) {
			if _, err := f.svc.CreateTeam(ctx, f.leadB, f.orgB.ID, teamInput(f.teamA1.Name)); err != nil {
				t.Errorf("CreateTeam: %v", err)
			}
		})
		t.Run("team keeps its own name in another case", func(t *testing.T) {
			if _, err := f.svc.UpdateTeam(ctx, f.leadA, f.teamA1.ID, teamInput("msk physiotherapy")); err != nil {
				t.Errorf("UpdateTeam: %v", err)
			}
		})
	})
}

func TestUpdateTeamStoresChanges(t *testing.T) {
	t.Parallel()
	storetest.Each(t, func(t *testing.T, st *store.Store) {
		f := newFixture(t, st)
		in := assessment.TeamInput{Name: "Children's Therapies", Setting: "secondary_care", Specialty: "paediatrics", Nation: "northern_ireland"}
		updated, err := f.svc.UpdateTeam(ctx, f.leadA, f.teamA1.ID, in)
		if err != nil {
			t.Fatal(err)
		}
		got, err := f.svc.GetTeam(ctx, f.memberA1, f.teamA1.ID)
		if err != nil {
			t.Fatal(err)
		}
		want := assessment.Team{ID: f.teamA1.ID, OrganisationID: f.orgA.ID, Name: in.Name, Setting: in.Setting,
			Specialty: in.Specialty, Nation: in.Nation, CreatedAt: f.teamA1.CreatedAt}
		if diff := cmp.Diff(want, got); diff != "" {
			t.Errorf("GetTeam after update (-want +got):\n%s", diff)
		}
		if diff := cmp.Diff(want, updated); diff != "" {
			t.Errorf("UpdateTeam result (-want +got):\n%s", diff)
		}
		teams, err := f.svc.ListTeams(ctx, f.leadA, f.orgA.ID)
		if err != nil {
			t.Fatal(err)
		}
		if len(teams) != 2 || teams[0].Name != "Children's Therapies" || teams[1].Name != "Community Mental Health" {
			t.Errorf("ListTeams = %+v, want the two teams of A by name", teams)
		}
	})
}

func TestOrganisationName(t *testing.T) {
	t.Parallel()
	storetest.Each(t, func(t *testing.T, st *store.Store) {
		f := newFixture(t, st)
		for _, name := range []string{"", "  ", strings.Repeat("x", 121)} {
			_, err := f.svc.CreateOrganisation(ctx, f.admin, name)
			if ps := problems(t, err); len(ps) != 1 || ps[0].Field != "name" {
				t.Errorf("CreateOrganisation(%q) problems = %v, want one on name", name, ps)
			}
		}
		o, err := f.svc.CreateOrganisation(ctx, f.admin, "  "+strings.Repeat("ü", 120)+" ")
		if err != nil {
			t.Fatalf("120 characters: %v", err)
		}
		got, err := f.svc.GetOrganisation(ctx, f.admin, o.ID)
		if err != nil || got != o {
			t.Errorf("GetOrganisation = %+v, %v; want %+v", got, err, o)
		}
	})
}

package store_test

import (
	"context"
	"errors"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"vcready/internal/apperr"
	"vcready/internal/assessment"
	"vcready/internal/store"
	"vcready/internal/store/storetest"
)

// The store is the service's Store.
var _ assessment.Store = (*store.Store)(nil)

var (
	tctx = context.Background()
	// epoch stops at microseconds, the precision PostgreSQL keeps: the service
	// truncates its clock the same way before storing.
	epoch = time.Date(2025, 5, 6, 7, 8, 9, 123456000, time.UTC)
)

func mustOrganisation(t *testing.T, s *store.Store, id, name string) assessment.Organisation {
	t.Helper()
	o := assessment.Organisation{ID: id, Name: name, CreatedAt: epoch}
	if err := s.CreateOrganisation(tctx, o); err != nil {
		t.Fatalf("CreateOrganisation(%s): %v", name, err)
	}
	return o
}

func mustTeam(t *testing.T, s *store.Store, id, orgID, name string) assessment.Team {
	t.Helper()
	tm := assessment.Team{ID: id, OrganisationID: orgID, Name: name, Setting: "community",
		Specialty: "podiatry", Nation: "scotland", CreatedAt: epoch.Add(time.Minute)}
	if err := s.CreateTeam(tctx, tm); err != nil {
		t.Fatalf("CreateTeam(%s): %v", name, err)
	}
	return tm
}

func TestOrganisationsRoundTrip(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		b := mustOrganisation(t, s, "org-b", "beta Trust")
		a := assessment.Organisation{ID: "org-a", Name: "Alpha Board – Ōtautahi", Demo: true, CreatedAt: epoch}
		if err := s.CreateOrganisation(tctx, a); err != nil {
			t.Fatal(err)
		}
		got, err := s.Organisation(tctx, a.ID)
		if err != nil {
			t.Fatal(err)
		}
		if diff := cmp.Diff(a, got); diff != "" {
			t.Errorf("Organisation (-want +got):\n%s", diff)
		}
		all, err := s.Organisations(tctx)
		if err != nil {
			t.Fatal(err)
		}
		if diff := cmp.Diff([]assessment.Organisation{a, b}, all); diff != "" {
			t.Errorf("Organisations, by name in any case (-want +got):\n%s", diff)
		}
	})
}

func TestTeamsRoundTrip(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		mustOrganisation(t, s, "org-a", "Alpha")
		mustOrganisation(t, s, "org-b", "Beta")
		z := mustTeam(t, s, "team-z", "org-a", "zebra crossing")
		y := mustTeam(t, s, "team-y", "org-a", "Yellow")
		mustTeam(t, s, "team-x", "org-b", "X-ray")

		y.Name, y.Setting, y.Specialty, y.Nation = "Yarrow", "other", "other", "ireland"
		if err := s.UpdateTeam(tctx, y); err != nil {
			t.Fatal(err)
		}
		got, err := s.Team(tctx, y.ID)
		if err != nil {
			t.Fatal(err)
		}
		if diff := cmp.Diff(y, got); diff != "" {
			t.Errorf("Team after update (-want +got):\n%s", diff)
		}
		teams, err := s.Teams(tctx, "org-a")
		if err != nil {
			t.Fatal(err)
		}
		if diff := cmp.Diff([]assessment.Team{y, z}, teams); diff != "" {
			t.Errorf("Teams (-want +got):\n%s", diff)
		}
	})
}

func TestDuplicateNamesAndMissingRows(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		mustOrganisation(t, s, "org-a", "Alpha")
		mustTeam(t, s, "team-a", "org-a", "Physio")
		other := mustTeam(t, s, "team-b", "org-a", "Podiatry")
		renamed := other
		renamed.Name = "PHYSIO"
		cases := []struct {
			name string
			err  error
			want error
		}{
			{"organisation name in another case", s.CreateOrganisation(tctx, assessment.Organisation{ID: "org-x", Name: "ALPHA", CreatedAt: epoch}), assessment.ErrDuplicateName},
			{"team name in another case", s.CreateTeam(tctx, assessment.Team{ID: "team-x", OrganisationID: "org-a", Name: "physio", CreatedAt: epoch}), assessment.ErrDuplicateName},
			{"team renamed to a sibling's name", s.UpdateTeam(tctx, renamed), assessment.ErrDuplicateName},
			{"update of a missing team", s.UpdateTeam(tctx, assessment.Team{ID: "nope", Name: "n"}), apperr.ErrNotFound},
			{"missing organisation", errOf(s.Organisation(tctx, "nope")), apperr.ErrNotFound},
			{"missing team", errOf(s.Team(tctx, "nope")), apperr.ErrNotFound},
			{"missing assessment", errOf(s.Assessment(tctx, "nope")), apperr.ErrNotFound},
			{"no submitted assessment", errOf(s.LatestSubmitted(tctx, "team-a", nil)), apperr.ErrNotFound},
			{"answers to a missing assessment", s.SaveAnswers(tctx, "nope", nil, nil), apperr.ErrNotFound},
		}
		for _, c := range cases {
			if !errors.Is(c.err, c.want) {
				t.Errorf("%s: error %v, want %v", c.name, c.err, c.want)
			}
		}
	})
}

func errOf[T any](_ T, err error) error { return err }

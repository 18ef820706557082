package store_test

import (
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"vcready/internal/assessment"
	"vcready/internal/store"
	"vcready/internal/store/storetest"
)

func mustTeam(t *testing.T, s *store.Store, id, orgID, name string) assessment.Team {
	t.Helper()
	tm := assessment.Team{ID: id, OrganisationID: orgID, Name: name, Setting: "community",
		Specialty: "podiatry", Nation: "scotland", CreatedAt: epoch.Add(time.Minute)}
	if err := s.CreateTeam(tctx, tm); err != nil {
		t.Fatalf("CreateTeam(%s): %v", name, err)
	}
	return tm
}

func TestTeamsRoundTrip(t *testing.T) {
	t.Parallel()
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

package store_test

import (
	"testing"

	"github.com/google/go-cmp/cmp"

	"vcready/internal/assessment"
	"vcready/internal/store"
	"vcready/internal/store/storetest"
)

func mustOrganisation(t *testing.T, s *store.Store, id, name string) assessment.Organisation {
	t.Helper()
	o := assessment.Organisation{ID: id, Name: name, CreatedAt: epoch}
	if err := s.CreateOrganisation(tctx, o); err != nil {
		t.Fatalf("CreateOrganisation(%s): %v", name, err)
	}
	return o
}

func TestOrganisationsRoundTrip(t *testing.T) {
	t.Parallel()
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

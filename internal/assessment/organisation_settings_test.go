package assessment_test

import (
	"testing"

	"vcready/internal/assessment"
	"vcready/internal/auth"
	"vcready/internal/store"
	"vcready/internal/store/storetest"
)

func TestOrganisationSettings(t *testing.T) {
	t.Parallel()
	storetest.Each(t, func(t *testing.T, st *store.Store) {
		f := newFixture(t, st)
		ctx := t.Context()
		if !f.orgA.ShareWithOtherOrganisations || f.orgA.PublishOpenData {
			t.Fatalf("new organisation settings = share %v, publish %v; want share on, publish off",
				f.orgA.ShareWithOtherOrganisations, f.orgA.PublishOpenData)
		}
		off, on, name := false, true, "Northshire Health and Care"
		cases := []struct {
			name string
			p    *auth.Principal
			in   assessment.OrganisationUpdate
			want string
		}{
			{"lead changes settings", f.leadA, assessment.OrganisationUpdate{ShareWithOtherOrganisations: &off, PublishOpenData: &on}, "ok"},
			{"lead renames", f.leadA, assessment.OrganisationUpdate{Name: &name}, "forbidden"},
			{"member changes settings", f.memberA1, assessment.OrganisationUpdate{PublishOpenData: &off}, "forbidden"},
			{"lead of another organisation", f.leadB, assessment.OrganisationUpdate{PublishOpenData: &off}, "not found"},
			{"anonymous", nil, assessment.OrganisationUpdate{PublishOpenData: &off}, "not found"},
			{"admin renames", f.admin, assessment.OrganisationUpdate{Name: &name}, "ok"},
			{"empty name", f.admin, assessment.OrganisationUpdate{Name: new(string)}, "invalid"},
			{"name taken", f.admin, assessment.OrganisationUpdate{Name: &f.orgB.Name}, "invalid"},
		}
		for _, tc := range cases {
			_, err := f.svc.UpdateOrganisation(ctx, tc.p, f.orgA.ID, tc.in)
			if got := outcome(err); got != tc.want {
				t.Errorf("%s: %s, want %s", tc.name, got, tc.want)
			}
		}
		got, err := f.svc.GetOrganisation(ctx, f.admin, f.orgA.ID)
		if err != nil {
			t.Fatal(err)
		}
		if got.Name != name || got.ShareWithOtherOrganisations || !got.PublishOpenData {
			t.Errorf("stored = %+v; want renamed, share off, publish on, and nothing from the refused changes", got)
		}
		if _, err := f.svc.UpdateOrganisation(ctx, f.admin, "nosuchorganisationxxxxxxx", assessment.OrganisationUpdate{}); outcome(err) != "not found" {
			t.Errorf("unknown organisation: %v", err)
		}
	})
}

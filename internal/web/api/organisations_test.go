package api_test

import (
	"net/http"
	"strings"
	"testing"

	"vcready/internal/web/webtest"
)

// TestOrganisationSettingsAPI: leads change the sharing settings, only admins the
// name; bad input is refused whole and names the field.
func TestOrganisationSettingsAPI(t *testing.T) {
	t.Parallel()
	a := newTestApp(t)
	path := "/api/v1/organisations/" + a.Org1.ID
	type org struct {
		Name    string
		Share   bool `json:"share_with_other_organisations"`
		Publish bool `json:"publish_open_data"`
	}
	if got := webtest.Decode[org](t, a.API("member", http.MethodGet, path, "")); !got.Share || got.Publish {
		t.Fatalf("defaults = %+v, want share on and publish off", got)
	}
	rec := a.API("lead", http.MethodPatch, path, `{"share_with_other_organisations": false, "publish_open_data": true}`)
	if got := webtest.Decode[org](t, rec); rec.Code != 200 || got.Share || !got.Publish || got.Name != "Northshire Health" {
		t.Fatalf("lead PATCH: %d %+v", rec.Code, got)
	}
	cases := []struct {
		name, role, body string
		status           int
		field            string
	}{
		{"lead renames", "lead", `{"name": "New name"}`, 403, ""},
		{"wrong type", "lead", `{"publish_open_data": "yes"}`, 400, "publish_open_data"},
		{"name too long", "admin", `{"name": "` + strings.Repeat("n", 121) + `"}`, 422, "name"},
		{"empty name", "admin", `{"name": ""}`, 422, "name"},
		{"name taken", "admin", `{"name": "Southshire Care", "publish_open_data": false}`, 422, "name"},
	}
	for _, tc := range cases {
		rec := a.API(tc.role, http.MethodPatch, path, tc.body)
		if rec.Code != tc.status {
			t.Errorf("%s: %d, want %d (%s)", tc.name, rec.Code, tc.status, rec.Body)
			continue
		}
		if e := webtest.Decode[webtest.APIError](t, rec); tc.field != "" && (len(e.Error.Details) == 0 || e.Error.Details[0].Field != tc.field) {
			t.Errorf("%s: details %+v, want field %s", tc.name, e.Error.Details, tc.field)
		}
	}
	if got := webtest.Decode[org](t, a.API("admin", http.MethodGet, path, "")); got.Name != "Northshire Health" || got.Share || !got.Publish {
		t.Errorf("after refused changes: %+v", got)
	}
	rec = a.API("admin", http.MethodPatch, path, `{"name": "Northshire Health and Care"}`)
	if got := webtest.Decode[org](t, rec); rec.Code != 200 || got.Name != "Northshire Health and Care" || got.Share {
		t.Errorf("admin rename: %d %+v", rec.Code, got)
	}
}

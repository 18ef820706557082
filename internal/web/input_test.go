package web

import (
	"context"
	"net/http"
	"net/url"
	"testing"

	"vcready/internal/store/storetest"
	"vcready/internal/web/webtest"
)

// TestNULAndInvalidUTF8NeverReachTheDatabase reproduces F-02: a NUL byte or invalid
// UTF-8 in a path id, a query parameter or a form field gave a 500 on PostgreSQL
// (and was stored as sent on SQLite). Ids are 404, other input 400, on both
// dialects, and nothing is stored.
func TestNULAndInvalidUTF8NeverReachTheDatabase(t *testing.T) {
	t.Parallel()
	for _, d := range webtest.Dialects {
		t.Run(d.Name, func(t *testing.T) {
			t.Parallel()
			a := newTestApp(t, webtest.WithStore(d.Open))
			orgs := storetest.CountRows(t, a.Store, "organisations")
			for _, tc := range []struct {
				name, path string
				want       int
			}{
				{"API id NUL", "/api/v1/teams/%00", 404},
				{"API id invalid UTF-8", "/api/v1/teams/%FF", 404},
				{"API id with NUL inside", "/api/v1/assessments/%00x", 404},
				{"API query NUL", "/api/v1/organisations/" + a.Org1.ID + "/comparison?setting=a%00b", 400},
				{"API query invalid UTF-8", "/api/v1/organisations?x=%FF%FE", 400},
			} {
				if rec := a.API("admin", http.MethodGet, tc.path, ""); rec.Code != tc.want {
					t.Errorf("%s: GET %s = %d, want %d: %.200s", tc.name, tc.path, rec.Code, tc.want, rec.Body)
				}
			}
			for _, tc := range []struct {
				name, path string
				want       int
			}{
				{"page id NUL", "/teams/%00", 404},
				{"page id invalid UTF-8", "/teams/%FF", 404},
				{"page query NUL", "/teams/" + a.Team1.ID + "?notice=%00", 400},
			} {
				if rec := a.Page("admin", tc.path); rec.Code != tc.want {
					t.Errorf("%s: GET %s = %d, want %d", tc.name, tc.path, rec.Code, tc.want)
				}
			}
			admin := a.Browser("admin")
			for _, name := range []string{"Org\xff\xfe", "Org\x00X"} {
				if rec := admin.Submit("/admin", "/admin/organisations", url.Values{"name": {name}}); rec.Code != 400 {
					t.Errorf("organisation named %q: %d, want 400", name, rec.Code)
				}
			}
			if n := storetest.CountRows(t, a.Store, "organisations"); n != orgs {
				t.Errorf("organisations %d, want %d: bad names were stored", n, orgs)
			}
			member := a.Browser("member")
			id := startDraft(t, member, a.Team1.ID)
			page := "/assessments/" + id + "/considerations/shared_learning"
			if rec := member.Submit(page, page, url.Values{"sl-09": {"a\xffb\x00c"}}); rec.Code != 400 {
				t.Errorf("free text with NUL and invalid UTF-8: %d, want 400", rec.Code)
			}
			got, err := a.Assessments.Get(context.Background(), a.Users["member"].Principal(), id)
			if err != nil || len(got.Answers) != 0 {
				t.Errorf("answers after the bad form: %+v, %v", got, err)
			}
		})
	}
}

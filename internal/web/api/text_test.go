package api_test

import (
	"net/http"
	"strings"
	"testing"

	"vcready/internal/store/storetest"
	"vcready/internal/web/webtest"
)

// TestAPIBodiesWithNULOrInvalidUTF8Are400 reproduces F-02 for JSON bodies: a \u0000
// escape (which decodes to NUL) or raw invalid UTF-8 in any string of a body gave a
// 500 on PostgreSQL and was stored on SQLite. Both are a 400 on both dialects, and
// nothing is written; an escaped backslash that merely reads "\u0000" is ordinary
// text.
func TestAPIBodiesWithNULOrInvalidUTF8Are400(t *testing.T) {
	t.Parallel()
	for _, d := range webtest.Dialects {
		t.Run(d.Name, func(t *testing.T) {
			t.Parallel()
			app := newTestApp(t, webtest.WithStore(d.Open))
			draft := app.NewDraft()
			answers := "/api/v1/assessments/" + draft.ID + "/answers"
			before := map[string]int64{}
			for _, table := range []string{"organisations", "teams", "users", "answers"} {
				before[table] = storetest.CountRows(t, app.Store, table)
			}
			for _, tc := range []struct{ name, method, path, body string }{
				{"organisation name", http.MethodPost, "/api/v1/organisations", `{"name":"a\u0000b"}`},
				{"organisation name invalid UTF-8", http.MethodPost, "/api/v1/organisations", "{\"name\":\"Org\xff\xfe\"}"},
				{"team name", http.MethodPost, "/api/v1/organisations/" + app.Org1.ID + "/teams",
					`{"name":"t\u0000","setting":"secondary_care","specialty":"physiotherapy","nation":"england"}`},
				{"user name", http.MethodPost, "/api/v1/users",
					`{"email":"x@example.org","name":"x\u0000y","password":"plum orchard lantern 43","role":"member","team_id":"` + app.Team1.ID + `"}`},
				{"answer text", http.MethodPut, answers, `{"answers":[{"item_id":"sl-09","text":"a\u0000b"}]}`},
				{"answer text invalid UTF-8", http.MethodPut, answers, "{\"answers\":[{\"item_id\":\"sl-09\",\"text\":\"a\xff\xfeb\"}]}"},
				{"object key", http.MethodPost, "/api/v1/organisations", `{"name":"Fine","x\u0000":1}`},
			} {
				if rec := app.API("admin", tc.method, tc.path, tc.body); rec.Code != http.StatusBadRequest {
					t.Errorf("%s: %d, want 400: %.300s", tc.name, rec.Code, rec.Body)
				}
			}
			for table, n := range before {
				if got := storetest.CountRows(t, app.Store, table); got != n {
					t.Errorf("%s: %d rows, want %d", table, got, n)
				}
			}
			if rec := app.API("admin", http.MethodPost, "/api/v1/organisations", `{"name":"Back\\u0000slash"}`); rec.Code != http.StatusCreated {
				t.Errorf("escaped backslash: %d, want 201: %s", rec.Code, rec.Body)
			}
		})
	}
}

// TestAPIErrorDetailsAreBounded reproduces F-21: a 422 for thousands of bad answers
// listed every one (2.4 MB for a 0.9 MB request). It lists the first 100 and a last
// detail saying how many more there are.
func TestAPIErrorDetailsAreBounded(t *testing.T) {
	t.Parallel()
	app := newTestApp(t)
	draft := app.NewDraft()
	body := `{"answers":[{"item_id":"eq-01","level":2}` + strings.Repeat(`,{"item_id":"eq-01","level":2}`, 2999) + `]}`
	rec := app.API("member", http.MethodPut, "/api/v1/assessments/"+draft.ID+"/answers", body)
	e := webtest.Decode[webtest.APIError](t, rec)
	if rec.Code != 422 || len(e.Error.Details) != 101 {
		t.Fatalf("3,000 answers to one item: %d with %d details (%d bytes)", rec.Code, len(e.Error.Details), rec.Body.Len())
	}
	if last := e.Error.Details[100]; last.Problem != "and 2899 more problems" {
		t.Errorf("last detail = %+v", last)
	}
	if rec.Body.Len() > 20_000 {
		t.Errorf("error body is %d bytes", rec.Body.Len())
	}
}

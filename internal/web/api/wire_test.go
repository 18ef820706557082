package api_test

import (
	"context"
	"flag"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"vcready/internal/web/webtest"
)

var update = flag.Bool("update", false, "rewrite the golden files under testdata/wire")

// TestWireShapes pins what every API response sends, byte for byte but for values
// that change from run to run: one golden file per response under testdata/wire,
// with key order, nesting, nulls against absent keys, [] against null, numbers as
// written and every fixed string kept (see shapeOf for the placeholders). The
// response types may be rebuilt freely; these files must not change unless the
// contract is meant to.
func TestWireShapes(t *testing.T) {
	a := newTestApp(t)
	w := newWire(a)
	q := webtest.Questionnaires().Default()
	now := time.Date(2026, 3, 1, 9, 0, 0, 0, time.UTC)
	a.Assessments.Now = func() time.Time { now = now.Add(time.Minute); return now }

	w.check(t, "me-member", 200, a.API("member", "GET", "/api/v1/me", ""))
	w.check(t, "me-admin", 200, a.API("admin", "GET", "/api/v1/me", ""))
	rec := a.API("admin", "POST", "/api/v1/users", `{"email":"new@example.org","name":"New Member","password":"`+
		webtest.Password+`","role":"member","team_id":"`+a.Team1.ID+`"}`)
	newUser := w.learn(t, rec, "user:new")
	w.check(t, "users-create", 201, rec)
	w.check(t, "tokens-create", 201, a.API("anonymous", "POST", "/api/v1/auth/tokens",
		`{"email":"lead@example.org","password":"`+webtest.Password+`"}`))
	w.check(t, "vocabularies", 200, a.API("member", "GET", "/api/v1/vocabularies", ""))
	w.check(t, "questionnaires-list", 200, a.API("member", "GET", "/api/v1/questionnaires", ""))
	w.check(t, "questionnaires-get", 200, a.API("member", "GET", "/api/v1/questionnaires/"+q.ID, ""))

	w.check(t, "organisations-list", 200, a.API("admin", "GET", "/api/v1/organisations", ""))
	w.check(t, "organisations-get", 200, a.API("lead", "GET", "/api/v1/organisations/"+a.Org1.ID, ""))
	rec = a.API("admin", "POST", "/api/v1/organisations", `{"name":"Eastshire Partnership"}`)
	newOrg := w.learn(t, rec, "org:new")
	w.check(t, "organisations-create", 201, rec)
	w.check(t, "organisations-list-member", 200, a.API("member", "GET", "/api/v1/organisations", ""))

	rec = a.API("lead", "POST", "/api/v1/organisations/"+a.Org1.ID+"/teams",
		`{"name":"Memory clinic","setting":"community","specialty":"mental_health","nation":"scotland"}`)
	w.learn(t, rec, "team:new")
	w.check(t, "teams-create", 201, rec)
	w.check(t, "teams-list", 200, a.API("lead", "GET", "/api/v1/organisations/"+a.Org1.ID+"/teams", ""))
	w.check(t, "teams-get", 200, a.API("member", "GET", "/api/v1/teams/"+a.Team1.ID, ""))

	// A draft answered with every kind of value, in part by a user removed since
	// (whose answers lose updated_by_email).
	rec = a.API("member", "POST", "/api/v1/teams/"+a.Team1.ID+"/assessments", `{}`)
	draft := w.learn(t, rec, "assessment:draft")
	w.check(t, "assessments-create", 201, rec)
	w.mustOK(t, a.API("member", "PUT", "/api/v1/assessments/"+draft+"/answers", webtest.AnswersJSON(q, false)))
	tok, _, err := a.Accounts.IssueToken(context.Background(), "new@example.org")
	if err != nil {
		t.Fatal(err)
	}
	a.Tokens["new"] = tok
	w.mustOK(t, a.API("new", "PUT", "/api/v1/assessments/"+draft+"/answers", `{"answers":[{"item_id":"eq-05","level":0}]}`))
	if err := a.Accounts.RemoveUser(context.Background(), a.Users["admin"].Principal(), newUser); err != nil {
		t.Fatal(err)
	}
	w.check(t, "answers-put", 200, a.API("lead", "PUT", "/api/v1/assessments/"+draft+"/answers",
		`{"answers":[{"item_id":"eq-02","status":"dont_know"},{"item_id":"in-03","status":"not_applicable"},`+
			`{"item_id":"eq-04","options":[]}]}`))
	w.check(t, "assessments-get-draft", 200, a.API("member", "GET", "/api/v1/assessments/"+draft, ""))

	// A submitted assessment, and the list of both.
	rec = a.API("member", "POST", "/api/v1/teams/"+a.Team1.ID+"/assessments", `{"questionnaire_id":"`+q.ID+`"}`)
	sub := w.learn(t, rec, "assessment:submitted")
	w.mustOK(t, a.API("member", "PUT", "/api/v1/assessments/"+sub+"/answers", webtest.AnswersJSON(q, false)))
	w.mustOK(t, a.API("lead", "PUT", "/api/v1/assessments/"+sub+"/answers",
		`{"answers":[{"item_id":"pw-02","status":"dont_know"},{"item_id":"in-04","status":"not_applicable"}]}`))
	w.check(t, "submit", 200, a.API("member", "POST", "/api/v1/assessments/"+sub+"/submit", ""))
	w.check(t, "assessments-get-submitted", 200, a.API("lead", "GET", "/api/v1/assessments/"+sub, ""))
	w.check(t, "assessments-list", 200, a.API("lead", "GET", "/api/v1/teams/"+a.Team1.ID+"/assessments", ""))
	w.check(t, "assessments-list-empty", 200, a.API("lead", "GET", "/api/v1/teams/"+a.Team2.ID+"/assessments", ""))
	w.check(t, "teams-list-empty", 200, a.API("admin", "GET", "/api/v1/organisations/"+newOrg+"/teams", ""))

	w.checkErrors(t, draft, sub)
}

// checkErrors pins the error body: with details (422, 400) and without.
func (w *wire) checkErrors(t *testing.T, draft, sub string) {
	a := w.app
	w.check(t, "error-validation", 422, a.API("member", "PUT", "/api/v1/assessments/"+draft+"/answers",
		`{"answers":[{"item_id":"eq-01","level":9},{"item_id":"zz-99","level":1}]}`))
	w.check(t, "error-bad-request", 400, a.API("member", "PUT", "/api/v1/assessments/"+draft+"/answers",
		`{"answers":[{"item_id":"eq-01","level":"three"}]}`))
	w.check(t, "error-malformed", 400, a.API("member", "POST", "/api/v1/organisations", `{"name":`))
	w.check(t, "error-unauthenticated", 401, a.API("anonymous", "GET", "/api/v1/me", ""))
	w.check(t, "error-forbidden", 403, a.API("member", "POST", "/api/v1/organisations", `{"name":"Mine"}`))
	w.check(t, "error-not-found", 404, a.API("other-lead", "GET", "/api/v1/assessments/"+draft, ""))
	w.check(t, "error-conflict", 409, a.API("member", "PUT", "/api/v1/assessments/"+sub+"/answers",
		`{"answers":[{"item_id":"eq-01","level":1}]}`))
	w.check(t, "error-unsupported-media-type", 415, webtest.Serve(a.Handler,
		apiRequest("POST", "/api/v1/organisations", `name=x`, "text/plain", a.Tokens["admin"])))
	incomplete := a.NewDraft().ID
	w.mustOK(t, a.API("member", "PUT", "/api/v1/assessments/"+incomplete+"/answers", `{"answers":[{"item_id":"eq-01","level":2}]}`))
	w.check(t, "error-submit-incomplete", 422, a.API("member", "POST", "/api/v1/assessments/"+incomplete+"/submit", ""))
}

// wire records responses against their golden files.
type wire struct {
	app *webtest.App
	// names are the placeholders of the ids the test knows, so a golden file shows
	// whose id sits where ("<id:user:member>"), not only that an id does.
	names map[string]string
}

func newWire(a *webtest.App) *wire {
	w := &wire{app: a, names: map[string]string{
		a.Org1.ID: "org1", a.Org2.ID: "org2", a.Team1.ID: "team1", a.Team2.ID: "team2", a.Team3.ID: "team3"}}
	for role, u := range a.Users {
		w.names[u.ID] = "user:" + role
	}
	return w
}

// learn names the id of a created resource for the golden files and returns it.
func (w *wire) learn(t *testing.T, rec *httptest.ResponseRecorder, name string) string {
	t.Helper()
	id, _ := webtest.Decode[map[string]any](t, rec)["id"].(string)
	if id == "" {
		t.Fatalf("%s: no id in %d %s", name, rec.Code, rec.Body)
	}
	w.names[id] = name
	return id
}

func (w *wire) mustOK(t *testing.T, rec *httptest.ResponseRecorder) {
	t.Helper()
	if rec.Code != http.StatusOK {
		t.Fatalf("status %d: %s", rec.Code, rec.Body)
	}
}

// check compares a response's status, content type and body shape with
// testdata/wire/name.json, or rewrites that file under -update.
func (w *wire) check(t *testing.T, name string, status int, rec *httptest.ResponseRecorder) {
	t.Helper()
	if rec.Code != status {
		t.Fatalf("%s: status %d, want %d: %s", name, rec.Code, status, rec.Body)
	}
	body, err := shapeOf(rec.Body.Bytes(), w.names)
	if err != nil {
		t.Fatalf("%s: %v: %s", name, err, rec.Body)
	}
	got := "{\n  \"status\": " + itoa(rec.Code) + ",\n  \"content_type\": " + quote(rec.Header().Get("Content-Type")) +
		",\n  \"body\": " + strings.ReplaceAll(body, "\n", "\n  ") + "\n}\n"
	path := filepath.Join("testdata", "wire", name+".json")
	if *update {
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%s: %v (run with -update to create it)", name, err)
	}
	if diff := cmp.Diff(string(want), got); diff != "" {
		t.Errorf("%s: the response changed shape (-golden +got):\n%s", name, diff)
	}
}

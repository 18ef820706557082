package api_test

import (
	"net/http"
	"strings"
	"sync"
	"testing"
	"vcready/internal/web/api"
	"vcready/internal/web/webtest"

	"github.com/labstack/echo/v4"
)

// accessCase is one /api/v1 endpoint and the status each role must get. Bodies may
// contain {role}, replaced by the role's name so that each role's request creates a
// distinct thing. fresh, when set, makes a new path for each request (a new draft to
// answer or submit), so one role's success cannot change the next role's case.
type accessCase struct {
	method, path, body string
	want               map[string]int // by role; see roles
	fresh              func() string
}

// statuses builds a want map in the order of roles: admin, lead, other-lead, member,
// other-member, anonymous.
func statuses(codes ...int) map[string]int {
	m := map[string]int{}
	for i, r := range webtest.Roles {
		m[r] = codes[i]
	}
	return m
}

// TestAPIAccessByRole is the access table: every /api/v1 endpoint for every role.
// Another organisation's resources answer 404, never 403, so ids cannot be probed.
func TestAPIAccessByRole(t *testing.T) {
	t.Parallel()
	app := newTestApp(t)
	o1, o2, t1, t3 := app.Org1.ID, app.Org2.ID, app.Team1.ID, app.Team3.ID
	planFile := planFilePaths(app)
	cases := []accessCase{
		{"GET", "/api/v1/openapi.json", "", statuses(200, 200, 200, 200, 200, 200), nil},
		{"GET", "/api/v1/vocabularies", "", statuses(200, 200, 200, 200, 200, 200), nil},
		{"GET", "/api/v1/open-data/benchmarks", "", statuses(200, 200, 200, 200, 200, 200), nil},
		{"GET", "/api/v1/open-data/benchmarks.csv", "", statuses(200, 200, 200, 200, 200, 200), nil},
		// A token is got with an email and password, whoever asks.
		{"POST", "/api/v1/auth/tokens", `{"email":"member@example.org","password":"` + webtest.Password + `"}`, statuses(201, 201, 201, 201, 201, 201), nil},
		{"GET", "/api/v1/me", "", statuses(200, 200, 200, 200, 200, 401), nil},
		{"GET", "/api/v1/questionnaires", "", statuses(200, 200, 200, 200, 200, 401), nil},
		{"GET", "/api/v1/questionnaires/vc-readiness", "", statuses(200, 200, 200, 200, 200, 401), nil},
		{"GET", "/api/v1/organisations", "", statuses(200, 200, 200, 200, 200, 401), nil},
		{"POST", "/api/v1/organisations", `{"name":"New org by {role}"}`, statuses(201, 403, 403, 403, 403, 401), nil},
		{"GET", "/api/v1/organisations/" + o1, "", statuses(200, 200, 404, 200, 200, 401), nil},
		{"GET", "/api/v1/organisations/" + o2, "", statuses(200, 404, 200, 404, 404, 401), nil},
		{"GET", "/api/v1/organisations/nosuchorganisationxxxxxxx", "", statuses(404, 404, 404, 404, 404, 401), nil},
		{"PATCH", "/api/v1/organisations/" + o1, `{"publish_open_data": true}`, statuses(200, 200, 404, 403, 403, 401), nil},
		{"POST", "/api/v1/organisations/" + o1 + "/teams", `{"name":"Team by {role}","setting":"community","specialty":"podiatry","nation":"england"}`,
			statuses(201, 201, 404, 403, 403, 401), nil},
		{"GET", "/api/v1/organisations/" + o1 + "/teams", "", statuses(200, 200, 404, 403, 403, 401), nil},
		// Exports: as the teams list, for they hold every team's answers.
		{"GET", "/api/v1/organisations/" + o1 + "/assessments.csv", "", statuses(200, 200, 404, 403, 403, 401), nil},
		{"GET", "/api/v1/organisations/" + o1 + "/assessments.xlsx", "", statuses(200, 200, 404, 403, 403, 401), nil},
		{"GET", "/api/v1/organisations/" + o1 + "/comparison.csv", "", statuses(200, 200, 404, 403, 403, 401), nil},
		{"GET", "/api/v1/organisations/" + o1 + "/comparison.xlsx", "", statuses(200, 200, 404, 403, 403, 401), nil},
		{"GET", "/api/v1/organisations/" + o1 + "/comparison", "", statuses(200, 200, 404, 403, 403, 401), nil},
		{"GET", "/api/v1/organisations/" + o1 + "/trend", "", statuses(200, 200, 404, 403, 403, 401), nil},
		{"GET", "/api/v1/teams/" + t1, "", statuses(200, 200, 404, 200, 404, 401), nil},
		{"GET", "/api/v1/teams/" + t3, "", statuses(200, 404, 200, 404, 404, 401), nil},
		{"POST", "/api/v1/users", `{"email":"new-{role}@example.org","password":"` + webtest.Password + `","role":"member","team_id":"` + t1 + `"}`,
			statuses(201, 201, 404, 403, 403, 401), nil},
		{"POST", "/api/v1/users", `{"email":"lead-{role}@example.org","password":"` + webtest.Password + `","role":"lead","organisation_id":"` + o1 + `"}`,
			statuses(201, 201, 404, 403, 403, 401), nil},
		{"POST", "/api/v1/users", `{"email":"admin-{role}@example.org","password":"` + webtest.Password + `","role":"admin"}`,
			statuses(201, 403, 403, 403, 403, 401), nil},

		// Assessments: the team's members and its organisation's leads; nobody else
		// learns that they exist.
		{"POST", "/api/v1/teams/" + t1 + "/assessments", `{}`, statuses(201, 201, 404, 201, 404, 401), nil},
		{"GET", "/api/v1/teams/" + t1 + "/assessments", "", statuses(200, 200, 404, 200, 404, 401), nil},
		{"GET", "/api/v1/assessments/{draft}", "", statuses(200, 200, 404, 200, 404, 401),
			func() string { return "/api/v1/assessments/" + app.NewDraft().ID }},
		{"PUT", "/api/v1/assessments/{draft}/answers", `{"answers": [{"item_id": "eq-01", "level": 2}]}`,
			statuses(200, 200, 404, 200, 404, 401),
			func() string { return "/api/v1/assessments/" + app.NewDraft().ID + "/answers" }},
		{"POST", "/api/v1/assessments/{answered}/submit", "", statuses(200, 200, 404, 200, 404, 401),
			func() string { return "/api/v1/assessments/" + app.NewAnswered().ID + "/submit" }},
		{"GET", "/api/v1/assessments/{submitted}/benchmark", "", statuses(200, 200, 404, 200, 404, 401),
			sync.OnceValue(func() string { return "/api/v1/assessments/" + app.SubmitVia(answersJSON()).ID + "/benchmark" })},
		// Action plans: as the assessment; editing an action as working on the team.
		{"GET", "/api/v1/assessments/{submitted}/action-plan", "", statuses(200, 200, 404, 200, 404, 401),
			sync.OnceValue(func() string { return "/api/v1/assessments/" + app.SubmitVia(answersJSON()).ID + "/action-plan" })},
		{"PATCH", "/api/v1/actions/{id}", `{"notes": "by {role}"}`, statuses(200, 200, 404, 200, 404, 401),
			sync.OnceValue(func() string { return "/api/v1/actions/" + firstActionID(t, app, app.SubmitVia(answersJSON()).ID) })},
		// Its downloads: as the plan; one submitted assessment serves all five, for a
		// download changes nothing.
		{"GET", "/api/v1/assessments/{submitted}/action-plan.csv", "", statuses(200, 200, 404, 200, 404, 401), planFile("csv")},
		{"GET", "/api/v1/assessments/{submitted}/action-plan.xlsx", "", statuses(200, 200, 404, 200, 404, 401), planFile("xlsx")},
		{"GET", "/api/v1/assessments/{submitted}/action-plan.pdf", "", statuses(200, 200, 404, 200, 404, 401), planFile("pdf")},
		{"GET", "/api/v1/assessments/{submitted}/action-plan.md", "", statuses(200, 200, 404, 200, 404, 401), planFile("md")},
		{"GET", "/api/v1/assessments/{submitted}/action-plan.ics", "", statuses(200, 200, 404, 200, 404, 401), planFile("ics")},
	}
	covered := map[string]bool{}
	for _, tc := range cases {
		for _, role := range webtest.Roles {
			path := tc.path
			if tc.fresh != nil {
				path = tc.fresh()
			}
			covered[routeOf(t, tc.method, path)] = true
			body := strings.ReplaceAll(tc.body, "{role}", role)
			rec := app.API(role, tc.method, path, body)
			if want := tc.want[role]; rec.Code != want {
				t.Errorf("%s %s as %s: status %d, want %d (%s)", tc.method, tc.path, role, rec.Code, want, strings.TrimSpace(rec.Body.String()))
			}
			if rec.Code >= 400 {
				if e := webtest.Decode[webtest.APIError](t, rec); e.Error.Code == "" || e.Error.Message == "" {
					t.Errorf("%s %s as %s: error body %s", tc.method, tc.path, role, rec.Body)
				}
			}
		}
	}
	for _, r := range apiRoutes() {
		if !covered[r] {
			t.Errorf("%s has no row in the access table", r)
		}
	}
}

// apiRoutes lists every API route as "METHOD /api/v1/template".
func apiRoutes() []string {
	var out []string
	for _, r := range routerOfTheAPI().Routes() {
		if strings.HasPrefix(r.Path, "/api/v1/") && r.Method != "echo_route_not_found" {
			out = append(out, r.Method+" "+r.Path)
		}
	}
	return out
}

// routeOf names the route template that serves method and path.
func routeOf(t *testing.T, method, path string) string {
	t.Helper()
	e := routerOfTheAPI()
	c := e.NewContext(nil, nil)
	e.Router().Find(method, strings.SplitN(path, "?", 2)[0], c)
	return method + " " + c.Path()
}

// routerOfTheAPI is a router holding just the API's routes, to match paths with.
func routerOfTheAPI() *echo.Echo {
	e := echo.New()
	api.Register(e.Group("/api/v1"), api.Deps{})
	return e
}

// TestCookieAloneCannotChangeAnythingThroughTheAPI: a signed-in browser's cookie is
// ignored for unsafe API methods, so another site cannot use it to make changes.
func TestCookieAloneCannotChangeAnythingThroughTheAPI(t *testing.T) {
	t.Parallel()
	app := newTestApp(t)
	req := webtest.JSONRequest(http.MethodPost, "/api/v1/organisations", `{"name":"Made by a cookie"}`)
	req.AddCookie(app.Session("admin"))
	rec := webtest.Serve(app.Handler, req)
	if rec.Code != http.StatusUnauthorized {
		t.Fatalf("cookie-only POST: %d, want 401", rec.Code)
	}
	orgs := webtest.Decode[[]map[string]any](t, app.API("admin", http.MethodGet, "/api/v1/organisations", ""))
	for _, o := range orgs {
		if o["name"] == "Made by a cookie" {
			t.Fatal("cookie-only POST created an organisation")
		}
	}
	// Reads with a cookie are fine (and harmless).
	req = webtest.JSONRequest(http.MethodGet, "/api/v1/me", "")
	req.AddCookie(app.Session("admin"))
	if rec := webtest.Serve(app.Handler, req); rec.Code != 200 {
		t.Errorf("cookie GET /me: %d", rec.Code)
	}
}

func TestBadTokenIs401(t *testing.T) {
	t.Parallel()
	app := newTestApp(t)
	app.Tokens["forged"] = "vcr_" + strings.Repeat("A", 43)
	for _, path := range []string{"/api/v1/me", "/api/v1/organisations"} {
		rec := app.API("forged", http.MethodGet, path, "")
		if rec.Code != 401 || !strings.Contains(rec.Body.String(), `"unauthenticated"`) {
			t.Errorf("%s with a forged token: %d %s", path, rec.Code, rec.Body)
		}
	}
}

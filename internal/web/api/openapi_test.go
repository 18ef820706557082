package api

import (
	"encoding/json"
	"net/http"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/labstack/echo/v4"
)

var echoParam = regexp.MustCompile(`:([a-zA-Z_]+)`)

// TestOpenAPIDocumentsEveryRoute keeps the published document true: every route
// registered under /api/v1 must appear in it with its method.
func TestOpenAPIDocumentsEveryRoute(t *testing.T) {
	t.Parallel()
	e := echo.New()
	Register(e.Group("/api/v1"), Deps{})
	var doc struct {
		OpenAPI string                                `json:"openapi"`
		Paths   map[string]map[string]json.RawMessage `json:"paths"`
	}
	if err := json.Unmarshal(openAPIDocument, &doc); err != nil {
		t.Fatalf("openapi.json is not JSON: %v", err)
	}
	if !strings.HasPrefix(doc.OpenAPI, "3.") {
		t.Errorf("openapi = %q, want 3.x", doc.OpenAPI)
	}
	n := 0
	for _, r := range e.Routes() {
		if !strings.HasPrefix(r.Path, "/api/v1/") || strings.Contains(r.Path, "*") {
			continue
		}
		if r.Method == echoRouteNotFound || r.Method == http.MethodHead {
			continue
		}
		n++
		p := echoParam.ReplaceAllString(strings.TrimPrefix(r.Path, "/api/v1"), "{$1}")
		ops, ok := doc.Paths[p]
		if !ok {
			t.Errorf("route %s %s: path %s missing from openapi.json", r.Method, r.Path, p)
			continue
		}
		if _, ok := ops[strings.ToLower(r.Method)]; !ok {
			t.Errorf("route %s %s: method missing from openapi.json", r.Method, r.Path)
		}
	}
	if n == 0 {
		t.Fatal("no /api/v1 routes found: the test is not looking at the real router")
	}
}

const echoRouteNotFound = "echo_route_not_found"

// TestOpenAPIReferencesResolve checks that every $ref points at a defined component.
func TestOpenAPIReferencesResolve(t *testing.T) {
	t.Parallel()
	var doc map[string]any
	if err := json.Unmarshal(openAPIDocument, &doc); err != nil {
		t.Fatal(err)
	}
	refs := regexp.MustCompile(`"\$ref":\s*"#/components/(\w+)/(\w+)"`).FindAllStringSubmatch(string(openAPIDocument), -1)
	comps, _ := doc["components"].(map[string]any)
	for _, r := range refs {
		section, _ := comps[r[1]].(map[string]any)
		if _, ok := section[r[2]]; !ok {
			t.Errorf("$ref #/components/%s/%s is not defined", r[1], r[2])
		}
	}
}

var routesFunc = regexp.MustCompile(`(?m)^func \(s \*server\) routes(\w+)\(g \*echo\.Group\)`)

// TestOpenAPIFragmentsFollowTheFiles: each Go file that registers routes has its own
// fragment (openapi/<file>.json; openapi.go's is base.json) documenting exactly the
// paths that file registers, so a new endpoint's documentation lands beside it.
func TestOpenAPIFragmentsFollowTheFiles(t *testing.T) {
	t.Parallel()
	files, err := filepath.Glob("*.go")
	if err != nil {
		t.Fatal(err)
	}
	s := &server{}
	register := map[string]func(*echo.Group){
		"openapi": s.routesOpenAPI, "tokens": s.routesTokens, "users": s.routesUsers,
		"vocabularies": s.routesVocabularies, "questionnaires": s.routesQuestionnaires,
		"organisations": s.routesOrganisations, "teams": s.routesTeams,
		"assessments": s.routesAssessments, "answers": s.routesAnswers,
		"exports":    s.routesExports,
		"opendata":   s.routesOpenData,
		"comparison": s.routesComparison,
		"benchmarks": s.routesBenchmarks,
		"plans":      s.routesPlans,

		// A file named with two words drops the underscore: plan_exports.go has routesPlanExports.
		"plan_exports": s.routesPlanExports,
	}
	seen := 0
	for _, file := range files {
		if strings.HasSuffix(file, "_test.go") {
			continue
		}
		src, err := os.ReadFile(file)
		if err != nil {
			t.Fatal(err)
		}
		name := strings.TrimSuffix(file, ".go")
		for _, m := range routesFunc.FindAllStringSubmatch(string(src), -1) {
			if strings.ToLower(m[1]) != strings.ReplaceAll(name, "_", "") {
				t.Errorf("%s defines routes%s: each file registers its own routes, named after the file", file, m[1])
			}
			seen++
			reg, ok := register[name]
			if !ok {
				t.Errorf("%s registers routes: add it to this test's table", file)
				continue
			}
			checkFragment(t, name, reg)
		}
	}
	if seen != len(register) {
		t.Errorf("found %d routes functions in the files, the table has %d", seen, len(register))
	}
}

// checkFragment compares the paths reg registers with those name's fragment documents.
func checkFragment(t *testing.T, name string, reg func(*echo.Group)) {
	t.Helper()
	e := echo.New()
	reg(e.Group("/api/v1"))
	want := map[string]bool{}
	for _, r := range e.Routes() {
		if strings.HasPrefix(r.Path, "/api/v1/") && r.Method != echoRouteNotFound {
			want[echoParam.ReplaceAllString(strings.TrimPrefix(r.Path, "/api/v1"), "{$1}")] = true
		}
	}
	frag := name
	if name == "openapi" {
		frag = "base"
	}
	var doc struct {
		Paths map[string]json.RawMessage `json:"paths"`
	}
	if err := readJSON(openAPIFragments, "openapi/"+frag+".json", &doc); err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	for p := range want {
		if _, ok := doc.Paths[p]; !ok {
			t.Errorf("%s.go registers %s but openapi/%s.json does not document it", name, p, frag)
		}
	}
	for p := range doc.Paths {
		if !want[p] {
			t.Errorf("openapi/%s.json documents %s, which %s.go does not register", frag, p, name)
		}
	}
}

package api

import (
	"encoding/json"
	"net/http"
	"regexp"
	"strings"
	"testing"

	"github.com/labstack/echo/v4"
)

var echoParam = regexp.MustCompile(`:([a-zA-Z_]+)`)

// TestOpenAPIDocumentsEveryRoute keeps the published document true: every route
// registered under /api/v1 must appear in it with its method.
func TestOpenAPIDocumentsEveryRoute(t *testing.T) {
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

package api

import (
	"embed"
	"encoding/json"
	"fmt"
	"io/fs"
	"net/http"
	"sort"

	"github.com/labstack/echo/v4"
)

// The OpenAPI document describes every route under /api/v1. It is kept as one JSON
// fragment per feature (openapi/*.json: base.json has the info, security and shared
// components) merged at start-up. A test fails when a registered route is missing
// from it, so it stays true.
//
//go:embed openapi/*.json
var openAPIFragments embed.FS

var openAPIDocument = mustBuildOpenAPI()

func (s *server) routesOpenAPI(g *echo.Group) {
	g.GET("/openapi.json", s.handleOpenAPI)
}

func mustBuildOpenAPI() []byte {
	b, err := buildOpenAPI(openAPIFragments)
	if err != nil {
		panic(err) // embedded files: a broken fragment is a build defect, caught by tests
	}
	return b
}

// buildOpenAPI merges base.json with every other fragment's paths and components.
func buildOpenAPI(fsys fs.FS) ([]byte, error) {
	names, _ := fs.Glob(fsys, "openapi/*.json")
	sort.Strings(names)
	var doc map[string]any
	if err := readJSON(fsys, "openapi/base.json", &doc); err != nil {
		return nil, err
	}
	for _, name := range names {
		if name == "openapi/base.json" {
			continue
		}
		var frag map[string]any
		if err := readJSON(fsys, name, &frag); err != nil {
			return nil, err
		}
		if err := mergeInto(doc, frag, name); err != nil {
			return nil, err
		}
	}
	return json.MarshalIndent(doc, "", "  ")
}

func readJSON(fsys fs.FS, name string, v any) error {
	b, err := fs.ReadFile(fsys, name)
	if err != nil {
		return err
	}
	if err := json.Unmarshal(b, v); err != nil {
		return fmt.Errorf("openapi fragment %s: %w", name, err)
	}
	return nil
}

// mergeInto adds frag's paths and components to doc; a key defined twice is an error.
func mergeInto(doc, frag map[string]any, name string) error {
	for _, section := range []string{"paths", "components"} {
		src, _ := frag[section].(map[string]any)
		dst, _ := doc[section].(map[string]any)
		if dst == nil {
			dst = map[string]any{}
			doc[section] = dst
		}
		for k, v := range src {
			if section == "components" {
				sub, _ := dst[k].(map[string]any)
				if sub == nil {
					sub = map[string]any{}
					dst[k] = sub
				}
				for kk, vv := range v.(map[string]any) {
					if _, dup := sub[kk]; dup {
						return fmt.Errorf("openapi fragment %s: components.%s.%s defined twice", name, k, kk)
					}
					sub[kk] = vv
				}
				continue
			}
			if _, dup := dst[k]; dup {
				return fmt.Errorf("openapi fragment %s: path %s defined twice", name, k)
			}
			dst[k] = v
		}
	}
	return nil
}

func (s *server) handleOpenAPI(c echo.Context) error {
	c.Response().Header().Set("Cache-Control", "no-cache")
	return c.JSONBlob(http.StatusOK, openAPIDocument)
}

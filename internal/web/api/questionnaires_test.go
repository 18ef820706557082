package api_test

import (
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
)

func TestQuestionnaireAPI(t *testing.T) {
	t.Parallel()
	app := newTestApp(t)
	get := func(path string) *httptest.ResponseRecorder { return app.API("member", http.MethodGet, path, "") }
	if rec := app.API("anonymous", http.MethodGet, "/api/v1/questionnaires", ""); rec.Code != 401 {
		t.Errorf("anonymous list: %d, want 401", rec.Code)
	}
	rec := get("/api/v1/questionnaires")
	var list []struct {
		ID, Version, Title, Hash string
		Default                  bool
	}
	if err := json.Unmarshal(rec.Body.Bytes(), &list); err != nil || rec.Code != 200 {
		t.Fatalf("list: %d %v %s", rec.Code, err, rec.Body)
	}
	if len(list) == 0 || list[0].ID != "vc-readiness" || len(list[0].Hash) != 64 || !list[0].Default {
		t.Fatalf("list = %+v", list)
	}

	rec = get("/api/v1/questionnaires/vc-readiness")
	if rec.Code != 200 {
		t.Fatalf("get: %d %s", rec.Code, rec.Body)
	}
	var q struct {
		ID, Version, Title, Hash string
		Considerations           []struct {
			Key    string
			Weight float64
			Items  []map[string]any
		}
	}
	if err := json.Unmarshal(rec.Body.Bytes(), &q); err != nil {
		t.Fatal(err)
	}
	if len(q.Considerations) != 6 || q.Considerations[0].Key != "equity" || q.Hash != list[0].Hash {
		t.Fatalf("definition = %+v", q)
	}
	// Every item carries the documented fields; scale items carry five levels.
	for _, c := range q.Considerations {
		for _, it := range c.Items {
			for _, f := range []string{"id", "type", "text", "help", "weight", "max", "allow_na"} {
				if _, ok := it[f]; !ok {
					t.Errorf("item %v lacks %q", it["id"], f)
				}
			}
			if it["type"] == "scale" {
				if levels, _ := it["levels"].([]any); len(levels) != 5 || it["max"] != float64(4) {
					t.Errorf("scale item %v: %d levels, max %v", it["id"], len(levels), it["max"])
				}
			}
		}
	}

	rec = get("/api/v1/questionnaires/nope")
	if rec.Code != 404 || !strings.Contains(rec.Body.String(), "not_found") {
		t.Errorf("unknown id: %d %s", rec.Code, rec.Body)
	}
}

package api_test

import (
	"net/http"
	"strings"
	"testing"
	"vcready/internal/web/webtest"
)

func TestAPIValidationNamesFields(t *testing.T) {
	t.Parallel()
	app := newTestApp(t)
	rec := app.API("admin", http.MethodPost, "/api/v1/organisations/"+app.Org1.ID+"/teams", `{"name":"X","setting":"moon","specialty":"physiotherapy","nation":"mars"}`)
	body := rec.Body.String()
	if rec.Code != 422 || !strings.Contains(body, `"field":"setting"`) || !strings.Contains(body, `"field":"nation"`) {
		t.Fatalf("bad vocab: %d %s", rec.Code, body)
	}
	teams := webtest.Decode[[]struct {
		Name string `json:"name"`
	}](t, app.API("admin", http.MethodGet, "/api/v1/organisations/"+app.Org1.ID+"/teams", ""))
	if len(teams) == 0 {
		t.Fatal("no teams listed")
	}
	for _, tm := range teams {
		if tm.Name == "X" {
			t.Fatal("an invalid team was stored")
		}
	}
	rec = app.API("admin", http.MethodPost, "/api/v1/users", `{"email":"MEMBER@example.org","password":"`+webtest.Password+`","role":"member","team_id":"`+app.Team1.ID+`"}`)
	if rec.Code != 422 || !strings.Contains(rec.Body.String(), `"field":"email"`) {
		t.Errorf("duplicate email (other case): %d %s", rec.Code, rec.Body)
	}
	rec = app.API("admin", http.MethodPost, "/api/v1/users", `{"email":"x@example.org","password":"password1234","role":"member","team_id":"`+app.Team1.ID+`"}`)
	if rec.Code != 422 || !strings.Contains(rec.Body.String(), `"field":"password"`) {
		t.Errorf("common password: %d %s", rec.Code, rec.Body)
	}
}

package web

import (
	"strings"
	"testing"
)

func TestHomeLinksToEachRolesStartingPage(t *testing.T) {
	t.Parallel()
	app := newTestApp(t)
	cases := map[string]string{
		"admin":  `href="/admin" role="button"`,
		"lead":   `href="/organisations/` + app.Org1.ID + `" role="button"`,
		"member": `href="/teams/` + app.Team1.ID + `" role="button"`,
	}
	for role, want := range cases {
		if body := app.Page(role, "/").Body.String(); !strings.Contains(body, want) {
			t.Errorf("home as %s lacks %s", role, want)
		}
	}
	if body := app.Page("anonymous", "/").Body.String(); !strings.Contains(body, `href="/sign-in" role="button"`) {
		t.Error("home signed out lacks the sign-in button")
	}
}

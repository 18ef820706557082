package web

import (
	"strings"
	"testing"
)

func TestTeamPageGivesLeadsTheirTools(t *testing.T) {
	t.Parallel()
	app := newTestApp(t)
	path := "/teams/" + app.Team1.ID
	lead := app.Page("lead", path).Body.String()
	for _, want := range []string{"nhsuk-breadcrumb", "/teams/" + app.Team1.ID + "/edit", "invitations/new?team=" + app.Team1.ID} {
		if !strings.Contains(lead, want) {
			t.Errorf("lead's team page lacks %s", want)
		}
	}
	member := app.Page("member", path).Body.String()
	if strings.Contains(member, "/edit") || strings.Contains(member, "nhsuk-breadcrumb") {
		t.Error("a member's team page offers lead tools")
	}
}

package web

import (
	"net/http/httptest"
	"testing"

	"github.com/chromedp/chromedp"

	"vcready/internal/assessment"
	"vcready/internal/browsertest"
	"vcready/internal/web/webtest"
)

// TestComparisonInABrowser: the comparison page (with charts), its error state and the
// settings page pass axe-core, and at 320 CSS pixels wide the comparison page does not
// scroll sideways (its table scrolls inside its own region).
func TestComparisonInABrowser(t *testing.T) {
	t.Parallel()
	if testing.Short() {
		t.Skip("browser test skipped in -short mode")
	}
	app := comparisonApp(t)
	app.SubmitScoredAt("lead", app.Team2.ID, november)
	for _, name := range []string{"Podiatry", "Dietetics"} {
		team := webtest.Must(app.Assessments.CreateTeam(t.Context(), app.Users["lead"].Principal(), app.Org1.ID,
			assessment.TeamInput{Name: name, Setting: "community", Specialty: "other", Nation: "england"}))
		app.SubmitScoredAt("lead", team.ID, november, "equity", "pathways")
	}
	ts := httptest.NewServer(app.srv)
	defer ts.Close()
	ctx := browsertest.New(t)
	step := browsertest.NewSteps(t, ctx, ts.URL)
	step.Visit("/sign-in", "Sign in")
	step.Fill("#email", "lead@example.org").Fill("#password", webtest.Password)
	step.Submit("main form button", "Northshire Health", "organisation overview with scores")

	org := "/organisations/" + app.Org1.ID
	step.Visit(org+"/comparison?sort=equity&dir=desc", "Compare teams")
	step.Check("comparison page")
	step.Visit(org+"/comparison?setting=moon_base", "Error: Compare teams")
	step.Check("comparison page with a bad filter")
	step.Visit(org+"/settings", "Organisation settings")
	step.Check("organisation settings")
	step.Submit("main form button", "Organisation settings", "organisation settings saved")

	if err := chromedp.Do(ctx, chromedp.EmulateViewport(320, 800)); err != nil {
		t.Fatal(err)
	}
	step.Visit(org+"/comparison", "Compare teams")
	if w := step.Eval("String(document.documentElement.scrollWidth)"); w != "320" {
		t.Errorf("at 320px the page is %s px wide: it scrolls sideways; widest: %s", w, step.Eval(`[...document.querySelectorAll("body *")].filter(e => e.getBoundingClientRect().right > 321).slice(0, 8).map(e => e.tagName + "." + e.className + "#" + e.id + ":" + Math.round(e.getBoundingClientRect().right)).join(" ")`))
	}
	step.Check("comparison page at 320px")
}

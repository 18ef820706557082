package web

import (
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"vcready/internal/browsertest"
	"vcready/internal/demo"
)

// TestDemoLeadJourneyInABrowser is the improvement lead's journey through the demo
// data, with JavaScript on and then off: sign in, open the comparison, sort it, filter
// it, open a team, open its results, compare them with teams of the same setting, and download every export with the browser's
// own session. axe-core checks every page and state on the way.
func TestDemoLeadJourneyInABrowser(t *testing.T) {
	t.Parallel()
	if testing.Short() {
		t.Skip("browser test skipped in -short mode")
	}
	a := newTestApp(t)
	seeded, err := demo.Seed(t.Context(), a.Accounts, a.Assessments, time.Now())
	if err != nil {
		t.Fatal(err)
	}
	org := seeded.Organisations[0].Organisation
	ts := httptest.NewServer(a.Handler)
	defer ts.Close()
	for _, js := range []bool{true, false} {
		name := map[bool]string{true: "demo-js-", false: "demo-nojs-"}[js]
		t.Run(strings.TrimSuffix(name, "-"), func(t *testing.T) {
			step := browsertest.NewSteps(t, browsertest.New(t), ts.URL)
			step.Prefix = name
			if !js {
				step.Scripts(false)
				step.NoJS = true
			}
			step.Visit("/sign-in", "Sign in")
			step.Fill("#email", demo.LeadEmail).Fill("#password", seeded.Password)
			step.Submit("main form button", org.Name, "organisation")
			step.Submit(`a[href="/organisations/`+org.ID+`/comparison"]`, "Compare teams", "comparison")
			step.Submit(`th a[href*="sort=equity"]`, "Compare teams", "comparison sorted by equity")
			if got := step.Eval(`document.querySelector('th[aria-sort]').textContent`); !strings.HasPrefix(got, "Equity") {
				t.Errorf("sorted column = %q", got)
			}
			step.Fill("#setting", "community")
			step.Submit(`form[action$="/comparison"] button`, "Compare teams", "comparison filtered to community")
			if p := step.Path(); !strings.Contains(p, "setting=community") || !strings.Contains(p, "sort=equity") {
				t.Errorf("filtered path %s: the filter or the sort was lost", p)
			}
			team := step.Text(`tbody th a[href^="/teams/"]`)
			step.Submit(`tbody th a[href^="/teams/"]`, team, "team page")
			step.Submit(`a[href$="/results"]`, "Your results", "results page")
			step.Fill("#cohort", "setting")
			step.Submit(`form:has(#cohort) button`, "Your results", "results compared with the same setting")
			if p := step.Path(); !strings.Contains(p, "cohort=setting") {
				t.Errorf("cohort switch landed on %s", p)
			}
			step.WantText("main", "How you compare")
			if js {
				checkPrintedResults(t, step)
			}
			// The downloads are fetched by the page with the browser's session (scripts
			// on just for that, as a person's download needs none).
			step.Scripts(true)
			for _, path := range []string{"assessments.csv", "assessments.xlsx", "comparison.csv", "comparison.xlsx"} {
				url := "/api/v1/organisations/" + org.ID + "/" + path
				got := step.Await(`fetch("` + url + `").then(r => r.status + " " + r.headers.get("Content-Disposition"))`)
				if !strings.HasPrefix(got, "200 attachment") {
					t.Errorf("download %s: %s", path, got)
				}
			}
		})
	}
}

// checkPrintedResults prints the results page as a person would (the browser's print
// styles, with every details section opened by the page's beforeprint handler) and
// checks what the paper says: the scores and the comparison, without navigation,
// forms or "(Link: ...)" after every link.
func checkPrintedResults(t *testing.T, step *browsertest.Steps) {
	t.Helper()
	step.Eval(`(window.dispatchEvent(new Event('beforeprint')), "")`)
	pdf, err := browsertest.PrintPDF(step.Ctx)
	if err != nil {
		t.Fatal(err)
	}
	text := browsertest.PDFText(t, pdf)
	for _, want := range []string{"Your results", "Overall score", "Scores for each area", "How you compare"} {
		if !strings.Contains(text, want) {
			t.Errorf("printed results lack %q", want)
		}
	}
	for _, noise := range []string{"(Link:", "Sign out", "Your organisation", "Compare with", "Skip to main content"} {
		if strings.Contains(text, noise) {
			t.Errorf("printed results show %q", noise)
		}
	}
	step.Eval(`(window.dispatchEvent(new Event('afterprint')), "")`)
}

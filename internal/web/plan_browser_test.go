package web

import (
	"context"
	"net/http/httptest"
	"strings"
	"testing"

	"vcready/internal/assessment"
	"vcready/internal/browsertest"
	"vcready/internal/web/webtest"
)

// TestPlanInABrowser is a member's work on the action plan, with JavaScript on and
// then off: open the plan from the results, filter it by owner, change an action
// (a due date of 30 February first, then a real one), read its history, and print
// the plan. axe-core checks every page and state on the way. The exports' downloads
// are checked where the export endpoints are built.
func TestPlanInABrowser(t *testing.T) {
	t.Parallel()
	if testing.Short() {
		t.Skip("browser test skipped in -short mode")
	}
	for _, js := range []bool{true, false} {
		name := map[bool]string{true: "plan-js-", false: "plan-nojs-"}[js]
		t.Run(strings.TrimSuffix(name, "-"), func(t *testing.T) {
			a, sub, plan := planApp(t)
			owner := "Sam Jones"
			for _, act := range plan.Actions[:2] {
				webtest.Must(a.Assessments.UpdateAction(context.Background(), a.Users["member"].Principal(), act.ID, assessment.ActionUpdate{Owner: &owner}))
			}
			ts := httptest.NewServer(a.Handler)
			defer ts.Close()
			step := browsertest.NewSteps(t, browsertest.New(t), ts.URL)
			step.Prefix = name
			if !js {
				step.Scripts(false)
				step.NoJS = true
			}
			step.Visit("/sign-in", "Sign in")
			step.Fill("#email", "member@example.org").Fill("#password", webtest.Password)
			step.Submit("main form button", "Physio outpatients", "team page")
			step.Visit("/assessments/"+sub.ID+"/results", "Your results")
			step.Submit(`main a[href$="/plan"]`, "Your action plan", "plan page")
			step.WantText("main", "Your action plan", "If you finish your 5 do-first actions", "Download as PDF")

			step.Fill("#owner", owner)
			step.Submit(`form[method="get"] button`, "Your action plan", "plan filtered by owner")
			step.WantText("#plan-count", "Showing 2 of "+itoa(len(plan.Actions))+" actions")
			if p := step.Path(); !strings.Contains(p, "owner=Sam+Jones") {
				t.Errorf("filtered path %s", p)
			}

			act := plan.Actions[0]
			step.Submit(`a[href="/actions/`+act.ID+`/edit"]`, "Change action", "action form")
			step.Fill("#due-day", "30").Fill("#due-month", "2").Fill("#due-year", "2027")
			step.ClickScript("#status-in_progress")
			step.Submit("main form button", "Error: Change action", "action form with an impossible date")
			step.WantText(".nhsuk-error-summary", "Enter a real due date")
			step.Fill("#due-day", "27").Fill("#due-month", "3")
			step.Submit("main form button", "Your action plan", "plan after the change")
			step.WantText("main", "Action saved")
			step.WantText("#action-"+act.ID, "27 March 2027", "In progress", "Sam Jones")

			step.Click("#action-" + act.ID + " summary")
			step.WantText("#action-"+act.ID+" .nhsuk-details__text", "You changed status from “Not started” to “In progress”",
				"You changed due date from “Not set” to “27 March 2027”")
			step.Check("plan with the change history open")
			step.Click("#action-" + act.ID + " summary") // closed again: printing opens it
			checkPrintedPlan(t, step, plan, js)
			downloadEveryPlanExport(t, step)
		})
	}
}

// checkPrintedPlan prints the plan as a person would and checks the paper: the
// actions and the change history, without navigation, the filter form, the exports
// or "(Link: ...)" after every link.
func checkPrintedPlan(t *testing.T, step *browsertest.Steps, plan *assessment.Plan, js bool) {
	t.Helper()
	if js {
		step.Eval(`(window.dispatchEvent(new Event('beforeprint')), "")`)
	} else {
		step.Click("#action-" + plan.Actions[0].ID + " summary") // no script opens it
	}
	pdf, err := browsertest.PrintPDF(step.Ctx)
	if err != nil {
		t.Fatal(err)
	}
	text := strings.Join(strings.Fields(browsertest.PDFText(t, pdf)), " ")
	want := []string{"Your action plan", "Do first", "All actions, by area", "changed status from",
		strings.Join(strings.Fields(plan.Actions[0].Text), " ")}
	for _, w := range want {
		if !strings.Contains(text, w) {
			t.Errorf("printed plan lacks %q", w)
		}
	}
	for _, noise := range []string{"(Link:", "Sign out", "Skip to main content", "Filter actions", "Download as", "Back to your results"} {
		if strings.Contains(text, noise) {
			t.Errorf("printed plan shows %q", noise)
		}
	}
	if js {
		step.Eval(`(window.dispatchEvent(new Event('afterprint')), "")`)
	}
}

// downloadEveryPlanExport follows each export link of the plan page with the
// browser's own session (scripts on just for the fetch, as a person's download needs
// none) and checks each answers with an attachment of its format.
func downloadEveryPlanExport(t *testing.T, step *browsertest.Steps) {
	t.Helper()
	step.Scripts(true)
	got := step.Await(`Promise.all([...document.querySelectorAll('a[href*="/action-plan."]')].map(a =>
		fetch(a.href).then(r => a.getAttribute('href').split('.').pop() + " " + r.status + " " +
			r.headers.get("Content-Type") + " " + (r.headers.get("Content-Disposition") || "")))).then(xs => xs.join("\n"))`)
	lines := strings.Split(got, "\n")
	want := map[string]string{"csv": "text/csv", "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
		"pdf": "application/pdf", "md": "text/markdown", "ics": "text/calendar"}
	seen := map[string]bool{}
	for _, l := range lines {
		f := strings.Fields(l)
		if len(f) < 4 {
			t.Errorf("download: %q", l)
			continue
		}
		seen[f[0]] = true
		if f[1] != "200" || !strings.HasPrefix(f[2], want[f[0]]) || !strings.Contains(l, "attachment") {
			t.Errorf("download %s: %s", f[0], l)
		}
	}
	for ext := range want {
		if !seen[ext] {
			t.Errorf("the plan page has no %s download (links: %q)", ext, got)
		}
	}
}

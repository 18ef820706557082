package web

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"

	"vcready/internal/browsertest"
	"vcready/internal/questionnaire"
	"vcready/internal/report"
	"vcready/internal/web/webtest"
)

// TestAssessmentInABrowser is the whole job in Chromium: a member signs in, starts an
// assessment, answers the first area with the keyboard alone, saves and comes back
// later after signing out, meets and fixes validation errors, tries to submit with a
// question unanswered, submits and reads the results. axe-core checks every page
// state on the way, error states included.
func TestAssessmentInABrowser(t *testing.T) {
	if testing.Short() {
		t.Skip("browser test skipped in -short mode")
	}
	app := newTestApp(t)
	ts := httptest.NewServer(app.srv)
	defer ts.Close()
	f := &assessmentFlow{t: t, ctx: browsertest.New(t), base: ts.URL}
	q := webtest.Questionnaires().Default()
	app.SubmitVia(webtest.AnswersJSON(q, true)) // an earlier result to compare with

	f.signIn("team page")
	f.submit(`form[action$="/assessments"] button`, "Your team’s self-assessment", "task list new")
	id := strings.TrimPrefix(strings.Split(f.path(), "?")[0], "/assessments/")
	f.submit(`a[href$="/considerations/equity"]`, "Equity of access", "equity page")
	f.answerEquityWithTheKeyboard()
	f.wantText("main", "Your answers have been saved", "8 of 8 required questions answered")
	f.wantText("#task-2-status", "Not started")
	f.check("task list after saving")

	f.submit(".nhsuk-header__account-button", "You have signed out", "signed out")
	f.signIn("team page with a draft")
	f.submit(`a[href="/assessments/`+id+`"]`, "Your team’s self-assessment", "task list resumed")
	f.wantText("#task-1-status", "Completed")

	// A figure out of range: the page comes back with an error summary, focused.
	f.submit(`a[href$="/considerations/pathways"]`, "Pathway redesign", "pathways page")
	f.answerByClicking(q, "pathways")
	f.fill("#pw-08", "150")
	f.submit(`button[value="continue"]`, "Error: Pathway redesign", "pathways error")
	f.wantText(".nhsuk-error-summary", "Question 8: enter a number from 0 to 100")
	if cls := f.eval("document.activeElement.className"); !strings.Contains(cls, "nhsuk-error-summary") {
		t.Errorf("focus after an error is on %q, want the error summary", cls)
	}
	f.fill("#pw-08", "15")
	f.submit(`button[value="continue"]`, "Infrastructure", "infrastructure page")

	// The other areas by clicking, leaving one question out, then "Check your answers".
	for _, key := range []string{"infrastructure", "wellbeing", "evidence", "shared_learning"} {
		f.answerByClicking(q, key, "sl-06")
		next := "Check your answers"
		if key != "shared_learning" {
			qc := nextConsideration(q, key)
			next = qc.Title
		}
		f.submit(`button[value="continue"]`, next, "after "+key)
	}
	f.submit(`form[action$="/submit"] button`, "Error: Check your answers", "submit with a question unanswered")
	f.wantText(".nhsuk-error-summary", "Answer question 6 in Shared learning")
	f.submit(`.nhsuk-error-summary a[href$="#sl-06"]`, "Shared learning", "unanswered question")
	if hash := f.eval("location.hash"); hash != "#sl-06" {
		t.Errorf("error summary link went to %q, want #sl-06", hash)
	}
	f.click(`label[for="sl-06-3"]`)
	f.submit(`button[value="continue"]`, "Check your answers", "check answers complete")
	f.submit(`form[action$="/submit"] button`, "Your results", "results")
	f.wantResults(app, id)
	f.wantText("main table", "Change since last assessment")
	f.click(`section[aria-labelledby="area-equity"] details summary`)
	f.check("results with how the score was made")
}

// TestAssessmentWithoutJavaScript: the forms need no JavaScript. With scripts off a
// checklist lets someone tick an option and "Don't know" together; the server says so
// and nothing is saved until it is fixed.
func TestAssessmentWithoutJavaScript(t *testing.T) {
	if testing.Short() {
		t.Skip("browser test skipped in -short mode")
	}
	app := newTestApp(t)
	ts := httptest.NewServer(app.srv)
	defer ts.Close()
	f := &assessmentFlow{t: t, ctx: browsertest.New(t), base: ts.URL}
	f.noJS = true
	f.scripts(false)

	f.signIn("no-JS team page")
	if js := f.eval("String(document.body.classList.contains('js-enabled'))"); js != "false" {
		t.Fatalf("the page ran its scripts (js-enabled = %s)", js)
	}
	f.submit(`form[action$="/assessments"] button`, "Your team’s self-assessment", "no-JS task list")
	id := strings.TrimPrefix(strings.Split(f.path(), "?")[0], "/assessments/")
	f.submit(`a[href$="/considerations/equity"]`, "Equity of access", "no-JS equity page")
	f.click(`label[for="eq-01-4"]`).click(`label[for="eq-04"]`).click(`label[for="eq-04-9"]`) // an option and Don't know
	f.submit(`button[value="continue"]`, "Error: Equity of access", "no-JS checklist error")
	f.wantText("#eq-04-error", "Question 4: select what your team has in place, or select only one of")
	if n := len(app.answersOf(id)); n != 0 {
		t.Fatalf("a page with an error saved %d answers", n)
	}
	f.click(`label[for="eq-04-9"]`) // untick Don't know
	f.submit(`button[value="later"]`, "Your team’s self-assessment", "no-JS saved")
	f.wantText("main", "Your answers have been saved", "2 of 8 required questions answered")
	f.submit(`a[href$="/check"]`, "Check your answers", "no-JS check answers")
	f.submit(`form[action$="/submit"] button`, "Error: Check your answers", "no-JS submit errors")
	if got := app.answersOf(id); *got["eq-01"].Level != 3 || got["eq-04"].Options[0] != "access-needs" {
		t.Errorf("answers = %+v", got)
	}
}

// assessmentFlow drives one browser through the assessment pages; each step fails
// the test with what it was doing.
type assessmentFlow struct {
	t    *testing.T
	ctx  context.Context
	base string
	// noJS: the page's scripts are off. They are switched on only while axe runs on
	// a page already loaded without them, so axe sees the no-JavaScript page.
	noJS bool
}

// scripts switches the page's JavaScript on or off.
func (f *assessmentFlow) scripts(on bool) {
	f.t.Helper()
	_, err := chromedp.Call(f.ctx, emulation.SetScriptExecutionDisabled, emulation.SetScriptExecutionDisabledParams{Value: !on})
	if err != nil {
		f.t.Fatalf("switch scripts on=%v: %v", on, err)
	}
}

func (f *assessmentFlow) signIn(label string) {
	f.t.Helper()
	if err := browsertest.Go(f.ctx, f.base+"/sign-in"); err != nil {
		f.t.Fatal(err)
	}
	f.fill("#email", "member@example.org").fill("#password", webtest.Password)
	f.submit("main form button", "Physio outpatients", label)
}

// submit clicks a link or button, waits for the next page, checks its title and
// runs axe on it.
func (f *assessmentFlow) submit(sel, wantTitle, label string) {
	f.t.Helper()
	if err := browsertest.ClickAndWait(f.ctx, sel); err != nil {
		f.t.Fatalf("%s: %v", label, err)
	}
	f.wantTitle(wantTitle, label)
	f.check(label)
}

func (f *assessmentFlow) check(label string) {
	f.t.Helper()
	if f.noJS {
		f.scripts(true) // axe itself is a script
		defer f.scripts(false)
	}
	browsertest.CheckA11y(f.t, f.ctx, label)
	browsertest.Screenshot(f.t, f.ctx, "assessment-"+strings.ReplaceAll(label, " ", "-"))
}

func (f *assessmentFlow) wantTitle(want, label string) {
	f.t.Helper()
	if title := f.eval("document.title"); !strings.HasPrefix(title, want) {
		f.t.Fatalf("%s: title %q, want it to start with %q", label, title, want)
	}
}

func (f *assessmentFlow) wantText(sel string, want ...string) {
	f.t.Helper()
	text, err := browsertest.Text(f.ctx, sel)
	if err != nil {
		f.t.Fatalf("text of %s: %v", sel, err)
	}
	for _, w := range want {
		if !strings.Contains(text, w) {
			f.t.Errorf("%s does not say %q: %.300s", sel, w, text)
		}
	}
}

func (f *assessmentFlow) eval(expr string) string {
	f.t.Helper()
	v, err := browsertest.Eval[string](f.ctx, expr)
	if err != nil {
		f.t.Fatalf("eval %s: %v", expr, err)
	}
	return v
}

func (f *assessmentFlow) path() string { return f.eval("location.pathname + location.search") }

func (f *assessmentFlow) fill(sel, value string) *assessmentFlow {
	f.t.Helper()
	if err := browsertest.Fill(f.ctx, sel, value); err != nil {
		f.t.Fatalf("fill %s: %v", sel, err)
	}
	return f
}

// click clicks an element as a person would, with the mouse.
func (f *assessmentFlow) click(sel string) *assessmentFlow {
	f.t.Helper()
	if err := chromedp.Do(f.ctx, chromedp.Click(chromedp.CSS(sel))); err != nil {
		f.t.Fatalf("click %s: %v", sel, err)
	}
	return f
}

// answerByClicking answers every question of an area with the mouse, except skip:
// the third level of each scale, the second option of a choice, the first box of a
// checklist, a figure and a sentence.
func (f *assessmentFlow) answerByClicking(q *questionnaire.Questionnaire, key string, skip ...string) {
	f.t.Helper()
	qc, _ := q.Consideration(key)
	for _, it := range qc.Items {
		switch {
		case strings.Contains(strings.Join(skip, " "), it.ID):
		case it.Type == questionnaire.TypeScale:
			f.click(`label[for="` + it.ID + `-3"]`)
		case it.Type == questionnaire.TypeChoice:
			f.click(`label[for="` + it.ID + `-2"]`)
		case it.Type == questionnaire.TypeChecklist:
			f.click(`label[for="` + it.ID + `"]`)
		case it.Type == questionnaire.TypeNumber:
			f.fill("#"+it.ID, "25")
		case it.Type == questionnaire.TypeText:
			f.fill("#"+it.ID, "Practice calls before the first appointment help.")
		}
	}
}

func nextConsideration(q *questionnaire.Questionnaire, key string) questionnaire.Consideration {
	for i, c := range q.Considerations {
		if c.Key == key {
			return q.Considerations[i+1]
		}
	}
	return questionnaire.Consideration{}
}

// answerEquityWithTheKeyboard answers the first area with Tab, the arrow keys,
// Space and typing alone, then presses Enter on "Save and come back later".
func (f *assessmentFlow) answerEquityWithTheKeyboard() {
	f.t.Helper()
	for _, item := range []struct {
		name  string
		level int
	}{{"eq-01", 3}, {"eq-02", 2}, {"eq-03", 0}} {
		f.tabTo("document.activeElement.name === '" + item.name + "'")
		f.keys(strings.Repeat(kb.ArrowDown, item.level))
		if item.level == 0 {
			f.keys(" ")
		}
	}
	f.tabTo("document.activeElement.name === 'eq-04'")
	f.keys(" " + kb.Tab + kb.Tab + " ") // tick the first and third boxes
	for _, name := range []string{"eq-05", "eq-06", "eq-07", "eq-08"} {
		f.tabTo("document.activeElement.name === '" + name + "'")
		f.keys(kb.ArrowDown)
	}
	f.tabTo("document.activeElement.id === 'eq-09'")
	f.keys("40")
	f.tabTo("document.activeElement.value === 'later'")
	if err := chromedp.Do(f.ctx, chromedp.Evaluate[chromedp.Void]("window.__vcreadyOld = true")); err != nil {
		f.t.Fatal(err)
	}
	f.keys(kb.Enter)
	f.waitForTitle("Your team’s self-assessment")
}

func (f *assessmentFlow) keys(keys string) {
	f.t.Helper()
	if err := chromedp.Do(f.ctx, chromedp.KeyEvent(keys)); err != nil {
		f.t.Fatalf("keys %q: %v", keys, err)
	}
}

// tabTo presses Tab until the JavaScript condition about the focused element holds.
func (f *assessmentFlow) tabTo(cond string) {
	f.t.Helper()
	for range 80 {
		if f.eval("String("+cond+")") == "true" {
			return
		}
		f.keys(kb.Tab)
	}
	f.t.Fatalf("Tab never reached an element where %s (focus is on %s)", cond,
		f.eval("document.activeElement.outerHTML.slice(0, 120)"))
}

func (f *assessmentFlow) waitForTitle(want string) {
	f.t.Helper()
	for range 200 {
		if v, err := browsertest.Eval[string](f.ctx, "window.__vcreadyOld ? '' : document.readyState + ' ' + document.title"); err == nil &&
			strings.HasPrefix(v, "complete "+want) {
			return
		}
		if err := chromedp.Do(f.ctx, chromedp.Sleep(50*time.Millisecond)); err != nil {
			f.t.Fatal(err)
		}
	}
	f.t.Fatalf("no page titled %q loaded", want)
}

// wantResults checks the results page against the scores the API gives.
func (f *assessmentFlow) wantResults(app *testApp, id string) {
	f.t.Helper()
	rec := app.API("member", http.MethodGet, "/api/v1/assessments/"+id, "")
	got := webtest.Decode[webtest.Assessment](f.t, rec)
	if got.Status != "submitted" {
		f.t.Fatalf("status = %s", got.Status)
	}
	if role := f.eval("document.querySelector('svg.app-chart').getAttribute('role')"); role != "img" {
		f.t.Errorf("chart role = %q", role)
	}
	table, err := browsertest.Text(f.ctx, "main table")
	if err != nil {
		f.t.Fatal(err)
	}
	for _, c := range got.Scores.Considerations {
		if !strings.Contains(table, report.Score(c.Score)) {
			f.t.Errorf("results table lacks %s score %s: %s", c.Key, report.Score(c.Score), table)
		}
	}
	f.wantText(".app-overall-score", fmt.Sprint(report.Score(got.Scores.Overall)))
}

package web

import (
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

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
	t.Parallel()
	if testing.Short() {
		t.Skip("browser test skipped in -short mode")
	}
	app := newTestApp(t)
	ts := httptest.NewServer(app.srv)
	defer ts.Close()
	f := newAssessmentFlow(t, ts.URL)
	q := webtest.Questionnaires().Default()
	app.SubmitVia(webtest.AnswersJSON(q, true)) // an earlier result to compare with
	for i := range 5 {                          // other teams to benchmark against, in team 1's setting
		app.SubmitForTeam(app.AddTeam(app.Org2.ID, fmt.Sprintf("Ward %d", i), "secondary_care", "podiatry", "wales"), webtest.AnswersJSON(q, true))
	}

	f.signIn("team page")
	f.Submit(`form[action$="/assessments"] button`, "Your team’s self-assessment", "task list new")
	id := strings.TrimPrefix(strings.Split(f.Path(), "?")[0], "/assessments/")
	f.Submit(`a[href$="/considerations/equity"]`, "Equity of access", "equity page")
	f.answerEquityWithTheKeyboard()
	f.WantText("main", "Your answers have been saved", "8 of 8 required questions answered")
	f.WantText("#task-2-status", "Not started")
	f.Check("task list after saving")

	f.Submit(".nhsuk-header__account-button", "You have signed out", "signed out")
	f.signIn("team page with a draft")
	f.Submit(`a[href="/assessments/`+id+`"]`, "Your team’s self-assessment", "task list resumed")
	f.WantText("#task-1-status", "Completed")

	// A figure out of range: the page comes back with an error summary, focused.
	f.Submit(`a[href$="/considerations/pathways"]`, "Pathway redesign", "pathways page")
	f.answerByClicking(q, "pathways")
	f.Fill("#pw-08", "150")
	f.Submit(`button[value="continue"]`, "Error: Pathway redesign", "pathways error")
	f.WantText(".nhsuk-error-summary", "Question 8: enter a number from 0 to 100")
	if cls := f.Eval("document.activeElement.className"); !strings.Contains(cls, "nhsuk-error-summary") {
		t.Errorf("focus after an error is on %q, want the error summary", cls)
	}
	f.Fill("#pw-08", "15")
	f.Submit(`button[value="continue"]`, "Infrastructure", "infrastructure page")

	// The other areas by clicking, leaving one question out, then "Check your answers".
	for _, key := range []string{"infrastructure", "wellbeing", "evidence", "shared_learning"} {
		f.answerByClicking(q, key, "sl-06")
		next := "Check your answers"
		if key != "shared_learning" {
			qc := nextConsideration(q, key)
			next = qc.Title
		}
		f.Submit(`button[value="continue"]`, next, "after "+key)
	}
	f.Submit(`form[action$="/submit"] button`, "Error: Check your answers", "submit with a question unanswered")
	f.WantText(".nhsuk-error-summary", "Answer question 6 in Shared learning")
	f.Submit(`.nhsuk-error-summary a[href$="#sl-06"]`, "Shared learning", "unanswered question")
	if hash := f.Eval("location.hash"); hash != "#sl-06" {
		t.Errorf("error summary link went to %q, want #sl-06", hash)
	}
	f.Click(`label[for="sl-06-3"]`)
	f.Submit(`button[value="continue"]`, "Check your answers", "check answers complete")
	f.Submit(`form[action$="/submit"] button`, "Your results", "results")
	f.wantResults(app, id)
	f.WantText("main table", "Change since last assessment")
	f.Click(`section[aria-labelledby="area-equity"] details summary`)
	f.Check("results with how the score was made")

	// How you compare, switched to the same setting with the plain GET form.
	f.Eval(`(document.querySelector("#cohort").value = "setting", "")`)
	f.Submit(`section.app-compare form button`, "Your results", "results compared with the same setting")
	if p := f.Path(); !strings.HasSuffix(p, "/results?cohort=setting") {
		t.Errorf("cohort form went to %s", p)
	}
	f.WantText("section.app-compare table", "Your scores against teams in the same setting", "Higher than")
}

// TestAssessmentWithoutJavaScript: the forms need no JavaScript. With scripts off a
// checklist lets someone tick an option and "Don't know" together; the server says so
// and nothing is saved until it is fixed.
func TestAssessmentWithoutJavaScript(t *testing.T) {
	t.Parallel()
	if testing.Short() {
		t.Skip("browser test skipped in -short mode")
	}
	app := newTestApp(t)
	ts := httptest.NewServer(app.srv)
	defer ts.Close()
	f := newAssessmentFlow(t, ts.URL)
	f.NoJS = true
	f.Scripts(false)

	f.signIn("no-JS team page")
	if js := f.Eval("String(document.body.classList.contains('js-enabled'))"); js != "false" {
		t.Fatalf("the page ran its scripts (js-enabled = %s)", js)
	}
	f.Submit(`form[action$="/assessments"] button`, "Your team’s self-assessment", "no-JS task list")
	id := strings.TrimPrefix(strings.Split(f.Path(), "?")[0], "/assessments/")
	f.Submit(`a[href$="/considerations/equity"]`, "Equity of access", "no-JS equity page")
	f.Click(`label[for="eq-01-4"]`).Click(`label[for="eq-04"]`).Click(`label[for="eq-04-9"]`) // an option and Don't know
	f.Submit(`button[value="continue"]`, "Error: Equity of access", "no-JS checklist error")
	f.WantText("#eq-04-error", "Question 4: select what your team has in place, or select only one of")
	if n := len(app.answersOf(id)); n != 0 {
		t.Fatalf("a page with an error saved %d answers", n)
	}
	f.Click(`label[for="eq-04-9"]`) // untick Don't know
	f.Submit(`button[value="later"]`, "Your team’s self-assessment", "no-JS saved")
	f.WantText("main", "Your answers have been saved", "2 of 8 required questions answered")
	f.Submit(`a[href$="/check"]`, "Check your answers", "no-JS check answers")
	f.Submit(`form[action$="/submit"] button`, "Error: Check your answers", "no-JS submit errors")
	if got := app.answersOf(id); *got["eq-01"].Level != 3 || got["eq-04"].Options[0] != "access-needs" {
		t.Errorf("answers = %+v", got)
	}
}

// assessmentFlow drives one browser through the assessment pages: the shared steps,
// and the ways of answering that only these tests need.
type assessmentFlow struct {
	*browsertest.Steps
}

func newAssessmentFlow(t *testing.T, base string) *assessmentFlow {
	st := browsertest.NewSteps(t, browsertest.New(t), base)
	st.Prefix = "assessment-"
	return &assessmentFlow{Steps: st}
}

func (f *assessmentFlow) signIn(label string) {
	f.T.Helper()
	if err := browsertest.Go(f.Ctx, f.Base+"/sign-in"); err != nil {
		f.T.Fatal(err)
	}
	f.Fill("#email", "member@example.org").Fill("#password", webtest.Password)
	f.Submit("main form button", "Physio outpatients", label)
}

// answerByClicking answers every question of an area with the mouse, except skip:
// the third level of each scale, the second option of a choice, the first box of a
// checklist, a figure and a sentence.
func (f *assessmentFlow) answerByClicking(q *questionnaire.Questionnaire, key string, skip ...string) {
	f.T.Helper()
	qc, _ := q.Consideration(key)
	for _, it := range qc.Items {
		switch {
		case strings.Contains(strings.Join(skip, " "), it.ID):
		case it.Type == questionnaire.TypeScale:
			f.Click(`label[for="` + it.ID + `-3"]`)
		case it.Type == questionnaire.TypeChoice:
			f.Click(`label[for="` + it.ID + `-2"]`)
		case it.Type == questionnaire.TypeChecklist:
			f.Click(`label[for="` + it.ID + `"]`)
		case it.Type == questionnaire.TypeNumber:
			f.Fill("#"+it.ID, "25")
		case it.Type == questionnaire.TypeText:
			f.Fill("#"+it.ID, "Practice calls before the first appointment help.")
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
	f.T.Helper()
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
	if err := chromedp.Do(f.Ctx, chromedp.Evaluate[chromedp.Void]("window.__vcreadyOld = true")); err != nil {
		f.T.Fatal(err)
	}
	f.keys(kb.Enter)
	f.waitForTitle("Your team’s self-assessment")
}

func (f *assessmentFlow) keys(keys string) {
	f.T.Helper()
	if err := chromedp.Do(f.Ctx, chromedp.KeyEvent(keys)); err != nil {
		f.T.Fatalf("keys %q: %v", keys, err)
	}
}

// tabTo presses Tab until the JavaScript condition about the focused element holds.
func (f *assessmentFlow) tabTo(cond string) {
	f.T.Helper()
	for range 80 {
		if f.Eval("String("+cond+")") == "true" {
			return
		}
		f.keys(kb.Tab)
	}
	f.T.Fatalf("Tab never reached an element where %s (focus is on %s)", cond,
		f.Eval("document.activeElement.outerHTML.slice(0, 120)"))
}

func (f *assessmentFlow) waitForTitle(want string) {
	f.T.Helper()
	for range 200 {
		if v, err := browsertest.Eval[string](f.Ctx, "window.__vcreadyOld ? '' : document.readyState + ' ' + document.title"); err == nil &&
			strings.HasPrefix(v, "complete "+want) {
			return
		}
		if err := chromedp.Do(f.Ctx, chromedp.Sleep(50*time.Millisecond)); err != nil {
			f.T.Fatal(err)
		}
	}
	f.T.Fatalf("no page titled %q loaded", want)
}

// wantResults checks the results page against the scores the API gives.
func (f *assessmentFlow) wantResults(app *testApp, id string) {
	f.T.Helper()
	rec := app.API("member", http.MethodGet, "/api/v1/assessments/"+id, "")
	got := webtest.Decode[webtest.Assessment](f.T, rec)
	if got.Status != "submitted" {
		f.T.Fatalf("status = %s", got.Status)
	}
	if role := f.Eval("document.querySelector('svg.app-chart').getAttribute('role')"); role != "img" {
		f.T.Errorf("chart role = %q", role)
	}
	table, err := browsertest.Text(f.Ctx, "main table")
	if err != nil {
		f.T.Fatal(err)
	}
	for _, c := range got.Scores.Considerations {
		if !strings.Contains(table, report.Score(c.Score)) {
			f.T.Errorf("results table lacks %s score %s: %s", c.Key, report.Score(c.Score), table)
		}
	}
	f.WantText(".app-overall-score", fmt.Sprint(report.Score(got.Scores.Overall)))
}

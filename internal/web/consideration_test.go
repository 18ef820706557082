package web

import (
	"context"
	"net/http"
	"net/url"
	"strings"
	"sync/atomic"
	"testing"

	"vcready/internal/assessment"
	"vcready/internal/store"
	"vcready/internal/web/webtest"
)

// countingStore counts the reads of an assessment that the service makes.
type countingStore struct {
	assessment.Store
	reads atomic.Int64
}

func (c *countingStore) Assessment(ctx context.Context, id string) (*assessment.Assessment, error) {
	c.reads.Add(1)
	return c.Store.Assessment(ctx, id)
}

// TestSavingAConsiderationPageReadsTheAssessmentOnce: the page loads the draft to
// show errors and check access, and saving reuses it rather than reading it twice
// more (the store still checks it is a draft inside its write transaction).
func TestSavingAConsiderationPageReadsTheAssessmentOnce(t *testing.T) {
	t.Parallel()
	cs := &countingStore{}
	a := newTestApp(t, webtest.WithAssessmentStore(func(st *store.Store) assessment.Store {
		cs.Store = st
		return cs
	}))
	b := a.Browser("member")
	id := startDraft(t, b, a.Team1.ID)
	page := considerationHref(id, "equity")
	b.Get(page)
	before := cs.reads.Load()
	webtest.AssertRedirect(t, b.Post(page, url.Values{"eq-01": {"2"}}), "/assessments/"+id+"/considerations/pathways")
	if n := cs.reads.Load() - before; n != 1 {
		t.Errorf("saving the page read the assessment %d times, want 1", n)
	}
	if got := a.answersOf(id)["eq-01"]; got.Level == nil || *got.Level != 2 {
		t.Errorf("eq-01 saved as %+v", got)
	}
}

// answersOf reads an assessment's answers straight from the service.
func (a *testApp) answersOf(id string) map[string]assessment.Answer {
	a.T.Helper()
	got, err := a.Assessments.Get(a.T.Context(), a.Users["admin"].Principal(), id)
	if err != nil {
		a.T.Fatal(err)
	}
	return answerIndex(got.Answers)
}

func mapValues(m map[string]assessment.Answer) []assessment.Answer {
	out := make([]assessment.Answer, 0, len(m))
	for _, a := range m {
		out = append(out, a)
	}
	return out
}

func TestConsiderationPageSavesAnswers(t *testing.T) {
	t.Parallel()
	a := newTestApp(t)
	b := a.Browser("member")
	id := startDraft(t, b, a.Team1.ID)
	page := "/assessments/" + id + "/considerations/equity"
	webtest.AssertPage(t, b.Get(page), 200, "Equity of access", "area 1 of 6", "Question 1", "Save and continue",
		"Save and come back later", "Why this matters", "nhsuk-radios__divider", "Don’t know",
		`data-behaviour="exclusive"`, "None of these", `class="nhsuk-input-wrapper__suffix" aria-hidden="true">%`,
		// A level's label and its descriptor make up the radio's label.
		`<span class="app-level-label">Assessment complete</span> We have a completed equality impact assessment`)

	form := url.Values{"eq-01": {"3"}, "eq-02": {formDontKnow}, "eq-04": {"access-needs", "captions-chat"},
		"eq-08": {"info-english"}, "eq-09": {" 40% "}, "action": {"continue"}}
	webtest.AssertRedirect(t, b.Post(page, form), "/assessments/"+id+"/considerations/pathways")
	got := a.answersOf(id)
	if len(got) != 5 || *got["eq-01"].Level != 3 || got["eq-02"].Status != "dont_know" ||
		strings.Join(got["eq-04"].Options, ",") != "access-needs,captions-chat" || got["eq-08"].Option != "info-english" ||
		*got["eq-09"].Number != 40 || got["eq-01"].UpdatedBy != a.Users["member"].ID {
		t.Fatalf("saved = %+v", got)
	}
	webtest.AssertPage(t, b.Get(page), 200, `value="3" checked`, `value="_dont_know" checked`, `value="captions-chat" checked`,
		`value="40"`, "Last changed by you on")
	webtest.AssertPage(t, a.Page("lead", page), 200, "Last changed by member@example.org on")

	// "None of these" is an answer: nothing in place. "Save and come back later"
	// returns to the task list with a notice.
	b.Get(page)
	form = savedValues(mapValues(a.answersOf(id)))
	form["eq-04"], form["action"] = []string{formNone}, []string{"later"}
	webtest.AssertRedirect(t, b.Post(page, form), "/assessments/"+id+"?notice=saved")
	if a4 := a.answersOf(id)["eq-04"]; !a4.OptionsSet || len(a4.Options) != 0 {
		t.Errorf("eq-04 after None of these = %+v", a4)
	}
	webtest.AssertPage(t, b.Get("/assessments/"+id+"?notice=saved"), 200, "Your answers have been saved", "In progress",
		"4 of 8 required questions answered")

	// The last area continues to "Check your answers"; a page saved blank saves nothing.
	last := "/assessments/" + id + "/considerations/shared_learning"
	b.Get(last)
	webtest.AssertRedirect(t, b.Post(last, url.Values{"action": {"continue"}}), "/assessments/"+id+"/check")
	if n := len(a.answersOf(id)); n != 5 {
		t.Errorf("a blank page changed the answers: %d", n)
	}
}

// TestConsiderationPageErrors: a page with any invalid value is shown again with an
// error summary linking to the question, the values as posted, and nothing saved.
func TestConsiderationPageErrors(t *testing.T) {
	t.Parallel()
	a := newTestApp(t)
	b := a.Browser("member")
	id := startDraft(t, b, a.Team1.ID)
	equity := "/assessments/" + id + "/considerations/equity"
	b.Get(equity)
	webtest.AssertRedirect(t, b.Post(equity, url.Values{"eq-01": {"2"}, "eq-04": {"access-needs"}, "eq-09": {"10"}}), "/assessments/")
	long := strings.Repeat("x", 2001)
	cases := []struct {
		name, area string
		form       url.Values
		field, msg string
	}{
		{"number out of range", "equity", url.Values{"eq-09": {"150"}}, "eq-09", "Question 9: enter a number from 0 to 100"},
		{"number not a number", "equity", url.Values{"eq-09": {"lots"}}, "eq-09", "Question 9: enter a number, like 40"},
		{"number not finite", "equity", url.Values{"eq-09": {"NaN"}}, "eq-09", "Question 9: enter a number, like 40"},
		{"tampered option", "equity", url.Values{"eq-08": {"nope"}}, "eq-08", "Question 8: choose from the answers shown"},
		{"tampered level", "equity", url.Values{"eq-01": {"7"}}, "eq-01", "Question 1: choose from the answers shown"},
		{"level not a number", "equity", url.Values{"eq-01": {"high"}}, "eq-01", "Question 1: choose from the answers shown"},
		{"two radio values", "equity", url.Values{"eq-01": {"1", "2"}}, "eq-01", "Question 1: choose one answer"},
		{"not applicable not offered", "equity", url.Values{"eq-01": {formNotApplicable}}, "eq-01", "Question 1: choose from the answers shown"},
		{"tampered checklist option", "equity", url.Values{"eq-04": {"access-needs", "nope"}}, "eq-04", "Question 4: choose from the answers shown"},
		{"option and don't know", "equity", url.Values{"eq-04": {"access-needs", formDontKnow}}, "eq-04", "Question 4: select what your team has in place, or select only one of ‘None of these’ or ‘Don’t know’"},
		{"none and don't know", "equity", url.Values{"eq-04": {formNone, formDontKnow}}, "eq-04", "select only one of"},
		{"text too long", "shared_learning", url.Values{"sl-09": {long}}, "sl-09", "Question 9: your answer must be 2000 characters or fewer"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			page := "/assessments/" + id + "/considerations/" + tc.area
			b.Get(page)
			// A browser posts back every saved value the page showed; the case changes some.
			form := savedValues(mapValues(a.answersOf(id)))
			for k, v := range tc.form {
				form[k] = v
			}
			if tc.name == "checklist emptied" {
				form.Del("eq-04")
			}
			form.Set("action", "continue")
			body := webtest.AssertPage(t, b.Post(page, form), http.StatusUnprocessableEntity, "<title>Error: ",
				"There is a problem", `<a href="#`+tc.field+`">`, `id="`+tc.field+`-error"`, templateEscape(tc.msg))
			if tc.name == "checklist emptied" && !strings.Contains(body, `value="3" checked`) {
				t.Error("the page shown again lost the posted answer to eq-02")
			}
			got := a.answersOf(id)
			if len(got) != 3 || *got["eq-01"].Level != 2 || *got["eq-09"].Number != 10 || got["eq-04"].Options[0] != "access-needs" {
				t.Errorf("answers changed by a refused page: %+v", got)
			}
		})
	}
}

// TestBlankingASavedAnswerRemovesIt: deleting a saved figure or unticking every box
// of a saved checklist removes that answer, and the page's other answers are saved
// in the same step.
func TestBlankingASavedAnswerRemovesIt(t *testing.T) {
	t.Parallel()
	a := newTestApp(t)
	b := a.Browser("member")
	id := startDraft(t, b, a.Team1.ID)
	equity := "/assessments/" + id + "/considerations/equity"
	b.Get(equity)
	webtest.AssertRedirect(t, b.Post(equity, url.Values{"eq-01": {"2"}, "eq-04": {"access-needs"}, "eq-09": {"10"}}), "/assessments/")
	b.Get(equity)
	webtest.AssertRedirect(t, b.Post(equity, url.Values{"eq-01": {"3"}, "eq-09": {""}}), "/assessments/")
	got := a.answersOf(id)
	if _, ok := got["eq-09"]; ok {
		t.Error("the blanked figure is still saved")
	}
	if _, ok := got["eq-04"]; ok {
		t.Error("the unticked checklist is still saved")
	}
	if l := got["eq-01"].Level; l == nil || *l != 3 {
		t.Errorf("eq-01 = %+v, want level 3 saved with the same post", got["eq-01"])
	}
}

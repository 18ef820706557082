package web

import (
	"context"
	"net/http"
	"net/url"
	"regexp"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"vcready/internal/assessment"
	"vcready/internal/questionnaire"
	"vcready/internal/web/webtest"
)

func actionForm(owner, day, month, year, status, notes string) url.Values {
	return url.Values{"owner": {owner}, "due-day": {day}, "due-month": {month}, "due-year": {year},
		"status": {status}, "notes": {notes}}
}

// TestActionEditAccess: the team's members, its organisation's leads and admins may
// change an action; to everyone else it does not exist.
func TestActionEditAccess(t *testing.T) {
	t.Parallel()
	a, _, plan := planApp(t)
	path := "/actions/" + plan.Actions[0].ID + "/edit"
	want := map[string]int{"admin": 200, "lead": 200, "member": 200, "other-lead": 404, "other-member": 404, "anonymous": 303}
	for _, role := range webtest.Roles {
		if got := a.Page(role, path).Code; got != want[role] {
			t.Errorf("GET %s: %d, want %d", role, got, want[role])
		}
	}
	for _, role := range []string{"other-lead", "other-member"} {
		rec := a.Browser(role).Submit("/", path, actionForm("Sam", "", "", "", "done", ""))
		if rec.Code != http.StatusNotFound {
			t.Errorf("POST %s: %d, want 404", role, rec.Code)
		}
	}
	if act := a.action(t, plan.Actions[0].ID); act.Owner != "" || len(act.History) != 0 {
		t.Errorf("a refused post wrote %+v", act)
	}
}

// action reads an action back as the admin.
func (a *testApp) action(t *testing.T, id string) *assessment.Action {
	t.Helper()
	return webtest.Must(a.Assessments.Action(context.Background(), a.Users["admin"].Principal(), id))
}

// TestActionEditSaves: a good form is saved, back on the plan with a notice, the due
// date in words, the new status and the change history.
func TestActionEditSaves(t *testing.T) {
	t.Parallel()
	a, sub, plan := planApp(t)
	id := plan.Actions[0].ID
	b := a.Browser("member")
	form := webtest.AssertPage(t, b.Get("/actions/"+id+"/edit"), 200, "Change action", "nhsuk-date-input",
		`id="due-day"`, "Not started", "In progress", "Done", "Dropped", `name="notes"`)
	if !strings.Contains(form, templateEscape(plan.Actions[0].Text)) {
		t.Error("the form does not say which action it changes")
	}
	rec := b.Post("/actions/"+id+"/edit", actionForm("  Sam Jones ", "27", "3", "2027", "in_progress", "Booked.\r\n\r\nAsk IT."))
	loc := webtest.AssertRedirect(t, rec, "/assessments/"+sub.ID+"/plan?notice=action-saved")
	loc, _, _ = strings.Cut(loc, "#")
	webtest.AssertPage(t, b.Get(loc), 200, "Action saved", "Sam Jones", "27 March 2027", "In progress",
		"Change history", "You changed status from “Not started” to “In progress”", "<p>Ask IT.</p>")
	act := a.action(t, id)
	if act.Owner != "Sam Jones" || act.DueDate != "2027-03-27" || act.Notes != "Booked.\n\nAsk IT." || len(act.History) != 4 {
		t.Errorf("saved %+v", act)
	}
	webtest.AssertRedirect(t, b.Submit("/actions/"+id+"/edit", "/actions/"+id+"/edit", actionForm("Sam Jones", "", "", "", "in_progress", "")), "/assessments/")
	if act := a.action(t, id); act.DueDate != "" || act.Notes != "" {
		t.Errorf("empty date and notes kept %q, %q", act.DueDate, act.Notes)
	}
	webtest.AssertPage(t, a.Page("lead", "/assessments/"+sub.ID+"/plan"), 200, "Member User changed due date from “27 March 2027” to “Not set”")
}

// TestActionEditRefusesBadInput: each bad value, and all at once, shows the NHS error
// summary in form order and writes nothing.
func TestActionEditRefusesBadInput(t *testing.T) {
	t.Parallel()
	a, _, plan := planApp(t)
	id := plan.Actions[0].ID
	long := strings.Repeat("é", assessment.MaxOwnerChars+1)
	longNotes := strings.Repeat("é", assessment.MaxNotesChars+1)
	date := "Enter a real due date"
	cases := []struct {
		name string
		form url.Values
		want []string
	}{
		{"30 February", actionForm("", "30", "2", "2027", "done", ""), []string{date}},
		{"day only", actionForm("", "3", "", "", "done", ""), []string{date}},
		{"month 13", actionForm("", "1", "13", "2027", "done", ""), []string{date}},
		{"words", actionForm("", "one", "2", "2027", "done", ""), []string{date}},
		{"two-digit year", actionForm("", "1", "2", "27", "done", ""), []string{date}},
		{"owner too long", actionForm(long, "", "", "", "done", ""), []string{"Enter an owner of 200 characters or fewer"}},
		{"notes too long", actionForm("", "", "", "", "done", longNotes), []string{"Enter notes of 5,000 characters or fewer"}},
		{"no status", actionForm("", "", "", "", "", ""), []string{"Select a status"}},
		{"everything", actionForm(long, "30", "2", "2027", "finished", longNotes), []string{
			"Enter an owner of 200 characters or fewer", date, "Select a status", "Enter notes of 5,000 characters or fewer"}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			rec := a.Browser("member").Submit("/actions/"+id+"/edit", "/actions/"+id+"/edit", tc.form)
			body := webtest.AssertPage(t, rec, http.StatusUnprocessableEntity, "<title>Error: Change action")
			if !webtest.ErrorSummaryHas(body, tc.want...) {
				t.Errorf("error summary lacks %q", tc.want)
			}
			if diff := cmp.Diff(tc.want, summaryMessages(body)); diff != "" {
				t.Errorf("summary (-want +got):\n%s", diff)
			}
			if strings.Contains(body, date) && !strings.Contains(body, `<a href="#due-day">`+date) {
				t.Error("the date error does not link to the day field")
			}
		})
	}
	if act := a.action(t, id); act.Owner != "" || act.Status != assessment.ActionNotStarted || len(act.History) != 0 {
		t.Errorf("a refused form wrote %+v", act)
	}
}

// summaryMessages are the error summary's entries, in order.
func summaryMessages(body string) []string {
	var out []string
	for _, m := range summaryEntry.FindAllStringSubmatch(body, -1) {
		out = append(out, m[1])
	}
	return out
}

var summaryEntry = regexp.MustCompile(`<li><a href="#[^"]+">([^<]*)</a></li>`)

// TestActionEditRefusesForgedForms: a post without the page's CSRF token is refused
// and writes nothing.
func TestActionEditRefusesForgedForms(t *testing.T) {
	t.Parallel()
	a, _, plan := planApp(t)
	id := plan.Actions[0].ID
	b := a.Browser("member")
	b.Get("/actions/" + id + "/edit")
	b.ForgeCSRF("forged")
	if rec := b.Post("/actions/"+id+"/edit", actionForm("Mallory", "", "", "", "dropped", "")); rec.Code != http.StatusForbidden {
		t.Errorf("forged post: %d, want 403", rec.Code)
	}
	if act := a.action(t, id); act.Owner != "" || len(act.History) != 0 {
		t.Errorf("a forged form wrote %+v", act)
	}
}

// TestPlanResolvedMarkAsDone: an open action whose item the next assessment answers
// at its maximum is listed as resolved, and "Mark as done" closes it.
func TestPlanResolvedMarkAsDone(t *testing.T) {
	t.Parallel()
	a, _, first := planApp(t)
	q := webtest.Questionnaires().Default()
	var prev assessment.Action
	for _, act := range first.Actions {
		if it := findQuestion(q, act.ItemID); it != nil && it.Type == questionnaire.TypeScale {
			prev = act
			break
		}
	}
	d := a.NewDraft()
	for _, body := range []string{webtest.AnswersJSON(q, false), `{"answers": [{"item_id": "` + prev.ItemID + `", "level": 4}]}`} {
		if rec := a.API("member", http.MethodPut, "/api/v1/assessments/"+d.ID+"/answers", body); rec.Code != 200 {
			t.Fatalf("answers: %d %s", rec.Code, rec.Body)
		}
	}
	if rec := a.API("member", http.MethodPost, "/api/v1/assessments/"+d.ID+"/submit", ""); rec.Code != 200 {
		t.Fatalf("submit: %d %s", rec.Code, rec.Body)
	}
	b := a.Browser("member")
	plan := "/assessments/" + d.ID + "/plan"
	webtest.AssertPage(t, b.Get(plan), 200, "Resolved since your previous plan", templateEscape(prev.Text), "Mark as done")
	if rec := a.Browser("other-member").Submit("/", plan+"/resolved/"+prev.ID, nil); rec.Code != http.StatusNotFound {
		t.Errorf("another team's member: %d, want 404", rec.Code)
	}
	loc := webtest.AssertRedirect(t, b.Post(plan+"/resolved/"+prev.ID, nil), plan+"?notice=resolved-done")
	loc, _, _ = strings.Cut(loc, "#")
	body := webtest.AssertPage(t, b.Get(loc), 200, "Action marked as done")
	if strings.Contains(body, "Mark as done") {
		t.Error("a done resolved action still offers Mark as done")
	}
	if act := a.action(t, prev.ID); act.Status != assessment.ActionDone {
		t.Errorf("previous action is %s, want done", act.Status)
	}
	if rec := b.Post(plan+"/resolved/"+first.Actions[len(first.Actions)-1].ID, nil); rec.Code != http.StatusNotFound {
		t.Errorf("an action that is not resolved: %d, want 404", rec.Code)
	}
}

func findQuestion(q *questionnaire.Questionnaire, id string) *questionnaire.Item {
	for ci := range q.Considerations {
		for ii := range q.Considerations[ci].Items {
			if it := &q.Considerations[ci].Items[ii]; it.ID == id {
				return it
			}
		}
	}
	return nil
}

package web

import (
	"context"
	"strings"
	"testing"
	"time"

	"vcready/internal/assessment"
	"vcready/internal/auth"
	"vcready/internal/report"
	"vcready/internal/web/api"
	"vcready/internal/web/webtest"
)

// samplePlan is TestEveryTemplateRenders' plan page: do-first and other actions, one
// with an owner, due date, notes, history and carried forward, and a resolved action
// of each state.
func samplePlan() planView {
	ac := sampleAssessment(true)
	ac.p = &auth.Principal{UserID: "u2", Role: auth.RoleAdmin} // sees "Change" and "Mark as done"
	when := time.Date(2026, 3, 3, 9, 30, 0, 0, time.UTC)
	plan := &assessment.Plan{AssessmentID: ac.a.ID, Resolved: []assessment.Resolved{
		{PreviousActionID: "p1", Text: "Offer captions", FromValue: 1, ToValue: 4, Status: assessment.ActionInProgress},
		{PreviousActionID: "p2", Text: "Test the kit", FromValue: 2, ToValue: 4, Status: assessment.ActionDone}}}
	for i, qc := range ac.q.Considerations {
		act := assessment.Action{ID: "x" + itoa(i), AssessmentID: ac.a.ID, ItemID: qc.Items[1].ID, Consideration: qc.Key,
			Text: "Do thing " + itoa(i), Rank: i + 1, DoFirst: i < 2, Status: assessment.ActionStatuses[i%4]}
		if i == 0 {
			act.Owner, act.DueDate, act.Notes, act.CarriedFrom = "Sam", "2027-03-27", "First.\n\nSecond.", "old"
			act.History = []assessment.HistoryEntry{{At: when, By: "u2", Field: "status", From: "not_started", To: "done"},
				{At: when, By: "u9", Field: "due_date", From: "", To: "2027-03-27"}}
		}
		plan.Actions = append(plan.Actions, act)
	}
	doc := api.PlanDocument(ac.a, plan, ac.q, ac.team.Name, "Org", when)
	return newPlanView(ac, plan, doc, planFilter{Owner: "Sam"}, map[string]string{"u2": "You", "u9": "Another user"})
}

func sampleActionForm() actionFormView {
	act := &assessment.Action{ID: "x", AssessmentID: "a1", Text: "Do thing", Status: assessment.ActionInProgress}
	return newActionForm(act, "Sam", "30", "2", "2027", "in_progress", "Notes",
		[]FieldError{actionFormMessages["owner"], actionFormMessages["due_date"], actionFormMessages["notes"]})
}

// planApp is a test app with one submitted assessment of team 1.
func planApp(t *testing.T) (*testApp, webtest.Assessment, *assessment.Plan) {
	t.Helper()
	a := newTestApp(t)
	sub := a.SubmitVia(webtest.AnswersJSON(webtest.Questionnaires().Default(), false))
	plan := webtest.Must(a.Assessments.Plan(context.Background(), a.Users["admin"].Principal(), sub.ID))
	return a, sub, plan
}

// TestPlanPageShowsThePlan: the heading with the team, the projected gain, the
// scores table, every action with its answer and status under its area, and a link
// to each export.
func TestPlanPageShowsThePlan(t *testing.T) {
	t.Parallel()
	a, sub, plan := planApp(t)
	doc := webtest.Must(api.LoadPlanDocument(context.Background(), a.Assessments, a.Users["admin"].Principal(), sub.ID, time.Now()))
	want := []string{"<h1>Your action plan</h1>", "Physio outpatients", templateEscape(report.ProjectedGain(doc)),
		"No actions are marked done yet.", "With do-first actions finished", "Do first",
		"Showing " + itoa(len(plan.Actions)) + " of " + itoa(len(plan.Actions)) + " actions",
		"/api/v1/assessments/" + sub.ID + "/action-plan.csv", "Download as CSV", "Download as Excel (.xlsx)",
		"Download as PDF", "Download as Markdown (.md)", "calendar (.ics)", "action-plan.ics"}
	for _, act := range plan.Actions {
		want = append(want, templateEscape(act.Text), `href="/actions/`+act.ID+`/edit"`, `id="area-`+act.Consideration+`"`)
		if act.DoFirst { // listed under its area too, linking to its card
			want = append(want, `<li><a href="#action-`+act.ID+`">`)
		}
	}
	body := webtest.AssertPage(t, a.Page("member", "/assessments/"+sub.ID+"/plan"), 200, want...)
	if report.ProjectedGain(doc) == "" {
		t.Error("the fixture's plan promises nothing")
	}
	if !strings.Contains(body, doc.Actions[0].Answer) || !strings.Contains(body, "Not started") {
		t.Error("actions lack their answer or status")
	}
	webtest.AssertPage(t, a.Page("member", "/assessments/"+sub.ID+"/results"), 200,
		`<a href="/assessments/`+sub.ID+`/plan">Your action plan</a>`)
}

// TestPlanPageAccess: the people who see the results see the plan; others get not
// found, the signed-out the sign-in page, and a draft's plan leads to its task list.
func TestPlanPageAccess(t *testing.T) {
	t.Parallel()
	a, sub, _ := planApp(t)
	want := map[string]int{"admin": 200, "lead": 200, "member": 200, "other-lead": 404, "other-member": 404, "anonymous": 303}
	for _, role := range webtest.Roles {
		if got := a.Page(role, "/assessments/"+sub.ID+"/plan").Code; got != want[role] {
			t.Errorf("%s: %d, want %d", role, got, want[role])
		}
	}
	draft := a.NewDraft()
	webtest.AssertRedirect(t, a.Page("member", "/assessments/"+draft.ID+"/plan"), "/assessments/"+draft.ID)
}

// TestPlanPageFilters: status and owner filters narrow the list, count what they
// show, and offer a way back to every action.
func TestPlanPageFilters(t *testing.T) {
	t.Parallel()
	a, sub, plan := planApp(t)
	ctx, member := context.Background(), a.Users["member"].Principal()
	owner, inProgress := "Sam Jones", assessment.ActionInProgress
	for _, act := range plan.Actions[:3] {
		webtest.Must(a.Assessments.UpdateAction(ctx, member, act.ID, assessment.ActionUpdate{Owner: &owner, Status: &inProgress}))
	}
	webtest.Must(a.Assessments.UpdateAction(ctx, member, plan.Actions[5].ID, assessment.ActionUpdate{Status: &inProgress}))
	n := itoa(len(plan.Actions))
	cases := []struct{ name, query, want string }{
		{"status", "status=in_progress", "Showing 4 of " + n + " actions"},
		{"owner", "owner=Sam+Jones", "Showing 3 of " + n + " actions"},
		{"both", "status=done&owner=Sam+Jones", "Showing 0 of " + n + " actions"},
		{"unknown status", "status=finished&owner=Sam+Jones", "Showing 3 of " + n + " actions"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			body := webtest.AssertPage(t, a.Page("member", "/assessments/"+sub.ID+"/plan?"+tc.query), 200, tc.want,
				`>Clear filters</a>`, `<option value="Sam Jones"`)
			if tc.name == "owner" && strings.Contains(body, templateEscape(plan.Actions[5].Text)) {
				t.Error("the owner filter shows an action of nobody")
			}
		})
	}
	if body := a.Page("member", "/assessments/"+sub.ID+"/plan").Body.String(); strings.Contains(body, "Clear filters") {
		t.Error("an unfiltered plan offers to clear filters")
	}
}

// TestPlanPageDoneGain: once actions are done the page says what they already do to
// the overall score.
func TestPlanPageDoneGain(t *testing.T) {
	t.Parallel()
	a, sub, plan := planApp(t)
	done := assessment.ActionDone
	for _, act := range plan.Actions[:2] {
		webtest.Must(a.Assessments.UpdateAction(context.Background(), a.Users["lead"].Principal(), act.ID, assessment.ActionUpdate{Status: &done}))
	}
	body := webtest.AssertPage(t, a.Page("lead", "/assessments/"+sub.ID+"/plan"), 200,
		"With the 2 actions already done, your overall score would rise from "+scoreLevel(sub.Scores.Overall)+" to ")
	if strings.Contains(body, "No actions are marked done yet.") {
		t.Error("the page says nothing is done")
	}
}

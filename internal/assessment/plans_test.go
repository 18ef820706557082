package assessment_test

import (
	"errors"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"vcready/internal/apperr"
	"vcready/internal/assessment"
	"vcready/internal/auth"
	"vcready/internal/questionnaire"
	"vcready/internal/scoring"
	"vcready/internal/store"
	"vcready/internal/store/storetest"
)

// maxAnswers answers every item of q at its maximum, except the answers in except.
func maxAnswers(q *questionnaire.Questionnaire, except map[string]questionnaire.Answer) []questionnaire.Answer {
	var out []questionnaire.Answer
	for _, c := range q.Considerations {
		for _, it := range c.Items {
			if a, ok := except[it.ID]; ok {
				a.ItemID = it.ID
				out = append(out, a)
				continue
			}
			a := questionnaire.Answer{ItemID: it.ID}
			switch it.Type {
			case questionnaire.TypeScale:
				a.Level = ptr(questionnaire.ScaleMax)
			case questionnaire.TypeChoice:
				best := it.Options[0]
				for _, o := range it.Options {
					if o.Score > best.Score {
						best = o
					}
				}
				a.Option = best.ID
			case questionnaire.TypeChecklist:
				for _, o := range it.Options {
					a.Options = append(a.Options, o.ID)
				}
				a.OptionsSet = true
			case questionnaire.TypeNumber:
				a.Number = ptr(1.0)
			case questionnaire.TypeText:
				a.Text = ptr("text")
			}
			out = append(out, a)
		}
	}
	return out
}

func lvl(n int) questionnaire.Answer { return questionnaire.Answer{Level: &n} }
func dontKnow() questionnaire.Answer { return questionnaire.Answer{Status: questionnaire.DontKnow} }

// submitWith submits an assessment for team with every item at its maximum but except.
func (f *fixture) submitWith(t *testing.T, teamID string, except map[string]questionnaire.Answer) *assessment.Assessment {
	t.Helper()
	a := f.mustDraft(t, teamID)
	q, _ := f.svc.Questionnaire(a)
	if _, err := f.svc.SaveAnswers(ctx, f.admin, a.ID, maxAnswers(q, except)); err != nil {
		t.Fatalf("SaveAnswers: %v", err)
	}
	a, err := f.svc.Submit(ctx, f.admin, a.ID)
	if err != nil {
		t.Fatalf("Submit: %v", err)
	}
	return a
}

// firstRound is worked by hand against the shipped questionnaire (every consideration
// weight 1; equity's item weights sum to 10.5, pathways' to 9):
//
//	eq-01 scale w 1 at 1:   priority 1 * 3/4 = 0.75
//	eq-02 scale w 2 at 0:   priority 2 * 4/4 = 2
//	pw-01 scale w 2 dont_know (0): 2 * 4/4 = 2 (ties with eq-02: equity comes first)
//	pw-02 scale w 1 at 3:   priority 1 * 1/4 = 0.25
//
// and every other item at its maximum. Equity = 100 * (10.5 - 0.75 - 2) / 10.5 = 73.8,
// pathways = 100 * (9 - 2 - 0.25) / 9 = 75.0, the four others 100: overall 91.5.
var firstRound = map[string]questionnaire.Answer{
	"eq-01": lvl(1), "eq-02": lvl(0), "pw-01": dontKnow(), "pw-02": lvl(3),
}

type planRow struct {
	Item     string
	Priority float64
	Rank     int
	DoFirst  bool
	Value    float64
}

func rows(p *assessment.Plan) []planRow {
	var out []planRow
	for _, a := range p.Actions {
		out = append(out, planRow{a.ItemID, a.Priority, a.Rank, a.DoFirst, a.Value})
	}
	return out
}

func scoreOf(r scoring.Result, key string) (float64, string) {
	for _, c := range r.Considerations {
		if c.Key == key && c.Score != nil {
			return *c.Score, c.Level
		}
	}
	return -1, ""
}

func TestPlanIsDerivedOnSubmission(t *testing.T) {
	t.Parallel()
	storetest.Each(t, func(t *testing.T, st *store.Store) {
		f := newFixture(t, st)
		draft := f.mustDraft(t, f.teamA1.ID)
		if _, err := f.svc.Plan(ctx, f.admin, draft.ID); outcome(err) != "conflict" {
			t.Fatalf("plan of a draft: %v, want a conflict", err)
		}
		a := f.submitWith(t, f.teamA1.ID, firstRound)
		if _, err := st.Plan(ctx, a.ID); err != nil {
			t.Fatalf("no plan stored at submission: %v", err)
		}
		plan, err := f.svc.Plan(ctx, f.memberA1, a.ID)
		if err != nil {
			t.Fatal(err)
		}
		want := []planRow{{"eq-02", 2, 1, true, 0}, {"pw-01", 2, 2, true, 0}, {"eq-01", 0.75, 3, true, 1}, {"pw-02", 0.25, 4, true, 3}}
		if diff := cmp.Diff(want, rows(plan)); diff != "" {
			t.Errorf("actions (-want +got):\n%s", diff)
		}
		for _, act := range plan.Actions {
			if act.Status != assessment.ActionNotStarted || act.Text == "" || act.CarriedFrom != "" || len(act.History) != 0 {
				t.Errorf("new action %s = %+v", act.ItemID, act)
			}
		}
		if len(plan.Resolved) != 0 {
			t.Errorf("first plan resolves %v", plan.Resolved)
		}
		// Projected with the four do-first actions moved: eq-02 -> 1, eq-01 -> 2
		// (equity 100 * (10.5 - 1.5 - 0.5) / 10.5 = 81.0), pw-01 -> 1, pw-02 -> 4
		// (pathways 100 * (9 - 1.5) / 9 = 83.3); overall (80.95 + 83.33 + 400) / 6 = 94.0.
		pj := plan.Projected
		if pj == nil {
			t.Fatal("no projection")
		}
		if got := *pj.DoFirst.Overall; got != 94 {
			t.Errorf("do-first overall = %v, want 94", got)
		}
		if s, l := scoreOf(pj.DoFirst, "equity"); s != 81 || l != "embedded" {
			t.Errorf("do-first equity = %v %s", s, l)
		}
		if s, l := scoreOf(pj.DoFirst, "pathways"); s != 83.3 || l != "embedded" {
			t.Errorf("do-first pathways = %v %s", s, l)
		}
		// Nothing done yet: the done projection is the score now.
		if got := *pj.Done.Overall; got != 91.5 {
			t.Errorf("done overall = %v, want 91.5 (the score now)", got)
		}
		if s, l := scoreOf(pj.Done, "equity"); s != 73.8 || l != "established" {
			t.Errorf("done equity = %v %s", s, l)
		}

		// Marking pw-02 done moves it to 4 in the done projection only:
		// pathways 100 * 7/9 = 77.8, overall (73.81 + 77.78 + 400) / 6 = 91.9.
		done := assessment.ActionDone
		if _, err := f.svc.UpdateAction(ctx, f.memberA1, plan.Actions[3].ID, assessment.ActionUpdate{Status: &done}); err != nil {
			t.Fatal(err)
		}
		plan, err = f.svc.Plan(ctx, f.memberA1, a.ID)
		if err != nil {
			t.Fatal(err)
		}
		if got := *plan.Projected.Done.Overall; got != 91.9 {
			t.Errorf("done overall after pw-02 done = %v, want 91.9", got)
		}
		if s, _ := scoreOf(plan.Projected.Done, "pathways"); s != 77.8 {
			t.Errorf("done pathways = %v, want 77.8", s)
		}
		if got := *plan.Projected.DoFirst.Overall; got != 94 {
			t.Errorf("do-first overall changed to %v", got)
		}
	})
}

// TestPlanPriorityBelowMedian: five other teams at 100 everywhere make the all-cohort
// median 100, so team A1 is below it in equity and pathways and those priorities are
// 1.5 times as high; the other considerations (at 100, equal to the median) are not.
func TestPlanPriorityBelowMedian(t *testing.T) {
	t.Parallel()
	storetest.Each(t, func(t *testing.T, st *store.Store) {
		f := newFixture(t, st)
		for i := range 5 {
			tm := f.mustTeam(t, f.orgA.ID, "Peer "+string(rune('A'+i)))
			f.submitWith(t, tm.ID, nil)
		}
		a := f.submitWith(t, f.teamA1.ID, firstRound)
		plan, err := f.svc.Plan(ctx, f.admin, a.ID)
		if err != nil {
			t.Fatal(err)
		}
		want := []planRow{{"eq-02", 3, 1, true, 0}, {"pw-01", 3, 2, true, 0}, {"eq-01", 1.125, 3, true, 1}, {"pw-02", 0.375, 4, true, 3}}
		if diff := cmp.Diff(want, rows(plan)); diff != "" {
			t.Errorf("actions (-want +got):\n%s", diff)
		}
	})
}

func TestCarryForward(t *testing.T) {
	t.Parallel()
	storetest.Each(t, func(t *testing.T, st *store.Store) {
		f := newFixture(t, st)
		first := f.submitWith(t, f.teamA1.ID, firstRound)
		p1, err := f.svc.Plan(ctx, f.admin, first.ID)
		if err != nil {
			t.Fatal(err)
		}
		byItem := map[string]assessment.Action{}
		for _, a := range p1.Actions {
			byItem[a.ItemID] = a
		}
		// eq-02 in progress with an owner; pw-01 dropped; pw-02 done; eq-01 untouched.
		edit := func(item string, u assessment.ActionUpdate) {
			t.Helper()
			if _, err := f.svc.UpdateAction(ctx, f.memberA1, byItem[item].ID, u); err != nil {
				t.Fatal(err)
			}
		}
		edit("eq-02", assessment.ActionUpdate{Owner: ptr("Sam"), DueDate: ptr("2026-03-31"),
			Status: ptr(assessment.ActionInProgress), Notes: ptr("Booking script first.")})
		edit("pw-01", assessment.ActionUpdate{Status: ptr(assessment.ActionDropped)})
		edit("pw-02", assessment.ActionUpdate{Status: ptr(assessment.ActionDone)})
		p1, _ = f.svc.Plan(ctx, f.admin, first.ID)

		// Next time: eq-01 at its maximum (resolved), eq-02 at 1 (carried), pw-01 and
		// pw-02 as before but their previous actions are closed (not carried).
		second := f.submitWith(t, f.teamA1.ID, map[string]questionnaire.Answer{
			"eq-02": lvl(1), "pw-01": dontKnow(), "pw-02": lvl(3)})
		p2, err := f.svc.Plan(ctx, f.memberA1, second.ID)
		if err != nil {
			t.Fatal(err)
		}
		// pw-01 2 * 4/4 = 2; eq-02 2 * 3/4 = 1.5; pw-02 0.25.
		want := []planRow{{"pw-01", 2, 1, true, 0}, {"eq-02", 1.5, 2, true, 1}, {"pw-02", 0.25, 3, true, 3}}
		if diff := cmp.Diff(want, rows(p2)); diff != "" {
			t.Fatalf("actions (-want +got):\n%s", diff)
		}
		carried := p2.Actions[1]
		if carried.CarriedFrom != byItem["eq-02"].ID || carried.Owner != "Sam" || carried.DueDate != "2026-03-31" ||
			carried.Status != assessment.ActionInProgress || carried.Notes != "Booking script first." || len(carried.History) != 0 {
			t.Errorf("carried action = %+v", carried)
		}
		for _, a := range []assessment.Action{p2.Actions[0], p2.Actions[2]} {
			if a.CarriedFrom != "" || a.Status != assessment.ActionNotStarted || a.Owner != "" {
				t.Errorf("closed previous action carried into %+v", a)
			}
		}
		wantResolved := []assessment.Resolved{{PreviousActionID: byItem["eq-01"].ID, ItemID: "eq-01",
			Text: byItem["eq-01"].Text, FromValue: 1, ToValue: 4, Status: assessment.ActionNotStarted}}
		if diff := cmp.Diff(wantResolved, p2.Resolved); diff != "" {
			t.Errorf("resolved (-want +got):\n%s", diff)
		}
		// The new submission did not touch the previous plan.
		again, _ := f.svc.Plan(ctx, f.admin, first.ID)
		if diff := cmp.Diff(p1, again); diff != "" {
			t.Errorf("previous plan changed by the next submission (-before +after):\n%s", diff)
		}

		// Marking the resolved action done closes the previous action, with history.
		if _, err := f.svc.MarkResolvedDone(ctx, f.memberA2, second.ID, byItem["eq-01"].ID); outcome(err) != "not found" {
			t.Errorf("another team's member marks it done: %v", err)
		}
		if _, err := f.svc.MarkResolvedDone(ctx, f.memberA1, second.ID, byItem["eq-02"].ID); outcome(err) != "not found" {
			t.Errorf("marking an action that is not resolved: %v", err)
		}
		got, err := f.svc.MarkResolvedDone(ctx, f.memberA1, second.ID, byItem["eq-01"].ID)
		if err != nil {
			t.Fatal(err)
		}
		if got.Status != assessment.ActionDone || len(got.History) != 1 || got.History[0].From != assessment.ActionNotStarted ||
			got.History[0].By != f.memberA1.UserID {
			t.Errorf("resolved action after MarkResolvedDone = %+v", got)
		}
		p2, _ = f.svc.Plan(ctx, f.memberA1, second.ID)
		if p2.Resolved[0].Status != assessment.ActionDone {
			t.Errorf("resolved list status = %s, want done", p2.Resolved[0].Status)
		}
	})
}

func TestUpdateAction(t *testing.T) {
	t.Parallel()
	storetest.Each(t, func(t *testing.T, st *store.Store) {
		f := newFixture(t, st)
		a := f.submitWith(t, f.teamA1.ID, firstRound)
		plan, err := f.svc.Plan(ctx, f.admin, a.ID)
		if err != nil {
			t.Fatal(err)
		}
		id := plan.Actions[0].ID

		for _, p := range []*auth.Principal{f.memberA2, f.leadB, nil} {
			if _, err := f.svc.UpdateAction(ctx, p, id, assessment.ActionUpdate{Owner: ptr("x")}); outcome(err) != "not found" {
				t.Errorf("UpdateAction by %v: %v, want not found", p, err)
			}
		}
		if _, err := f.svc.UpdateAction(ctx, f.admin, "no-such-action", assessment.ActionUpdate{}); outcome(err) != "not found" {
			t.Errorf("unknown action: %v", err)
		}

		bad := assessment.ActionUpdate{Owner: ptr(strings.Repeat("é", 201)), DueDate: ptr("2026-02-30"),
			Status: ptr("finished"), Notes: ptr(strings.Repeat("é", 5001))}
		_, err = f.svc.UpdateAction(ctx, f.memberA1, id, bad)
		var fields []string
		for _, p := range problems(t, err) {
			fields = append(fields, p.Field)
		}
		if diff := cmp.Diff([]string{"owner", "due_date", "status", "notes"}, fields); diff != "" {
			t.Errorf("problem fields (-want +got):\n%s", diff)
		}
		if got, _ := st.PlanAction(ctx, id); got.Owner != "" || got.Status != assessment.ActionNotStarted || len(got.History) != 0 {
			t.Errorf("a refused update wrote %+v", got)
		}
		for _, d := range []string{"2026-2-3", "03/04/2026", "2026-13-01"} {
			if _, err := f.svc.UpdateAction(ctx, f.memberA1, id, assessment.ActionUpdate{DueDate: ptr(d)}); outcome(err) != "invalid" {
				t.Errorf("due date %q: %v", d, err)
			}
		}

		// At the limits, counted in characters (é is two bytes).
		longest := assessment.ActionUpdate{Owner: ptr(" " + strings.Repeat("é", 200) + " "), DueDate: ptr("2028-02-29"),
			Status: ptr(assessment.ActionInProgress), Notes: ptr(strings.Repeat("é", 5000))}
		got, err := f.svc.UpdateAction(ctx, f.leadA, id, longest)
		if err != nil {
			t.Fatal(err)
		}
		if got.Owner != strings.Repeat("é", 200) || got.DueDate != "2028-02-29" || got.Status != assessment.ActionInProgress {
			t.Errorf("updated = %+v", got)
		}
		if len(got.History) != 4 {
			t.Fatalf("history = %+v, want one row per field", got.History)
		}
		for i, field := range []string{"owner", "due_date", "status", "notes"} {
			h := got.History[i]
			if h.Field != field || h.By != f.leadA.UserID || h.At.IsZero() || h.From == h.To {
				t.Errorf("history %d = %+v", i, h)
			}
		}

		// Unchanged fields add no history; clearing the date does.
		got, err = f.svc.UpdateAction(ctx, f.memberA1, id, assessment.ActionUpdate{
			Owner: ptr(strings.Repeat("é", 200)), DueDate: ptr(""), Status: ptr(assessment.ActionInProgress)})
		if err != nil {
			t.Fatal(err)
		}
		if len(got.History) != 5 || got.DueDate != "" {
			t.Fatalf("after clearing the date: %+v", got)
		}
		if h := got.History[4]; h.Field != "due_date" || h.From != "2028-02-29" || h.To != "" || h.By != f.memberA1.UserID {
			t.Errorf("clear history = %+v", h)
		}
		if _, err := f.svc.UpdateAction(ctx, f.admin, id, assessment.ActionUpdate{Status: ptr(assessment.ActionDone)}); err != nil {
			t.Errorf("admin: %v", err)
		}
	})
}

// TestPlanDerivedOnFirstRead: an assessment submitted before plans existed (here:
// its plan removed) gets one on first read, once.
func TestPlanDerivedOnFirstRead(t *testing.T) {
	t.Parallel()
	storetest.Each(t, func(t *testing.T, st *store.Store) {
		f := newFixture(t, st)
		a := f.submitWith(t, f.teamA1.ID, firstRound)
		if err := storetest.DB(t, st).Exec("DELETE FROM action_plans").Error; err != nil {
			t.Fatal(err)
		}
		if _, err := st.Plan(ctx, a.ID); !errors.Is(err, apperr.ErrNotFound) {
			t.Fatalf("plan still there: %v", err)
		}
		p1, err := f.svc.Plan(ctx, f.memberA1, a.ID)
		if err != nil {
			t.Fatal(err)
		}
		p2, err := f.svc.Plan(ctx, f.memberA1, a.ID)
		if err != nil {
			t.Fatal(err)
		}
		if len(p1.Actions) != 4 || p1.Actions[0].ID != p2.Actions[0].ID {
			t.Errorf("first read derived %v, second read %v", rows(p1), rows(p2))
		}
		if _, err := f.svc.Plan(ctx, f.memberA2, a.ID); outcome(err) != "not found" {
			t.Errorf("another team's member: %v", err)
		}
	})
}

// TestPlanFirstReadsAtOnceKeepOnePlan: racing first reads both derive a plan; the store
// keeps the first and every reader gets that one.
func TestPlanFirstReadsAtOnceKeepOnePlan(t *testing.T) {
	t.Parallel()
	storetest.Each(t, func(t *testing.T, st *store.Store) {
		f := newFixture(t, st)
		a := f.submitWith(t, f.teamA1.ID, firstRound)
		if err := storetest.DB(t, st).Exec("DELETE FROM action_plans").Error; err != nil {
			t.Fatal(err)
		}
		at := f.clock // the fixture's ticking clock is not safe for concurrent use
		f.svc.Now = func() time.Time { return at }
		var wg sync.WaitGroup
		ids := make([]string, 4)
		for i := range ids {
			wg.Go(func() {
				p, err := f.svc.Plan(ctx, f.memberA1, a.ID)
				if err != nil {
					t.Error(err)
					return
				}
				ids[i] = p.Actions[0].ID
			})
		}
		wg.Wait()
		for _, id := range ids[1:] {
			if id != ids[0] {
				t.Errorf("readers got different plans: %v", ids)
			}
		}
		if n := storetest.CountRows(t, st, "actions"); n != 4 {
			t.Errorf("%d actions stored, want the 4 of one plan", n)
		}
	})
}

// TestPlanOfARemovedQuestionnaireVersion: a stored plan still reads without its
// questionnaire version, with no projection (there is nothing to project with); a plan
// that was never derived cannot be, and says why.
func TestPlanOfARemovedQuestionnaireVersion(t *testing.T) {
	t.Parallel()
	storetest.Each(t, func(t *testing.T, st *store.Store) {
		f := newFixture(t, st)
		planned := f.submitWith(t, f.teamA1.ID, firstRound)
		unplanned := f.submitWith(t, f.teamA2.ID, firstRound)
		if err := storetest.DB(t, st).Exec("DELETE FROM action_plans WHERE assessment_id = ?", unplanned.ID).Error; err != nil {
			t.Fatal(err)
		}
		svc := newService(f, st, editedQuestionnaires(t, "version: 1.0.0\n", "version: 1.0.1\n"))
		plan, err := svc.Plan(ctx, f.admin, planned.ID)
		if err != nil {
			t.Fatal(err)
		}
		if len(plan.Actions) != 4 || plan.Projected != nil {
			t.Errorf("plan = %d actions, projection %+v; want 4 and none", len(plan.Actions), plan.Projected)
		}
		_, err = svc.Plan(ctx, f.admin, unplanned.ID)
		if msg := apperr.PublicMessage(err); outcome(err) != "conflict" || !strings.Contains(msg, "1.0.0") {
			t.Errorf("deriving without the questionnaire = %v (%q), want a conflict naming the version", err, msg)
		}
	})
}

// TestActionForItsEditors: an action reads back, with its history, for the people who
// may edit its plan, and does not exist for anyone else.
func TestActionForItsEditors(t *testing.T) {
	t.Parallel()
	st := storetest.SQLite(t)
	f := newFixture(t, st)
	a := f.submitWith(t, f.teamA1.ID, firstRound)
	plan, err := f.svc.Plan(ctx, f.admin, a.ID)
	if err != nil {
		t.Fatal(err)
	}
	id := plan.Actions[0].ID
	if _, err := f.svc.UpdateAction(ctx, f.memberA1, id, assessment.ActionUpdate{Owner: ptr("Sam")}); err != nil {
		t.Fatal(err)
	}
	for _, p := range []*auth.Principal{f.memberA1, f.leadA, f.admin} {
		act, err := f.svc.Action(ctx, p, id)
		if err != nil || act.Owner != "Sam" || len(act.History) != 1 {
			t.Errorf("Action by %s: %+v, %v", p.UserID, act, err)
		}
	}
	for _, p := range []*auth.Principal{f.memberA2, f.leadB, nil} {
		if _, err := f.svc.Action(ctx, p, id); outcome(err) != "not found" {
			t.Errorf("Action by %v: %v, want not found", p, err)
		}
	}
}

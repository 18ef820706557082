package web

import (
	"fmt"
	"time"

	"vcready/internal/assessment"
	"vcready/internal/report"
	"vcready/internal/scoring"
)

// planView is the plan page.
type planView struct {
	ID, TeamID, TeamName string
	DoFirstGain          string // report.ProjectedGain's sentence, or ""
	DoneGain             string // the same for the actions already done
	Scores               []planScoreRow
	DoFirst              []actionView
	Groups               []actionGroup // every action, by area in questionnaire order
	Resolved             []resolvedView
	Filter               planFilter
	Statuses, Owners     []option
	Shown, Total         int
	Exports              []exportLink
	// CanEdit offers "Change" and "Mark as done" to those who may edit the plan.
	CanEdit bool
}

// Filtered reports whether the filter hides anything it might.
func (v planView) Filtered() bool { return v.Filter.Status != "" || v.Filter.Owner != "" }

// planScoreRow is one area's score now and as the plan projects it.
type planScoreRow struct{ Title, Now, DoFirst, Done string }

// actionGroup is one area's actions: its do-first ones as links to their card above
// (so each action has one card), then the others in full.
type actionGroup struct {
	Key, Title string
	DoFirst    []actionView
	Actions    []actionView
}

// actionView is one action as the plan page shows it.
type actionView struct {
	ID, Text, Question, Answer string
	Rank                       int
	DoFirst, Carried, CanEdit  bool
	Owner, Due, Notes          string
	Status, StatusLabel        string
	StatusClass                string
	History                    []historyRow
}

// historyRow is one change of an action, in words.
type historyRow struct{ When, Who, Field, From, To string }

// resolvedView is one of the previous plan's actions whose item is now at its maximum.
type resolvedView struct {
	ID, Text, From, To string
	Done               bool
}

func newPlanView(ac *assessmentContext, plan *assessment.Plan, doc report.PlanDocument, f planFilter, names map[string]string) planView {
	v := planView{ID: ac.a.ID, TeamID: ac.team.ID, TeamName: ac.team.Name, Filter: f,
		DoFirstGain: report.ProjectedGain(doc), DoneGain: doneGain(plan, doc), Scores: planScores(doc),
		Statuses: statusOptions(f.Status, "Any status"), Owners: ownerOptions(plan.Actions, f.Owner),
		Total: len(plan.Actions), Exports: planExports(ac.a.ID),
		CanEdit: ac.p.CanEditPlan(ac.a.OrganisationID, ac.a.TeamID)}
	groups := map[string]int{}
	for _, s := range doc.Scores {
		groups[s.Key] = len(v.Groups)
		v.Groups = append(v.Groups, actionGroup{Key: s.Key, Title: s.Title})
	}
	for i, act := range plan.Actions {
		if !f.keeps(act) {
			continue
		}
		v.Shown++
		av := newActionView(act, doc.Actions[i], names)
		av.CanEdit = v.CanEdit
		g, ok := groups[act.Consideration]
		if !ok {
			g = len(v.Groups)
			groups[act.Consideration] = g
			v.Groups = append(v.Groups, actionGroup{Key: act.Consideration, Title: doc.Actions[i].Consideration})
		}
		if act.DoFirst {
			v.DoFirst = append(v.DoFirst, av)
			v.Groups[g].DoFirst = append(v.Groups[g].DoFirst, av)
			continue
		}
		v.Groups[g].Actions = append(v.Groups[g].Actions, av)
	}
	v.Groups = nonEmptyGroups(v.Groups)
	for _, r := range plan.Resolved {
		v.Resolved = append(v.Resolved, resolvedView{ID: r.PreviousActionID, Text: r.Text,
			From: report.Number(r.FromValue), To: report.Number(r.ToValue), Done: r.Status == assessment.ActionDone})
	}
	return v
}

func nonEmptyGroups(gs []actionGroup) []actionGroup {
	out := gs[:0]
	for _, g := range gs {
		if len(g.Actions)+len(g.DoFirst) > 0 {
			out = append(out, g)
		}
	}
	return out
}

func newActionView(act assessment.Action, pa report.PlanAction, names map[string]string) actionView {
	v := actionView{ID: act.ID, Text: act.Text, Question: pa.Question, Answer: pa.Answer, Rank: act.Rank,
		DoFirst: act.DoFirst, Carried: act.CarriedFrom != "", Owner: act.Owner, Due: dueDateWords(act.DueDate),
		Notes: act.Notes, Status: act.Status, StatusLabel: report.ActionStatusLabel(act.Status),
		StatusClass: statusClasses[act.Status]}
	for i := len(act.History) - 1; i >= 0; i-- { // newest first
		h := act.History[i]
		v.History = append(v.History, historyRow{When: report.Date(h.At) + " at " + h.At.UTC().Format("15:04"),
			Who: names[h.By], Field: historyFields[h.Field], From: historyValue(h.Field, h.From), To: historyValue(h.Field, h.To)})
	}
	return v
}

var historyFields = map[string]string{"owner": "Owner", "due_date": "Due date", "status": "Status", "notes": "Notes"}

// historyValue is a recorded value in words: a status's label, a date as people write
// it, "Not set" for nothing.
func historyValue(field, value string) string {
	switch {
	case value == "":
		return "Not set"
	case field == "status":
		return report.ActionStatusLabel(value)
	case field == "due_date":
		return dueDateWords(value)
	}
	return value
}

// dueDateWords is a "YYYY-MM-DD" day as people write it ("3 March 2027"), or "".
func dueDateWords(day string) string {
	d, err := time.Parse(time.DateOnly, day)
	if err != nil {
		return day
	}
	return report.Date(d)
}

// doneGain says what the actions already done would do to the overall score.
func doneGain(plan *assessment.Plan, doc report.PlanDocument) string {
	n := 0
	for _, a := range plan.Actions {
		if a.Status == assessment.ActionDone {
			n++
		}
	}
	now, then := doc.Projected.Overall, doc.Projected.Done.Overall
	switch {
	case n == 0:
		return "No actions are marked done yet."
	case now == nil || then == nil:
		return ""
	case scoring.Round(*then) <= scoring.Round(*now):
		return fmt.Sprintf("With the %s already done, your overall score would stay at %s.", actionsWord(n), scoreLevel(now))
	}
	return fmt.Sprintf("With the %s already done, your overall score would rise from %s to %s.",
		actionsWord(n), scoreLevel(now), scoreLevel(then))
}

func actionsWord(n int) string {
	if n == 1 {
		return "1 action"
	}
	return fmt.Sprintf("%d actions", n)
}

// scoreLevel is "54.2 (Developing)", or the words for no score.
func scoreLevel(p *float64) string {
	if p == nil {
		return report.Score(p)
	}
	return report.Score(p) + " (" + scoring.LevelOf(*p).Label + ")"
}

func planScores(doc report.PlanDocument) []planScoreRow {
	var rows []planScoreRow
	for _, s := range doc.Scores {
		rows = append(rows, planScoreRow{Title: s.Title, Now: report.Score(s.Score),
			DoFirst: report.Score(doc.Projected.DoFirst.Considerations[s.Key]),
			Done:    report.Score(doc.Projected.Done.Considerations[s.Key])})
	}
	return rows
}

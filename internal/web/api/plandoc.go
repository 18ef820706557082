package api

import (
	"context"
	"fmt"
	"strings"
	"time"

	"vcready/internal/assessment"
	"vcready/internal/auth"
	"vcready/internal/questionnaire"
	"vcready/internal/report"
	"vcready/internal/scoring"
)

// LoadPlanDocument reads what the plan exports show (the plan, its assessment, team
// and organisation) for p, and builds the document. The plan's access rules apply: a
// draft is a conflict, someone who cannot see the assessment gets not found. The page
// handlers (package web) and the export endpoints both call it.
func LoadPlanDocument(ctx context.Context, svc *assessment.Service, p *auth.Principal, assessmentID string, now time.Time) (report.PlanDocument, error) {
	doc, _, err := loadPlanDocument(ctx, svc, p, assessmentID, now)
	return doc, err
}

// loadPlanDocument is LoadPlanDocument that also returns the organisation's id, which
// an export's audit event names, so the export reads nothing twice.
func loadPlanDocument(ctx context.Context, svc *assessment.Service, p *auth.Principal, assessmentID string, now time.Time) (report.PlanDocument, string, error) {
	plan, err := svc.Plan(ctx, p, assessmentID)
	if err != nil {
		return report.PlanDocument{}, "", err
	}
	a, err := svc.Get(ctx, p, assessmentID)
	if err != nil {
		return report.PlanDocument{}, "", err
	}
	t, err := svc.GetTeam(ctx, p, a.TeamID)
	if err != nil {
		return report.PlanDocument{}, "", err
	}
	o, err := svc.GetOrganisation(ctx, p, a.OrganisationID)
	if err != nil {
		return report.PlanDocument{}, "", err
	}
	q, _ := svc.Questionnaire(a)
	return PlanDocument(a, plan, q, t.Name, o.Name, now), o.ID, nil
}

// PlanDocument maps a plan to the document every export shows. q is the questionnaire
// version answered, for titles, questions and answers in words; nil when it is no
// longer loaded (ids stand in for titles, answers are left empty).
func PlanDocument(a *assessment.Assessment, plan *assessment.Plan, q *questionnaire.Questionnaire, team, organisation string, now time.Time) report.PlanDocument {
	doc := report.PlanDocument{Team: team, Organisation: organisation, AssessmentID: a.ID,
		Questionnaire: a.Questionnaire.ID + " " + a.Questionnaire.Version, GeneratedAt: now.UTC(),
		Overall: a.Scores.Overall, Scores: []report.PlanScore{}, Actions: []report.PlanAction{}}
	if q != nil {
		doc.Questionnaire = q.Title + " " + q.Version
	}
	if a.SubmittedAt != nil {
		doc.SubmittedAt = a.SubmittedAt.UTC()
	}
	for _, c := range a.Scores.Considerations {
		s := report.PlanScore{Key: c.Key, Title: considerationTitle(q, c.Key), Score: c.Score}
		if c.Level != "" {
			s.Level = report.Level(c.Level)
		}
		doc.Scores = append(doc.Scores, s)
	}
	doc.Projected = report.PlanProjection{Overall: a.Scores.Overall,
		DoFirst: report.ProjectedScores{Considerations: map[string]*float64{}},
		Done:    report.ProjectedScores{Considerations: map[string]*float64{}}}
	if plan.Projected != nil {
		doc.Projected.DoFirst = projectedScores(plan.Projected.DoFirst)
		doc.Projected.Done = projectedScores(plan.Projected.Done)
	}
	answers := map[string]questionnaire.Answer{}
	for _, ans := range a.Answers {
		answers[ans.ItemID] = ans.Answer
	}
	for _, act := range plan.Actions {
		pa := report.PlanAction{ID: act.ID, Rank: act.Rank, Priority: act.Priority, DoFirst: act.DoFirst,
			ItemID: act.ItemID, ConsiderationKey: act.Consideration, Consideration: considerationTitle(q, act.Consideration),
			Text: act.Text, Owner: act.Owner, Status: act.Status, Notes: act.Notes, CarriedFromAction: act.CarriedFrom}
		if it := findItem(q, act.ItemID); it != nil {
			pa.Question = it.Text
			pa.Answer = answerWords(it, answers[act.ItemID])
		}
		if d, err := time.Parse(time.DateOnly, act.DueDate); err == nil {
			pa.DueDate = &d
		}
		doc.Actions = append(doc.Actions, pa)
	}
	return doc
}

func projectedScores(r scoring.Result) report.ProjectedScores {
	out := report.ProjectedScores{Overall: r.Overall, Considerations: map[string]*float64{}}
	for _, c := range r.Considerations {
		out.Considerations[c.Key] = c.Score
	}
	return out
}

func considerationTitle(q *questionnaire.Questionnaire, key string) string {
	if q != nil {
		if c, ok := q.Consideration(key); ok && c.Title != "" {
			return c.Title
		}
	}
	return key
}

func findItem(q *questionnaire.Questionnaire, id string) *questionnaire.Item {
	if q == nil {
		return nil
	}
	for ci := range q.Considerations {
		for ii := range q.Considerations[ci].Items {
			if it := &q.Considerations[ci].Items[ii]; it.ID == id {
				return it
			}
		}
	}
	return nil
}

// answerWords writes an answer as people read it: "Level 2 of 4: Assessment started",
// the chosen option's label, "1 of 6 in place: Captions or chat", or "Don't know".
func answerWords(it *questionnaire.Item, a questionnaire.Answer) string {
	switch {
	case a.Status == questionnaire.DontKnow:
		return "Don't know"
	case a.Status == questionnaire.NotApplicable:
		return "Not applicable"
	}
	switch it.Type {
	case questionnaire.TypeScale:
		if a.Level == nil {
			return ""
		}
		for _, l := range it.Levels {
			if l.Value == *a.Level {
				return fmt.Sprintf("Level %d of %d: %s", l.Value, questionnaire.ScaleMax, l.Label)
			}
		}
		return fmt.Sprintf("Level %d of %d", *a.Level, questionnaire.ScaleMax)
	case questionnaire.TypeChoice:
		if o, ok := it.Option(a.Option); ok {
			return o.Label
		}
	case questionnaire.TypeChecklist:
		var labels []string
		for _, id := range a.Options {
			if o, ok := it.Option(id); ok {
				labels = append(labels, o.Label)
			}
		}
		s := fmt.Sprintf("%d of %d in place", len(labels), len(it.Options))
		if len(labels) > 0 {
			s += ": " + strings.Join(labels, ", ")
		}
		return s
	}
	return ""
}

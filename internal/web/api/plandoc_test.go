package api_test

import (
	"context"
	"errors"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"vcready/internal/apperr"
	"vcready/internal/assessment"
	"vcready/internal/questionnaire"
	"vcready/internal/report"
	"vcready/internal/scoring"
	"vcready/internal/web/api"
)

func fp(f float64) *float64 { return &f }

// TestPlanDocument maps a hand-made plan to the document the exports show.
func TestPlanDocument(t *testing.T) {
	t.Parallel()
	two := 2
	q := &questionnaire.Questionnaire{ID: "vc", Version: "1.0.0", Title: "Video readiness",
		Considerations: []questionnaire.Consideration{
			{Key: "equity", Title: "Equity of access", Items: []questionnaire.Item{{ID: "eq-01", Type: questionnaire.TypeScale,
				Text: "Who may find video hard?", Levels: []questionnaire.Level{{Value: 0, Label: "No view"},
					{Value: 1, Label: "Informal"}, {Value: 2, Label: "Started"}, {Value: 3, Label: "Complete"}, {Value: 4, Label: "Reviewed"}}}}},
			{Key: "pathways", Title: "Pathway redesign", Items: []questionnaire.Item{{ID: "pw-05", Type: questionnaire.TypeChecklist,
				Text: "Safety checks", Options: []questionnaire.Option{{ID: "identity", Label: "Identity", Score: 1},
					{ID: "location", Label: "Location", Score: 1}}}}},
		}}
	submitted := time.Date(2026, 11, 30, 10, 0, 0, 0, time.UTC)
	now := time.Date(2026, 12, 1, 9, 0, 0, 0, time.UTC)
	a := &assessment.Assessment{ID: "as-1", Questionnaire: assessment.QuestionnaireRef{ID: "vc", Version: "1.0.0"},
		SubmittedAt: &submitted,
		Answers: []assessment.Answer{{Answer: questionnaire.Answer{ItemID: "eq-01", Level: &two}},
			{Answer: questionnaire.Answer{ItemID: "pw-05", Options: []string{"location"}, OptionsSet: true}}},
		Scores: scoring.Result{Overall: fp(50), Considerations: []scoring.Consideration{
			{Key: "equity", Score: fp(50), Level: "established"}, {Key: "pathways", Score: fp(50), Level: "established"}}}}
	plan := &assessment.Plan{AssessmentID: "as-1", Actions: []assessment.Action{
		{ID: "act-1", ItemID: "eq-01", Consideration: "equity", Text: "Finish the EIA.", Value: 2, Max: 4, Priority: 0.5,
			Rank: 1, DoFirst: true, Owner: "Sam", DueDate: "2026-03-31", Status: "in_progress", Notes: "n", CarriedFrom: "old-1"},
		{ID: "act-2", ItemID: "pw-05", Consideration: "pathways", Text: "Check identity.", Value: 1, Max: 2, Priority: 0.5,
			Rank: 2, DoFirst: true, Status: "not_started"},
	}, Projected: &assessment.Projection{
		Done:    scoring.Result{Overall: fp(50), Considerations: []scoring.Consideration{{Key: "equity", Score: fp(50)}, {Key: "pathways", Score: fp(50)}}},
		DoFirst: scoring.Result{Overall: fp(87.5), Considerations: []scoring.Consideration{{Key: "equity", Score: fp(75)}, {Key: "pathways", Score: fp(100)}}},
	}}
	due := time.Date(2026, 3, 31, 0, 0, 0, 0, time.UTC)
	want := report.PlanDocument{Team: "MSK", Organisation: "Northshire", AssessmentID: "as-1",
		Questionnaire: "Video readiness 1.0.0", SubmittedAt: submitted, GeneratedAt: now, Overall: fp(50),
		Scores: []report.PlanScore{{Key: "equity", Title: "Equity of access", Score: fp(50), Level: "Established"},
			{Key: "pathways", Title: "Pathway redesign", Score: fp(50), Level: "Established"}},
		Projected: report.PlanProjection{Overall: fp(50),
			DoFirst: report.ProjectedScores{Overall: fp(87.5), Considerations: map[string]*float64{"equity": fp(75), "pathways": fp(100)}},
			Done:    report.ProjectedScores{Overall: fp(50), Considerations: map[string]*float64{"equity": fp(50), "pathways": fp(50)}}},
		Actions: []report.PlanAction{
			{ID: "act-1", Rank: 1, Priority: 0.5, DoFirst: true, ItemID: "eq-01", ConsiderationKey: "equity",
				Consideration: "Equity of access", Question: "Who may find video hard?", Answer: "Level 2 of 4: Started",
				Text: "Finish the EIA.", Owner: "Sam", DueDate: &due, Status: "in_progress", Notes: "n", CarriedFromAction: "old-1"},
			{ID: "act-2", Rank: 2, Priority: 0.5, DoFirst: true, ItemID: "pw-05", ConsiderationKey: "pathways",
				Consideration: "Pathway redesign", Question: "Safety checks", Answer: "1 of 2 in place: Location",
				Text: "Check identity.", Status: "not_started"},
		}}
	got := api.PlanDocument(a, plan, q, "MSK", "Northshire", now)
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("PlanDocument (-want +got):\n%s", diff)
	}

	// Without the questionnaire: ids stand in for titles, no questions or answers.
	gone := api.PlanDocument(a, plan, nil, "MSK", "Northshire", now)
	if gone.Questionnaire != "vc 1.0.0" || gone.Scores[0].Title != "equity" || gone.Actions[0].Question != "" || gone.Actions[0].Answer != "" {
		t.Errorf("without the questionnaire: %+v", gone)
	}
}

func TestLoadPlanDocument(t *testing.T) {
	t.Parallel()
	app := newTestApp(t)
	a := app.SubmitVia(answersJSON())
	ctx := context.Background()
	member := app.Users["member"].Principal()
	now := time.Date(2026, 12, 1, 9, 0, 0, 0, time.UTC)
	doc, err := api.LoadPlanDocument(ctx, app.Assessments, member, a.ID, now)
	if err != nil {
		t.Fatal(err)
	}
	p := getPlan(t, app, "member", a.ID)
	if doc.Team != app.Team1.Name || doc.Organisation != app.Org1.Name || doc.AssessmentID != a.ID ||
		len(doc.Actions) != len(p.Actions) || doc.Actions[0].ID != p.Actions[0].ID || doc.Actions[0].Question == "" ||
		doc.Actions[0].Answer == "" || !doc.GeneratedAt.Equal(now) || doc.Projected.DoFirst.Overall == nil {
		t.Errorf("document = %+v", doc)
	}
	other := app.Users["other-member"].Principal()
	if _, err := api.LoadPlanDocument(ctx, app.Assessments, other, a.ID, now); !errors.Is(err, apperr.ErrNotFound) {
		t.Errorf("another team's member: %v", err)
	}
	d := app.NewDraft()
	if _, err := api.LoadPlanDocument(ctx, app.Assessments, member, d.ID, now); !errors.Is(err, apperr.ErrConflict) {
		t.Errorf("draft: %v", err)
	}
}

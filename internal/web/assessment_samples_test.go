package web

import (
	"time"

	"vcready/internal/apperr"
	"vcready/internal/assessment"
	"vcready/internal/auth"
	"vcready/internal/benchmark"
	"vcready/internal/questionnaire"
	"vcready/internal/scoring"
	"vcready/internal/web/webtest"
)

// sampleAssessment is a realistic assessment of the default questionnaire for
// rendering tests: every scored item answered, the first item of each consideration
// "don't know", one checklist with nothing in place, one number and one text item.
// With complete false the last consideration is left unanswered.
func sampleAssessment(complete bool) *assessmentContext {
	q := webtest.Questionnaires().Default()
	when := time.Date(2026, 3, 2, 10, 0, 0, 0, time.UTC)
	var answers []assessment.Answer
	for ci, qc := range q.Considerations {
		if !complete && ci == len(q.Considerations)-1 {
			break
		}
		for i := range qc.Items {
			if a, ok := sampleAnswer(&qc.Items[i], i+ci); ok {
				answers = append(answers, assessment.Answer{Answer: a, UpdatedBy: "u1",
					UpdatedByEmail: "member@example.org", UpdatedAt: when})
			}
		}
	}
	a := &assessment.Assessment{ID: "a1", TeamID: "t1", Status: assessment.StatusDraft, CreatedAt: when,
		Questionnaire: assessment.QuestionnaireRef{ID: q.ID, Version: q.Version, Hash: q.Hash}, Answers: answers}
	a.Scores = scoring.Score(q, scoringAnswers(answers))
	if complete {
		a.Status, a.SubmittedAt = assessment.StatusSubmitted, &when
	}
	return &assessmentContext{p: &auth.Principal{UserID: "u2"}, a: a, q: q,
		team: assessment.Team{ID: "t1", Name: "Physio outpatients"}}
}

// sampleAnswer answers an item with a value that varies with n.
func sampleAnswer(it *questionnaire.Item, n int) (questionnaire.Answer, bool) {
	a := questionnaire.Answer{ItemID: it.ID}
	switch it.Type {
	case questionnaire.TypeScale:
		if n%5 == 0 {
			a.Status = questionnaire.DontKnow
			break
		}
		level := n % 5
		a.Level = &level
	case questionnaire.TypeChoice:
		a.Option = it.Options[n%len(it.Options)].ID
	case questionnaire.TypeChecklist:
		a.OptionsSet = true
		if n%2 == 0 {
			a.Options = []string{it.Options[0].ID, it.Options[2].ID}
		}
	case questionnaire.TypeNumber:
		v := 37.5
		a.Number = &v
	case questionnaire.TypeText:
		t := "We learned to send joining instructions a week ahead.\n\nPractice calls help."
		a.Text = &t
	}
	return a, true
}

func sampleTaskList() taskListView { return newTaskListView(sampleAssessment(false)) }

func sampleConsideration() considerationView {
	ac := sampleAssessment(false)
	qc := &ac.q.Considerations[0]
	errs := []FieldError{{Field: qc.Items[0].ID, Message: "Question 1: choose one answer"}}
	return newConsiderationView(ac, qc, savedValues(ac.a.Answers), errs)
}

func sampleCheck() checkView {
	ac := sampleAssessment(false)
	return newCheckView(ac, []apperr.FieldProblem{{Field: "sl-01", Problem: "is not answered"}})
}

func sampleResults() resultsView {
	ac := sampleAssessment(true)
	prev := sampleAssessment(true).a
	prev.ID = "a0"
	prev.Scores.Considerations[1].Score = nil
	v := newResultsView(ac, prev)
	v.Compare = newCompareView(ac, benchmark.Setting, sampleBenchmark(ac))
	return v
}

// sampleBenchmark compares ac with a cohort of 12 teams, except its first
// consideration, which only 3 other teams have scored.
func sampleBenchmark(ac *assessmentContext) *assessment.Benchmark {
	b := &assessment.Benchmark{AssessmentID: ac.a.ID, Cohort: benchmark.Setting, Teams: 12}
	for i, c := range ac.a.Scores.Considerations {
		bc := assessment.BenchmarkConsideration{Key: c.Key, Score: c.Score, N: 12}
		if i == 0 {
			bc.N, bc.Suppressed = 3, true
		} else {
			pc, med, p25, p75 := 62.5, 48.25, 31.0, 70.75
			bc.Percentile, bc.Median, bc.P25, bc.P75 = &pc, &med, &p25, &p75
		}
		b.Considerations = append(b.Considerations, bc)
	}
	return b
}

func sampleTeam() teamView {
	score := 55.5
	return teamView{Team: assessment.Team{ID: "t", Name: "Team"}, OrganisationName: "Org", CanStart: true,
		Assessments: []assessmentRow{
			newAssessmentRow(assessment.Summary{ID: "a2", Status: assessment.StatusDraft, Answered: 3, ScoredItems: 40}),
			newAssessmentRow(assessment.Summary{ID: "a1", Status: assessment.StatusSubmitted, Overall: &score,
				SubmittedAt: &time.Time{}}),
		}}
}

package assessment

import (
	"context"
	"errors"
	"fmt"
	"slices"

	"vcready/internal/actionplan"
	"vcready/internal/apperr"
	"vcready/internal/auth"
	"vcready/internal/benchmark"
	"vcready/internal/questionnaire"
	"vcready/internal/scoring"
)

// Plan returns a submitted assessment's action plan, with its projected scores
// computed now, to the people who may see the assessment. A draft has no plan yet (a
// conflict). A plan is derived when the assessment is submitted; an assessment
// submitted before plans existed (or whose derivation failed) gets its plan here, on
// first read, once.
func (s *Service) Plan(ctx context.Context, p *auth.Principal, assessmentID string) (*Plan, error) {
	a, err := s.visible(ctx, p, assessmentID)
	if err != nil {
		return nil, err
	}
	if a.Status != StatusSubmitted {
		return nil, apperr.Conflict("this assessment is a draft: submit it to get its action plan")
	}
	plan, err := s.ensurePlan(ctx, a)
	if err != nil {
		return nil, fmt.Errorf("action plan of %s: %w", assessmentID, err)
	}
	s.project(a, plan)
	return plan, nil
}

// project sets the plan's projected scores (SCORING.md "Projected score"): never
// stored, so they always follow the actions' current status.
func (s *Service) project(a *Assessment, plan *Plan) {
	q, ok := s.Questionnaire(a)
	if !ok {
		return
	}
	answers := answerMap(a.Answers)
	var done, doFirst []string
	for _, act := range plan.Actions {
		if act.Status == ActionDone {
			done = append(done, act.ItemID)
		}
		if act.DoFirst {
			doFirst = append(doFirst, act.ItemID)
		}
	}
	plan.Projected = &Projection{Done: scoring.Project(q, answers, done), DoFirst: scoring.Project(q, answers, doFirst)}
}

// ensurePlan returns a's stored plan, deriving and storing it first if it has none.
func (s *Service) ensurePlan(ctx context.Context, a *Assessment) (*Plan, error) {
	plan, err := s.st.Plan(ctx, a.ID)
	if err == nil || !errors.Is(err, apperr.ErrNotFound) {
		return plan, err
	}
	return s.createPlan(ctx, a)
}

// createPlan derives a's plan and stores it. Two derivations at once (two first
// reads) both store; the store keeps the first, and the one that lost reads it back.
func (s *Service) createPlan(ctx context.Context, a *Assessment) (*Plan, error) {
	plan, err := s.derivePlan(ctx, a)
	if err != nil {
		return nil, err
	}
	created, err := s.st.CreatePlan(ctx, plan)
	if err != nil {
		return nil, err
	}
	if !created {
		return s.st.Plan(ctx, a.ID)
	}
	return plan, nil
}

// derivePlan derives a submitted assessment's plan (SCORING.md "Action priority") and
// carries the team's previous plan forward into it ("Carry forward").
func (s *Service) derivePlan(ctx context.Context, a *Assessment) (*Plan, error) {
	q, ok := s.Questionnaire(a)
	if !ok {
		return nil, apperr.Conflict(fmt.Sprintf(
			"this assessment uses questionnaire %s version %s, which is no longer available, so its action plan cannot be made",
			a.Questionnaire.ID, a.Questionnaire.Version))
	}
	answers := answerMap(a.Answers)
	below, err := s.belowAllMedian(ctx, a)
	if err != nil {
		return nil, err
	}
	now := s.now()
	plan := &Plan{AssessmentID: a.ID, CreatedAt: now, Actions: []Action{}, Resolved: []Resolved{}}
	for i, d := range actionplan.Derive(q, answers, below) {
		plan.Actions = append(plan.Actions, Action{
			ID: s.NewID(), AssessmentID: a.ID, ItemID: d.ItemID, Consideration: d.Consideration, Text: d.Text,
			Value: d.Value, Max: d.Max, Priority: d.Priority, Rank: i + 1, DoFirst: d.DoFirst,
			Status: ActionNotStarted, UpdatedAt: now, History: []HistoryEntry{},
		})
	}
	if err := s.carryForward(ctx, a, q, answers, plan); err != nil {
		return nil, err
	}
	return plan, nil
}

// belowAllMedian tells, per consideration, whether a scores below the median of the
// `all` cohort, comparing full-precision scores. A suppressed cohort, an insufficient
// consideration and a store without benchmarks count as not below.
func (s *Service) belowAllMedian(ctx context.Context, a *Assessment) (map[string]bool, error) {
	below := map[string]bool{}
	if s.bench.st == nil {
		return below, nil
	}
	self, err := s.member(ctx, a.TeamID)
	if err != nil {
		return nil, fmt.Errorf("team of %s: %w", a.ID, err)
	}
	pop := population(a.Questionnaire.ID, a.Questionnaire.Version)
	err = s.bench.use(ctx, func(ix *benchmark.Index) {
		for _, c := range a.Scores.Considerations {
			if c.Status != scoring.StatusScored {
				continue
			}
			bc := compareConsideration(ix, pop, self, benchmark.All, c)
			if !bc.Suppressed && bc.Median != nil && c.Exact < *bc.Median {
				below[c.Key] = true
			}
		}
	})
	if err != nil {
		return nil, fmt.Errorf("benchmark of %s: %w", a.ID, err)
	}
	return below, nil
}

// carryForward reads the team's previous submitted assessment's plan. Each of its open
// actions (not started, in progress) either passes owner, due date, notes and status
// to the new action for the same item, or, when the item is now at its maximum, is
// listed as resolved. Items are matched by id: the questionnaire format has no
// `replaces` lineage yet. The previous plan is only read, never rewritten.
func (s *Service) carryForward(ctx context.Context, a *Assessment, q *questionnaire.Questionnaire, answers scoring.Answers, plan *Plan) error {
	prev, err := s.st.LatestSubmitted(ctx, a.TeamID, a.SubmittedAt)
	if errors.Is(err, apperr.ErrNotFound) {
		return nil
	}
	if err != nil {
		return fmt.Errorf("previous assessment of %s: %w", a.ID, err)
	}
	prevPlan, err := s.ensurePlan(ctx, prev)
	if errors.Is(err, apperr.ErrConflict) {
		return nil // its questionnaire is gone: there is nothing to match against
	}
	if err != nil {
		return fmt.Errorf("previous plan of %s: %w", a.ID, err)
	}
	byItem := map[string]int{}
	for i, act := range plan.Actions {
		byItem[act.ItemID] = i
	}
	for _, old := range prevPlan.Actions {
		if old.Status != ActionNotStarted && old.Status != ActionInProgress {
			continue
		}
		if i, ok := byItem[old.ItemID]; ok {
			act := &plan.Actions[i]
			if act.CarriedFrom == "" {
				act.Owner, act.DueDate, act.Notes, act.Status = old.Owner, old.DueDate, old.Notes, old.Status
				act.CarriedFrom = old.ID
			}
			continue
		}
		if v, ok := atMax(q, answers, old.ItemID); ok {
			plan.Resolved = append(plan.Resolved, Resolved{PreviousActionID: old.ID, ItemID: old.ItemID,
				Text: old.Text, FromValue: old.Value, ToValue: v, Status: old.Status})
		}
	}
	return nil
}

// atMax returns the value of item itemID when it is answered at its maximum.
func atMax(q *questionnaire.Questionnaire, answers scoring.Answers, itemID string) (float64, bool) {
	for _, c := range q.Considerations {
		i := slices.IndexFunc(c.Items, func(it questionnaire.Item) bool { return it.ID == itemID })
		if i < 0 {
			continue
		}
		it := &c.Items[i]
		if !scoring.Scorable(it) {
			return 0, false
		}
		kind, v := scoring.ItemValue(it, answers)
		return v, kind == scoring.AnswerValue && v >= float64(it.MaxScore())
	}
	return 0, false
}

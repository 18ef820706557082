package assessment

import (
	"context"
	"fmt"

	"vcready/internal/apperr"
	"vcready/internal/auth"
	"vcready/internal/questionnaire"
	"vcready/internal/scoring"
)

// SaveAnswers stores answers to a draft, replacing earlier answers to the same items
// and keeping the rest. Either every answer is acceptable and all are stored, or none
// is and the error names each offending one (answers[3].level). It returns the
// assessment with its provisional scores.
func (s *Service) SaveAnswers(ctx context.Context, p *auth.Principal, id string, answers []questionnaire.Answer) (*Assessment, error) {
	return s.UpdateAnswers(ctx, p, id, answers, nil)
}

// UpdateAnswers is SaveAnswers that also removes the answers to the items named in
// clear (for example a figure someone blanked on a page), all in one transaction. An
// item may not be both answered and cleared; unknown ids are invalid; repeated ids
// count once, and a list longer than the questionnaire's item count is invalid as a
// whole (field "clear").
func (s *Service) UpdateAnswers(ctx context.Context, p *auth.Principal, id string, answers []questionnaire.Answer, clear []string) (*Assessment, error) {
	a, err := s.workable(ctx, p, id)
	if err != nil {
		return nil, err
	}
	if err := s.saveAnswers(ctx, p, a, answers, clear); err != nil {
		return nil, err
	}
	return s.Get(ctx, p, id)
}

// SaveDraftAnswers is UpdateAnswers for a caller that has just read the draft a with
// Get as p and needs nothing back (a consideration page, which redirects): it checks
// access and the answers against a instead of reading the assessment again. The
// store still checks, inside its write transaction, that a is a draft, so a
// submission that raced in between wins.
func (s *Service) SaveDraftAnswers(ctx context.Context, p *auth.Principal, a *Assessment, answers []questionnaire.Answer, clear []string) error {
	switch {
	case a == nil || !p.CanSeeTeam(a.OrganisationID, a.TeamID):
		return apperr.NotFound("assessment")
	case !p.CanWorkOnTeam(a.OrganisationID, a.TeamID):
		return apperr.Forbidden("you cannot work on this team's assessments")
	}
	return s.saveAnswers(ctx, p, a, answers, clear)
}

// saveAnswers checks answers and clear against a's questionnaire and stores them.
func (s *Service) saveAnswers(ctx context.Context, p *auth.Principal, a *Assessment, answers []questionnaire.Answer, clear []string) error {
	// Checked here for a clear message; the store checks again inside its write
	// transaction, which is what stops a concurrent submission.
	if a.Status != StatusDraft {
		return fmt.Errorf("save answers to %s: %w", a.ID, ErrSubmitted)
	}
	q, ok := s.Questionnaire(a)
	if !ok {
		return questionnaireGone(a)
	}
	if n := itemCount(q); len(clear) > n {
		// Checked before anything else so the work, the error and the store's
		// statement stay bounded however long the list is.
		return apperr.Invalid("Some answers cannot be saved", apperr.FieldProblem{
			Field: "clear", Problem: fmt.Sprintf("must list at most %d items, the questionnaire's item count", n)})
	}
	ps := fieldProblems(q.CheckAnswers(answers))
	ps = append(ps, clearProblems(q, answers, clear)...)
	if len(ps) > 0 {
		return apperr.Invalid("Some answers cannot be saved", ps...)
	}
	clear = unique(clear)
	now := s.now()
	rows := make([]Answer, len(answers))
	for i, ans := range answers {
		rows[i] = Answer{Answer: ans, UpdatedBy: p.UserID, UpdatedAt: now}
	}
	if err := s.st.SaveAnswers(ctx, a.ID, rows, clear); err != nil {
		return fmt.Errorf("save answers to %s: %w", a.ID, err)
	}
	return nil
}

// clearProblems checks the ids of answers to remove.
func clearProblems(q *questionnaire.Questionnaire, answers []questionnaire.Answer, clear []string) []apperr.FieldProblem {
	answered := map[string]bool{}
	for _, a := range answers {
		answered[a.ItemID] = true
	}
	var out []apperr.FieldProblem
	for i, itemID := range clear {
		field := fmt.Sprintf("clear[%d]", i)
		if _, _, ok := q.Item(itemID); !ok {
			out = append(out, apperr.FieldProblem{Field: field, Problem: "item " + itemID + " does not exist"})
		} else if answered[itemID] {
			out = append(out, apperr.FieldProblem{Field: field, Problem: "item " + itemID + " is both answered and cleared"})
		}
	}
	return out
}

// itemCount counts every item of q, scored or not: the most answers a draft can hold,
// and so the most a clear list can usefully name.
func itemCount(q *questionnaire.Questionnaire) int {
	n := 0
	for _, c := range q.Considerations {
		n += len(c.Items)
	}
	return n
}

// unique is ids without repeats, in first-seen order: clearing an item twice is
// clearing it once.
func unique(ids []string) []string {
	seen := make(map[string]bool, len(ids))
	out := ids[:0:0]
	for _, id := range ids {
		if !seen[id] {
			seen[id] = true
			out = append(out, id)
		}
	}
	return out
}

func fieldProblems(ps []questionnaire.AnswerProblem) []apperr.FieldProblem {
	out := make([]apperr.FieldProblem, len(ps))
	for i, p := range ps {
		out[i] = apperr.FieldProblem{Field: p.Field, Problem: p.Problem}
	}
	return out
}

// Submit finalises a draft: every scored item must be answered (a value,
// not_applicable or dont_know), otherwise the error lists each unanswered item in
// questionnaire order. The scores are computed once, here, and stored with the
// questionnaire's id, version and hash; they are never recomputed.
func (s *Service) Submit(ctx context.Context, p *auth.Principal, id string) (*Assessment, error) {
	if _, err := s.workable(ctx, p, id); err != nil {
		return nil, err
	}
	now := s.now()
	a, err := s.st.SubmitAssessment(ctx, id, func(a *Assessment) error {
		q, ok := s.Questionnaire(a)
		if !ok {
			return questionnaireGone(a)
		}
		answers := answerMap(a.Answers)
		if missing := scoring.Missing(q, answers); len(missing) > 0 {
			return unanswered(missing)
		}
		a.Status, a.SubmittedAt, a.SubmittedBy = StatusSubmitted, &now, p.UserID
		a.Questionnaire.Hash = q.Hash
		a.Scores = scoring.Score(q, answers)
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("submit assessment %s: %w", id, err)
	}
	s.benchmarkSubmitted(ctx, a)
	// The plan is derived once the submission (and its benchmark) is in. Should this
	// fail, the submission stands and the plan's first read derives it.
	_, _ = s.createPlan(ctx, a)
	return s.complete(a)
}

// unanswered is the error listing every unanswered scored item, so a team can fix them
// all at once rather than one per attempt.
func unanswered(itemIDs []string) error {
	ps := make([]apperr.FieldProblem, len(itemIDs))
	for i, id := range itemIDs {
		ps[i] = apperr.FieldProblem{Field: id, Problem: "is not answered"}
	}
	msg := fmt.Sprintf("Answer every question before you submit: %d not answered yet", len(itemIDs))
	if len(itemIDs) == 1 {
		msg = "Answer every question before you submit: 1 not answered yet"
	}
	return apperr.Invalid(msg, ps...)
}

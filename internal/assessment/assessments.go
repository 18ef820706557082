package assessment

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"strings"
	"time"

	"vcready/internal/apperr"
	"vcready/internal/auth"
	"vcready/internal/questionnaire"
	"vcready/internal/scoring"
)

// Assessment statuses.
const (
	StatusDraft     = "draft"
	StatusSubmitted = "submitted"
)

// Assessment is one team's answers to one version of a questionnaire. Several members
// may work on one draft; once submitted it never changes.
type Assessment struct {
	ID             string
	TeamID         string
	OrganisationID string
	Questionnaire  QuestionnaireRef
	Status         string
	CreatedAt      time.Time
	CreatedBy      string
	SubmittedAt    *time.Time
	SubmittedBy    string
	Answers        []Answer
	// Scores are provisional for a draft (computed on read over what is answered so
	// far) and final once submitted: then always the stored ones, never recomputed.
	Scores scoring.Result
}

// QuestionnaireRef names exactly what was answered: the hash tells two files with the
// same id and version but different content apart.
type QuestionnaireRef struct {
	ID      string
	Version string
	Hash    string
}

// Answer is a team's answer to one item, with who last changed it and when: several
// members can work on one draft.
type Answer struct {
	questionnaire.Answer
	UpdatedBy string
	// UpdatedByEmail is the email of UpdatedBy, or "" once that user is removed.
	UpdatedByEmail string
	UpdatedAt      time.Time
}

// Summary is an assessment as listed: enough to pick one and see its progress.
type Summary struct {
	ID            string
	TeamID        string
	Questionnaire QuestionnaireRef
	Status        string
	CreatedAt     time.Time
	CreatedBy     string
	SubmittedAt   *time.Time
	// Overall is the overall score: final once submitted, provisional for a draft, nil
	// when nothing can be scored yet.
	Overall *float64
	// Answered counts the scored items with an answer (not_applicable and dont_know
	// included) out of ScoredItems.
	Answered    int
	ScoredItems int
}

// Create starts a draft assessment for a team with questionnaire questionnaireID, or
// the default questionnaire when it is empty. The draft keeps that version for life.
func (s *Service) Create(ctx context.Context, p *auth.Principal, teamID, questionnaireID string) (*Assessment, error) {
	t, err := s.GetTeam(ctx, p, teamID)
	if err != nil {
		return nil, err
	}
	if !p.CanWorkOnTeam(t.OrganisationID, t.ID) {
		return nil, apperr.Forbidden("you cannot start assessments for this team")
	}
	q, err := s.pickQuestionnaire(questionnaireID)
	if err != nil {
		return nil, err
	}
	a := &Assessment{
		ID: s.NewID(), TeamID: t.ID, OrganisationID: t.OrganisationID,
		Questionnaire: QuestionnaireRef{ID: q.ID, Version: q.Version, Hash: q.Hash},
		Status:        StatusDraft, CreatedAt: s.now(), CreatedBy: p.UserID, Answers: []Answer{},
	}
	if err := s.st.CreateAssessment(ctx, a); err != nil {
		return nil, fmt.Errorf("create assessment for team %s: %w", teamID, err)
	}
	a.Scores = scoring.Score(q, nil)
	return a, nil
}

// pickQuestionnaire returns the newest version of the questionnaire with the given id,
// or the default one for "".
func (s *Service) pickQuestionnaire(id string) (*questionnaire.Questionnaire, error) {
	if id == "" {
		return s.qs.Default(), nil
	}
	if q, ok := s.qs.Get(id); ok {
		return q, nil
	}
	var ids []string
	for _, q := range s.qs.All() {
		if !slices.Contains(ids, q.ID) {
			ids = append(ids, q.ID)
		}
	}
	return nil, apperr.Invalid("Unknown questionnaire", apperr.FieldProblem{
		Field: "questionnaire_id", Problem: "must be one of " + strings.Join(ids, ", ")})
}

// List returns a team's assessments, newest first.
func (s *Service) List(ctx context.Context, p *auth.Principal, teamID string) ([]Summary, error) {
	if _, err := s.GetTeam(ctx, p, teamID); err != nil {
		return nil, err
	}
	as, err := s.st.TeamAssessments(ctx, teamID)
	if err != nil {
		return nil, fmt.Errorf("list assessments of team %s: %w", teamID, err)
	}
	out := make([]Summary, 0, len(as))
	for _, a := range as {
		out = append(out, s.summarise(a))
	}
	return out, nil
}

// summarise counts progress from the scores, which a submitted assessment keeps even
// when its questionnaire is no longer loaded. A draft whose questionnaire is gone is
// listed without progress rather than failing the whole list.
func (s *Service) summarise(a *Assessment) Summary {
	sum := Summary{ID: a.ID, TeamID: a.TeamID, Questionnaire: a.Questionnaire, Status: a.Status,
		CreatedAt: a.CreatedAt, CreatedBy: a.CreatedBy, SubmittedAt: a.SubmittedAt}
	res := a.Scores
	if a.Status == StatusDraft {
		q, ok := s.Questionnaire(a)
		if !ok {
			return sum
		}
		res = scoring.Score(q, answerMap(a.Answers))
	}
	sum.Overall = res.Overall
	for _, c := range res.Considerations {
		sum.ScoredItems += c.Items
		sum.Answered += c.Items - c.Missing
	}
	return sum
}

// Get returns an assessment to the people who may see its team. A draft's scores are
// computed now, with the questionnaire version it was started with; a submitted
// assessment's are the stored ones.
func (s *Service) Get(ctx context.Context, p *auth.Principal, id string) (*Assessment, error) {
	a, err := s.visible(ctx, p, id)
	if err != nil {
		return nil, err
	}
	return s.complete(a)
}

// visible loads an assessment if p may see its team; otherwise it does not exist.
func (s *Service) visible(ctx context.Context, p *auth.Principal, id string) (*Assessment, error) {
	if p == nil {
		return nil, apperr.NotFound("assessment")
	}
	a, err := s.st.Assessment(ctx, id)
	if err != nil {
		return nil, fmt.Errorf("get assessment %s: %w", id, err)
	}
	if !p.CanSeeTeam(a.OrganisationID, a.TeamID) {
		return nil, apperr.NotFound("assessment")
	}
	return a, nil
}

// workable loads an assessment p may see and work on.
func (s *Service) workable(ctx context.Context, p *auth.Principal, id string) (*Assessment, error) {
	a, err := s.visible(ctx, p, id)
	if err != nil {
		return nil, err
	}
	if !p.CanWorkOnTeam(a.OrganisationID, a.TeamID) {
		return nil, apperr.Forbidden("you cannot work on this team's assessments")
	}
	return a, nil
}

// complete puts the answers in questionnaire order and gives a draft its provisional
// scores.
func (s *Service) complete(a *Assessment) (*Assessment, error) {
	q, ok := s.Questionnaire(a)
	if ok {
		sortAnswers(q, a.Answers)
	}
	if a.Status == StatusSubmitted {
		return a, nil
	}
	if !ok {
		return nil, questionnaireGone(a)
	}
	a.Scores = scoring.Score(q, answerMap(a.Answers))
	return a, nil
}

// Previous returns the team's assessment submitted most recently before a (before now,
// for a draft), to show change since last time; nil when there is none.
func (s *Service) Previous(ctx context.Context, p *auth.Principal, id string) (*Assessment, error) {
	a, err := s.visible(ctx, p, id)
	if err != nil {
		return nil, err
	}
	prev, err := s.st.LatestSubmitted(ctx, a.TeamID, a.SubmittedAt)
	if errors.Is(err, apperr.ErrNotFound) {
		return nil, nil
	}
	if err != nil {
		return nil, fmt.Errorf("previous assessment of %s: %w", id, err)
	}
	return s.complete(prev)
}

// Questionnaire returns the exact version a was started with, if it is still loaded.
// Its hash may differ from a.Questionnaire.Hash when the file was edited in place;
// a submitted assessment's scores never depend on it.
func (s *Service) Questionnaire(a *Assessment) (*questionnaire.Questionnaire, bool) {
	return s.qs.Version(a.Questionnaire.ID, a.Questionnaire.Version)
}

// questionnaireGone is the error for a draft whose questionnaire version was removed
// from the deployment: it can be neither scored nor checked.
func questionnaireGone(a *Assessment) error {
	return apperr.Conflict(fmt.Sprintf(
		"this draft uses questionnaire %s version %s, which is no longer available; start a new assessment",
		a.Questionnaire.ID, a.Questionnaire.Version))
}

// answerMap indexes answers by item for scoring.
func answerMap(as []Answer) scoring.Answers {
	m := make(scoring.Answers, len(as))
	for _, a := range as {
		m[a.ItemID] = a.Answer
	}
	return m
}

// sortAnswers orders answers as the questionnaire asks its items; answers to items the
// questionnaire no longer has go last.
func sortAnswers(q *questionnaire.Questionnaire, as []Answer) {
	order := map[string]int{}
	for _, c := range q.Considerations {
		for _, it := range c.Items {
			order[it.ID] = len(order)
		}
	}
	pos := func(id string) int {
		if i, ok := order[id]; ok {
			return i
		}
		return len(order)
	}
	slices.SortStableFunc(as, func(x, y Answer) int { return pos(x.ItemID) - pos(y.ItemID) })
}

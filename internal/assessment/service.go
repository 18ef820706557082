// Package assessment is vcready's application service: organisations, their teams,
// and the teams' assessments from first answer to submitted scores. Every method takes
// the principal it acts for and asks the one access policy (auth) whether it may.
//
// The service declares the Store it needs and knows nothing of HTTP or SQL; the web
// layer calls it and the store package implements Store.
package assessment

import (
	"context"
	"errors"
	"time"

	"vcready/internal/apperr"
	"vcready/internal/id"
	"vcready/internal/questionnaire"
)

// Store is the persistence the service needs. Methods that find nothing return an
// error wrapping apperr.ErrNotFound.
type Store interface {
	// CreateOrganisation fails with ErrDuplicateName when the name (any case) is taken.
	CreateOrganisation(ctx context.Context, o Organisation) error
	Organisation(ctx context.Context, id string) (Organisation, error)
	// UpdateOrganisation writes an organisation's name and settings; ErrDuplicateName
	// as for CreateOrganisation.
	UpdateOrganisation(ctx context.Context, o Organisation) error
	// Organisations lists every organisation by name.
	Organisations(ctx context.Context) ([]Organisation, error)

	// CreateTeam and UpdateTeam fail with ErrDuplicateName when another team of the
	// organisation has the name (any case).
	CreateTeam(ctx context.Context, t Team) error
	UpdateTeam(ctx context.Context, t Team) error
	Team(ctx context.Context, id string) (Team, error)
	// Teams lists an organisation's teams by name.
	Teams(ctx context.Context, organisationID string) ([]Team, error)

	// CreateAssessment stores a new draft without answers.
	CreateAssessment(ctx context.Context, a *Assessment) error
	// Assessment returns an assessment with its answers and, once submitted, its
	// stored scores.
	Assessment(ctx context.Context, id string) (*Assessment, error)
	// TeamAssessments returns a team's assessments, with answers, newest first.
	TeamAssessments(ctx context.Context, teamID string) ([]*Assessment, error)
	// SaveAnswers upserts answers, keeping the assessment's other answers. It checks
	// that the assessment is a draft in the same transaction, failing with
	// ErrSubmitted otherwise, so a concurrent submission cannot slip in between.
	// Items named in clear lose their answers in the same transaction.
	SaveAnswers(ctx context.Context, assessmentID string, answers []Answer, clear []string) error
	// SubmitAssessment reads the draft and calls submit with it inside one write
	// transaction; when submit returns nil it stores what submit set (status,
	// submitted at and by, scores, questionnaire hash). Answers cannot change between
	// the read and the write, so the stored scores are the scores of the stored
	// answers. It fails with ErrSubmitted when the assessment is not a draft, and
	// with submit's error as is.
	SubmitAssessment(ctx context.Context, id string, submit func(*Assessment) error) (*Assessment, error)
	// LatestSubmitted returns the team's most recently submitted assessment that was
	// submitted strictly before before (any time when before is nil).
	LatestSubmitted(ctx context.Context, teamID string, before *time.Time) (*Assessment, error)
	// SubmittedAssessments returns every submitted assessment of the organisation,
	// with answers and stored scores, in submission order.
	SubmittedAssessments(ctx context.Context, organisationID string) ([]*Assessment, error)

	OpenDataStore

	ScoresStore // comparison.go
	PlanStore   // plans.go
}

// Errors a Store returns for the service to turn into messages a user can act on.
var (
	// ErrDuplicateName: an organisation, or a team within its organisation, already
	// has this name in some mix of upper and lower case.
	ErrDuplicateName = errors.New("name already taken")
	// ErrSubmitted: the assessment is submitted, and a submitted assessment never
	// changes. It is a conflict, so the web layer answers 409 without translation.
	ErrSubmitted = apperr.Conflict("this assessment has been submitted and can no longer be changed")
)

// Service runs organisations, teams and assessments for the principals it is given.
type Service struct {
	st    Store
	qs    *questionnaire.Set
	bench *benchmarks

	// Now and NewID are the clock and id source; tests replace them to get stable
	// times and ids.
	Now   func() time.Time
	NewID func() string

	openData *openDataBuilds
}

// New returns a service on st that scores with the questionnaires of qs.
func New(st Store, qs *questionnaire.Set) *Service {
	return &Service{st: st, qs: qs, bench: newBenchmarks(st), Now: time.Now, NewID: id.New, openData: &openDataBuilds{}}
}

// WithClock returns a copy of the service that reads the time from now, for work
// that must be dated (the demo's assessments "six months ago"). The original is not
// changed, so requests being served are unaffected.
func (s *Service) WithClock(now func() time.Time) *Service {
	cp := *s
	cp.Now = now
	return &cp
}

// now is the current time in UTC, truncated to the microsecond that PostgreSQL keeps,
// so a value the service returns equals the one read back later on either database.
func (s *Service) now() time.Time {
	return s.Now().UTC().Truncate(time.Microsecond)
}

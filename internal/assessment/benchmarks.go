package assessment

import (
	"context"
	"errors"
	"fmt"
	"strconv"
	"sync"

	"vcready/internal/apperr"
	"vcready/internal/auth"
	"vcready/internal/benchmark"
	"vcready/internal/questionnaire"
	"vcready/internal/scoring"
)

// CohortStore is the persistence benchmarks need, beyond Store. The service uses it
// when its Store also implements it; otherwise benchmarks are unavailable.
type CohortStore interface {
	// BenchmarkVersion is a counter that every change to benchmark data (a submission,
	// an organisation's sharing setting, a team's attributes) bumps in the change's own
	// transaction.
	BenchmarkVersion(ctx context.Context) (int64, error)
	// CohortScores calls fn with every scored consideration of every team's latest
	// submitted assessment per questionnaire id and major version, the rows of one
	// assessment together, stopping at fn's first error.
	CohortScores(ctx context.Context, fn func(CohortScore) error) error
	// TeamCohortScores is CohortScores for one team.
	TeamCohortScores(ctx context.Context, teamID string, fn func(CohortScore) error) error
	// BenchmarkChanges lists the changes with a version after since, oldest first.
	BenchmarkChanges(ctx context.Context, since int64) ([]BenchmarkChange, error)
}

// BenchmarkChange is one logged change to benchmark data: a team's latest scores or
// attributes (TeamID), or an organisation's sharing setting (OrganisationID).
type BenchmarkChange struct {
	Version        int64
	TeamID         string
	OrganisationID string
}

// CohortScore is one row of CohortScores.
type CohortScore struct {
	AssessmentID, QuestionnaireID, QuestionnaireVersion string
	TeamID, OrganisationID, Setting, Specialty, Nation  string
	// Shares is the organisation's ShareWithOtherOrganisations.
	Shares bool
	// Consideration is "" on the one row of an assessment with no scored
	// consideration.
	Consideration string
	Exact         float64
}

// Benchmark is how a submitted assessment compares with a cohort of other teams.
type Benchmark struct {
	AssessmentID string
	Cohort       benchmark.Kind
	// Teams is the largest cohort over the considerations: how many other teams'
	// latest results the comparison draws on.
	Teams int
	// OwnOrganisationOnly: the team's organisation does not share with other
	// organisations, so every cohort holds only its own teams.
	OwnOrganisationOnly bool
	Considerations      []BenchmarkConsideration
}

// BenchmarkConsideration is one consideration's comparison. The figures are nil when
// Suppressed (fewer than benchmark.MinCohort teams have a score), so they cannot be
// shown by mistake; Percentile is also nil when the assessment has no score for it.
type BenchmarkConsideration struct {
	Key                string
	Score              *float64 // rounded, as shown
	N                  int
	Suppressed         bool
	Percentile, Median *float64
	P25, P75           *float64
}

// ErrBenchmarksUnavailable: the store cannot list cohorts.
var ErrBenchmarksUnavailable = apperr.Unavailable("compare with other teams", errors.New("the store cannot list cohorts"))

// benchmarks is the service's in-memory benchmark index and the version of the data
// it was built from.
type benchmarks struct {
	st   CohortStore // nil: unavailable
	orgs Store       // to read an organisation's sharing setting

	mu      sync.RWMutex
	ix      *benchmark.Index
	version int64 // of the data ix was built from; -1 when it is known to be stale
}

func newBenchmarks(st Store) *benchmarks {
	cs, _ := st.(CohortStore)
	return &benchmarks{st: cs, orgs: st}
}

// population names a questionnaire id and major version: one benchmark population.
func population(questionnaireID, version string) string {
	return questionnaireID + "@" + strconv.Itoa(questionnaire.Major(version))
}

// Benchmark compares submitted assessment id with its cohort of kind, for the people
// who may see the assessment. A draft has no benchmark yet (a conflict).
func (s *Service) Benchmark(ctx context.Context, p *auth.Principal, id string, kind benchmark.Kind) (*Benchmark, error) {
	a, err := s.visible(ctx, p, id)
	if err != nil {
		return nil, err
	}
	if a.Status != StatusSubmitted {
		return nil, apperr.Conflict("this assessment is a draft: submit it to compare it with other teams")
	}
	self, err := s.member(ctx, a.TeamID)
	if err != nil {
		return nil, fmt.Errorf("benchmark %s: %w", id, err)
	}
	out := &Benchmark{AssessmentID: a.ID, Cohort: kind, OwnOrganisationOnly: !self.Shares}
	pop := population(a.Questionnaire.ID, a.Questionnaire.Version)
	err = s.bench.use(ctx, func(ix *benchmark.Index) {
		for _, c := range a.Scores.Considerations {
			bc := compareConsideration(ix, pop, self, kind, c)
			out.Teams = max(out.Teams, bc.N)
			out.Considerations = append(out.Considerations, bc)
		}
	})
	if err != nil {
		return nil, fmt.Errorf("benchmark %s: %w", id, err)
	}
	return out, nil
}

// use calls fn with an index at least as new as the stored data: it reads the version
// (one tiny query), and only when the index is older rebuilds it, once, while other
// requests wait. Requests on a current index share it.
func (b *benchmarks) use(ctx context.Context, fn func(*benchmark.Index)) error {
	if b.st == nil {
		return ErrBenchmarksUnavailable
	}
	v, err := b.st.BenchmarkVersion(ctx)
	if err != nil {
		return err
	}
	b.mu.RLock()
	if b.ix != nil && b.version >= v {
		defer b.mu.RUnlock()
		fn(b.ix)
		return nil
	}
	b.mu.RUnlock()
	b.mu.Lock()
	defer b.mu.Unlock()
	if b.ix == nil || b.version < v {
		if err := b.refresh(ctx, v); err != nil {
			return err
		}
	}
	fn(b.ix)
	return nil
}

// maxCatchUp is the most logged changes applied one by one; beyond it a rebuild is
// cheaper.
const maxCatchUp = 1000

// refresh brings the index up to version v: by applying the changes logged since its
// version when it has one (each a query for one team or organisation), else by a
// rebuild. b.mu is held.
func (b *benchmarks) refresh(ctx context.Context, v int64) error {
	if b.ix == nil || b.version < 0 || v-b.version > maxCatchUp {
		return b.rebuild(ctx, v)
	}
	changes, err := b.st.BenchmarkChanges(ctx, b.version)
	if err != nil {
		return err
	}
	if len(changes) == 0 || changes[0].Version != b.version+1 || changes[len(changes)-1].Version < v {
		return b.rebuild(ctx, v) // the log does not cover the gap
	}
	for _, c := range changes {
		if err := b.applyChange(ctx, c); err != nil {
			b.version = -1 // partly applied: rebuild next time
			return err
		}
	}
	b.version = changes[len(changes)-1].Version
	return nil
}

// applyChange reads one changed team's latest scores, or one organisation's sharing,
// as stored now (which may be newer than the change: applying it again is harmless).
func (b *benchmarks) applyChange(ctx context.Context, c BenchmarkChange) error {
	if c.OrganisationID != "" {
		o, err := b.orgs.Organisation(ctx, c.OrganisationID)
		if err != nil {
			return fmt.Errorf("apply benchmark change %d: %w", c.Version, err)
		}
		b.ix.SetSharing(o.ID, o.ShareWithOtherOrganisations)
		return nil
	}
	add, last := entriesOf(func(pop string, e benchmark.Entry) bool {
		b.ix.Put(pop, e)
		return true
	})
	if err := b.st.TeamCohortScores(ctx, c.TeamID, add); err != nil {
		return fmt.Errorf("apply benchmark change %d: %w", c.Version, err)
	}
	last()
	return nil
}

func compareConsideration(ix *benchmark.Index, pop string, self benchmark.Member, kind benchmark.Kind, c scoring.Consideration) BenchmarkConsideration {
	st := ix.Compare(pop, self, kind, c.Key, c.Exact)
	bc := BenchmarkConsideration{Key: c.Key, Score: c.Score, N: st.N, Suppressed: st.Suppressed}
	if st.Suppressed {
		return bc
	}
	bc.Median, bc.P25, bc.P75 = &st.Median, &st.P25, &st.P75
	if c.Status == scoring.StatusScored {
		bc.Percentile = &st.Percentile
	}
	return bc
}

// member is a team as cohorts see it, read now.
func (s *Service) member(ctx context.Context, teamID string) (benchmark.Member, error) {
	t, err := s.st.Team(ctx, teamID)
	if err != nil {
		return benchmark.Member{}, err
	}
	o, err := s.st.Organisation(ctx, t.OrganisationID)
	if err != nil {
		return benchmark.Member{}, err
	}
	return benchmark.Member{Team: t.ID, Organisation: o.ID, Setting: t.Setting, Specialty: t.Specialty,
		Nation: t.Nation, Shares: o.ShareWithOtherOrganisations}, nil
}

// rebuild builds the index from every team's latest scores. The version is read
// before the scores, so a change that lands in between makes the index newer than
// its version, never older: the next request just rebuilds again.
func (b *benchmarks) rebuild(ctx context.Context, version int64) error {
	var err error
	ix := benchmark.Build(func(yield func(string, benchmark.Entry) bool) {
		add, last := entriesOf(yield)
		if err = b.st.CohortScores(ctx, add); err == nil {
			last()
		}
	})
	if errors.Is(err, errStop) {
		err = nil
	}
	if err != nil {
		return fmt.Errorf("build benchmark index: %w", err)
	}
	b.ix, b.version = ix, version
	return nil
}

var errStop = errors.New("stop")

// entriesOf turns rows, an assessment's together, into one entry per assessment:
// add takes each row, last yields the final entry.
func entriesOf(yield func(string, benchmark.Entry) bool) (add func(CohortScore) error, last func()) {
	var cur CohortScore
	var e benchmark.Entry
	flush := func() bool {
		return e.Scores == nil || yield(population(cur.QuestionnaireID, cur.QuestionnaireVersion), e)
	}
	add = func(r CohortScore) error {
		if e.Scores == nil || r.AssessmentID != cur.AssessmentID {
			if !flush() {
				return errStop
			}
			cur = r
			e = benchmark.Entry{Member: benchmark.Member{Team: r.TeamID, Organisation: r.OrganisationID,
				Setting: r.Setting, Specialty: r.Specialty, Nation: r.Nation, Shares: r.Shares},
				Scores: map[string]float64{}}
		}
		if r.Consideration != "" {
			e.Scores[r.Consideration] = r.Exact
		}
		return nil
	}
	return add, func() { flush() }
}

// LoadBenchmarks builds the benchmark index now (at start-up) rather than on the
// first benchmark request.
func (s *Service) LoadBenchmarks(ctx context.Context) error {
	return s.bench.use(ctx, func(*benchmark.Index) {})
}

// benchmarkSubmitted puts a just-committed submission into the index, so this
// instance need not rebuild for its own submissions. A failure here never fails the
// submission, which is already stored: the index is marked stale instead.
func (s *Service) benchmarkSubmitted(ctx context.Context, a *Assessment) {
	if s.bench.st == nil {
		return
	}
	self, err := s.member(ctx, a.TeamID)
	if err != nil {
		s.bench.stale()
		return
	}
	e := benchmark.Entry{Member: self, Scores: map[string]float64{}}
	for _, c := range a.Scores.Considerations {
		if c.Status == scoring.StatusScored {
			e.Scores[c.Key] = c.Exact
		}
	}
	s.bench.apply(ctx, func(ix *benchmark.Index) {
		ix.Put(population(a.Questionnaire.ID, a.Questionnaire.Version), e)
	})
}

// benchmarkSharingChanged moves a just-committed update of o (its sharing setting,
// perhaps unchanged) into the index.
func (s *Service) benchmarkSharingChanged(ctx context.Context, o Organisation) {
	s.bench.apply(ctx, func(ix *benchmark.Index) { ix.SetSharing(o.ID, o.ShareWithOtherOrganisations) })
}

// apply makes a change this instance just committed (one bump of the version) to the
// index in place. When the version shows that other changes landed too, or the index
// is not built or already stale, it leaves the index to be rebuilt on next use.
func (b *benchmarks) apply(ctx context.Context, change func(*benchmark.Index)) {
	if b.st == nil {
		return
	}
	b.mu.Lock()
	defer b.mu.Unlock()
	if b.ix == nil || b.version < 0 {
		return
	}
	v, err := b.st.BenchmarkVersion(ctx)
	if err != nil || (v != b.version+1 && v != b.version) {
		b.version = -1
		return
	}
	change(b.ix)
	b.version = v
}

// stale marks the index to be rebuilt on next use.
func (b *benchmarks) stale() {
	b.mu.Lock()
	defer b.mu.Unlock()
	b.version = -1
}

// benchmarkTeamChanged moves a just-committed update of t's attributes into the index.
func (s *Service) benchmarkTeamChanged(ctx context.Context, t Team) {
	s.bench.apply(ctx, func(ix *benchmark.Index) { ix.SetAttributes(t.ID, t.Setting, t.Specialty, t.Nation) })
}

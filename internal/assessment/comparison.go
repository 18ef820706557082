package assessment

import (
	"context"
	"fmt"
	"time"

	"vcready/internal/apperr"
	"vcready/internal/auth"
	"vcready/internal/benchmark"
	"vcready/internal/scoring"
)

// ScoresStore reads the stored scores of an organisation's submitted assessments, for
// comparisons and trends. It is part of Store, declared apart because only this file
// needs it.
type ScoresStore interface {
	// SubmittedScores returns every submitted assessment of the organisation, without
	// answers, ordered by team id, then newest submission first (ties by id
	// descending), in one query.
	SubmittedScores(ctx context.Context, organisationID string) ([]Submitted, error)
}

// Submitted is a submitted assessment's stored result, without its answers.
type Submitted struct {
	AssessmentID  string
	TeamID        string
	SubmittedAt   time.Time
	Questionnaire QuestionnaireRef
	Scores        scoring.Result
}

// ComparisonFilter narrows a comparison to teams with these attributes; "" is any.
type ComparisonFilter struct {
	Setting, Specialty, Nation string
}

// Comparison is an organisation's teams side by side, each with its latest submitted
// assessment and the change since the one before.
type Comparison struct {
	OrganisationID string
	Teams          []ComparisonRow
}

// ComparisonRow is one team of a comparison. A team that has submitted nothing yet is
// still listed (with Latest nil) so a lead sees who has not started.
type ComparisonRow struct {
	Team     Team
	Latest   *Submitted
	Previous *Submitted
	// Change is Latest minus Previous; nil unless both exist.
	Change *ScoreChange
}

// ScoreChange is the difference between two results in the stored, rounded scores a
// user sees, so that "Up 12.5" is the difference of the two figures on the page. A
// consideration without a score in either result has no entry; Overall is nil when
// either overall is.
type ScoreChange struct {
	Overall        *float64
	Considerations map[string]float64
}

// Compare returns the organisation's teams that match f, by name, each with its
// latest and previous submitted assessments. Admins and the organisation's leads may;
// its members are forbidden, anyone else is told it does not exist.
func (s *Service) Compare(ctx context.Context, p *auth.Principal, orgID string, f ComparisonFilter) (Comparison, error) {
	if err := f.check(); err != nil {
		return Comparison{}, err
	}
	teams, subs, err := s.organisationScores(ctx, p, orgID)
	if err != nil {
		return Comparison{}, err
	}
	byTeam := map[string][]Submitted{}
	for _, sub := range subs {
		byTeam[sub.TeamID] = append(byTeam[sub.TeamID], sub)
	}
	c := Comparison{OrganisationID: orgID, Teams: []ComparisonRow{}}
	for _, t := range teams {
		if f.matches(t) {
			c.Teams = append(c.Teams, comparisonRow(t, byTeam[t.ID]))
		}
	}
	return c, nil
}

// organisationScores reads the teams and every submitted result of an organisation p
// may manage: two queries, whatever the number of teams.
func (s *Service) organisationScores(ctx context.Context, p *auth.Principal, orgID string) ([]Team, []Submitted, error) {
	teams, err := s.ListTeams(ctx, p, orgID)
	if err != nil {
		return nil, nil, err
	}
	subs, err := s.st.SubmittedScores(ctx, orgID)
	if err != nil {
		return nil, nil, fmt.Errorf("read scores of organisation %s: %w", orgID, err)
	}
	return teams, subs, nil
}

// comparisonRow builds a team's row from its submissions, newest first.
func comparisonRow(t Team, subs []Submitted) ComparisonRow {
	row := ComparisonRow{Team: t}
	if len(subs) > 0 {
		row.Latest = &subs[0]
	}
	if len(subs) > 1 {
		row.Previous = &subs[1]
		ch := Change(subs[1].Scores, subs[0].Scores)
		row.Change = &ch
	}
	return row
}

// Change is cur minus prev, consideration by consideration (matched by key, so two
// versions of a questionnaire compare where their considerations agree), rounded to
// one decimal as scores are.
func Change(prev, cur scoring.Result) ScoreChange {
	ch := ScoreChange{Considerations: map[string]float64{}}
	if cur.Overall != nil && prev.Overall != nil {
		d := scoring.Round(*cur.Overall - *prev.Overall)
		ch.Overall = &d
	}
	before := map[string]*float64{}
	for _, c := range prev.Considerations {
		before[c.Key] = c.Score
	}
	for _, c := range cur.Considerations {
		if b := before[c.Key]; b != nil && c.Score != nil {
			ch.Considerations[c.Key] = scoring.Round(*c.Score - *b)
		}
	}
	return ch
}

// check refuses a filter key that is not in its vocabulary, naming the field.
func (f ComparisonFilter) check() error {
	var ps []apperr.FieldProblem
	for _, x := range []struct {
		field, key string
		terms      []Term
	}{
		{"setting", f.Setting, vocab.Settings},
		{"specialty", f.Specialty, vocab.Specialties},
		{"nation", f.Nation, vocab.Nations},
	} {
		if x.key != "" && index(x.terms, x.key) < 0 {
			ps = append(ps, apperr.FieldProblem{Field: x.field, Problem: "must be one of " + keys(x.terms)})
		}
	}
	if len(ps) > 0 {
		return apperr.Invalid("Check the filters", ps...)
	}
	return nil
}

func (f ComparisonFilter) matches(t Team) bool {
	return (f.Setting == "" || f.Setting == t.Setting) &&
		(f.Specialty == "" || f.Specialty == t.Specialty) &&
		(f.Nation == "" || f.Nation == t.Nation)
}

// Distribution is how one consideration's latest scores spread across a comparison's
// teams. With fewer than MinCohort scores it is Suppressed and carries N only: the
// quartiles of so few teams come close to naming one team's score. There is no
// minimum or maximum at all, since either is one team's score by construction.
type Distribution struct {
	Key              string
	N                int
	Suppressed       bool
	P25, Median, P75 float64
}

// Distributions returns the spread of each consideration in keys over the teams'
// latest scores (full precision, R type 7, rounded to one decimal).
func (c Comparison) Distributions(keys []string) []Distribution {
	byKey := map[string][]float64{}
	for _, row := range c.Teams {
		if row.Latest == nil {
			continue
		}
		for _, sc := range row.Latest.Scores.Considerations {
			if sc.Status == scoring.StatusScored {
				byKey[sc.Key] = append(byKey[sc.Key], sc.Exact)
			}
		}
	}
	out := make([]Distribution, 0, len(keys))
	for _, k := range keys {
		out = append(out, distribution(k, byKey[k]))
	}
	return out
}

func distribution(key string, xs []float64) Distribution {
	d := Distribution{Key: key, N: len(xs), Suppressed: len(xs) < benchmark.MinCohort}
	if d.Suppressed {
		return d
	}
	p25, median, p75 := benchmark.Quartiles(xs)
	d.P25, d.Median, d.P75 = scoring.Round(p25), scoring.Round(median), scoring.Round(p75)
	return d
}

package demo

import (
	"context"
	"math"
	mrand "math/rand/v2"
	"time"

	"vcready/internal/assessment"
	"vcready/internal/auth"
	"vcready/internal/questionnaire"
)

// Shape of the synthetic results: most teams improve a little each round, a few slip,
// and equity of access starts lower and improves more slowly than the rest, as the
// research behind the questionnaire found.
const (
	joinedLateShare = 0.3  // teams with two rounds (six months ago and now) instead of three
	slipShare       = 0.15 // rounds in which a team does a little worse than last time
	equityLag       = 0.12 // how far equity starts below a team's other considerations
	equityPace      = 0.5  // how much of a team's improvement reaches equity
	answerNoise     = 0.15 // spread of single answers around a team's level
)

// quarterStart is the first instant of t's calendar quarter, in UTC.
func quarterStart(t time.Time) time.Time {
	t = t.UTC()
	return time.Date(t.Year(), t.Month()-(t.Month()-1)%3, 1, 0, 0, 0, 0, time.UTC)
}

// Quarters are the starts of the calendar quarters (UTC) demo rounds fall in when
// seeded at now: the quarter a year before, the quarter six months before and now's
// own quarter.
func Quarters(now time.Time) []time.Time {
	q := quarterStart(now)
	return []time.Time{q.AddDate(0, -12, 0), q.AddDate(0, -6, 0), q}
}

// roundQuarters are the quarters of one team's rounds: all three, or the last two
// for a team that joined later.
func (s *seeder) roundQuarters() []time.Time {
	all := Quarters(s.now)
	if s.rng.Float64() < joinedLateShare {
		return all[1:]
	}
	return all
}

// within picks a moment in the quarter starting at q, before now: in working hours
// (UTC) unless the quarter has barely begun.
func (s *seeder) within(q time.Time) time.Time {
	end := q.AddDate(0, 3, 0)
	if end.After(s.now) {
		end = s.now
	}
	at := q.Add(time.Duration(float64(end.Sub(q)) * (0.05 + 0.9*s.rng.Float64()))).Truncate(time.Second)
	day := time.Date(at.Year(), at.Month(), at.Day(), 9, 0, 0, 0, time.UTC)
	if work := day.Add(time.Duration(s.rng.IntN(8*3600)) * time.Second); !work.After(s.now) {
		return work
	}
	return at
}

// progress is where a team stands: its level (0..1) before any improvement, how
// much it has improved since its first round, and how each consideration differs
// from its level.
type progress struct {
	base, gain float64
	offset     map[string]float64
}

// level is the team's level in the consideration key.
func (p *progress) level(rng *mrand.Rand, key string) float64 {
	off, ok := p.offset[key]
	if !ok {
		off = rng.NormFloat64() * 0.06
		if key == "equity" {
			off -= equityLag
		}
		p.offset[key] = off
	}
	pace := 1.0
	if key == "equity" {
		pace = equityPace
	}
	return clamp(p.base + off + pace*p.gain)
}

// step moves the team on by one round: mostly forward, sometimes back.
func (p *progress) step(rng *mrand.Rand) {
	if rng.Float64() < slipShare {
		p.gain -= 0.02 + 0.05*rng.Float64()
		return
	}
	p.gain += 0.04 + 0.10*rng.Float64()
}

// rounds submits the team's two or three assessments, oldest first, and returns how
// many it submitted.
func (s *seeder) rounds(ctx context.Context, p *auth.Principal, team assessment.Team) (int, error) {
	pr := &progress{base: 0.2 + 0.5*s.rng.Float64(), offset: map[string]float64{}}
	n := 0
	for i, q := range s.roundQuarters() {
		if i > 0 {
			pr.step(s.rng)
		}
		if err := s.submit(ctx, p, team, s.within(q), pr); err != nil {
			return n, err
		}
		n++
	}
	return n, nil
}

// submit starts, answers and submits one assessment dated at, through the service so
// the stored scores are the real ones: one write for all the answers, one to submit.
func (s *seeder) submit(ctx context.Context, p *auth.Principal, team assessment.Team, at time.Time, pr *progress) error {
	asm := s.asm.WithClock(func() time.Time { return at })
	a, err := asm.Create(ctx, p, team.ID, "")
	if err != nil {
		return err
	}
	q, _ := asm.Questionnaire(a)
	if err := asm.SaveDraftAnswers(ctx, p, a, s.answers(q, pr), nil); err != nil {
		return err
	}
	_, err = asm.Submit(ctx, p, a.ID)
	return err
}

// answers makes a plausible answer to every item for a team where pr says it is.
func (s *seeder) answers(q *questionnaire.Questionnaire, pr *progress) []questionnaire.Answer {
	var out []questionnaire.Answer
	for _, c := range q.Considerations {
		m := pr.level(s.rng, c.Key)
		for _, it := range c.Items {
			if a, ok := s.answer(it, m); ok {
				out = append(out, a)
			}
		}
	}
	return out
}

func (s *seeder) answer(it questionnaire.Item, m float64) (questionnaire.Answer, bool) {
	a := questionnaire.Answer{ItemID: it.ID}
	share := clamp(m + s.rng.NormFloat64()*answerNoise)
	switch it.Type {
	case questionnaire.TypeScale:
		if s.rng.Float64() < 0.04 {
			a.Status = questionnaire.DontKnow
			return a, true
		}
		if it.AllowNA && s.rng.Float64() < 0.15 {
			a.Status = questionnaire.NotApplicable
			return a, true
		}
		a.Level = ptr(int(math.Round(share * questionnaire.ScaleMax)))
	case questionnaire.TypeChoice:
		a.Option = closestOption(it.Options, share*float64(it.MaxScore()))
	case questionnaire.TypeChecklist:
		a.OptionsSet = true
		for _, o := range it.Options {
			if s.rng.Float64() < share {
				a.Options = append(a.Options, o.ID)
			}
		}
	case questionnaire.TypeNumber:
		if it.Min == nil || it.Max == nil {
			return a, false
		}
		lo, hi := *it.Min, math.Min(*it.Max, 100)
		a.Number = ptr(math.Round(lo + (hi-lo)*share*0.6))
	default:
		return a, false
	}
	return a, true
}

func closestOption(opts []questionnaire.Option, target float64) string {
	best, bestGap := "", math.Inf(1)
	for _, o := range opts {
		if gap := math.Abs(float64(o.Score) - target); gap < bestGap {
			best, bestGap = o.ID, gap
		}
	}
	return best
}

func clamp(f float64) float64 { return math.Max(0, math.Min(1, f)) }

func ptr[T any](v T) *T { return &v }

// Package demo seeds a clearly labelled demo organisation with synthetic teams and two
// rounds of submitted assessments, so that a first run of `vcready serve --demo`
// shows teams, results and progress straight away. Every name says it is a demo; no
// real service's data is used.
package demo

import (
	"context"
	"crypto/rand"
	"encoding/base32"
	"fmt"
	"math"
	mrand "math/rand/v2"
	"strings"
	"time"

	"vcready/internal/assessment"
	"vcready/internal/auth"
	"vcready/internal/questionnaire"
)

// OrganisationName is the demo organisation's name.
const OrganisationName = "Demo: Northshire Health (synthetic data)"

// Emails of the demo accounts.
const (
	LeadEmail   = "demo-lead@vcready.example"
	MemberEmail = "demo-member@vcready.example"
)

// Result says what Seed did and how to sign in.
type Result struct {
	Created      bool
	Organisation assessment.Organisation
	Teams        int
	Assessments  int
	Password     string // the demo accounts' password; empty when nothing was created
}

type teamSpec struct {
	name, setting, specialty, nation string
	maturity                         float64 // 0..1: how far along the team is
}

var teams = []teamSpec{
	{"Physiotherapy outpatients", "secondary_care", "physiotherapy", "england", 0.62},
	{"Riverside GP practice", "primary_care", "general_practice", "england", 0.48},
	{"Hillview Surgery", "primary_care", "general_practice", "scotland", 0.35},
	{"Community mental health team (North)", "mental_health", "mental_health", "england", 0.55},
	{"Children's diabetes service", "secondary_care", "paediatrics", "wales", 0.42},
	{"Dermatology clinic", "secondary_care", "dermatology", "england", 0.71},
	{"Heart failure nurses", "community", "cardiology", "northern_ireland", 0.30},
	{"Oncology follow-up", "secondary_care", "oncology", "england", 0.58},
	{"Pulmonary rehabilitation", "community", "respiratory", "scotland", 0.45},
	{"Community dietetics", "community", "dietetics", "wales", 0.38},
	{"Speech and language therapy", "community", "speech_and_language", "england", 0.51},
	{"Adult social care reviews", "social_care", "older_people", "england", 0.22},
	{"Memory clinic", "mental_health", "mental_health", "scotland", 0.40},
	{"MSK physiotherapy (West)", "community", "physiotherapy", "wales", 0.66},
}

// Seed creates the demo organisation unless one exists. now is the current time: the
// first round of assessments is dated six months before it, the second two weeks.
func Seed(ctx context.Context, acc *auth.Service, asm *assessment.Service, now time.Time) (Result, error) {
	orgs, err := asm.ListOrganisations(ctx, auth.System)
	if err != nil {
		return Result{}, err
	}
	for _, o := range orgs {
		if o.Demo {
			return Result{Organisation: o}, nil
		}
	}
	s := &seeder{acc: acc, asm: asm, now: now, rng: mrand.New(mrand.NewPCG(2020, 7)), password: newPassword()}
	return s.run(ctx)
}

type seeder struct {
	acc      *auth.Service
	asm      *assessment.Service
	now      time.Time
	rng      *mrand.Rand
	password string
	res      Result
}

func (s *seeder) run(ctx context.Context) (Result, error) {
	org, err := s.asm.CreateDemoOrganisation(ctx, auth.System, OrganisationName)
	if err != nil {
		return Result{}, fmt.Errorf("create demo organisation: %w", err)
	}
	s.res = Result{Created: true, Organisation: org, Password: s.password}
	lead, err := s.acc.CreateUser(ctx, auth.System, auth.NewUser{Email: LeadEmail, Name: "Demo Lead",
		Password: s.password, Role: auth.RoleLead, OrganisationID: org.ID})
	if err != nil {
		return Result{}, fmt.Errorf("create demo lead: %w", err)
	}
	for i, spec := range teams {
		team, err := s.asm.CreateTeam(ctx, auth.System, org.ID, assessment.TeamInput{
			Name: spec.name, Setting: spec.setting, Specialty: spec.specialty, Nation: spec.nation})
		if err != nil {
			return Result{}, fmt.Errorf("create demo team %q: %w", spec.name, err)
		}
		s.res.Teams++
		if i == 0 {
			if _, err := s.acc.CreateUser(ctx, auth.System, auth.NewUser{Email: MemberEmail, Name: "Demo Member",
				Password: s.password, Role: auth.RoleMember, TeamID: team.ID}); err != nil {
				return Result{}, fmt.Errorf("create demo member: %w", err)
			}
		}
		if err := s.rounds(ctx, lead.Principal(), team, spec.maturity); err != nil {
			return Result{}, err
		}
	}
	return s.res, nil
}

// rounds submits two assessments for team: one six months ago and one, a little
// better, two weeks ago.
func (s *seeder) rounds(ctx context.Context, p *auth.Principal, team assessment.Team, maturity float64) error {
	when := []time.Time{s.now.AddDate(0, -6, 0), s.now.AddDate(0, 0, -14)}
	for round, at := range when {
		m := maturity + float64(round)*(0.05+0.15*s.rng.Float64())
		if err := s.submit(ctx, p, team, at, min(m, 0.95)); err != nil {
			return fmt.Errorf("demo assessment for %q: %w", team.Name, err)
		}
	}
	return nil
}

func (s *seeder) submit(ctx context.Context, p *auth.Principal, team assessment.Team, at time.Time, m float64) error {
	at = at.Add(time.Duration(s.rng.IntN(8*3600)) * time.Second)
	asm := s.asm.WithClock(func() time.Time { return at })
	a, err := asm.Create(ctx, p, team.ID, "")
	if err != nil {
		return err
	}
	q, _ := asm.Questionnaire(a)
	if _, err := asm.SaveAnswers(ctx, p, a.ID, s.answers(q, m)); err != nil {
		return err
	}
	if _, err := asm.Submit(ctx, p, a.ID); err != nil {
		return err
	}
	s.res.Assessments++
	return nil
}

// answers makes a plausible answer to every item for a team of maturity m.
func (s *seeder) answers(q *questionnaire.Questionnaire, m float64) []questionnaire.Answer {
	var out []questionnaire.Answer
	for _, c := range q.Considerations {
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
	share := math.Max(0, math.Min(1, m+s.rng.NormFloat64()*0.18))
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

// newPassword makes a random password for the demo accounts, printed once at seeding:
// a demo on a shared server must not have a password anyone could guess.
func newPassword() string {
	b := make([]byte, 10)
	_, _ = rand.Read(b)
	return "demo-" + strings.ToLower(base32.StdEncoding.WithPadding(base32.NoPadding).EncodeToString(b))
}

func ptr[T any](v T) *T { return &v }

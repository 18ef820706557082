// Package demo seeds two clearly labelled demo organisations with synthetic teams and
// two or three rounds of submitted assessments each, in different calendar quarters,
// so that a first run of `vcready serve --demo` (or `vcready seed --demo`) shows
// teams, results, benchmarks against cohorts, change since last time and quarterly
// trends straight away. Every name says it is a demo; no real service's data is used.
package demo

import (
	"context"
	"crypto/rand"
	"encoding/base32"
	"fmt"
	mrand "math/rand/v2"
	"strings"
	"time"

	"vcready/internal/assessment"
	"vcready/internal/auth"
)

// OrganisationName is the first demo organisation's name, the one earlier versions
// seeded alone.
const OrganisationName = "Demo: Northshire Health (synthetic data)"

// Organisation2Name is the second demo organisation's name.
const Organisation2Name = "Demo: Southdale Care Partnership (synthetic data)"

// Emails of the demo accounts: a lead for each organisation and a member of the first
// organisation's first team.
const (
	LeadEmail   = "demo-lead@vcready.example"
	Lead2Email  = "demo-lead2@vcready.example"
	MemberEmail = "demo-member@vcready.example"
)

// Result says what Seed did and how to sign in.
type Result struct {
	// Organisations are the demo organisations in order, created now or found.
	Organisations []Seeded
	// Password is the password of every account created now; empty when none was.
	Password string
}

// Seeded is one demo organisation and what Seed created in it (nothing when it was
// already there).
type Seeded struct {
	Organisation assessment.Organisation
	Created      bool
	Teams        int
	Assessments  int
	Accounts     []Account
}

// Account is a demo account Seed created.
type Account struct {
	Email string
	Role  auth.Role
	Of    string // the organisation a lead leads, or the team a member belongs to
}

// Created reports whether Seed created anything.
func (r Result) Created() bool { return r.Password != "" }

// Teams counts the teams Seed created, over every organisation.
func (r Result) Teams() int { return r.sum(func(s Seeded) int { return s.Teams }) }

// Assessments counts the submitted assessments Seed created, over every organisation.
func (r Result) Assessments() int { return r.sum(func(s Seeded) int { return s.Assessments }) }

func (r Result) sum(f func(Seeded) int) int {
	n := 0
	for _, s := range r.Organisations {
		n += f(s)
	}
	return n
}

// Seed creates each demo organisation that does not exist yet (a demo organisation of
// the same name), with its teams, accounts and assessments; running it again creates
// nothing. now is the current time: rounds are dated in the quarter a year before it,
// the quarter six months before it and its own quarter, never after it. Everything but
// the password is the same on every run for the same now.
func Seed(ctx context.Context, acc *auth.Service, asm *assessment.Service, now time.Time) (Result, error) {
	existing, err := demoOrganisations(ctx, asm)
	if err != nil {
		return Result{}, err
	}
	var res Result
	for _, spec := range organisations {
		if o, ok := existing[spec.name]; ok {
			res.Organisations = append(res.Organisations, Seeded{Organisation: o})
			continue
		}
		if res.Password == "" {
			res.Password = newPassword()
		}
		s := &seeder{acc: acc, asm: asm, now: now.UTC(), password: res.Password,
			rng: mrand.New(mrand.NewPCG(2020, spec.seed))}
		done, err := s.organisation(ctx, spec)
		if err != nil {
			return Result{}, fmt.Errorf("seed %q: %w", spec.name, err)
		}
		res.Organisations = append(res.Organisations, done)
	}
	return res, nil
}

// demoOrganisations returns the demo organisations that exist, by name.
func demoOrganisations(ctx context.Context, asm *assessment.Service) (map[string]assessment.Organisation, error) {
	orgs, err := asm.ListOrganisations(ctx, auth.System)
	if err != nil {
		return nil, fmt.Errorf("list organisations: %w", err)
	}
	out := map[string]assessment.Organisation{}
	for _, o := range orgs {
		if o.Demo {
			out[o.Name] = o
		}
	}
	return out, nil
}

type seeder struct {
	acc      *auth.Service
	asm      *assessment.Service
	now      time.Time
	rng      *mrand.Rand
	password string
}

// organisation creates one demo organisation, its lead, its teams with their rounds
// of assessments and, if it has one, its member (in the first team).
func (s *seeder) organisation(ctx context.Context, spec organisationSpec) (Seeded, error) {
	org, err := s.asm.CreateDemoOrganisation(ctx, auth.System, spec.name)
	if err != nil {
		return Seeded{}, fmt.Errorf("create organisation: %w", err)
	}
	out := Seeded{Organisation: org, Created: true}
	lead, err := s.user(ctx, &out, spec.lead, auth.RoleLead, org.ID, "", org.Name)
	if err != nil {
		return Seeded{}, err
	}
	for i, ts := range spec.teams {
		team, err := s.asm.CreateTeam(ctx, auth.System, org.ID, assessment.TeamInput{
			Name: ts.name, Setting: ts.setting, Specialty: ts.specialty, Nation: ts.nation})
		if err != nil {
			return Seeded{}, fmt.Errorf("create team %q: %w", ts.name, err)
		}
		out.Teams++
		if i == 0 && spec.member.email != "" {
			if _, err := s.user(ctx, &out, spec.member, auth.RoleMember, "", team.ID, team.Name); err != nil {
				return Seeded{}, err
			}
		}
		n, err := s.rounds(ctx, lead.Principal(), team)
		out.Assessments += n
		if err != nil {
			return Seeded{}, fmt.Errorf("assessments of %q: %w", ts.name, err)
		}
	}
	return out, nil
}

// user creates a demo account and notes it in out.
func (s *seeder) user(ctx context.Context, out *Seeded, a account, role auth.Role, orgID, teamID, of string) (auth.User, error) {
	u, err := s.acc.CreateUser(ctx, auth.System, auth.NewUser{Email: a.email, Name: a.name,
		Password: s.password, Role: role, OrganisationID: orgID, TeamID: teamID})
	if err != nil {
		return auth.User{}, fmt.Errorf("create %s %s: %w", role, a.email, err)
	}
	out.Accounts = append(out.Accounts, Account{Email: a.email, Role: role, Of: of})
	return u, nil
}

// newPassword makes a random password for the demo accounts, printed once at seeding:
// a demo on a shared server must not have a password anyone could guess.
func newPassword() string {
	b := make([]byte, 10)
	_, _ = rand.Read(b)
	return "demo-" + strings.ToLower(base32.StdEncoding.WithPadding(base32.NoPadding).EncodeToString(b))
}

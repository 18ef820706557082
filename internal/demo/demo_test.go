package demo

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"

	"vcready/internal/assessment"
	"vcready/internal/auth"
	"vcready/internal/questionnaire"
	"vcready/internal/store"
	"vcready/internal/store/storetest"
	"vcready/questionnaires"
)

// now is the seeding time of every test: in 2026-Q4, so rounds fall in 2025-Q4,
// 2026-Q2 and 2026-Q4.
var now = time.Date(2026, 11, 25, 12, 0, 0, 0, time.UTC)

type world struct {
	st  *store.Store
	acc *auth.Service
	asm *assessment.Service
}

func newWorld(t *testing.T) world {
	t.Helper()
	st := storetest.SQLite(t)
	qs, err := questionnaire.Load(questionnaires.FS())
	if err != nil {
		t.Fatal(err)
	}
	return world{st: st, acc: auth.NewService(st, auth.Options{}), asm: assessment.New(st, qs)}
}

func (w world) seed(t *testing.T) Result {
	t.Helper()
	res, err := Seed(context.Background(), w.acc, w.asm, now)
	if err != nil {
		t.Fatalf("Seed: %v", err)
	}
	return res
}

// teams returns every team of the demo organisations, as its lead sees them.
func (w world) teams(t *testing.T, res Result) []assessment.Team {
	t.Helper()
	var out []assessment.Team
	for _, s := range res.Organisations {
		tms, err := w.asm.ListTeams(context.Background(), auth.System, s.Organisation.ID)
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, tms...)
	}
	return out
}

// rounds returns a team's submitted assessments, oldest first.
func (w world) rounds(t *testing.T, team assessment.Team) []assessment.Summary {
	t.Helper()
	list, err := w.asm.List(context.Background(), auth.System, team.ID)
	if err != nil {
		t.Fatal(err)
	}
	slices.Reverse(list)
	return list
}

func (w world) counts(t *testing.T) map[string]int64 {
	t.Helper()
	out := map[string]int64{}
	for _, table := range []string{"organisations", "teams", "users", "assessments", "answers", "assessment_scores"} {
		out[table] = storetest.CountRows(t, w.st, table)
	}
	return out
}

func TestSeedCreatesTwoLabelledDemoOrganisationsOnce(t *testing.T) {
	t.Parallel()
	w := newWorld(t)
	start := time.Now()
	res := w.seed(t)
	t.Logf("seeded %d teams and %d assessments in %v", res.Teams(), res.Assessments(), time.Since(start))
	if !res.Created() || len(res.Organisations) != 2 || res.Teams() < 60 {
		t.Fatalf("result = %+v, want 2 organisations and 60+ teams created", res)
	}
	for _, s := range res.Organisations {
		name := strings.ToLower(s.Organisation.Name)
		if !s.Created || !s.Organisation.Demo || !strings.Contains(name, "demo") || !strings.Contains(name, "synthetic") {
			t.Errorf("organisation %+v: want a created demo organisation named as demo and synthetic", s.Organisation)
		}
	}
	teams := w.teams(t, res)
	if len(teams) != res.Teams() {
		t.Errorf("%d teams stored, result says %d", len(teams), res.Teams())
	}
	w.checkAccounts(t, res, LeadEmail, MemberEmail, Lead2Email)
	before := w.counts(t)
	again := w.seed(t)
	if again.Created() || again.Teams() != 0 || len(again.Organisations) != 2 {
		t.Errorf("second Seed = %+v, want both organisations found and nothing created", again)
	}
	if after := w.counts(t); fmt.Sprint(after) != fmt.Sprint(before) {
		t.Errorf("second Seed changed the row counts: %v, then %v", before, after)
	}
}

func TestSeedSpreadsTeamsOverEverySettingAndNation(t *testing.T) {
	t.Parallel()
	w := newWorld(t)
	teams := w.teams(t, w.seed(t))
	voc := w.asm.Vocabularies()
	for _, c := range []struct {
		name  string
		terms []assessment.Term
		of    func(assessment.Team) string
	}{
		{"setting", voc.Settings, func(t assessment.Team) string { return t.Setting }},
		{"nation", voc.Nations, func(t assessment.Team) string { return t.Nation }},
	} {
		n := map[string]int{}
		for _, tm := range teams {
			n[c.of(tm)]++
		}
		cohorts, small := 0, 0
		for _, term := range c.terms {
			switch {
			case n[term.Key] == 0:
				t.Errorf("no demo team has the %s %s", c.name, term.Key)
			case n[term.Key] > 5: // a cohort of 5+ other teams
				cohorts++
			case n[term.Key] < 5:
				small++
			}
		}
		if cohorts < 4 || small == 0 {
			t.Errorf("%s counts %v: want 4+ groups of 6+ teams and one of under 5", c.name, n)
		}
	}
	used := map[string]bool{}
	for _, tm := range teams {
		used[tm.Specialty] = true
	}
	if len(used) != len(voc.Specialties) {
		t.Errorf("%d of %d specialties used", len(used), len(voc.Specialties))
	}
}

func TestSeedRoundsFallInDistinctQuartersAndImprove(t *testing.T) {
	t.Parallel()
	w := newWorld(t)
	quarters := Quarters(now)
	if want := time.Date(2025, 10, 1, 0, 0, 0, 0, time.UTC); !quarters[0].Equal(want) || !quarters[2].Equal(want.AddDate(1, 0, 0)) {
		t.Fatalf("Quarters(%v) = %v, want 2025-Q4, 2026-Q2 and 2026-Q4", now, quarters)
	}
	var first, latest []float64
	for _, team := range w.teams(t, w.seed(t)) {
		list := w.rounds(t, team)
		if len(list) < 2 || len(list) > 3 {
			t.Fatalf("team %q has %d assessments, want 2 or 3", team.Name, len(list))
		}
		seen := map[time.Time]bool{}
		for _, s := range list {
			if s.Status != assessment.StatusSubmitted || s.SubmittedAt == nil || s.Overall == nil || s.SubmittedAt.After(now) {
				t.Fatalf("team %q: assessment %+v, want submitted and scored before now", team.Name, s)
			}
			in := quarterStart(*s.SubmittedAt)
			if !slices.Contains(quarters, in) || seen[in] {
				t.Errorf("team %q: submitted %v, want one round in each of %v", team.Name, s.SubmittedAt, quarters)
			}
			seen[in] = true
		}
		first, latest = append(first, *list[0].Overall), append(latest, *list[len(list)-1].Overall)
	}
	if m0, m1 := median(first), median(latest); m1 <= m0 {
		t.Errorf("median overall: first round %.1f, latest %.1f; want an improvement", m0, m1)
	}
}

// An older version seeded only the first organisation, with its lead and member:
// seeding again adds the second organisation and its lead, and nothing else.
func TestSeedAddsTheSecondOrganisationToAnOlderDemo(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	w := newWorld(t)
	old, err := w.asm.CreateDemoOrganisation(ctx, auth.System, OrganisationName)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := w.acc.CreateUser(ctx, auth.System, auth.NewUser{Email: LeadEmail, Name: "Demo Lead",
		Password: "an older demo password", Role: auth.RoleLead, OrganisationID: old.ID}); err != nil {
		t.Fatal(err)
	}
	res := w.seed(t)
	if len(res.Organisations) != 2 || res.Organisations[0].Created || res.Organisations[0].Organisation.ID != old.ID {
		t.Fatalf("result = %+v, want the old organisation found", res)
	}
	second := res.Organisations[1]
	if !second.Created || second.Organisation.Name != Organisation2Name || second.Teams < 25 ||
		len(second.Accounts) != 1 || second.Accounts[0].Email != Lead2Email {
		t.Fatalf("second organisation = %+v, want it created with its teams and its lead only", second)
	}
	w.checkAccounts(t, res, Lead2Email)
	lead, err := w.acc.Authenticate(ctx, Lead2Email, res.Password, "127.0.0.1")
	if err != nil {
		t.Fatal(err)
	}
	tms, err := w.asm.ListTeams(ctx, lead.Principal(), second.Organisation.ID)
	if err != nil || len(tms) != second.Teams {
		t.Errorf("the second lead sees %d teams (%v), want %d", len(tms), err, second.Teams)
	}
	if _, err := w.asm.ListTeams(ctx, lead.Principal(), old.ID); err == nil {
		t.Errorf("the second lead sees the first organisation's teams")
	}
	// The second organisation is the same whether or not the first was seeded with it.
	fresh := newWorld(t)
	if got, want := w.history(t, second), fresh.history(t, fresh.seed(t).Organisations[1]); got != want {
		t.Errorf("the second organisation differs when seeded alone:\n%s\nwant\n%s", got, want)
	}
}

// checkAccounts checks that Seed created the accounts emails, in order, and that each
// signs in with the printed password.
func (w world) checkAccounts(t *testing.T, res Result, emails ...string) {
	t.Helper()
	var got []string
	for _, s := range res.Organisations {
		for _, a := range s.Accounts {
			got = append(got, a.Email)
			if _, err := w.acc.Authenticate(context.Background(), a.Email, res.Password, "127.0.0.1"); err != nil {
				t.Errorf("%s cannot sign in with the printed password: %v", a.Email, err)
			}
		}
	}
	if !slices.Equal(got, emails) {
		t.Errorf("accounts %v, want %v", got, emails)
	}
}

// history is every team of s with its rounds' dates and overall scores, as text.
func (w world) history(t *testing.T, s Seeded) string {
	t.Helper()
	var b strings.Builder
	for _, team := range w.teams(t, Result{Organisations: []Seeded{s}}) {
		fmt.Fprintf(&b, "%s %s/%s/%s:", team.Name, team.Setting, team.Specialty, team.Nation)
		for _, r := range w.rounds(t, team) {
			fmt.Fprintf(&b, " %s %.2f", r.SubmittedAt.Format(time.RFC3339), *r.Overall)
		}
		b.WriteString("\n")
	}
	return b.String()
}

func median(xs []float64) float64 {
	s := slices.Sorted(slices.Values(xs))
	if len(s)%2 == 1 {
		return s[len(s)/2]
	}
	return (s[len(s)/2-1] + s[len(s)/2]) / 2
}

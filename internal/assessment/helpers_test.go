package assessment_test

import (
	"context"
	"errors"
	"fmt"
	"sync"
	"testing"
	"time"

	"vcready/internal/apperr"
	"vcready/internal/assessment"
	"vcready/internal/auth"
	"vcready/internal/questionnaire"
	"vcready/internal/store"
	"vcready/questionnaires"
)

var ctx = context.Background()

// realQuestionnaires loads the questionnaires shipped with vcready, once.
var realQuestionnaires = sync.OnceValues(func() (*questionnaire.Set, error) {
	return questionnaire.Load(questionnaires.FS())
})

func mustQuestionnaires(t testing.TB) *questionnaire.Set {
	t.Helper()
	qs, err := realQuestionnaires()
	if err != nil {
		t.Fatalf("load questionnaires: %v", err)
	}
	return qs
}

// fixture is two organisations with three teams, and a principal for every role the
// access policy tells apart.
type fixture struct {
	svc   *assessment.Service
	st    *store.Store
	clock time.Time

	orgA, orgB             assessment.Organisation
	teamA1, teamA2, teamB1 assessment.Team

	admin, leadA, leadB, memberA1, memberA2 *auth.Principal
}

// newFixture builds the fixture on st with a clock that moves one second per reading,
// so every timestamp is distinct and ordering tests are deterministic.
func newFixture(t *testing.T, st *store.Store) *fixture {
	t.Helper()
	f := &fixture{st: st, clock: time.Date(2025, 3, 1, 9, 0, 0, 123456789, time.UTC)}
	f.svc = newService(f, st, mustQuestionnaires(t))
	f.admin = &auth.Principal{UserID: "u-admin", Role: auth.RoleAdmin}
	f.orgA = f.mustOrganisation(t, "Northshire Healthcare NHS Trust")
	f.orgB = f.mustOrganisation(t, "Southdale Health Board")
	f.teamA1 = f.mustTeam(t, f.orgA.ID, "MSK Physiotherapy")
	f.teamA2 = f.mustTeam(t, f.orgA.ID, "Community Mental Health")
	f.teamB1 = f.mustTeam(t, f.orgB.ID, "Diabetes Clinic")
	f.leadA = &auth.Principal{UserID: "u-lead-a", Role: auth.RoleLead, OrganisationID: f.orgA.ID}
	f.leadB = &auth.Principal{UserID: "u-lead-b", Role: auth.RoleLead, OrganisationID: f.orgB.ID}
	f.memberA1 = &auth.Principal{UserID: "u-member-a1", Role: auth.RoleMember, OrganisationID: f.orgA.ID, TeamID: f.teamA1.ID}
	f.memberA2 = &auth.Principal{UserID: "u-member-a2", Role: auth.RoleMember, OrganisationID: f.orgA.ID, TeamID: f.teamA2.ID}
	return f
}

// newService returns a service on st and qs that shares the fixture's clock.
func newService(f *fixture, st *store.Store, qs *questionnaire.Set) *assessment.Service {
	svc := assessment.New(st, qs)
	svc.Now = func() time.Time {
		f.clock = f.clock.Add(time.Second)
		return f.clock
	}
	return svc
}

func (f *fixture) mustOrganisation(t *testing.T, name string) assessment.Organisation {
	t.Helper()
	o, err := f.svc.CreateOrganisation(ctx, f.admin, name)
	if err != nil {
		t.Fatalf("CreateOrganisation(%q): %v", name, err)
	}
	return o
}

func (f *fixture) mustTeam(t *testing.T, orgID, name string) assessment.Team {
	t.Helper()
	tm, err := f.svc.CreateTeam(ctx, f.admin, orgID, teamInput(name))
	if err != nil {
		t.Fatalf("CreateTeam(%q): %v", name, err)
	}
	return tm
}

func teamInput(name string) assessment.TeamInput {
	return assessment.TeamInput{Name: name, Setting: "community", Specialty: "physiotherapy", Nation: "england"}
}

// mustDraft starts a draft for team as admin.
func (f *fixture) mustDraft(t *testing.T, teamID string) *assessment.Assessment {
	t.Helper()
	a, err := f.svc.Create(ctx, f.admin, teamID, "")
	if err != nil {
		t.Fatalf("Create: %v", err)
	}
	return a
}

// mustAnswered starts a draft for team and answers every item as admin.
func (f *fixture) mustAnswered(t *testing.T, teamID string) *assessment.Assessment {
	t.Helper()
	a := f.mustDraft(t, teamID)
	q, _ := f.svc.Questionnaire(a)
	a, err := f.svc.SaveAnswers(ctx, f.admin, a.ID, allAnswers(q))
	if err != nil {
		t.Fatalf("SaveAnswers: %v", err)
	}
	return a
}

// mustSubmitted starts, answers and submits an assessment for team as admin.
func (f *fixture) mustSubmitted(t *testing.T, teamID string) *assessment.Assessment {
	t.Helper()
	a := f.mustAnswered(t, teamID)
	a, err := f.svc.Submit(ctx, f.admin, a.ID)
	if err != nil {
		t.Fatalf("Submit: %v", err)
	}
	return a
}

// allAnswers answers every item of q with a value that varies from item to item, so
// scores differ between considerations and a change of weights shows.
func allAnswers(q *questionnaire.Questionnaire) []questionnaire.Answer {
	var out []questionnaire.Answer
	n := 0
	for _, c := range q.Considerations {
		for _, it := range c.Items {
			out = append(out, answerFor(it, n))
			n++
		}
	}
	return out
}

func answerFor(it questionnaire.Item, n int) questionnaire.Answer {
	a := questionnaire.Answer{ItemID: it.ID}
	switch it.Type {
	case questionnaire.TypeScale:
		a.Level = ptr(n % 5)
	case questionnaire.TypeChoice:
		a.Option = it.Options[n%len(it.Options)].ID
	case questionnaire.TypeChecklist:
		a.Options, a.OptionsSet = []string{it.Options[0].ID}, true
	case questionnaire.TypeNumber:
		a.Number = ptr(float64(n % 100))
	case questionnaire.TypeText:
		a.Text = ptr(fmt.Sprintf("note %d", n))
	}
	return a
}

func ptr[T any](v T) *T { return &v }

// outcome names the class of err the way the web layer maps it.
func outcome(err error) string {
	switch {
	case err == nil:
		return "ok"
	case errors.Is(err, apperr.ErrNotFound):
		return "not found"
	case errors.Is(err, apperr.ErrForbidden):
		return "forbidden"
	case errors.Is(err, apperr.ErrConflict):
		return "conflict"
	case errors.Is(err, apperr.ErrInvalid):
		return "invalid"
	}
	return "error: " + err.Error()
}

// problems returns the field problems of a validation error, or fails the test.
func problems(t *testing.T, err error) []apperr.FieldProblem {
	t.Helper()
	var ve *apperr.ValidationError
	if !errors.As(err, &ve) {
		t.Fatalf("error = %v, want a validation error", err)
	}
	return ve.Problems
}

// mustSubmittedAfter answers every item of the draft id and submits it.
func (f *fixture) mustSubmittedAfter(t *testing.T, id string) {
	t.Helper()
	a, err := f.svc.Get(ctx, f.admin, id)
	if err != nil {
		t.Fatal(err)
	}
	q, _ := f.svc.Questionnaire(a)
	if _, err := f.svc.SaveAnswers(ctx, f.admin, id, allAnswers(q)); err != nil {
		t.Fatal(err)
	}
	if _, err := f.svc.Submit(ctx, f.admin, id); err != nil {
		t.Fatal(err)
	}
}

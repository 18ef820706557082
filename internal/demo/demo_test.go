package demo

import (
	"context"
	"testing"
	"time"

	"vcready/internal/assessment"
	"vcready/internal/auth"
	"vcready/internal/questionnaire"
	"vcready/internal/store/storetest"
	"vcready/questionnaires"
)

func TestSeedCreatesALabelledDemoOnceAndItsAccountsWork(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	st := storetest.SQLite(t)
	qs, err := questionnaire.Load(questionnaires.FS())
	if err != nil {
		t.Fatal(err)
	}
	acc, asm := auth.NewService(st, auth.Options{}), assessment.New(st, qs)
	now := time.Date(2026, 11, 25, 12, 0, 0, 0, time.UTC)
	res, err := Seed(ctx, acc, asm, now)
	if err != nil {
		t.Fatalf("Seed: %v", err)
	}
	if !res.Created || !res.Organisation.Demo || res.Teams != len(teams) || res.Assessments != 2*len(teams) || res.Password == "" {
		t.Fatalf("result = %+v", res)
	}
	lead, err := acc.Authenticate(ctx, LeadEmail, res.Password, "127.0.0.1")
	if err != nil {
		t.Fatalf("demo lead cannot sign in: %v", err)
	}
	tms, err := asm.ListTeams(ctx, lead.Principal(), res.Organisation.ID)
	if err != nil || len(tms) != len(teams) {
		t.Fatalf("teams: %d, %v", len(tms), err)
	}
	// Each team has two submitted rounds, the later one newer and dated in the past.
	list, err := asm.List(ctx, lead.Principal(), tms[0].ID)
	if err != nil || len(list) != 2 {
		t.Fatalf("assessments: %+v %v", list, err)
	}
	for _, s := range list {
		if s.Status != assessment.StatusSubmitted || s.SubmittedAt == nil || !s.SubmittedAt.Before(now) {
			t.Errorf("assessment %+v", s)
		}
	}
	if _, err := acc.Authenticate(ctx, MemberEmail, res.Password, "127.0.0.1"); err != nil {
		t.Errorf("demo member cannot sign in: %v", err)
	}
	again, err := Seed(ctx, acc, asm, now)
	if err != nil || again.Created || again.Organisation.ID != res.Organisation.ID {
		t.Errorf("second Seed = %+v, %v; want the existing demo untouched", again, err)
	}
}

package store_test

import (
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"vcready/internal/assessment"
	"vcready/internal/auth"
	"vcready/internal/questionnaire"
	"vcready/internal/store"
	"vcready/internal/store/storetest"
)

// TestAnswersRoundTrip stores one answer of every kind and reads it back unchanged.
func TestAnswersRoundTrip(t *testing.T) {
	t.Parallel()
	at := epoch.Add(time.Hour)
	answers := []assessment.Answer{
		{Answer: questionnaire.Answer{ItemID: "a-level-0", Level: asPtr(0)}},
		{Answer: questionnaire.Answer{ItemID: "b-level-4", Level: asPtr(4)}},
		{Answer: questionnaire.Answer{ItemID: "c-option", Option: "wifi-some"}},
		{Answer: questionnaire.Answer{ItemID: "d-options", Options: []string{"a", "c"}, OptionsSet: true}},
		{Answer: questionnaire.Answer{ItemID: "e-options-none", OptionsSet: true}},
		{Answer: questionnaire.Answer{ItemID: "f-number", Number: asPtr(37.5)}},
		{Answer: questionnaire.Answer{ItemID: "g-number-zero", Number: asPtr(0.0)}},
		{Answer: questionnaire.Answer{ItemID: "h-number-fraction", Number: asPtr(0.1 + 0.2)}},
		{Answer: questionnaire.Answer{ItemID: "i-text", Text: asPtr("Café — naïve 👩‍⚕️ 患者\n\"quoted\" 'single' \\ %_")}},
		{Answer: questionnaire.Answer{ItemID: "j-text-empty", Text: asPtr("")}},
		{Answer: questionnaire.Answer{ItemID: "k-not-applicable", Status: questionnaire.NotApplicable}},
		{Answer: questionnaire.Answer{ItemID: "l-dont-know", Status: questionnaire.DontKnow}},
	}
	for i := range answers {
		answers[i].UpdatedBy, answers[i].UpdatedAt = "u-2", at
	}
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		a := mustDraft(t, s, "asmt-1", epoch)
		if err := s.SaveAnswers(tctx, a.ID, answers, nil); err != nil {
			t.Fatal(err)
		}
		got, err := s.Assessment(tctx, a.ID)
		if err != nil {
			t.Fatal(err)
		}
		if diff := cmp.Diff(answers, got.Answers); diff != "" {
			t.Errorf("answers (-saved +read):\n%s", diff)
		}
		a.Answers = nil
		got.Answers = nil
		if diff := cmp.Diff(a, got); diff != "" {
			t.Errorf("assessment (-created +read):\n%s", diff)
		}
	})
}

// TestSaveAnswersUpsertsAndKeepsOthers replaces one answer with another kind of value
// and keeps the rest.
func TestSaveAnswersUpsertsAndKeepsOthers(t *testing.T) {
	t.Parallel()
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		a := mustDraft(t, s, "asmt-1", epoch)
		first := []assessment.Answer{
			{Answer: questionnaire.Answer{ItemID: "x", Options: []string{"a"}, OptionsSet: true}, UpdatedBy: "u-1", UpdatedAt: epoch},
			{Answer: questionnaire.Answer{ItemID: "y", Level: asPtr(2)}, UpdatedBy: "u-1", UpdatedAt: epoch},
		}
		if err := s.SaveAnswers(tctx, a.ID, first, nil); err != nil {
			t.Fatal(err)
		}
		change := assessment.Answer{Answer: questionnaire.Answer{ItemID: "x", Status: questionnaire.DontKnow}, UpdatedBy: "u-2", UpdatedAt: epoch.Add(time.Second)}
		if err := s.SaveAnswers(tctx, a.ID, []assessment.Answer{change}, nil); err != nil {
			t.Fatal(err)
		}
		got, err := s.Assessment(tctx, a.ID)
		if err != nil {
			t.Fatal(err)
		}
		if diff := cmp.Diff([]assessment.Answer{change, first[1]}, got.Answers); diff != "" {
			t.Errorf("answers (-want +got):\n%s", diff)
		}
	})
}

func TestUpdatedByEmailComesFromUsers(t *testing.T) {
	t.Parallel()
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		a := mustDraft(t, s, "asmt-1", epoch)
		storetest.SeedUser(t, s, auth.User{ID: "u-known", Email: "lead@example.org", Role: auth.RoleLead,
			OrganisationID: "org-a", CreatedAt: epoch})
		answers := []assessment.Answer{
			{Answer: questionnaire.Answer{ItemID: "a", Level: asPtr(1)}, UpdatedBy: "u-known", UpdatedAt: epoch},
			{Answer: questionnaire.Answer{ItemID: "b", Level: asPtr(2)}, UpdatedBy: "u-removed", UpdatedAt: epoch},
		}
		if err := s.SaveAnswers(tctx, a.ID, answers, nil); err != nil {
			t.Fatal(err)
		}
		got, err := s.Assessment(tctx, a.ID)
		if err != nil {
			t.Fatal(err)
		}
		if got.Answers[0].UpdatedByEmail != "lead@example.org" || got.Answers[1].UpdatedByEmail != "" {
			t.Errorf("emails = %q, %q; want lead@example.org and none", got.Answers[0].UpdatedByEmail, got.Answers[1].UpdatedByEmail)
		}
	})
}

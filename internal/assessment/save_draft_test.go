package assessment_test

import (
	"testing"

	"vcready/internal/auth"
	"vcready/internal/questionnaire"
	"vcready/internal/store/storetest"
)

// TestSaveDraftAnswers: saving answers to a draft the caller already holds checks
// access and answers exactly as UpdateAnswers does, and the store's own check inside
// the write transaction still stops a save to an assessment submitted meanwhile.
func TestSaveDraftAnswers(t *testing.T) {
	t.Parallel()
	f := newFixture(t, storetest.SQLite(t))
	ctx := t.Context()
	draft := f.mustDraft(t, f.teamA1.ID)
	good := []questionnaire.Answer{{ItemID: "eq-01", Level: ptr(3)}}
	cases := []struct {
		name    string
		p       *auth.Principal
		answers []questionnaire.Answer
		want    string
	}{
		{"member of the team", f.memberA1, good, "ok"},
		{"lead of the organisation", f.leadA, good, "ok"},
		{"member of another team", f.memberA2, good, "not found"},
		{"lead elsewhere", f.leadB, good, "not found"},
		{"anonymous", nil, good, "not found"},
		{"bad answer", f.memberA1, []questionnaire.Answer{{ItemID: "eq-01", Level: ptr(9)}}, "invalid"},
	}
	for _, tc := range cases {
		if got := outcome(f.svc.SaveDraftAnswers(ctx, tc.p, draft, tc.answers, nil)); got != tc.want {
			t.Errorf("%s: %s, want %s", tc.name, got, tc.want)
		}
	}
	saved, err := f.svc.Get(ctx, f.admin, draft.ID)
	if err != nil || len(saved.Answers) != 1 || *saved.Answers[0].Level != 3 {
		t.Fatalf("saved = %+v, %v", saved, err)
	}

	// Held from before the submission, the draft copy still says "draft": the store
	// refuses the write all the same.
	stale := f.mustAnswered(t, f.teamA2.ID)
	if _, err := f.svc.Submit(ctx, f.memberA2, stale.ID); err != nil {
		t.Fatal(err)
	}
	if got := outcome(f.svc.SaveDraftAnswers(ctx, f.memberA2, stale, good, nil)); got != "conflict" {
		t.Errorf("save to a submitted assessment through a stale copy: %s, want conflict", got)
	}
	if got := outcome(f.svc.SaveDraftAnswers(ctx, f.memberA1, nil, good, nil)); got != "not found" {
		t.Errorf("nil assessment: %s", got)
	}
}

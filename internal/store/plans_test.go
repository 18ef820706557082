package store_test

import (
	"errors"
	"sync"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"vcready/internal/apperr"
	"vcready/internal/assessment"
	"vcready/internal/store"
	"vcready/internal/store/storetest"
)

func samplePlan(assessmentID string) *assessment.Plan {
	return &assessment.Plan{AssessmentID: assessmentID, CreatedAt: epoch,
		Actions: []assessment.Action{
			{ID: "act-1", AssessmentID: assessmentID, ItemID: "e1", Consideration: "equity", Text: "Do e1.",
				Value: 1, Max: 4, Priority: 1.125, Rank: 1, DoFirst: true, Status: assessment.ActionInProgress,
				Owner: "Sam", DueDate: "2026-02-28", Notes: "Carried.", CarriedFrom: "old-1", UpdatedAt: epoch,
				History: []assessment.HistoryEntry{}},
			{ID: "act-2", AssessmentID: assessmentID, ItemID: "p1", Consideration: "pathways", Text: "Do p1.",
				Value: 0, Max: 2, Priority: 1.0 / 3, Rank: 2, Status: assessment.ActionNotStarted, UpdatedAt: epoch,
				History: []assessment.HistoryEntry{}},
		},
		Resolved: []assessment.Resolved{{PreviousActionID: "act-1", ItemID: "e9", Text: "Done now.",
			FromValue: 2, ToValue: 4, Status: assessment.ActionInProgress}},
	}
}

func TestPlanRoundTrip(t *testing.T) {
	t.Parallel()
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		a := mustDraft(t, s, "asmt-1", epoch)
		if _, err := s.Plan(tctx, a.ID); !errors.Is(err, apperr.ErrNotFound) {
			t.Fatalf("Plan before any: %v, want not found", err)
		}
		want := samplePlan(a.ID)
		created, err := s.CreatePlan(tctx, want)
		if err != nil || !created {
			t.Fatalf("CreatePlan = %v, %v", created, err)
		}
		other := samplePlan(a.ID)
		other.Actions = other.Actions[:1]
		other.Actions[0].ID = "act-other"
		if created, err := s.CreatePlan(tctx, other); err != nil || created {
			t.Fatalf("second CreatePlan = %v, %v; want false, nil", created, err)
		}
		got, err := s.Plan(tctx, a.ID)
		if err != nil {
			t.Fatal(err)
		}
		if diff := cmp.Diff(want, got); diff != "" {
			t.Errorf("plan read back (-want +got):\n%s", diff)
		}
		one, err := s.PlanAction(tctx, "act-2")
		if err != nil {
			t.Fatal(err)
		}
		if diff := cmp.Diff(want.Actions[1], *one); diff != "" {
			t.Errorf("PlanAction (-want +got):\n%s", diff)
		}
		if _, err := s.PlanAction(tctx, "nope"); !errors.Is(err, apperr.ErrNotFound) {
			t.Errorf("PlanAction of an unknown id: %v", err)
		}
	})
}

func TestUpdateActionWritesHistoryOrNothing(t *testing.T) {
	t.Parallel()
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		a := mustDraft(t, s, "asmt-1", epoch)
		if _, err := s.CreatePlan(tctx, samplePlan(a.ID)); err != nil {
			t.Fatal(err)
		}
		refuse := errors.New("refused")
		if _, err := s.UpdateAction(tctx, "act-2", func(act *assessment.Action) ([]assessment.HistoryEntry, error) {
			act.Owner = "nobody"
			return nil, refuse
		}); !errors.Is(err, refuse) {
			t.Fatalf("refused update: %v", err)
		}
		at := epoch.Add(time.Hour)
		got, err := s.UpdateAction(tctx, "act-2", func(act *assessment.Action) ([]assessment.HistoryEntry, error) {
			act.Owner, act.DueDate, act.UpdatedAt = "Ana", "2026-03-01", at
			return []assessment.HistoryEntry{
				{At: at, By: "u-1", Field: "owner", From: "", To: "Ana"},
				{At: at, By: "u-1", Field: "due_date", From: "", To: "2026-03-01"},
			}, nil
		})
		if err != nil {
			t.Fatal(err)
		}
		if got.Owner != "Ana" || got.DueDate != "2026-03-01" || !got.UpdatedAt.Equal(at) || len(got.History) != 2 {
			t.Fatalf("updated action = %+v", got)
		}
		got, err = s.UpdateAction(tctx, "act-2", func(act *assessment.Action) ([]assessment.HistoryEntry, error) {
			act.DueDate = ""
			return []assessment.HistoryEntry{{At: at, By: "u-2", Field: "due_date", From: "2026-03-01", To: ""}}, nil
		})
		if err != nil {
			t.Fatal(err)
		}
		wantHist := []assessment.HistoryEntry{
			{At: at, By: "u-1", Field: "owner", From: "", To: "Ana"},
			{At: at, By: "u-1", Field: "due_date", From: "", To: "2026-03-01"},
			{At: at, By: "u-2", Field: "due_date", From: "2026-03-01", To: ""},
		}
		if diff := cmp.Diff(wantHist, got.History); diff != "" || got.DueDate != "" || got.Owner != "Ana" {
			t.Errorf("after clearing the date: %+v (-want +got history):\n%s", got, diff)
		}
		plan, err := s.Plan(tctx, a.ID)
		if err != nil {
			t.Fatal(err)
		}
		if diff := cmp.Diff(wantHist, plan.Actions[1].History); diff != "" {
			t.Errorf("plan history (-want +got):\n%s", diff)
		}
	})
}

// TestUpdateActionSerialises: concurrent edits each read the other's result, so no
// history row is lost and the from values chain.
func TestUpdateActionSerialises(t *testing.T) {
	t.Parallel()
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		a := mustDraft(t, s, "asmt-1", epoch)
		if _, err := s.CreatePlan(tctx, samplePlan(a.ID)); err != nil {
			t.Fatal(err)
		}
		var wg sync.WaitGroup
		for range 8 {
			wg.Go(func() {
				_, err := s.UpdateAction(tctx, "act-2", func(act *assessment.Action) ([]assessment.HistoryEntry, error) {
					from := act.Notes
					act.Notes += "x"
					return []assessment.HistoryEntry{{At: epoch, By: "u", Field: "notes", From: from, To: act.Notes}}, nil
				})
				if err != nil {
					t.Error(err)
				}
			})
		}
		wg.Wait()
		got, err := s.PlanAction(tctx, "act-2")
		if err != nil {
			t.Fatal(err)
		}
		if got.Notes != "xxxxxxxx" || len(got.History) != 8 {
			t.Fatalf("notes %q with %d history rows, want 8 of each", got.Notes, len(got.History))
		}
		for i, h := range got.History {
			if len(h.From) != i || len(h.To) != i+1 {
				t.Errorf("history %d: %q -> %q", i, h.From, h.To)
			}
		}
	})
}

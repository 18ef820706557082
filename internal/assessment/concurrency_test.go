package assessment_test

import (
	"sync"
	"sync/atomic"
	"testing"

	"vcready/internal/assessment"
	"vcready/internal/store"
	"vcready/internal/store/storetest"
)

// Writers and rounds of the concurrency test: 16 writers is more than SQLite's one
// writer connection and PostgreSQL's pool take at once, so calls queue; three rounds
// each keep it to a few seconds.
const (
	concurrentWriters = 16
	concurrentRounds  = 3
)

// TestConcurrentAssessments runs 16 writers, each starting, answering and submitting
// assessments round after round, beside readers listing and reading them. No caller
// may see an error (a busy or locked database must be waited for, not reported), and
// the store must hold exactly the submissions that succeeded.
func TestConcurrentAssessments(t *testing.T) {
	t.Parallel()
	storetest.Each(t, func(t *testing.T, st *store.Store) {
		f := newFixture(t, st)
		svc := assessment.New(st, mustQuestionnaires(t)) // the fixture's clock is not safe for concurrent use
		teams := []assessment.Team{f.teamA1, f.teamA2, f.teamB1}
		var submitted atomic.Int64
		var writers, readers sync.WaitGroup
		done := make(chan struct{})
		for w := range concurrentWriters {
			team := teams[w%len(teams)]
			writers.Go(func() {
				for range concurrentRounds {
					if concurrentRound(t, svc, f, team.ID) {
						submitted.Add(1)
					}
				}
			})
		}
		for _, team := range teams {
			readers.Go(func() { readUntil(t, svc, f, team.ID, done) })
		}
		writers.Wait()
		close(done)
		readers.Wait()
		checkSubmittedCount(t, svc, f, teams, submitted.Load())
	})
}

// concurrentRound starts, answers and submits one assessment, reporting whether the
// submission succeeded.
func concurrentRound(t *testing.T, svc *assessment.Service, f *fixture, teamID string) bool {
	a, err := svc.Create(ctx, f.admin, teamID, "")
	if err != nil {
		t.Errorf("Create: %v", err)
		return false
	}
	q, _ := svc.Questionnaire(a)
	if _, err := svc.SaveAnswers(ctx, f.admin, a.ID, allAnswers(q)); err != nil {
		t.Errorf("SaveAnswers: %v", err)
		return false
	}
	if _, err := svc.Submit(ctx, f.admin, a.ID); err != nil {
		t.Errorf("Submit: %v", err)
		return false
	}
	return true
}

// readUntil lists the team's assessments and reads each until done is closed.
func readUntil(t *testing.T, svc *assessment.Service, f *fixture, teamID string, done <-chan struct{}) {
	for {
		select {
		case <-done:
			return
		default:
		}
		list, err := svc.List(ctx, f.admin, teamID)
		if err != nil {
			t.Errorf("List: %v", err)
			return
		}
		for _, s := range list[:min(len(list), 3)] {
			if _, err := svc.Get(ctx, f.admin, s.ID); err != nil {
				t.Errorf("Get %s: %v", s.ID, err)
				return
			}
		}
	}
}

// checkSubmittedCount compares the submissions the service lists, and the rows the
// store holds, with the count of successful submits.
func checkSubmittedCount(t *testing.T, svc *assessment.Service, f *fixture, teams []assessment.Team, want int64) {
	t.Helper()
	if want != concurrentWriters*concurrentRounds {
		t.Errorf("%d of %d submissions succeeded", want, concurrentWriters*concurrentRounds)
	}
	var listed int64
	for _, team := range teams {
		list, err := svc.List(ctx, f.admin, team.ID)
		if err != nil {
			t.Fatalf("List: %v", err)
		}
		for _, s := range list {
			if s.Status == assessment.StatusSubmitted {
				listed++
			}
		}
	}
	var rows int64
	if err := storetest.DB(t, f.st).Table("assessments").Where("status = ?", "submitted").Count(&rows).Error; err != nil {
		t.Fatal(err)
	}
	if listed != want || rows != want {
		t.Errorf("submitted: %d listed, %d rows; want %d (the successful submits)", listed, rows, want)
	}
}

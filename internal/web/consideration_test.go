package web

import (
	"context"
	"net/url"
	"sync/atomic"
	"testing"

	"vcready/internal/assessment"
	"vcready/internal/store"
	"vcready/internal/web/webtest"
)

// countingStore counts the reads of an assessment that the service makes.
type countingStore struct {
	assessment.Store
	reads atomic.Int64
}

func (c *countingStore) Assessment(ctx context.Context, id string) (*assessment.Assessment, error) {
	c.reads.Add(1)
	return c.Store.Assessment(ctx, id)
}

// TestSavingAConsiderationPageReadsTheAssessmentOnce: the page loads the draft to
// show errors and check access, and saving reuses it rather than reading it twice
// more (the store still checks it is a draft inside its write transaction).
func TestSavingAConsiderationPageReadsTheAssessmentOnce(t *testing.T) {
	t.Parallel()
	cs := &countingStore{}
	a := newTestApp(t, webtest.WithAssessmentStore(func(st *store.Store) assessment.Store {
		cs.Store = st
		return cs
	}))
	b := a.Browser("member")
	id := startDraft(t, b, a.Team1.ID)
	page := considerationHref(id, "equity")
	b.Get(page)
	before := cs.reads.Load()
	webtest.AssertRedirect(t, b.Post(page, url.Values{"eq-01": {"2"}}), "/assessments/"+id+"/considerations/pathways")
	if n := cs.reads.Load() - before; n != 1 {
		t.Errorf("saving the page read the assessment %d times, want 1", n)
	}
	if got := a.answersOf(id)["eq-01"]; got.Level == nil || *got.Level != 2 {
		t.Errorf("eq-01 saved as %+v", got)
	}
}

package store_test

import (
	"bytes"
	"log/slog"
	"path/filepath"
	"strings"
	"testing"

	"vcready/internal/assessment"
	"vcready/internal/store"
)

// TestDuplicateNamesAreNotLoggedAsErrors reproduces F-21: an ordinary duplicate
// organisation name (a 422 for the user) was logged at ERROR with its SQL.
func TestDuplicateNamesAreNotLoggedAsErrors(t *testing.T) {
	t.Parallel()
	var buf bytes.Buffer
	s, err := store.Open(tctx, filepath.Join(t.TempDir(), "vcready.db"), slog.New(slog.NewTextHandler(&buf, nil)))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	if _, err := s.Migrate(tctx); err != nil {
		t.Fatal(err)
	}
	buf.Reset()
	if err := s.CreateOrganisation(tctx, assessment.Organisation{ID: "o1", Name: "Same", CreatedAt: epoch}); err != nil {
		t.Fatal(err)
	}
	if err := s.CreateOrganisation(tctx, assessment.Organisation{ID: "o2", Name: "Same", CreatedAt: epoch}); err == nil {
		t.Fatal("a duplicate name was accepted")
	}
	if strings.Contains(buf.String(), "level=ERROR") {
		t.Errorf("a duplicate name was logged as an error:\n%s", buf.String())
	}
}

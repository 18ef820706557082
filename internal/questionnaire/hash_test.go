package questionnaire

import (
	"strings"
	"testing"
)

func TestHashStable(t *testing.T) {
	t.Parallel()
	base := mustParse(t, miniPath)
	tests := []struct {
		name string
		data []byte
	}{
		{"reformatted file: key order, block style, defaults spelled out, not default", readFile(t, "testdata/reformatted/mini.yaml")},
		{"comments and blank lines", miniWith(t, "id: mini\n", "# comment\nid: mini   # trailing comment\n\n")},
		{"quoting", miniWith(t, "title: Mini readiness check", `title: "Mini readiness check"`)},
		{"folded introduction", miniWith(t, "introduction: |\n", "introduction: >\n")},
		{"explicit default weight", miniWith(t, "        weight: 1.5\n", "        weight: 1.50\n")},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			q, err := Parse("other-name.yaml", tt.data)
			if err != nil {
				t.Fatal(err)
			}
			if q.Hash != base.Hash {
				t.Errorf("Hash = %s, want %s", q.Hash, base.Hash)
			}
		})
	}
}

func TestHashChanges(t *testing.T) {
	t.Parallel()
	base := mustParse(t, miniPath)
	tests := []struct {
		name   string
		oldNew []string
	}{
		{"version", []string{"version: 1.2.0", "version: 1.2.1"}},
		{"level label", []string{"label: Starting", "label: Beginning"}},
		{"option score", []string{"score: 3}", "score: 4}"}},
		{"weight", []string{"weight: 1.5", "weight: 2"}},
		{"allow_na", []string{"allow_na: false", "allow_na: true"}},
		{"source url", []string{"url: https://www.england.nhs.uk/", "url: https://england.nhs.uk/"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			q, err := Parse(miniPath, miniWith(t, tt.oldNew...))
			if err != nil {
				t.Fatal(err)
			}
			if q.Hash == base.Hash {
				t.Errorf("Hash unchanged after changing %s", tt.name)
			}
		})
	}
}

func TestComputeHashIgnoresBookkeeping(t *testing.T) {
	t.Parallel()
	q := mustParse(t, miniPath)
	c := *q
	c.Hash, c.File, c.Default = "something", "elsewhere.yaml", !q.Default
	got, err := c.ComputeHash()
	if err != nil {
		t.Fatal(err)
	}
	if got != q.Hash {
		t.Errorf("ComputeHash() = %s, want %s", got, q.Hash)
	}
}

// TestMiniHashFrozen pins the hash of mini.yaml, recorded with the hash code as it was
// when the first hashes were stored: the canonical form must never drift from it.
func TestMiniHashFrozen(t *testing.T) {
	t.Parallel()
	q := mustParse(t, miniPath)
	want := strings.TrimSpace(string(readFile(t, "testdata/canonical/mini.sha256")))
	if q.Hash != want {
		t.Errorf("Hash = %s, want %s (testdata/canonical/mini.sha256; never update it)", q.Hash, want)
	}
}

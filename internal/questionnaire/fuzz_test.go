package questionnaire

import (
	"os"
	"path/filepath"
	"testing"
)

// FuzzParse checks that Parse never panics, and that whatever it accepts is a
// questionnaire the rest of vcready can rely on.
func FuzzParse(f *testing.F) {
	for _, pattern := range []string{"testdata/*/*.yaml", "../../questionnaires/*.yaml"} {
		paths, _ := filepath.Glob(pattern)
		for _, p := range paths {
			if data, err := os.ReadFile(p); err == nil {
				f.Add(data)
			}
		}
	}
	f.Add([]byte(""))
	f.Add([]byte("id: [\n"))
	f.Add([]byte("a: &a [*a, *a]\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		q, err := Parse("fuzz.yaml", data)
		if err != nil {
			if q != nil || err.Error() == "" {
				t.Fatalf("Parse failed with q=%v and error %q", q, err)
			}
			return
		}
		checkInvariants(t, q)
	})
}

// checkInvariants fails unless q holds what validation promises.
func checkInvariants(t *testing.T, q *Questionnaire) {
	t.Helper()
	if len(q.Hash) != 64 || len(q.Considerations) != len(ConsiderationKeys) {
		t.Fatalf("accepted questionnaire with hash %q and %d considerations", q.Hash, len(q.Considerations))
	}
	for i, c := range q.Considerations {
		if c.Key != ConsiderationKeys[i] || !(c.Weight > 0) {
			t.Fatalf("consideration %d: key %q weight %v", i, c.Key, c.Weight)
		}
		for _, it := range c.Items {
			if it.Scored() && (it.MaxScore() <= 0 || !(it.Weight > 0)) {
				t.Fatalf("item %s: max score %d, weight %v", it.ID, it.MaxScore(), it.Weight)
			}
		}
	}
}

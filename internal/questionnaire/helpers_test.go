package questionnaire

import (
	"os"
	"strings"
	"testing"
)

const miniPath = "testdata/valid/mini.yaml"

// readFile returns the contents of a test file.
func readFile(t testing.TB, path string) []byte {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return data
}

// mustParse parses a test file that must be valid.
func mustParse(t testing.TB, path string) *Questionnaire {
	t.Helper()
	q, err := Parse(path, readFile(t, path))
	if err != nil {
		t.Fatalf("Parse(%s):\n%v", path, err)
	}
	return q
}

// miniWith returns mini.yaml with each old string replaced by the new one that follows it.
func miniWith(t testing.TB, oldNew ...string) []byte {
	t.Helper()
	s := string(readFile(t, miniPath))
	for i := 0; i+1 < len(oldNew); i += 2 {
		if !strings.Contains(s, oldNew[i]) {
			t.Fatalf("mini.yaml does not contain %q", oldNew[i])
		}
		s = strings.Replace(s, oldNew[i], oldNew[i+1], 1)
	}
	return []byte(s)
}

// problemStrings formats the problems of err, which must be Problems (or nil).
func problemStrings(t testing.TB, err error) []string {
	t.Helper()
	if err == nil {
		return nil
	}
	ps, ok := err.(Problems)
	if !ok {
		t.Fatalf("error is %T, want Problems: %v", err, err)
	}
	out := make([]string, len(ps))
	for i, p := range ps {
		out[i] = p.String()
	}
	return out
}

func ptr[T any](v T) *T { return &v }

package id

import "testing"

func TestNewIsValidAndUnique(t *testing.T) {
	t.Parallel()
	seen := map[string]bool{}
	for range 1000 {
		s := New()
		if !Valid(s) {
			t.Fatalf("New() = %q is not Valid", s)
		}
		if seen[s] {
			t.Fatalf("duplicate id %q", s)
		}
		seen[s] = true
	}
}

func TestValidRejectsJunk(t *testing.T) {
	t.Parallel()
	for _, s := range []string{"", "abc", "../../etc/passwd", "ABCDEFGHIJKLMNOPQRSTUVWXYZ", "aaaaaaaaaaaaaaaaaaaaaaaaa1"} {
		if Valid(s) {
			t.Errorf("Valid(%q) = true", s)
		}
	}
}

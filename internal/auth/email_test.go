package auth

import (
	"errors"
	"testing"

	"vcready/internal/apperr"
)

func TestNormaliseEmail(t *testing.T) {
	t.Parallel()
	cases := []struct{ in, want, problem string }{
		{"ann@example.org", "ann@example.org", ""},
		{"  Ann.Other+vc@NHS.net ", "ann.other+vc@nhs.net", ""},
		{"", "", "Enter an email address"},
		{"   ", "", "Enter an email address"},
		{"ann", "", "Enter an email address in the correct format, like name@example.com"},
		{"ann@", "", "Enter an email address in the correct format, like name@example.com"},
		{"@example.org", "", "Enter an email address in the correct format, like name@example.com"},
		{"ann@b@example.org", "", "Enter an email address in the correct format, like name@example.com"},
		{"Ann <ann@example.org>", "", "Enter an email address in the correct format, like name@example.com"},
		{"<ann@example.org>", "", "Enter an email address in the correct format, like name@example.com"},
		{"ann@localhost", "", "Enter an email address in the correct format, like name@example.com"},
		{"ann smith@example.org", "", "Enter an email address in the correct format, like name@example.com"},
	}
	for _, c := range cases {
		got, err := NormaliseEmail(c.in)
		if got != c.want {
			t.Errorf("NormaliseEmail(%q) = %q, want %q", c.in, got, c.want)
		}
		if problem := problemOf(err); problem != c.problem {
			t.Errorf("NormaliseEmail(%q) problem %q, want %q", c.in, problem, c.problem)
		}
	}
}

// problemOf is the problem a validation error names for email, or "" for nil.
func problemOf(err error) string {
	if err == nil {
		return ""
	}
	var ve *apperr.ValidationError
	if errors.As(err, &ve) && len(ve.Problems) == 1 && ve.Problems[0].Field == "email" {
		return ve.Problems[0].Problem
	}
	return "unexpected error: " + err.Error()
}

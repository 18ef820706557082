package auth

import (
	"net/mail"
	"strings"

	"vcready/internal/apperr"
)

// maxEmailLength is the longest address SMTP can carry.
const maxEmailLength = 254

// NormaliseEmail trims and lower-cases an email address and checks it is one plain
// address (name@example.org, no display name or angle brackets). Email addresses are
// unique regardless of case, so every lookup and every stored address goes through
// here. The error is an apperr.ValidationError on the field "email".
func NormaliseEmail(raw string) (string, error) {
	email := strings.ToLower(strings.TrimSpace(raw))
	if problem := emailProblem(email); problem != "" {
		return "", apperr.Invalid(problem, apperr.FieldProblem{Field: "email", Problem: problem})
	}
	return email, nil
}

func emailProblem(email string) string {
	if email == "" {
		return "Enter an email address"
	}
	const format = "Enter an email address in the correct format, like name@example.com"
	if len(email) > maxEmailLength || strings.Count(email, "@") != 1 {
		return format
	}
	addr, err := mail.ParseAddress(email)
	if err != nil || addr.Name != "" || addr.Address != email {
		return format
	}
	local, domain, _ := strings.Cut(email, "@")
	if local == "" || !strings.Contains(domain, ".") || strings.HasPrefix(domain, ".") || strings.HasSuffix(domain, ".") {
		return format
	}
	return ""
}

// emailLooksValid reports whether s is a plausible address, so an audit event for a
// failed sign-in never records what was probably a password typed in the wrong box.
func emailLooksValid(s string) bool {
	return emailProblem(s) == ""
}

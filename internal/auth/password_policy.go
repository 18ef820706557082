package auth

import (
	_ "embed"
	"strings"
	"sync"
	"unicode/utf8"

	"vcready/internal/apperr"
)

// Password length limits, in characters. The maximum only stops absurd input; it is
// far above any passphrase a person would type.
const (
	MinPasswordLength = 12
	MaxPasswordLength = 256
)

//go:embed common-passwords.txt
var commonPasswordsFile string

// commonPasswords is the embedded deny list, lower-case, parsed on first use.
var commonPasswords = sync.OnceValue(func() map[string]bool {
	m := make(map[string]bool, 2500)
	for line := range strings.Lines(commonPasswordsFile) {
		line = strings.TrimRight(line, "\r\n")
		if line != "" && !strings.HasPrefix(line, "#") {
			m[line] = true
		}
	}
	return m
})

// CheckPassword applies the password policy, following NCSC guidance: a minimum
// length and a deny list of common passwords, and no composition rules (they make
// passwords harder to remember, not harder to guess). email is the account's email
// address, whose local part a password must not contain. The error is an
// apperr.ValidationError on the field "password".
func CheckPassword(password, email string) error {
	if problem := passwordProblem(password, email); problem != "" {
		return apperr.Invalid(problem, apperr.FieldProblem{Field: "password", Problem: problem})
	}
	return nil
}

// passwordProblem returns what is wrong with password, in words for the user, or "".
func passwordProblem(password, email string) string {
	n := utf8.RuneCountInString(password)
	switch {
	case password == "":
		return "Enter a password"
	case n < MinPasswordLength:
		return "Password must be 12 characters or more"
	case n > MaxPasswordLength:
		return "Password must be 256 characters or fewer"
	case containsLocalPart(password, email):
		return "Choose a password that does not include your email address"
	case isCommonPassword(password):
		return "Choose a less common password"
	}
	return ""
}

// isCommonPassword reports whether password, in any case, is on the deny list or is
// one short run of characters repeated ("aaaaaaaaaaaa", "abcabcabcabc").
func isCommonPassword(password string) bool {
	lower := strings.ToLower(password)
	return commonPasswords()[lower] || repeatsShortUnit(lower)
}

func repeatsShortUnit(s string) bool {
	r := []rune(s)
	for unit := 1; unit <= 4 && unit < len(r); unit++ {
		if len(r)%unit == 0 && string(r) == strings.Repeat(string(r[:unit]), len(r)/unit) {
			return true
		}
	}
	return false
}

// containsLocalPart reports whether password contains the part of email before the
// @, in any case. Very short local parts ("jo@...") are only refused as the whole
// password: refusing every password that contains "jo" would refuse good ones.
func containsLocalPart(password, email string) bool {
	local, _, _ := strings.Cut(strings.ToLower(strings.TrimSpace(email)), "@")
	if local == "" {
		return false
	}
	pw := strings.ToLower(password)
	if utf8.RuneCountInString(local) < 4 {
		return pw == local
	}
	return strings.Contains(pw, local)
}

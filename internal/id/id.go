// Package id makes the opaque identifiers vcready gives organisations, teams, users,
// assessments and actions: 128 random bits, lower-case base32, so ids reveal nothing
// and cannot be guessed or enumerated.
package id

import (
	"crypto/rand"
	"encoding/base32"
	"strings"
)

var encoding = base32.StdEncoding.WithPadding(base32.NoPadding)

// New returns a new random id of 26 characters.
func New() string {
	b := make([]byte, 16)
	_, _ = rand.Read(b) // crypto/rand.Read never fails on supported platforms
	return strings.ToLower(encoding.EncodeToString(b))
}

// Valid reports whether s has the shape of an id, so handlers can answer 404 to junk
// without asking the database.
func Valid(s string) bool {
	if len(s) != 26 {
		return false
	}
	for _, r := range s {
		if (r < 'a' || r > 'z') && (r < '2' || r > '7') {
			return false
		}
	}
	return true
}

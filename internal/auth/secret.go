package auth

import (
	"crypto/rand"
	"crypto/sha256"
	"encoding/base64"
	"encoding/hex"
)

// newSecret returns 256 random bits, base64url without padding (43 characters): the
// form of every session, invitation and set-up token, and of an API token after its
// prefix.
func newSecret() string {
	b := make([]byte, 32)
	_, _ = rand.Read(b) // crypto/rand.Read never fails on supported platforms
	return base64.RawURLEncoding.EncodeToString(b)
}

// hashToken is what the database keeps of a secret token: its SHA-256, in hex. The
// tokens carry 256 random bits, so a fast unsalted hash is enough; a copy of the
// database cannot be turned back into working tokens.
func hashToken(token string) string {
	h := sha256.Sum256([]byte(token))
	return hex.EncodeToString(h[:])
}

// secretShaped reports whether s could be a token from newSecret, so junk is refused
// without a database round trip.
func secretShaped(s string) bool {
	if len(s) != 43 {
		return false
	}
	for _, c := range s {
		if !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-' || c == '_') {
			return false
		}
	}
	return true
}

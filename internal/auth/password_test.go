package auth

import (
	"errors"
	"fmt"
	"regexp"
	"strings"
	"testing"

	"golang.org/x/crypto/argon2"

	"vcready/internal/apperr"
)

func TestHashPasswordRoundTrip(t *testing.T) {
	t.Parallel()
	hash, err := HashPassword("plum tractor violet 9")
	if err != nil {
		t.Fatal(err)
	}
	phc := regexp.MustCompile(`^\$argon2id\$v=19\$m=19456,t=2,p=1\$[A-Za-z0-9+/]{22}\$[A-Za-z0-9+/]{43}$`)
	if !phc.MatchString(hash) {
		t.Errorf("hash %q is not argon2id PHC with the chosen parameters", hash)
	}
	for pw, want := range map[string]bool{"plum tractor violet 9": true, "plum tractor violet 8": false, "": false,
		"PLUM TRACTOR VIOLET 9": false} {
		if ok, err := VerifyPassword(hash, pw); err != nil || ok != want {
			t.Errorf("VerifyPassword(%q) = %v, %v; want %v", pw, ok, err, want)
		}
	}
	again, _ := HashPassword("plum tractor violet 9")
	if again == hash {
		t.Error("two hashes of one password are equal: the salt is not random")
	}
}

// Hashes made with other parameters (older or stronger settings) still verify.
func TestVerifyPasswordReadsParametersFromTheHash(t *testing.T) {
	t.Parallel()
	salt := []byte("0123456789abcdef")
	key := argon2.IDKey([]byte("open sesame please"), salt, 1, 8*1024, 2, 24)
	hash := fmt.Sprintf("$argon2id$v=19$m=8192,t=1,p=2$%s$%s", b64.EncodeToString(salt), b64.EncodeToString(key))
	if ok, err := VerifyPassword(hash, "open sesame please"); err != nil || !ok {
		t.Errorf("VerifyPassword = %v, %v; want true", ok, err)
	}
	if ok, _ := VerifyPassword(hash, "open sesame Please"); ok {
		t.Error("a wrong password verified")
	}
}

func TestVerifyPasswordRefusesBadHashes(t *testing.T) {
	t.Parallel()
	good, _ := HashPassword("plum tractor violet 9")
	parts := strings.Split(good, "$")
	cases := map[string]string{
		"empty":           "",
		"bcrypt":          "$2a$10$abcdefghijklmnopqrstuuabcdefghijklmnopqrstuvwxyzABCDE",
		"argon2i":         strings.Replace(good, "argon2id", "argon2i", 1),
		"old version":     strings.Replace(good, "v=19", "v=16", 1),
		"huge memory":     strings.Replace(good, "m=19456", "m=99999999", 1),
		"zero time":       strings.Replace(good, "t=2", "t=0", 1),
		"bad salt":        strings.Join([]string{"", parts[1], parts[2], parts[3], "!!!", parts[5]}, "$"),
		"missing part":    strings.Join(parts[:5], "$"),
		"garbage numbers": strings.Replace(good, "m=19456,t=2,p=1", "m=x,t=2,p=1", 1),
	}
	for name, hash := range cases {
		if ok, err := VerifyPassword(hash, "plum tractor violet 9"); err == nil || ok {
			t.Errorf("%s: VerifyPassword = %v, %v; want an error", name, ok, err)
		}
	}
}

func TestCheckPassword(t *testing.T) {
	t.Parallel()
	cases := []struct {
		name, password, email, want string
	}{
		{"long passphrase", "plum tractor violet 9", "ann@example.org", ""},
		{"12 characters exactly", "xq7-vd2-kp9!", "ann@example.org", ""},
		{"12 characters counted as letters, not bytes", "ĉĝĥĵŝŭĉĝĥĵŝŭ", "ann@example.org", ""},
		{"no composition rules: all lower-case", "lantern orchard quietly", "ann@example.org", ""},
		{"empty", "", "ann@example.org", "Enter a password"},
		{"11 characters", "xq7-vd2-kp9", "ann@example.org", "Password must be 12 characters or more"},
		{"257 characters", strings.Repeat("ab1", 85) + "xy", "ann@example.org", "Password must be 256 characters or fewer"},
		{"common", "password1234", "ann@example.org", "Choose a less common password"},
		{"common in another case", "QWERTYUIOP123", "ann@example.org", "Choose a less common password"},
		{"common keyboard walk", "1qaz2wsx3edc", "ann@example.org", "Choose a less common password"},
		{"one character repeated", "zzzzzzzzzzzzzz", "ann@example.org", "Choose a less common password"},
		{"a short run repeated", "xyz1xyz1xyz1xyz1", "ann@example.org", "Choose a less common password"},
		{"is the email's local part", "annabel.smith", "annabel.smith@example.org", "Choose a password that does not include your email address"},
		{"contains it in another case", "Annabel.Smith-2026", "annabel.smith@example.org", "Choose a password that does not include your email address"},
		{"short local parts are allowed inside", "jo is my name, hello", "jo@example.org", ""},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			err := CheckPassword(c.password, c.email)
			if c.want == "" {
				if err != nil {
					t.Fatalf("CheckPassword(%q) = %v, want nil", c.password, err)
				}
				return
			}
			var ve *apperr.ValidationError
			if !errors.As(err, &ve) || len(ve.Problems) != 1 || ve.Problems[0].Field != "password" {
				t.Fatalf("CheckPassword(%q) = %v, want a validation error on password", c.password, err)
			}
			if ve.Message != c.want || ve.Problems[0].Problem != c.want {
				t.Errorf("message %q, want %q", ve.Message, c.want)
			}
		})
	}
}

func TestCommonPasswordsList(t *testing.T) {
	t.Parallel()
	list := commonPasswords()
	if len(list) < 2000 {
		t.Errorf("%d common passwords, want the full embedded list", len(list))
	}
	for pw := range list {
		if pw != strings.ToLower(pw) || len([]rune(pw)) < MinPasswordLength {
			t.Errorf("entry %q is not lower-case or is shorter than the minimum (it could never match)", pw)
		}
	}
}

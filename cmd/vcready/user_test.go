package main

import (
	"bytes"
	"context"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"vcready/internal/auth"
	"vcready/internal/id"
)

// cli runs vcready with VCREADY_DB set to db and stdin, returning the exit code and
// the two streams.
func cli(t *testing.T, db, stdin string, args ...string) (int, string, string) {
	t.Helper()
	var out, errb bytes.Buffer
	code := run(context.Background(), args, testEnv(map[string]string{"VCREADY_DB": db}), strings.NewReader(stdin), &out, &errb)
	return code, out.String(), errb.String()
}

func TestUserAddAndTokenCreate(t *testing.T) {
	t.Parallel()
	db := filepath.Join(t.TempDir(), "vcready.db")
	code, out, errs := cli(t, db, "plum tractor violet 9\n", "user", "add", "--email", "Admin@Example.org",
		"--role", "admin", "--name", "Ada Admin", "--password-stdin")
	if code != exitOK || !id.Valid(strings.TrimSpace(out)) {
		t.Fatalf("user add: exit %d, stdout %q, stderr %q; want 0 and the new id", code, out, errs)
	}
	userID := strings.TrimSpace(out)

	code, out, errs = cli(t, "", "", "token", "create", "--email", "admin@example.org", "--db", db)
	token := strings.TrimSuffix(out, "\n")
	if code != exitOK || !regexp.MustCompile(`^vcr_[A-Za-z0-9_-]{43}$`).MatchString(token) {
		t.Fatalf("token create: exit %d, stdout %q, stderr %q; want 0 and only the token", code, out, errs)
	}
	st, err := openStore(context.Background(), db, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	u, err := auth.NewService(st, auth.Options{}).TokenUser(context.Background(), token)
	if err != nil || u.ID != userID || u.Role != auth.RoleAdmin || u.Name != "Ada Admin" {
		t.Errorf("the printed token is for %+v (%v), want the new admin", u, err)
	}
}

func TestUserAddAndTokenCreateErrors(t *testing.T) {
	t.Parallel()
	db := filepath.Join(t.TempDir(), "vcready.db")
	if code, _, errs := cli(t, db, "plum tractor violet 9", "user", "add", "--email", "taken@example.org", "--role", "admin", "--password-stdin"); code != exitOK {
		t.Fatalf("seed user: exit %d: %s", code, errs)
	}
	const pw = "plum tractor violet 9\n"
	cases := []struct {
		name   string
		stdin  string
		args   []string
		code   int
		stderr string
	}{
		{"short password", "short\n", []string{"user", "add", "--email", "a@example.org", "--role", "admin", "--password-stdin"},
			exitError, "password: Password must be 12 characters or more"},
		{"common password", "password1234\n", []string{"user", "add", "--email", "a@example.org", "--role", "admin", "--password-stdin"},
			exitError, "Choose a less common password"},
		{"empty stdin", "", []string{"user", "add", "--email", "a@example.org", "--role", "admin", "--password-stdin"},
			exitError, "Enter a password"},
		{"bad email", pw, []string{"user", "add", "--email", "not-an-email", "--role", "admin", "--password-stdin"},
			exitError, "email: Enter an email address in the correct format"},
		{"email taken in another case", pw, []string{"user", "add", "--email", "TAKEN@example.org", "--role", "admin", "--password-stdin"},
			exitError, "email: An account with this email address already exists"},
		{"unknown organisation", pw, []string{"user", "add", "--email", "l@example.org", "--role", "lead", "--org", "nope", "--password-stdin"},
			exitError, "organisation not found"},
		{"admin with a team", pw, []string{"user", "add", "--email", "l@example.org", "--role", "admin", "--team", "t", "--password-stdin"},
			exitError, "An admin does not belong"},
		{"no --password-stdin", pw, []string{"user", "add", "--email", "a@example.org", "--role", "admin"},
			exitUsage, "--password-stdin is required"},
		{"no --email", pw, []string{"user", "add", "--role", "admin", "--password-stdin"}, exitUsage, "--email is required"},
		{"bad role", pw, []string{"user", "add", "--email", "a@example.org", "--role", "owner", "--password-stdin"},
			exitUsage, `--role "owner"`},
		{"unknown flag", pw, []string{"user", "add", "--pasword", "x"}, exitUsage, "flag provided but not defined"},
		{"no subcommand", pw, []string{"user"}, exitUsage, "want the subcommand add"},
		{"token for nobody", "", []string{"token", "create", "--email", "nobody@example.org"},
			exitError, "no user has the email address nobody@example.org"},
		{"token without --email", "", []string{"token", "create"}, exitUsage, "--email is required"},
		{"token, no subcommand", "", []string{"token", "list"}, exitUsage, "want the subcommand create"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			code, out, errs := cli(t, db, c.stdin, c.args...)
			if code != c.code || !strings.Contains(errs, c.stderr) {
				t.Errorf("exit %d, stderr %q; want %d and %q", code, errs, c.code, c.stderr)
			}
			if strings.Count(strings.TrimSpace(errs), "\n") != 0 {
				t.Errorf("stderr is not one line: %q", errs)
			}
			if c.code == exitError && out != "" {
				t.Errorf("stdout %q, want nothing on failure", out)
			}
		})
	}
}

func TestUserAndTokenHelp(t *testing.T) {
	t.Parallel()
	for _, args := range [][]string{{"user", "add", "--help"}, {"user", "--help"}, {"token", "create", "-h"}, {"token", "help"}} {
		code, out, _ := cli(t, filepath.Join(t.TempDir(), "x.db"), "", args...)
		if code != exitOK || !strings.Contains(out, "Usage: vcready") {
			t.Errorf("%v: exit %d, stdout %q", args, code, out)
		}
	}
}

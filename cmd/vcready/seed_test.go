package main

import (
	"context"
	"path/filepath"
	"strings"
	"testing"

	"vcready/internal/auth"
	"vcready/internal/demo"
)

func TestSeedDemoCommand(t *testing.T) {
	t.Parallel()
	db := filepath.Join(t.TempDir(), "vcready.db")
	code, out, errs := cli(t, "", "", "seed", "--demo", "--db", db)
	if code != exitOK {
		t.Fatalf("seed --demo: exit %d, stderr %q", code, errs)
	}
	for _, want := range []string{"Demo data created: 64 synthetic teams", demo.OrganisationName, demo.Organisation2Name,
		demo.LeadEmail, demo.Lead2Email, demo.MemberEmail, "with the password"} {
		if !strings.Contains(out, want) {
			t.Errorf("seed --demo output lacks %q:\n%s", want, out)
		}
	}
	password := printedPassword(t, out)

	code, again, errs := cli(t, db, "", "seed", "--demo")
	if code != exitOK || strings.Count(again, "already here") != 2 || strings.Contains(again, "password") {
		t.Errorf("second seed --demo: exit %d, stdout %q, stderr %q; want both organisations found and nothing created", code, again, errs)
	}
	st, err := openStore(context.Background(), db, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	if _, err := auth.NewService(st, auth.Options{}).Authenticate(context.Background(), demo.Lead2Email, password, "127.0.0.1"); err != nil {
		t.Errorf("the second demo lead cannot sign in with the printed password: %v", err)
	}
}

// printedPassword is the line after "with the password" in out.
func printedPassword(t *testing.T, out string) string {
	t.Helper()
	_, after, ok := strings.Cut(out, "with the password\n")
	password := strings.TrimSpace(strings.SplitN(after, "\n", 2)[0])
	if !ok || !strings.HasPrefix(password, "demo-") {
		t.Fatalf("no password in the output:\n%s", out)
	}
	return password
}

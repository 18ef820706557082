package main

import (
	"bufio"
	"bytes"
	"context"
	"io"
	"net/http"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"vcready/internal/demo"
)

// lastSetupLink receives the set-up link the most recent startServe printed.
var lastSetupLink <-chan string

func testEnv(extra map[string]string) func(string) string {
	return func(k string) string { return extra[k] }
}

// startServe runs `vcready serve` in-process on a free port and returns its URL and a
// function that stops it (as SIGTERM would) and returns the exit code. It sets
// lastSetupLink, so the tests that call it do not run in parallel.
func startServe(t *testing.T, args ...string) (string, func() int) {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	pr, pw := io.Pipe()
	done := make(chan int, 1)
	base := []string{"serve", "--addr", "127.0.0.1:0", "--db", filepath.Join(t.TempDir(), "vcready.db")}
	go func() {
		code := run(ctx, append(base, args...), testEnv(nil), strings.NewReader(""), pw, io.Discard)
		pw.Close()
		done <- code
	}()
	url := readURL(t, pr)
	setup := make(chan string, 1)
	go func() {
		sc := bufio.NewScanner(pr)
		sent := false
		for sc.Scan() {
			if i := strings.Index(sc.Text(), "/setup/"); i >= 0 && !sent {
				setup <- strings.TrimSpace(sc.Text())
				sent = true
			}
		}
		if !sent {
			close(setup)
		}
	}()
	lastSetupLink = setup
	stop := func() int {
		cancel()
		select {
		case code := <-done:
			return code
		case <-time.After(30 * time.Second):
			t.Fatal("serve did not stop within 30s")
			return -1
		}
	}
	t.Cleanup(func() { cancel() })
	return url, stop
}

// readURL reads the "vcready is running at URL" line serve prints.
func readURL(t *testing.T, r io.Reader) string {
	t.Helper()
	line, err := bufio.NewReader(r).ReadString('\n')
	if err != nil {
		t.Fatalf("read serve output: %v", err)
	}
	i := strings.Index(line, "http://")
	if i < 0 {
		t.Fatalf("serve printed %q, want a URL", line)
	}
	return strings.Fields(line[i:])[0]
}

func TestServeEndToEnd(t *testing.T) {
	url, stop := startServe(t)
	for path, want := range map[string]int{"": 200, "readyz": 200, "healthz": 200, "no-such-page": 404} {
		res, err := http.Get(url + path)
		if err != nil {
			t.Fatalf("GET /%s: %v", path, err)
		}
		res.Body.Close()
		if res.StatusCode != want {
			t.Errorf("GET /%s = %d, want %d", path, res.StatusCode, want)
		}
	}
	if code := stop(); code != exitOK {
		t.Errorf("serve exited %d after shutdown, want 0", code)
	}
}

func TestCommandLine(t *testing.T) {
	t.Parallel()
	cases := []struct {
		name      string
		args      []string
		code      int
		stdout    string
		stderr    string
		stderrOne bool
	}{
		{"no command", nil, exitUsage, "Commands:", "", false},
		{"help", []string{"help"}, exitOK, "serve", "", false},
		{"unknown command", []string{"bogus"}, exitUsage, "", `unknown command "bogus"`, true},
		{"version", []string{"version"}, exitOK, "vcready ", "", false},
		{"serve help", []string{"serve", "--help"}, exitOK, "-addr", "", false},
		{"migrate help", []string{"migrate", "-h"}, exitOK, "-db", "", false},
		{"unknown flag", []string{"serve", "--nope"}, exitUsage, "", "flag provided but not defined", true},
		{"bad addr", []string{"serve", "--addr", "nonsense"}, exitUsage, "", "want host:port", true},
		{"bad log level", []string{"serve", "--log-level", "loud"}, exitUsage, "", "--log-level", true},
		{"bad proxy", []string{"serve", "--trusted-proxies", "10.0.0.0/99"}, exitUsage, "", "not a CIDR", true},
		{"stray argument", []string{"version", "extra"}, exitUsage, "", "unexpected argument", true},
		{"seed without --demo", []string{"seed"}, exitUsage, "", "--demo is required: 'vcready seed --demo' adds two", true},
		{"seed help", []string{"seed", "--help"}, exitOK, "-demo", "", false},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			var out, errb bytes.Buffer
			code := run(context.Background(), tc.args, testEnv(nil), strings.NewReader(""), &out, &errb)
			if code != tc.code {
				t.Errorf("exit = %d, want %d (stderr %q)", code, tc.code, errb.String())
			}
			if !strings.Contains(out.String(), tc.stdout) {
				t.Errorf("stdout %q lacks %q", out.String(), tc.stdout)
			}
			if !strings.Contains(errb.String(), tc.stderr) {
				t.Errorf("stderr %q lacks %q", errb.String(), tc.stderr)
			}
			if tc.stderrOne && strings.Count(strings.TrimSpace(errb.String()), "\n") != 0 {
				t.Errorf("stderr is not one line: %q", errb.String())
			}
		})
	}
}

func TestMigrateCommand(t *testing.T) {
	t.Parallel()
	db := filepath.Join(t.TempDir(), "m.db")
	var out, errb bytes.Buffer
	if code := run(context.Background(), []string{"migrate"}, testEnv(map[string]string{"VCREADY_DB": db}), nil, &out, &errb); code != 0 {
		t.Fatalf("migrate exit %d: %s", code, errb.String())
	}
	if !strings.Contains(out.String(), "up to date") {
		t.Errorf("stdout = %q", out.String())
	}
}

func TestHealthcheckCommand(t *testing.T) {
	url, stop := startServe(t)
	addr := strings.TrimSuffix(strings.TrimPrefix(url, "http://"), "/")
	var out, errb bytes.Buffer
	if code := run(context.Background(), []string{"healthcheck", "--addr", addr}, testEnv(nil), nil, &out, &errb); code != 0 {
		t.Errorf("healthcheck against a running server: exit %d (%s)", code, errb.String())
	}
	stop()
	if code := run(context.Background(), []string{"healthcheck", "--addr", addr}, testEnv(nil), nil, &out, &errb); code != exitError {
		t.Errorf("healthcheck against a stopped server: exit %d, want 1", code)
	}
}

func TestMaskDSN(t *testing.T) {
	t.Parallel()
	got := maskDSN("postgres://app:s3cret@db:5432/vcready")
	if strings.Contains(got, "s3cret") || !strings.Contains(got, "app:****@db") {
		t.Errorf("maskDSN = %q", got)
	}
}

func TestServeDemo(t *testing.T) {
	t.Parallel()
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	pr, pw := io.Pipe()
	done := make(chan int, 1)
	go func() {
		done <- run(ctx, []string{"serve", "--demo", "--addr", "127.0.0.1:0", "--db", filepath.Join(t.TempDir(), "d.db")},
			testEnv(nil), nil, pw, io.Discard)
		pw.Close()
	}()
	sc := bufio.NewScanner(pr)
	var lines []string
	for sc.Scan() {
		lines = append(lines, sc.Text())
		if strings.HasPrefix(strings.TrimSpace(sc.Text()), "demo-") && !strings.Contains(sc.Text(), "@") {
			break
		}
	}
	go io.Copy(io.Discard, pr)
	out := strings.Join(lines, "\n")
	for _, want := range []string{"Demo data created: 64 synthetic teams", "submitted assessments", "/sign-in as",
		demo.OrganisationName, demo.Organisation2Name, demo.LeadEmail, demo.Lead2Email, demo.MemberEmail} {
		if !strings.Contains(out, want) {
			t.Errorf("serve --demo output lacks %q:\n%s", want, out)
		}
	}
	cancel()
	if code := <-done; code != 0 {
		t.Errorf("exit %d", code)
	}
}

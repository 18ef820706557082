package main

import (
	"bytes"
	"context"
	"flag"
	"io"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// A bad environment value is reported like a bad flag: one line naming the variable
// and the value, exit 2, before anything starts.
func TestBadEnvironmentValues(t *testing.T) {
	t.Parallel()
	cases := []struct {
		name   string
		env    map[string]string
		args   []string
		code   int
		stderr []string
	}{
		{"secure cookies", map[string]string{"VCREADY_SECURE_COOKIES": "yes"}, nil, exitUsage,
			[]string{`vcready serve: VCREADY_SECURE_COOKIES="yes": want true or false`, "--help"}},
		{"shutdown timeout", map[string]string{"VCREADY_SHUTDOWN_TIMEOUT": "15"}, nil, exitUsage,
			[]string{`VCREADY_SHUTDOWN_TIMEOUT="15": want a duration`}},
		{"both, in one line", map[string]string{"VCREADY_SECURE_COOKIES": "on", "VCREADY_SHUTDOWN_TIMEOUT": "soon"}, nil, exitUsage,
			[]string{`VCREADY_SECURE_COOKIES="on"`, `; VCREADY_SHUTDOWN_TIMEOUT="soon"`}},
		{"even when the flag is given", map[string]string{"VCREADY_SECURE_COOKIES": "yes"}, []string{"--secure-cookies"}, exitUsage,
			[]string{`VCREADY_SECURE_COOKIES="yes"`}},
		{"a bad flag is reported first", map[string]string{"VCREADY_SECURE_COOKIES": "yes"}, []string{"--nope"}, exitUsage,
			[]string{"flag provided but not defined"}},
		{"help still works", map[string]string{"VCREADY_SECURE_COOKIES": "yes"}, []string{"--help"}, exitOK, nil},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			var errb bytes.Buffer
			// Cancelled: were the value accepted, serve would stop at once, not hang.
			ctx, cancel := context.WithCancel(context.Background())
			cancel()
			args := append([]string{"serve", "--addr", "127.0.0.1:0", "--db", filepath.Join(t.TempDir(), "x.db")}, tc.args...)
			code := run(ctx, args, testEnv(tc.env), strings.NewReader(""), io.Discard, &errb)
			if code != tc.code {
				t.Errorf("exit = %d, want %d (stderr %q)", code, tc.code, errb.String())
			}
			for _, want := range tc.stderr {
				if !strings.Contains(errb.String(), want) {
					t.Errorf("stderr %q lacks %q", errb.String(), want)
				}
			}
			if n := strings.Count(strings.TrimSpace(errb.String()), "\n"); n != 0 {
				t.Errorf("stderr is %d lines, want one: %q", n+1, errb.String())
			}
		})
	}
}

// Good environment values become the flags' defaults, and flags still win.
func TestEnvironmentDefaults(t *testing.T) {
	t.Parallel()
	cases := []struct {
		name    string
		env     map[string]string
		args    []string
		secure  bool
		timeout time.Duration
	}{
		{"unset", nil, nil, false, 15 * time.Second},
		{"empty is unset", map[string]string{"VCREADY_SECURE_COOKIES": "", "VCREADY_SHUTDOWN_TIMEOUT": ""}, nil, false, 15 * time.Second},
		{"set", map[string]string{"VCREADY_SECURE_COOKIES": "true", "VCREADY_SHUTDOWN_TIMEOUT": "1m30s"}, nil, true, 90 * time.Second},
		{"strconv spellings", map[string]string{"VCREADY_SECURE_COOKIES": "1"}, nil, true, 15 * time.Second},
		{"flags win", map[string]string{"VCREADY_SECURE_COOKIES": "true", "VCREADY_SHUTDOWN_TIMEOUT": "1m"},
			[]string{"--secure-cookies=false", "--shutdown-timeout", "5s"}, false, 5 * time.Second},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			var cfg config
			fs := flag.NewFlagSet("serve", flag.ContinueOnError)
			if err := cfg.register(fs, env{getenv: testEnv(tc.env)}); err != nil {
				t.Fatalf("register: %v", err)
			}
			if err := fs.Parse(tc.args); err != nil {
				t.Fatal(err)
			}
			if cfg.SecureCookies != tc.secure || cfg.ShutdownTimeout != tc.timeout {
				t.Errorf("secure cookies %v, shutdown timeout %v; want %v, %v",
					cfg.SecureCookies, cfg.ShutdownTimeout, tc.secure, tc.timeout)
			}
		})
	}
}

// TestBackupDir: backups sit beside the database unless told otherwise, and are off
// for "" and for PostgreSQL.
func TestBackupDir(t *testing.T) {
	t.Parallel()
	cases := []struct {
		name, env, flag, db, want string
	}{
		{"default", "", "-", "/data/vcready.db", "/data/backups"},
		{"environment", "/srv/bk", "-", "/data/vcready.db", "/srv/bk"},
		{"relative flag", "", "nightly", "/data/vcready.db", "/data/nightly"},
		{"off", "/srv/bk", "", "/data/vcready.db", ""},
		{"postgres", "", "-", "postgres://u@h/db", ""},
	}
	for _, tc := range cases {
		var c config
		fs := flag.NewFlagSet("serve", flag.ContinueOnError)
		_ = c.register(fs, env{getenv: testEnv(map[string]string{"VCREADY_BACKUP_DIR": tc.env})})
		args := []string{"--db", tc.db}
		if tc.flag != "-" {
			args = append(args, "--backup-dir", tc.flag)
		}
		if err := fs.Parse(args); err != nil {
			t.Fatal(err)
		}
		if got := c.backupDir(); got != tc.want {
			t.Errorf("%s: backup dir %q, want %q", tc.name, got, tc.want)
		}
	}
}

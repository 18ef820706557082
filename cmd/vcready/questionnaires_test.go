package main

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestQuestionnairesCommand(t *testing.T) {
	t.Parallel()
	broken := filepath.Join(t.TempDir(), "broken.yaml")
	if err := os.WriteFile(broken, []byte("id: Bad Id\nversion: one\ncolour: red\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	good, _ := filepath.Abs("../../questionnaires/vc-readiness-1.yaml")
	cases := []struct {
		name           string
		args           []string
		code           int
		stdout, stderr []string
	}{
		{"validate embedded", []string{"questionnaires", "validate"}, 0, []string{"ok: vc-readiness-1.yaml: vc-readiness 1.0.0"}, nil},
		{"validate a good file", []string{"questionnaires", "validate", good}, 0, []string{"ok: vc-readiness-1.yaml"}, nil},
		{"validate a broken file", []string{"questionnaires", "validate", broken}, 1, nil,
			[]string{"broken.yaml: line 3: unknown field \"colour\"", "broken.yaml: id:", "problems"}},
		{"validate a missing file", []string{"questionnaires", "validate", "/no/such.yaml"}, 1, nil, []string{"no such file"}},
		{"list", []string{"questionnaires", "list"}, 0, []string{"vc-readiness", "1.0.0", "yes"}, nil},
		{"unknown subcommand", []string{"questionnaires", "frobnicate"}, 2, nil, []string{"unknown subcommand"}},
		{"no subcommand", []string{"questionnaires"}, 2, []string{"Usage"}, nil},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			var out, errb bytes.Buffer
			code := run(context.Background(), tc.args, testEnv(nil), nil, &out, &errb)
			if code != tc.code {
				t.Errorf("exit %d, want %d (stderr %s)", code, tc.code, errb.String())
			}
			for _, want := range tc.stdout {
				if !strings.Contains(out.String(), want) {
					t.Errorf("stdout lacks %q: %s", want, out.String())
				}
			}
			for _, want := range tc.stderr {
				if !strings.Contains(errb.String(), want) {
					t.Errorf("stderr lacks %q: %s", want, errb.String())
				}
			}
		})
	}
}

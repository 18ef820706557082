package main

import (
	"context"
	"fmt"
	"io"
	"log/slog"
	"strings"
	"time"

	"vcready/internal/assessment"
	"vcready/internal/auth"
	"vcready/internal/demo"
	"vcready/internal/questionnaire"
	"vcready/questionnaires"
)

const seedSynopsis = "seed --demo [--db PATH|URL]"

// runSeed is `vcready seed --demo`: it adds the demo organisations to a database
// without starting the service, as serve --demo does at start-up. --demo is required
// so that data is never added by a bare command: demo data in a live database would
// be mixed up with real teams' results.
func runSeed(ctx context.Context, e env, args []string) int {
	var dsn string
	var withDemo bool
	fs := newFlags("seed", seedSynopsis, e)
	fs.BoolVar(&withDemo, "demo", false, "add the two demo organisations (synthetic teams, accounts and assessments) unless they exist (required)")
	addDBFlag(fs, e, &dsn)
	if code, ok := parseFlags(fs, args, e); !ok {
		return code
	}
	if !withDemo {
		fmt.Fprintf(e.stderr, "vcready seed: --demo is required: 'vcready seed --demo' adds two clearly labelled demo organisations "+
			"with synthetic teams, accounts and assessments to the database (run 'vcready seed --help' for usage)\n")
		return exitUsage
	}
	qs, err := questionnaire.Load(questionnaires.FS())
	if err != nil {
		fmt.Fprintf(e.stderr, "vcready seed: embedded questionnaires are invalid: %s\n", oneLine(err.Error()))
		return exitError
	}
	log := slog.New(slog.NewTextHandler(e.stderr, &slog.HandlerOptions{Level: slog.LevelWarn}))
	st, err := openStore(ctx, dsn, log)
	if err != nil {
		fmt.Fprintf(e.stderr, "vcready seed: %s\n", oneLine(err.Error()))
		return exitError
	}
	defer st.Close()
	signIn := "Run 'vcready serve' on this database, then sign in at /sign-in as"
	if err := seedDemo(ctx, auth.NewService(st, auth.Options{Log: log}), assessment.New(st, qs), signIn, e.stdout); err != nil {
		fmt.Fprintf(e.stderr, "vcready seed: %s\n", oneLine(cliMessage(err)))
		return exitError
	}
	return exitOK
}

// seedDemo creates the demo organisations that do not exist yet and says what it
// created and how to sign in: signIn says where, and is followed by the accounts.
func seedDemo(ctx context.Context, acc *auth.Service, asm *assessment.Service, signIn string, w io.Writer) error {
	now := time.Now().UTC()
	res, err := demo.Seed(ctx, acc, asm, now)
	if err != nil {
		return fmt.Errorf("seed demo data: %w", err)
	}
	if res.Created() {
		fmt.Fprintf(w, "Demo data created: %d synthetic teams, %d submitted assessments in %s.\n",
			res.Teams(), res.Assessments(), quarterList(demo.Quarters(now)))
	}
	for _, s := range res.Organisations {
		if s.Created {
			fmt.Fprintf(w, "    %q: %d teams, %d assessments\n", s.Organisation.Name, s.Teams, s.Assessments)
		}
	}
	for _, s := range res.Organisations {
		if !s.Created {
			fmt.Fprintf(w, "Demo data is already here (%q). Its sign-in details were printed when it was created.\n", s.Organisation.Name)
		}
	}
	if res.Created() {
		printDemoAccounts(w, res, signIn)
	}
	return nil
}

// printDemoAccounts says who to sign in as. The password line stands alone so it is
// easy to copy.
func printDemoAccounts(w io.Writer, res demo.Result, signIn string) {
	fmt.Fprintln(w, signIn)
	for _, s := range res.Organisations {
		for _, a := range s.Accounts {
			role := "team member of"
			if a.Role == auth.RoleLead {
				role = "improvement lead of"
			}
			fmt.Fprintf(w, "    %-28s (%s %s)\n", a.Email, role, a.Of)
		}
	}
	fmt.Fprintf(w, "with the password\n    %s\n\n", res.Password)
}

// quarterList names quarters as the trend charts do: 2025-Q4, 2026-Q2 and 2026-Q4.
func quarterList(qs []time.Time) string {
	names := make([]string, len(qs))
	for i, q := range qs {
		names[i] = fmt.Sprintf("%d-Q%d", q.Year(), (int(q.Month())-1)/3+1)
	}
	if len(names) < 2 {
		return strings.Join(names, "")
	}
	return strings.Join(names[:len(names)-1], ", ") + " and " + names[len(names)-1]
}

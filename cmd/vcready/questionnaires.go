package main

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"text/tabwriter"

	"vcready/internal/questionnaire"
	"vcready/questionnaires"
)

func runQuestionnaires(ctx context.Context, e env, args []string) int {
	if len(args) == 0 || args[0] == "-h" || args[0] == "--help" || args[0] == "help" {
		fmt.Fprintln(e.stdout, "Usage: vcready questionnaires validate [FILE...] | list\n\n"+
			"  validate   check questionnaire files (no files: the embedded ones); exit 1 on any problem\n"+
			"  list       list the embedded questionnaires")
		if len(args) == 0 {
			return exitUsage
		}
		return exitOK
	}
	switch args[0] {
	case "validate":
		return runQuestionnairesValidate(e, args[1:])
	case "list":
		return runQuestionnairesList(e, args[1:])
	}
	fmt.Fprintf(e.stderr, "vcready questionnaires: unknown subcommand %q (want validate or list)\n", args[0])
	return exitUsage
}

func runQuestionnairesValidate(e env, args []string) int {
	fs := newFlags("questionnaires validate", "questionnaires validate [FILE...]", e)
	if code, ok := parseFlagsArgs(fs, args, e); !ok {
		return code
	}
	if fs.NArg() == 0 {
		set, err := questionnaire.Load(questionnaires.FS())
		if err != nil {
			return reportProblems(e, err)
		}
		for _, q := range set.All() {
			printValid(e, q)
		}
		return exitOK
	}
	code := exitOK
	for _, path := range fs.Args() {
		data, err := os.ReadFile(path)
		if err != nil {
			fmt.Fprintf(e.stderr, "%s: %v\n", path, err)
			code = exitError
			continue
		}
		q, err := questionnaire.Parse(filepath.Base(path), data)
		if err != nil {
			code = reportProblems(e, err)
			continue
		}
		printValid(e, q)
	}
	return code
}

func printValid(e env, q *questionnaire.Questionnaire) {
	fmt.Fprintf(e.stdout, "ok: %s: %s %s, %d scored items, hash %s\n", q.File, q.ID, q.Version, q.ScoredItems(), q.Hash[:12])
}

// reportProblems prints every problem, one a line, naming file, item and problem.
func reportProblems(e env, err error) int {
	var ps questionnaire.Problems
	if errors.As(err, &ps) {
		for _, p := range ps {
			fmt.Fprintln(e.stderr, p.String())
		}
		fmt.Fprintf(e.stderr, "%d problems\n", len(ps))
		return exitError
	}
	fmt.Fprintln(e.stderr, err)
	return exitError
}

func runQuestionnairesList(e env, args []string) int {
	fs := newFlags("questionnaires list", "questionnaires list", e)
	if code, ok := parseFlags(fs, args, e); !ok {
		return code
	}
	set, err := questionnaire.Load(questionnaires.FS())
	if err != nil {
		return reportProblems(e, err)
	}
	tw := tabwriter.NewWriter(e.stdout, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "ID\tVERSION\tDEFAULT\tSCORED ITEMS\tHASH\tTITLE")
	for _, q := range set.All() {
		def := ""
		if q == set.Default() {
			def = "yes"
		}
		fmt.Fprintf(tw, "%s\t%s\t%s\t%d\t%s\t%s\n", q.ID, q.Version, def, q.ScoredItems(), q.Hash[:12], q.Title)
	}
	tw.Flush()
	return exitOK
}

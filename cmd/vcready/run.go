package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"sort"
	"strings"
)

// Exit codes.
const (
	exitOK    = 0
	exitError = 1 // the command ran and failed
	exitUsage = 2 // the command line was wrong
)

// env is what every subcommand gets: its arguments, the environment and the
// standard streams. Nothing reads os.* directly, so tests can call run.
type env struct {
	getenv func(string) string
	stdin  io.Reader
	stdout io.Writer
	stderr io.Writer
}

// command is one subcommand.
type command struct {
	summary string
	run     func(ctx context.Context, e env, args []string) int
}

func commands() map[string]command {
	return map[string]command{
		"serve":          {"run the web service", runServe},
		"migrate":        {"apply pending database migrations and exit", runMigrate},
		"version":        {"print the version", runVersion},
		"healthcheck":    {"check that a running service answers /healthz (for container health checks)", runHealthcheck},
		"questionnaires": {"validate or list questionnaire files", runQuestionnaires},
		"user":           {"add a user to the database: user add --email E --role R --password-stdin", runUser},
		"token":          {"print a new API token for a user: token create --email E", runToken},
		"seed":           {"add the demo organisations with synthetic teams and results: seed --demo", runSeed},
		"backup":         {"copy a SQLite database while the service runs: backup --to FILE", runBackup},
		"restore":        {"replace a SQLite database with a backup (service stopped): restore --from FILE", runRestore},
	}
}

// run is the whole program: it parses args, runs a subcommand and returns the exit code.
func run(ctx context.Context, args []string, getenv func(string) string, stdin io.Reader, stdout, stderr io.Writer) int {
	e := env{getenv: getenv, stdin: stdin, stdout: stdout, stderr: stderr}
	if len(args) == 0 || args[0] == "help" || args[0] == "-h" || args[0] == "--help" {
		usage(stdout)
		if len(args) == 0 {
			return exitUsage
		}
		return exitOK
	}
	cmd, ok := commands()[args[0]]
	if !ok {
		fmt.Fprintf(stderr, "vcready: unknown command %q (run 'vcready help' for the list)\n", args[0])
		return exitUsage
	}
	return cmd.run(ctx, e, args[1:])
}

func usage(w io.Writer) {
	fmt.Fprintln(w, "vcready: self-assessment of readiness to run video consultations well.")
	fmt.Fprintln(w, "\nUsage: vcready <command> [flags]\n\nCommands:")
	cmds := commands()
	names := make([]string, 0, len(cmds))
	for n := range cmds {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, n := range names {
		fmt.Fprintf(w, "  %-15s %s\n", n, cmds[n].summary)
	}
	fmt.Fprintln(w, "\nRun 'vcready <command> --help' for a command's flags.")
}

// newFlags makes a flag set whose errors are one line on stderr (exit 2) and whose
// --help goes to stdout (exit 0).
func newFlags(name, synopsis string, e env) *flag.FlagSet {
	fs := flag.NewFlagSet("vcready "+name, flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	fs.Usage = func() {
		fmt.Fprintf(e.stdout, "Usage: vcready %s\n\n", synopsis)
		fs.SetOutput(e.stdout)
		fs.PrintDefaults()
		fs.SetOutput(io.Discard)
	}
	return fs
}

// parseFlags parses args and reports the exit code to use if parsing ended the command.
func parseFlags(fs *flag.FlagSet, args []string, e env) (int, bool) {
	err := fs.Parse(args)
	switch {
	case errors.Is(err, flag.ErrHelp):
		fs.Usage()
		return exitOK, false
	case err != nil:
		return usageError(fs, e, err), false
	case fs.NArg() > 0:
		fmt.Fprintf(e.stderr, "%s: unexpected argument %q (run '%s --help' for usage)\n", fs.Name(), fs.Arg(0), fs.Name())
		return exitUsage, false
	}
	return exitOK, true
}

// parseFlagsArgs is parseFlags for commands that take positional arguments.
func parseFlagsArgs(fs *flag.FlagSet, args []string, e env) (int, bool) {
	err := fs.Parse(args)
	switch {
	case errors.Is(err, flag.ErrHelp):
		fs.Usage()
		return exitOK, false
	case err != nil:
		return usageError(fs, e, err), false
	}
	return exitOK, true
}

// usageError reports a wrong command line (a flag, or an environment value standing
// in for one) as one line on stderr, and returns the exit code for it.
func usageError(fs *flag.FlagSet, e env, err error) int {
	fmt.Fprintf(e.stderr, "%s: %s (run '%s --help' for usage)\n", fs.Name(), oneLine(err.Error()), fs.Name())
	return exitUsage
}

func oneLine(s string) string { return strings.ReplaceAll(strings.TrimSpace(s), "\n", " ") }

package main

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"strings"

	"vcready/internal/apperr"
	"vcready/internal/auth"
)

const userAddSynopsis = "user add --email E --role admin|lead|member [--org ID] [--team ID] [--name N] --password-stdin [--db PATH|URL]"

// runUser is `vcready user add`: it creates an account directly in the database, as
// the system (an admin), for bootstrapping and scripts. The password is read from
// standard input so it never appears in the process list or shell history.
func runUser(ctx context.Context, e env, args []string) int {
	if len(args) == 0 || args[0] != "add" {
		if len(args) > 0 && (args[0] == "-h" || args[0] == "--help" || args[0] == "help") {
			fmt.Fprintf(e.stdout, "Usage: vcready %s\n", userAddSynopsis)
			return exitOK
		}
		fmt.Fprintf(e.stderr, "vcready user: want the subcommand add (run 'vcready user add --help' for usage)\n")
		return exitUsage
	}
	var in auth.NewUser
	var dsn, role string
	var fromStdin bool
	fs := newFlags("user add", userAddSynopsis, e)
	fs.StringVar(&in.Email, "email", "", "email address of the new user (required)")
	fs.StringVar(&role, "role", "", "admin, lead or member (required)")
	fs.StringVar(&in.OrganisationID, "org", "", "organisation id (leads)")
	fs.StringVar(&in.TeamID, "team", "", "team id (members; their organisation is the team's)")
	fs.StringVar(&in.Name, "name", "", "the user's name")
	fs.BoolVar(&fromStdin, "password-stdin", false, "read the password from the first line of standard input (required)")
	addDBFlag(fs, e, &dsn)
	if code, ok := parseFlags(fs, args[1:], e); !ok {
		return code
	}
	in.Role = auth.Role(role)
	if err := checkUserAddFlags(in, fromStdin); err != nil {
		fmt.Fprintf(e.stderr, "vcready user add: %v (run 'vcready user add --help' for usage)\n", err)
		return exitUsage
	}
	password, err := readPassword(e.stdin)
	if err != nil {
		fmt.Fprintf(e.stderr, "vcready user add: read the password from standard input: %v\n", err)
		return exitError
	}
	in.Password = password
	return withAccounts(ctx, e, "user add", dsn, func(accounts *auth.Service) error {
		u, err := accounts.CreateUser(ctx, auth.System, in)
		if err == nil {
			fmt.Fprintln(e.stdout, u.ID)
		}
		return err
	})
}

func checkUserAddFlags(in auth.NewUser, fromStdin bool) error {
	switch {
	case in.Email == "":
		return errors.New("--email is required")
	case in.Role == "":
		return errors.New("--role is required")
	case !in.Role.Valid():
		return fmt.Errorf("--role %q: want admin, lead or member", in.Role)
	case !fromStdin:
		return errors.New("--password-stdin is required: pass the password on standard input")
	}
	return nil
}

// readPassword reads the first line of r, without its line ending. Nothing else is
// trimmed: spaces may be part of a passphrase.
func readPassword(r io.Reader) (string, error) {
	if r == nil {
		return "", errors.New("no standard input")
	}
	line, err := bufio.NewReader(r).ReadString('\n')
	if err != nil && !errors.Is(err, io.EOF) {
		return "", err
	}
	return strings.TrimRight(line, "\r\n"), nil
}

// withAccounts opens the database (migrating it, as serve does), runs fn with the
// account service, and turns fn's error into one line on stderr and exit code 1.
func withAccounts(ctx context.Context, e env, name, dsn string, fn func(*auth.Service) error) int {
	log := slog.New(slog.NewTextHandler(e.stderr, &slog.HandlerOptions{Level: slog.LevelWarn}))
	st, err := openStore(ctx, dsn, log)
	if err != nil {
		fmt.Fprintf(e.stderr, "vcready %s: %s\n", name, oneLine(err.Error()))
		return exitError
	}
	defer st.Close()
	if err := fn(auth.NewService(st, auth.Options{Log: log})); err != nil {
		fmt.Fprintf(e.stderr, "vcready %s: %s\n", name, oneLine(cliMessage(err)))
		return exitError
	}
	return exitOK
}

// cliMessage says what went wrong in words for the person at the terminal: every
// field problem of a validation error, else the public message, else the error.
func cliMessage(err error) string {
	var ve *apperr.ValidationError
	if errors.As(err, &ve) {
		parts := make([]string, len(ve.Problems))
		for i, p := range ve.Problems {
			parts[i] = p.Field + ": " + p.Problem
		}
		return strings.Join(parts, "; ")
	}
	if msg := apperr.PublicMessage(err); msg != "" {
		return msg
	}
	return err.Error()
}

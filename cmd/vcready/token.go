package main

import (
	"context"
	"errors"
	"fmt"

	"vcready/internal/apperr"
	"vcready/internal/auth"
)

const tokenCreateSynopsis = "token create --email E [--db PATH|URL]"

// runToken is `vcready token create`: it issues an API token for an existing user
// without their password (whoever can run this can read the database anyway) and
// prints only the token, so scripts can capture it: TOKEN=$(vcready token create ...).
func runToken(ctx context.Context, e env, args []string) int {
	if len(args) == 0 || args[0] != "create" {
		if len(args) > 0 && (args[0] == "-h" || args[0] == "--help" || args[0] == "help") {
			fmt.Fprintf(e.stdout, "Usage: vcready %s\n", tokenCreateSynopsis)
			return exitOK
		}
		fmt.Fprintf(e.stderr, "vcready token: want the subcommand create (run 'vcready token create --help' for usage)\n")
		return exitUsage
	}
	var email, dsn string
	fs := newFlags("token create", tokenCreateSynopsis, e)
	fs.StringVar(&email, "email", "", "email address of the user the token acts for (required)")
	addDBFlag(fs, e, &dsn)
	if code, ok := parseFlags(fs, args[1:], e); !ok {
		return code
	}
	if email == "" {
		fmt.Fprintf(e.stderr, "vcready token create: --email is required (run 'vcready token create --help' for usage)\n")
		return exitUsage
	}
	return withAccounts(ctx, e, "token create", dsn, func(accounts *auth.Service) error {
		token, _, err := accounts.IssueToken(ctx, email)
		if err != nil {
			return noSuchUser(err, email)
		}
		fmt.Fprintln(e.stdout, token)
		return nil
	})
}

// noSuchUser words a not-found for the terminal.
func noSuchUser(err error, email string) error {
	if errors.Is(err, apperr.ErrNotFound) {
		return fmt.Errorf("no user has the email address %s", email)
	}
	return err
}

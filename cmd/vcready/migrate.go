package main

import (
	"context"
	"fmt"
	"log/slog"
)

func runMigrate(ctx context.Context, e env, args []string) int {
	var dsn string
	fs := newFlags("migrate", "migrate [--db PATH|URL]", e)
	addDBFlag(fs, e, &dsn)
	if code, ok := parseFlags(fs, args, e); !ok {
		return code
	}
	log := slog.New(slog.NewTextHandler(e.stderr, nil))
	st, err := openStore(ctx, dsn, log)
	if err != nil {
		fmt.Fprintf(e.stderr, "vcready migrate: %v\n", err)
		return exitError
	}
	defer st.Close()
	fmt.Fprintln(e.stdout, "database is up to date")
	return exitOK
}

func runVersion(ctx context.Context, e env, args []string) int {
	fs := newFlags("version", "version", e)
	if code, ok := parseFlags(fs, args, e); !ok {
		return code
	}
	fmt.Fprintf(e.stdout, "vcready %s\n", version)
	return exitOK
}

package main

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"os"
	"strings"

	"vcready/internal/auth"
	"vcready/internal/backup"
	"vcready/internal/store"
)

const (
	backupSynopsis  = "backup --to FILE [--force] [--db PATH]"
	restoreSynopsis = "restore --from FILE [--db PATH]   (stop the service first)"
	pgDumpAdvice    = "PostgreSQL is backed up with its own tools: pg_dump --format=custom --file=vcready.dump DATABASE_URL, " +
		"and restored with pg_restore --clean --dbname=DATABASE_URL vcready.dump"
)

// runBackup is `vcready backup --to FILE`: a consistent copy of a SQLite database,
// safe to take while the service runs (VACUUM INTO reads one snapshot), checked with
// PRAGMA integrity_check before it is reported.
func runBackup(ctx context.Context, e env, args []string) int {
	var dsn, to string
	var force bool
	fs := newFlags("backup", backupSynopsis, e)
	fs.StringVar(&to, "to", "", "file to write the backup to (required; must not exist unless --force)")
	fs.BoolVar(&force, "force", false, "replace the file at --to if it exists")
	addDBFlag(fs, e, &dsn)
	if code, ok := parseFlags(fs, args, e); !ok {
		return code
	}
	switch {
	case to == "":
		fmt.Fprintf(e.stderr, "vcready backup: --to is required (run 'vcready backup --help' for usage)\n")
		return exitUsage
	case store.IsPostgres(dsn):
		fmt.Fprintf(e.stderr, "vcready backup: %s\n", pgDumpAdvice)
		return exitUsage
	}
	return backupTo(ctx, e, dsn, to, force)
}

// backupTo writes the backup of the SQLite database dsn to the file to.
func backupTo(ctx context.Context, e env, dsn, to string, force bool) int {
	if _, err := os.Stat(strings.TrimPrefix(dsn, "sqlite://")); err != nil {
		fmt.Fprintf(e.stderr, "vcready backup: no database at %s\n", dsn)
		return exitError
	}
	log := slog.New(slog.NewTextHandler(e.stderr, &slog.HandlerOptions{Level: slog.LevelWarn}))
	// Opened, not migrated: a backup copies the database as it is, and must not
	// change the schema under a running service of another version.
	st, err := store.Open(ctx, dsn, log)
	if err != nil {
		fmt.Fprintf(e.stderr, "vcready backup: %s\n", oneLine(err.Error()))
		return exitError
	}
	defer st.Close()
	svc := backup.New(st, "", auth.NewService(st, auth.Options{Log: log}))
	if err := svc.WriteFile(ctx, auth.System, to, force); err != nil {
		fmt.Fprintf(e.stderr, "vcready backup: %s\n", oneLine(cliMessage(err)))
		return exitError
	}
	info, err := os.Stat(to)
	if err != nil {
		fmt.Fprintf(e.stderr, "vcready backup: %s\n", oneLine(err.Error()))
		return exitError
	}
	fmt.Fprintf(e.stdout, "Backed up %s to %s (%d bytes); its integrity check is ok.\n", dsn, to, info.Size())
	return exitOK
}

// runRestore is `vcready restore --from FILE`: it checks the backup, then replaces
// the SQLite database file with it atomically. The service must be stopped: a
// running one would keep writing to the old file.
func runRestore(ctx context.Context, e env, args []string) int {
	var dsn, from string
	fs := newFlags("restore", restoreSynopsis, e)
	fs.StringVar(&from, "from", "", "backup file to restore (required)")
	addDBFlag(fs, e, &dsn)
	if code, ok := parseFlags(fs, args, e); !ok {
		return code
	}
	switch {
	case from == "":
		fmt.Fprintf(e.stderr, "vcready restore: --from is required (run 'vcready restore --help' for usage)\n")
		return exitUsage
	case store.IsPostgres(dsn):
		fmt.Fprintf(e.stderr, "vcready restore: %s\n", pgDumpAdvice)
		return exitUsage
	}
	target := strings.TrimPrefix(dsn, "sqlite://")
	check, err := store.RestoreSQLiteFile(ctx, from, target)
	if err != nil {
		fmt.Fprintf(e.stderr, "vcready restore: %s; %s is untouched\n", restoreMessage(err, from), target)
		return exitError
	}
	fmt.Fprintf(e.stdout, "Restored %s from %s (%d migrations applied in the backup).\n", target, from, len(check.Applied))
	if len(check.Pending) > 0 {
		fmt.Fprintf(e.stdout, "The backup is from an older vcready: %d migrations (%s) will be applied when the service next starts.\n",
			len(check.Pending), strings.Join(check.Pending, ", "))
	}
	return exitOK
}

// restoreMessage words why a backup cannot be restored.
func restoreMessage(err error, from string) string {
	switch {
	case errors.Is(err, os.ErrNotExist):
		return fmt.Sprintf("no backup file %s", from)
	case errors.Is(err, store.ErrFuture):
		return oneLine(err.Error()) + " (upgrade vcready first)"
	case errors.Is(err, store.ErrInUse):
		return oneLine(err.Error()) + " (stop vcready serve first)"
	}
	return oneLine(err.Error())
}

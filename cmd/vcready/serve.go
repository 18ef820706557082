package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"strings"
	"time"

	"vcready/internal/assessment"
	"vcready/internal/auth"
	"vcready/internal/backup"
	"vcready/internal/questionnaire"
	"vcready/internal/store"
	"vcready/internal/web"
	"vcready/questionnaires"
)

// version is set at build time with -ldflags "-X main.version=...".
var version = "dev"

func runServe(ctx context.Context, e env, args []string) int {
	var cfg config
	fs := newFlags("serve", "serve [flags]", e)
	envErr := cfg.register(fs, e)
	if code, ok := parseFlags(fs, args, e); !ok {
		return code
	}
	if envErr != nil {
		return usageError(fs, e, envErr)
	}
	if err := cfg.validate(); err != nil {
		fmt.Fprintf(e.stderr, "vcready serve: %v\n", err)
		return exitUsage
	}
	log := newLogger(e.stderr, cfg)
	if err := serve(ctx, cfg, log, e.stdout); err != nil {
		log.Error("serve", "err", err)
		return exitError
	}
	return exitOK
}

// serve opens and migrates the store, builds the web server and runs it until ctx
// ends (SIGTERM or SIGINT), then lets in-flight requests finish and closes the
// database.
func serve(ctx context.Context, cfg config, log *slog.Logger, stdout io.Writer) error {
	log.Info("starting vcready", append([]any{"version", version}, cfg.logAttrs()...)...)
	qs, err := questionnaire.Load(questionnaires.FS())
	if err != nil {
		return fmt.Errorf("embedded questionnaires are invalid (run 'vcready questionnaires validate'): %w", err)
	}
	st, err := openStore(ctx, cfg.DB, log)
	if err != nil {
		return err
	}
	defer func() {
		if err := st.Close(); err != nil {
			log.Error("close database", "err", err)
		}
	}()
	accounts := auth.NewService(st, auth.Options{Log: log})
	assessments := assessment.New(st, qs)
	if err := assessments.LoadBenchmarks(ctx); err != nil {
		return fmt.Errorf("load benchmarks: %w", err)
	}
	ln, err := net.Listen("tcp", cfg.Addr)
	if err != nil {
		return fmt.Errorf("listen on %s: %w", cfg.Addr, err)
	}
	base := cfg.BaseURL
	if base == "" {
		base = "http://" + ln.Addr().String()
	}
	base = strings.TrimSuffix(base, "/")
	srv, err := web.New(web.Config{
		TrustedProxies: cfg.proxies(),
		SecureCookies:  cfg.SecureCookies,
		BaseURL:        cfg.BaseURL,
		Version:        version,
	}, web.Deps{Log: log, Ready: st.Ready, Questionnaires: qs, Accounts: accounts, Assessments: assessments,
		Backups: backup.New(st, cfg.backupDir(), accounts)})
	if err != nil {
		ln.Close()
		return err
	}
	log.Info("listening", "url", base+"/")
	fmt.Fprintf(stdout, "vcready is running at %s/ (press Ctrl+C to stop)\n", base)
	if err := printSetupLink(ctx, accounts, base, stdout); err != nil {
		ln.Close()
		return err
	}
	if cfg.Demo {
		if err := seedDemo(ctx, accounts, assessments, "Sign in at "+base+"/sign-in as", stdout); err != nil {
			ln.Close()
			return err
		}
	}
	return runHTTP(ctx, ln, srv, cfg.ShutdownTimeout, log)
}

// printSetupLink prints a one-time link that creates the first administrator, while no
// administrator exists. Whoever can read the console can set the service up; the link
// dies once used.
func printSetupLink(ctx context.Context, accounts *auth.Service, base string, w io.Writer) error {
	needed, err := accounts.NeedsSetup(ctx)
	if err != nil || !needed {
		return err
	}
	token, err := accounts.NewSetupToken(ctx)
	if err != nil {
		return err
	}
	fmt.Fprintf(w, "\nNo administrator exists yet. Open this one-time link to create the first one:\n\n    %s/setup/%s\n\n", base, token)
	return nil
}

// openStore opens the database and applies pending migrations.
func openStore(ctx context.Context, dsn string, log *slog.Logger) (*store.Store, error) {
	st, err := store.Open(ctx, dsn, log)
	if err != nil {
		return nil, err
	}
	applied, err := st.Migrate(ctx)
	if err != nil {
		st.Close()
		return nil, err
	}
	if len(applied) > 0 {
		log.Info("applied migrations", "migrations", applied)
	}
	return st, nil
}

func runHTTP(ctx context.Context, ln net.Listener, h http.Handler, grace time.Duration, log *slog.Logger) error {
	hs := &http.Server{
		Handler:           h,
		ReadHeaderTimeout: 10 * time.Second,
		ReadTimeout:       30 * time.Second,
		WriteTimeout:      60 * time.Second,
		IdleTimeout:       120 * time.Second,
		ErrorLog:          slog.NewLogLogger(log.Handler(), slog.LevelWarn),
	}
	errc := make(chan error, 1)
	go func() { errc <- hs.Serve(ln) }()
	select {
	case err := <-errc:
		return fmt.Errorf("http server: %w", err)
	case <-ctx.Done():
	}
	log.Info("shutting down: finishing in-flight requests", "grace", grace)
	sctx, cancel := context.WithTimeout(context.Background(), grace)
	defer cancel()
	if err := hs.Shutdown(sctx); err != nil {
		return fmt.Errorf("shutdown: %w", err)
	}
	if err := <-errc; err != nil && !errors.Is(err, http.ErrServerClosed) {
		return err
	}
	log.Info("stopped")
	return nil
}

func newLogger(w io.Writer, cfg config) *slog.Logger {
	level, _ := parseLevel(cfg.LogLevel)
	opts := &slog.HandlerOptions{Level: level}
	if cfg.LogFormat == "json" {
		return slog.New(slog.NewJSONHandler(w, opts))
	}
	return slog.New(slog.NewTextHandler(w, opts))
}

package main

import (
	"errors"
	"flag"
	"fmt"
	"log/slog"
	"net"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"vcready/internal/store"
)

// config is every setting of the service, from flags with VCREADY_* environment
// fallbacks. Defaults live here and nowhere else.
type config struct {
	Addr            string
	DB              string
	LogLevel        string
	LogFormat       string
	TrustedProxies  string
	SecureCookies   bool
	BaseURL         string
	ShutdownTimeout time.Duration
	Demo            bool
	BackupDir       string
}

func envOr(e env, key, def string) string {
	if v := e.getenv(key); v != "" {
		return v
	}
	return def
}

// envBool is the boolean in the environment variable key, or def when it is unset
// or empty. A value that does not parse is an error naming the variable and the
// value: dropping it would quietly run with the default (insecure cookies, say).
func envBool(e env, key string, def bool) (bool, error) {
	v := e.getenv(key)
	if v == "" {
		return def, nil
	}
	b, err := strconv.ParseBool(v)
	if err != nil {
		return def, fmt.Errorf("%s=%q: want true or false", key, v)
	}
	return b, nil
}

// envDuration is envBool for a duration such as 15s or 1m.
func envDuration(e env, key string, def time.Duration) (time.Duration, error) {
	v := e.getenv(key)
	if v == "" {
		return def, nil
	}
	d, err := time.ParseDuration(v)
	if err != nil {
		return def, fmt.Errorf("%s=%q: want a duration such as 15s or 1m", key, v)
	}
	return d, nil
}

// addDBFlag registers --db, which every command that touches data shares.
func addDBFlag(fs *flag.FlagSet, e env, dst *string) {
	fs.StringVar(dst, "db", envOr(e, "VCREADY_DB", "vcready.db"),
		"database: a SQLite file path, or a postgres:// URL for PostgreSQL (env VCREADY_DB)")
}

func addAddrFlag(fs *flag.FlagSet, e env, dst *string) {
	fs.StringVar(dst, "addr", envOr(e, "VCREADY_ADDR", "127.0.0.1:8080"),
		"address to listen on (env VCREADY_ADDR)")
}

// register adds the serve flags to fs, with defaults from the environment. It
// returns the environment values that do not parse, for the caller to report once
// the command line itself has parsed (so --help still works).
func (c *config) register(fs *flag.FlagSet, e env) error {
	addAddrFlag(fs, e, &c.Addr)
	addDBFlag(fs, e, &c.DB)
	fs.StringVar(&c.LogLevel, "log-level", envOr(e, "VCREADY_LOG_LEVEL", "info"), "debug, info, warn or error (env VCREADY_LOG_LEVEL)")
	fs.StringVar(&c.LogFormat, "log-format", envOr(e, "VCREADY_LOG_FORMAT", "text"), "text or json (env VCREADY_LOG_FORMAT)")
	fs.StringVar(&c.TrustedProxies, "trusted-proxies", envOr(e, "VCREADY_TRUSTED_PROXIES", ""),
		"comma-separated CIDR ranges of reverse proxies whose X-Forwarded-For is believed; empty: none (env VCREADY_TRUSTED_PROXIES)")
	secure, secureErr := envBool(e, "VCREADY_SECURE_COOKIES", false)
	fs.BoolVar(&c.SecureCookies, "secure-cookies", secure, "mark cookies Secure; set when users reach vcready over HTTPS (env VCREADY_SECURE_COOKIES)")
	fs.StringVar(&c.BaseURL, "base-url", envOr(e, "VCREADY_BASE_URL", ""),
		"public URL of the service, used in links it prints or sends; default http://ADDR (env VCREADY_BASE_URL)")
	timeout, timeoutErr := envDuration(e, "VCREADY_SHUTDOWN_TIMEOUT", 15*time.Second)
	fs.BoolVar(&c.Demo, "demo", false, "seed two clearly labelled demo organisations with synthetic teams and three quarters of results (once), and print how to sign in")
	fs.DurationVar(&c.ShutdownTimeout, "shutdown-timeout", timeout, "how long to let in-flight requests finish on SIGTERM (env VCREADY_SHUTDOWN_TIMEOUT)")
	fs.StringVar(&c.BackupDir, "backup-dir", envOr(e, "VCREADY_BACKUP_DIR", "backups"),
		"folder for backups made from the admin page; relative to the database file's folder; \"\" turns them off (env VCREADY_BACKUP_DIR)")
	return joinEnvErrors(secureErr, timeoutErr)
}

// joinEnvErrors joins the errors that are not nil into one line.
func joinEnvErrors(errs ...error) error {
	var msgs []string
	for _, err := range errs {
		if err != nil {
			msgs = append(msgs, err.Error())
		}
	}
	if len(msgs) == 0 {
		return nil
	}
	return errors.New(strings.Join(msgs, "; "))
}

// validate checks the settings once at start-up.
func (c *config) validate() error {
	if _, _, err := net.SplitHostPort(c.Addr); err != nil {
		return fmt.Errorf("--addr %q: want host:port", c.Addr)
	}
	if c.DB == "" {
		return fmt.Errorf("--db is empty")
	}
	if _, err := parseLevel(c.LogLevel); err != nil {
		return err
	}
	if c.LogFormat != "text" && c.LogFormat != "json" {
		return fmt.Errorf("--log-format %q: want text or json", c.LogFormat)
	}
	for _, p := range c.proxies() {
		if _, _, err := net.ParseCIDR(p); err != nil {
			return fmt.Errorf("--trusted-proxies: %q is not a CIDR range", p)
		}
	}
	if c.ShutdownTimeout <= 0 {
		return fmt.Errorf("--shutdown-timeout must be positive")
	}
	return nil
}

func (c *config) proxies() []string {
	var out []string
	for _, p := range strings.Split(c.TrustedProxies, ",") {
		if p = strings.TrimSpace(p); p != "" {
			out = append(out, p)
		}
	}
	return out
}

// logAttrs is the configuration as logged at start-up, with secrets masked.
func (c *config) logAttrs() []any {
	return []any{"addr", c.Addr, "db", maskDSN(c.DB), "log_level", c.LogLevel,
		"trusted_proxies", c.proxies(), "secure_cookies", c.SecureCookies, "base_url", c.BaseURL, "demo", c.Demo, "backup_dir", c.backupDir()}
}

// maskDSN hides a password in a postgres:// URL.
func maskDSN(dsn string) string {
	at := strings.LastIndex(dsn, "@")
	scheme := strings.Index(dsn, "://")
	if at < 0 || scheme < 0 {
		return dsn
	}
	creds := dsn[scheme+3 : at]
	if user, _, ok := strings.Cut(creds, ":"); ok {
		return dsn[:scheme+3] + user + ":****" + dsn[at:]
	}
	return dsn
}

func parseLevel(s string) (slog.Level, error) {
	var l slog.Level
	if err := l.UnmarshalText([]byte(s)); err != nil {
		return l, fmt.Errorf("--log-level %q: want debug, info, warn or error", s)
	}
	return l, nil
}

// backupDir is where the admin page writes backups: --backup-dir, taken from the
// database file's folder when relative, so backups sit beside the data by default.
// "" (and PostgreSQL, which is backed up with pg_dump) turns them off.
func (c *config) backupDir() string {
	switch {
	case store.IsPostgres(c.DB):
		return ""
	case c.BackupDir == "" || filepath.IsAbs(c.BackupDir):
		return c.BackupDir
	}
	return filepath.Join(filepath.Dir(strings.TrimPrefix(c.DB, "sqlite://")), c.BackupDir)
}

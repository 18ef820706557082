// Package backup makes and lists copies of the database: from the command line
// (vcready backup) and from the admin page. It knows no database driver; storage
// reaches it through the one method it needs, Snapshotter, which the store implements.
package backup

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"

	"vcready/internal/apperr"
	"vcready/internal/auth"
)

// ErrUnsupported is the Snapshotter's answer for a database it cannot copy
// (PostgreSQL, which has pg_dump).
var ErrUnsupported = errors.New("this database cannot be backed up by vcready")

// Snapshotter writes a consistent copy of the database to a new file at path and
// checks it. It takes a path, not an io.Writer, because SQLite's VACUUM INTO writes
// a file itself; streaming would need a second, temporary copy.
type Snapshotter interface {
	SnapshotFile(ctx context.Context, path string) error
}

// Recorder keeps the audit log; auth.Service is one.
type Recorder interface {
	Record(ctx context.Context, e auth.Event) error
}

// Backup is one backup file.
type Backup struct {
	Name string // file name within the directory
	Size int64  // bytes
	At   time.Time
}

// Service makes backups into one directory and lists them.
type Service struct {
	snap Snapshotter
	dir  string // "" disables backups from the app
	rec  Recorder
	Now  func() time.Time
}

// New returns a service that writes backups of snap into dir ("" turns the service
// off) and records each in rec.
func New(snap Snapshotter, dir string, rec Recorder) *Service {
	return &Service{snap: snap, dir: dir, rec: rec, Now: func() time.Time { return time.Now().UTC() }}
}

// Enabled reports whether a backup directory is configured.
func (s *Service) Enabled() bool { return s != nil && s.dir != "" }

// Dir is the backup directory ("" when disabled).
func (s *Service) Dir() string {
	if s == nil {
		return ""
	}
	return s.dir
}

const (
	prefix = "vcready-"
	suffix = ".db"
	stamp  = "20060102T150405Z"
)

// Create makes a new backup in the directory, named by the time it was made
// (vcready-20261201T162300Z.db, so names sort by age), and records it in the audit log.
func (s *Service) Create(ctx context.Context, p *auth.Principal) (Backup, error) {
	if err := s.allowed(p); err != nil {
		return Backup{}, err
	}
	if err := os.MkdirAll(s.dir, 0o700); err != nil {
		return Backup{}, fmt.Errorf("create backup directory: %w", err)
	}
	now := s.Now().UTC()
	path := filepath.Join(s.dir, prefix+now.Format(stamp)+suffix)
	if _, err := os.Stat(path); err == nil {
		return Backup{}, apperr.Conflict("A backup was made a moment ago: wait a second and try again")
	}
	if err := s.WriteFile(ctx, p, path, false); err != nil {
		return Backup{}, err
	}
	return stat(path)
}

// WriteFile writes a backup to path (vcready backup --to), refusing to replace an
// existing file unless force is set, and records it in the audit log. The copy is
// made under a temporary name beside path and renamed, so path is never half written.
func (s *Service) WriteFile(ctx context.Context, p *auth.Principal, path string, force bool) error {
	if p == nil {
		return apperr.ErrUnauthenticated
	}
	if !p.CanManageBackups() {
		return apperr.ErrNotFound
	}
	if _, err := os.Stat(path); err == nil && !force {
		return apperr.Conflict(path + " already exists (use --force to replace it)")
	}
	tmp := filepath.Join(filepath.Dir(path), "."+filepath.Base(path)+".partial")
	_ = os.Remove(tmp)
	if err := s.snap.SnapshotFile(ctx, tmp); err != nil {
		_ = os.Remove(tmp)
		return err
	}
	if err := os.Rename(tmp, path); err != nil {
		_ = os.Remove(tmp)
		return fmt.Errorf("name the backup %s: %w", path, err)
	}
	s.record(ctx, p, path)
	return nil
}

func (s *Service) record(ctx context.Context, p *auth.Principal, path string) {
	if s.rec == nil {
		return
	}
	e := auth.Event{ActorID: p.UserID, ActorEmail: p.Email, Action: auth.ActionBackupCreated, Target: filepath.Base(path)}
	if p == auth.System {
		e.ActorEmail = ""
	}
	_ = s.rec.Record(ctx, e) // a lost audit event must not undo a backup
}

// List returns the backups in the directory, newest first.
func (s *Service) List(ctx context.Context, p *auth.Principal) ([]Backup, error) {
	if err := s.allowed(p); err != nil {
		return nil, err
	}
	entries, err := os.ReadDir(s.dir)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, fmt.Errorf("list backups: %w", err)
	}
	var out []Backup
	for _, e := range entries {
		if b, ok := parse(e); ok {
			out = append(out, b)
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].At.After(out[j].At) })
	return out, nil
}

// Open opens the backup called name for reading (a download). Only names List
// returns are accepted, so no path can reach outside the directory.
func (s *Service) Open(ctx context.Context, p *auth.Principal, name string) (*os.File, Backup, error) {
	if err := s.allowed(p); err != nil {
		return nil, Backup{}, err
	}
	if _, ok := parseName(name); !ok || filepath.Base(name) != name {
		return nil, Backup{}, apperr.NotFound("backup")
	}
	f, err := os.Open(filepath.Join(s.dir, name))
	if errors.Is(err, fs.ErrNotExist) {
		return nil, Backup{}, apperr.NotFound("backup")
	}
	if err != nil {
		return nil, Backup{}, err
	}
	b, err := stat(f.Name())
	if err != nil {
		f.Close()
		return nil, Backup{}, err
	}
	return f, b, nil
}

// allowed: admins only, and only with a directory. To anyone else the backups do not
// exist.
func (s *Service) allowed(p *auth.Principal) error {
	switch {
	case p == nil:
		return apperr.ErrUnauthenticated
	case !p.CanManageBackups() || !s.Enabled():
		return apperr.ErrNotFound
	}
	return nil
}

func parse(e fs.DirEntry) (Backup, bool) {
	at, ok := parseName(e.Name())
	if !ok || !e.Type().IsRegular() {
		return Backup{}, false
	}
	info, err := e.Info()
	if err != nil {
		return Backup{}, false
	}
	return Backup{Name: e.Name(), Size: info.Size(), At: at}, true
}

// parseName is the time in a backup's name, and whether name is one.
func parseName(name string) (time.Time, bool) {
	s, okPrefix := strings.CutPrefix(name, prefix)
	s, okSuffix := strings.CutSuffix(s, suffix)
	if !okPrefix || !okSuffix {
		return time.Time{}, false
	}
	at, err := time.Parse(stamp, s)
	return at, err == nil
}

func stat(path string) (Backup, error) {
	info, err := os.Stat(path)
	if err != nil {
		return Backup{}, err
	}
	at, _ := parseName(info.Name())
	if at.IsZero() {
		at = info.ModTime().UTC()
	}
	return Backup{Name: info.Name(), Size: info.Size(), At: at}, nil
}

package store

import (
	"context"
	"embed"
	"fmt"
	"io/fs"
	"path"
	"sort"
	"strconv"
	"strings"

	"gorm.io/gorm"
)

//go:embed migrations
var migrationFiles embed.FS

// migration is one numbered SQL file.
type migration struct {
	Version int
	Name    string
	SQL     string
}

// schemaMigration is the row recording that a migration was applied.
type schemaMigration struct {
	Version   int    `gorm:"primaryKey;autoIncrement:false"`
	Name      string `gorm:"not null"`
	AppliedAt string `gorm:"not null"`
}

func (schemaMigration) TableName() string { return "schema_migrations" }

const createMigrationsTable = `CREATE TABLE IF NOT EXISTS schema_migrations (
	version INTEGER PRIMARY KEY,
	name TEXT NOT NULL,
	applied_at TEXT NOT NULL
)`

// migrations lists the embedded migrations for dialect, in version order.
func migrations(dialect string) ([]migration, error) {
	dir := path.Join("migrations", dialect)
	entries, err := fs.ReadDir(migrationFiles, dir)
	if err != nil {
		return nil, fmt.Errorf("read migrations for %s: %w", dialect, err)
	}
	var out []migration
	for _, e := range entries {
		if e.IsDir() || !strings.HasSuffix(e.Name(), ".sql") {
			continue
		}
		num, _, ok := strings.Cut(e.Name(), "_")
		v, err := strconv.Atoi(num)
		if !ok || err != nil || v <= 0 {
			return nil, fmt.Errorf("migration %s: name must start with a positive number and '_'", e.Name())
		}
		b, err := fs.ReadFile(migrationFiles, path.Join(dir, e.Name()))
		if err != nil {
			return nil, fmt.Errorf("read migration %s: %w", e.Name(), err)
		}
		out = append(out, migration{Version: v, Name: e.Name(), SQL: string(b)})
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Version < out[j].Version })
	for i := 1; i < len(out); i++ {
		if out[i].Version == out[i-1].Version {
			return nil, fmt.Errorf("migrations %s and %s share a number", out[i-1].Name, out[i].Name)
		}
	}
	return out, nil
}

// Migrate applies every pending migration, each in its own transaction together with
// the row that records it, so a failed migration leaves nothing half-applied. It
// returns the names of the migrations it applied.
func (s *Store) Migrate(ctx context.Context) ([]string, error) {
	all, err := migrations(s.dialect)
	if err != nil {
		return nil, err
	}
	if err := s.w.WithContext(ctx).Exec(createMigrationsTable).Error; err != nil {
		return nil, fmt.Errorf("create schema_migrations: %w", err)
	}
	done, err := s.applied(ctx, s.w)
	if err != nil {
		return nil, err
	}
	var names []string
	for _, m := range all {
		if done[m.Version] {
			continue
		}
		if err := s.apply(ctx, m); err != nil {
			return names, err
		}
		names = append(names, m.Name)
	}
	return names, nil
}

func (s *Store) apply(ctx context.Context, m migration) error {
	return s.w.WithContext(ctx).Transaction(func(tx *gorm.DB) error {
		if err := tx.Exec(m.SQL).Error; err != nil {
			return fmt.Errorf("apply migration %s: %w", m.Name, err)
		}
		row := schemaMigration{Version: m.Version, Name: m.Name, AppliedAt: s.Now().Format("2006-01-02T15:04:05Z")}
		if err := tx.Create(&row).Error; err != nil {
			return fmt.Errorf("record migration %s: %w", m.Name, err)
		}
		return nil
	})
}

// Pending lists the embedded migrations not yet applied.
func (s *Store) Pending(ctx context.Context) ([]string, error) {
	all, err := migrations(s.dialect)
	if err != nil {
		return nil, err
	}
	done, err := s.applied(ctx, s.r)
	if err != nil {
		return nil, err
	}
	var out []string
	for _, m := range all {
		if !done[m.Version] {
			out = append(out, m.Name)
		}
	}
	return out, nil
}

func (s *Store) applied(ctx context.Context, db *gorm.DB) (map[int]bool, error) {
	var rows []schemaMigration
	if !db.WithContext(ctx).Migrator().HasTable("schema_migrations") {
		return map[int]bool{}, nil
	}
	if err := db.WithContext(ctx).Find(&rows).Error; err != nil {
		return nil, fmt.Errorf("read schema_migrations: %w", err)
	}
	done := make(map[int]bool, len(rows))
	for _, r := range rows {
		done[r.Version] = true
	}
	return done, nil
}

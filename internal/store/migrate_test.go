package store

import (
	"io/fs"
	"maps"
	"slices"
	"testing"
)

// TestDialectsHaveTheSameMigrations keeps the two schemas in step: a migration
// written for one dialect only would leave the other a version behind, and a
// database could not move between them. Same version means same file name too, so
// the schema_migrations rows read the same on both.
func TestDialectsHaveTheSameMigrations(t *testing.T) {
	t.Parallel()
	dirs, err := fs.ReadDir(migrationFiles, "migrations")
	if err != nil {
		t.Fatal(err)
	}
	for _, d := range dirs {
		if d.Name() != SQLite && d.Name() != Postgres {
			t.Errorf("migrations/%s: not a dialect the store opens (want %s or %s)", d.Name(), SQLite, Postgres)
		}
	}
	names := map[string]map[int]string{}
	for _, d := range []string{SQLite, Postgres} {
		ms, err := migrations(d)
		if err != nil {
			t.Fatalf("migrations(%s): %v", d, err)
		}
		if len(ms) == 0 {
			t.Fatalf("no migrations embedded for %s", d)
		}
		names[d] = map[int]string{}
		for _, m := range ms {
			names[d][m.Version] = m.Name
		}
	}
	versions := map[int]bool{}
	for _, byVersion := range names {
		for v := range byVersion {
			versions[v] = true
		}
	}
	for _, v := range slices.Sorted(maps.Keys(versions)) {
		lite, inLite := names[SQLite][v]
		pg, inPG := names[Postgres][v]
		switch {
		case !inPG:
			t.Errorf("migration %04d: %s exists for sqlite but not for postgres", v, lite)
		case !inLite:
			t.Errorf("migration %04d: %s exists for postgres but not for sqlite", v, pg)
		case lite != pg:
			t.Errorf("migration %04d is %s for sqlite but %s for postgres", v, lite, pg)
		}
	}
}

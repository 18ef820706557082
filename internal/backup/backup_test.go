package backup_test

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"testing"
	"time"

	"vcready/internal/apperr"
	"vcready/internal/auth"
	"vcready/internal/backup"
)

// fileSnapshotter writes a fixed body, as the store's VACUUM INTO would write a copy.
type fileSnapshotter struct{ body string }

func (f fileSnapshotter) SnapshotFile(_ context.Context, path string) error {
	if _, err := os.Stat(path); err == nil {
		return errors.New("exists")
	}
	return os.WriteFile(path, []byte(f.body), 0o600)
}

type events []auth.Event

func (e *events) Record(_ context.Context, ev auth.Event) error { *e = append(*e, ev); return nil }

var admin = &auth.Principal{UserID: "u1", Email: "admin@example.org", Role: auth.RoleAdmin}

func TestCreateNamesAndListOrder(t *testing.T) {
	t.Parallel()
	dir := filepath.Join(t.TempDir(), "backups")
	var rec events
	svc := backup.New(fileSnapshotter{"copy"}, dir, &rec)
	times := []time.Time{
		time.Date(2026, 12, 1, 9, 0, 0, 0, time.UTC),
		time.Date(2026, 12, 1, 16, 23, 5, 0, time.UTC),
		time.Date(2026, 11, 30, 23, 59, 59, 0, time.UTC),
	}
	for _, at := range times {
		svc.Now = func() time.Time { return at }
		b, err := svc.Create(context.Background(), admin)
		if err != nil {
			t.Fatal(err)
		}
		if want := "vcready-" + at.Format("20060102T150405Z") + ".db"; b.Name != want || b.Size != 4 || !b.At.Equal(at) {
			t.Errorf("Create = %+v, want %s of 4 bytes at %s", b, want, at)
		}
	}
	if err := os.WriteFile(filepath.Join(dir, "notes.txt"), []byte("x"), 0o600); err != nil {
		t.Fatal(err)
	}
	list, err := svc.List(context.Background(), admin)
	if err != nil {
		t.Fatal(err)
	}
	want := []string{"vcready-20261201T162305Z.db", "vcready-20261201T090000Z.db", "vcready-20261130T235959Z.db"}
	if len(list) != len(want) {
		t.Fatalf("List = %+v, want %v", list, want)
	}
	for i, b := range list {
		if b.Name != want[i] {
			t.Errorf("List[%d] = %s, want %s (newest first)", i, b.Name, want[i])
		}
	}
	if len(rec) != 3 || rec[0].Action != auth.ActionBackupCreated || rec[0].ActorID != "u1" || rec[0].Target != want[1] {
		t.Errorf("audit events = %+v, want one backup_created per backup", rec)
	}
}

func TestCreateTwiceInOneSecond(t *testing.T) {
	t.Parallel()
	svc := backup.New(fileSnapshotter{"copy"}, t.TempDir(), nil)
	svc.Now = func() time.Time { return time.Date(2026, 12, 1, 9, 0, 0, 0, time.UTC) }
	if _, err := svc.Create(context.Background(), admin); err != nil {
		t.Fatal(err)
	}
	if _, err := svc.Create(context.Background(), admin); !errors.Is(err, apperr.ErrConflict) {
		t.Errorf("second Create in the same second: %v, want a conflict", err)
	}
}

func TestOnlyAdminsAndOnlyWithADirectory(t *testing.T) {
	t.Parallel()
	lead := &auth.Principal{UserID: "l", Role: auth.RoleLead, OrganisationID: "o"}
	cases := []struct {
		name string
		svc  *backup.Service
		p    *auth.Principal
		want error
	}{
		{"signed out", backup.New(fileSnapshotter{}, t.TempDir(), nil), nil, apperr.ErrUnauthenticated},
		{"lead", backup.New(fileSnapshotter{}, t.TempDir(), nil), lead, apperr.ErrNotFound},
		{"no directory", backup.New(fileSnapshotter{}, "", nil), admin, apperr.ErrNotFound},
	}
	for _, tc := range cases {
		if _, err := tc.svc.Create(context.Background(), tc.p); !errors.Is(err, tc.want) {
			t.Errorf("%s: Create = %v, want %v", tc.name, err, tc.want)
		}
		if _, err := tc.svc.List(context.Background(), tc.p); !errors.Is(err, tc.want) {
			t.Errorf("%s: List = %v, want %v", tc.name, err, tc.want)
		}
	}
}

func TestOpenOnlyBackupNames(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	svc := backup.New(fileSnapshotter{"copy"}, dir, nil)
	b, err := svc.Create(context.Background(), admin)
	if err != nil {
		t.Fatal(err)
	}
	f, got, err := svc.Open(context.Background(), admin, b.Name)
	if err != nil || got.Name != b.Name {
		t.Fatalf("Open(%s) = %+v, %v", b.Name, got, err)
	}
	f.Close()
	for _, name := range []string{"../etc/passwd", "notes.txt", "vcready-20261301T000000Z.db", "vcready-20261201T090000Z.db"} {
		if _, _, err := svc.Open(context.Background(), admin, name); !errors.Is(err, apperr.ErrNotFound) {
			t.Errorf("Open(%q) = %v, want not found", name, err)
		}
	}
}

func TestWriteFileRefusesToReplace(t *testing.T) {
	t.Parallel()
	path := filepath.Join(t.TempDir(), "b.db")
	svc := backup.New(fileSnapshotter{"new"}, "", nil)
	if err := os.WriteFile(path, []byte("old"), 0o600); err != nil {
		t.Fatal(err)
	}
	if err := svc.WriteFile(context.Background(), auth.System, path, false); !errors.Is(err, apperr.ErrConflict) {
		t.Errorf("WriteFile over a file = %v, want a conflict", err)
	}
	if err := svc.WriteFile(context.Background(), auth.System, path, true); err != nil {
		t.Fatal(err)
	}
	if b, _ := os.ReadFile(path); string(b) != "new" {
		t.Errorf("after --force the file holds %q", b)
	}
}

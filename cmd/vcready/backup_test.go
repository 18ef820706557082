package main

import (
	"bufio"
	"bytes"
	"context"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"testing"

	"gorm.io/driver/sqlite"
	"gorm.io/gorm"

	"vcready/internal/auth"
)

// TestBackupAndRestore backs a database up while a store has it open (as a running
// service would), restores the copy into a new path and finds the data there.
func TestBackupAndRestore(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	db := filepath.Join(dir, "live.db")
	addUser(t, db, "kept@example.org")
	st, err := openStore(context.Background(), db, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()

	to := filepath.Join(dir, "copy.db")
	code, out, errs := cli(t, db, "", "backup", "--to", to)
	if code != exitOK || !strings.Contains(out, to) || !strings.Contains(out, "bytes") {
		t.Fatalf("backup: exit %d, stdout %q, stderr %q", code, out, errs)
	}
	events, err := auth.NewService(st, auth.Options{}).ListAudit(context.Background(), auth.System, 1, 0)
	if err != nil || len(events) != 1 || events[0].Action != auth.ActionBackupCreated || events[0].Target != "copy.db" {
		t.Errorf("audit log after backup: %+v (%v), want backup_created of copy.db", events, err)
	}
	if code, _, errs := cli(t, db, "", "backup", "--to", to); code != exitError || !strings.Contains(errs, "already exists") {
		t.Errorf("backup over an existing file: exit %d, stderr %q; want 1 and a refusal", code, errs)
	}
	if code, _, errs := cli(t, db, "", "backup", "--to", to, "--force"); code != exitOK {
		t.Errorf("backup --force: exit %d, stderr %q", code, errs)
	}

	restored := filepath.Join(dir, "restored.db")
	code, out, errs = cli(t, restored, "", "restore", "--from", to)
	if code != exitOK || !strings.Contains(out, "Restored "+restored) {
		t.Fatalf("restore: exit %d, stdout %q, stderr %q", code, out, errs)
	}
	if !userExists(t, restored, "kept@example.org") {
		t.Error("the restored database lacks the user made before the backup")
	}
}

func TestRestoreOverExistingDatabase(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	old, backupOf := filepath.Join(dir, "old.db"), filepath.Join(dir, "src.db")
	addUser(t, old, "old@example.org")
	addUser(t, backupOf, "new@example.org")
	to := filepath.Join(dir, "b.db")
	if code, _, errs := cli(t, backupOf, "", "backup", "--to", to); code != exitOK {
		t.Fatalf("backup: %s", errs)
	}
	if err := os.WriteFile(old+"-wal", []byte("stale"), 0o600); err != nil {
		t.Fatal(err)
	}
	if err := os.Chmod(old, 0o640); err != nil {
		t.Fatal(err)
	}
	if code, _, errs := cli(t, old, "", "restore", "--from", to); code != exitOK {
		t.Fatalf("restore: exit %d: %s", code, errs)
	}
	if info, err := os.Stat(old); err != nil || info.Mode().Perm() != 0o640 {
		t.Errorf("the restored file lost the old file's permissions: %v (%v)", info.Mode(), err)
	}
	if _, err := os.Stat(old + "-wal"); !os.IsNotExist(err) {
		t.Errorf("the old database's -wal is still there (%v)", err)
	}
	if !userExists(t, old, "new@example.org") || userExists(t, old, "old@example.org") {
		t.Error("after restore the database is not the backup's")
	}
}

func TestRestoreRefusesBadBackups(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	src := filepath.Join(dir, "src.db")
	addUser(t, src, "a@example.org")
	good := filepath.Join(dir, "good.db")
	if code, _, errs := cli(t, src, "", "backup", "--to", good); code != exitOK {
		t.Fatalf("backup: %s", errs)
	}
	notSQLite := writeFile(t, dir, "notes.db", []byte("these are not the tables you are looking for"))
	future := copyFile(t, good, filepath.Join(dir, "future.db"))
	execSQL(t, future, "INSERT INTO schema_migrations (version, name, applied_at) VALUES (9999, '9999_from_the_future.sql', '2030-01-01T00:00:00Z')")
	corrupt := corruptCopy(t, good, filepath.Join(dir, "corrupt.db"))

	target := filepath.Join(dir, "target.db")
	addUser(t, target, "target@example.org")
	before, _ := os.ReadFile(target)
	cases := []struct{ name, from, want string }{
		{"missing file", filepath.Join(dir, "nope.db"), "no backup file"},
		{"not SQLite", notSQLite, "not a SQLite database"},
		{"from the future", future, "9999_from_the_future.sql"},
		{"corrupt", corrupt, "corrupt.db fails the integrity check"},
	}
	for _, tc := range cases {
		code, _, errs := cli(t, target, "", "restore", "--from", tc.from)
		if code != exitError || !strings.Contains(errs, tc.want) || strings.Count(strings.TrimSpace(errs), "\n") != 0 {
			t.Errorf("%s: exit %d, stderr %q; want 1 and one line with %q", tc.name, code, errs, tc.want)
		}
		if after, _ := os.ReadFile(target); !bytes.Equal(before, after) {
			t.Fatalf("%s: the target database changed", tc.name)
		}
	}
}

func TestBackupCommandLine(t *testing.T) {
	t.Parallel()
	cases := []struct {
		name string
		args []string
		code int
		want string
	}{
		{"backup without --to", []string{"backup"}, exitUsage, "--to is required"},
		{"backup of no database", []string{"backup", "--to", "x.db", "--db", "/nonexistent/typo.db"}, exitError, "no database at /nonexistent/typo.db"},
		{"restore without --from", []string{"restore"}, exitUsage, "--from is required"},
		{"backup of postgres", []string{"backup", "--to", "x.db", "--db", "postgres://u:p@localhost/vc"}, exitUsage, "pg_dump"},
		{"restore into postgres", []string{"restore", "--from", "x.db", "--db", "postgres://u:p@localhost/vc"}, exitUsage, "pg_restore"},
	}
	for _, tc := range cases {
		code, out, errs := cli(t, "", "", tc.args...)
		if code != tc.code || !strings.Contains(errs, tc.want) || out != "" {
			t.Errorf("%s: exit %d, stdout %q, stderr %q; want %d and %q", tc.name, code, out, errs, tc.code, tc.want)
		}
	}
}

// TestRestoreOlderBackup: a backup from before the latest migration restores, and
// the command says the rest will be applied at the next start.
func TestRestoreOlderBackup(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	src := filepath.Join(dir, "src.db")
	addUser(t, src, "a@example.org")
	old := filepath.Join(dir, "old.db")
	if code, _, errs := cli(t, src, "", "backup", "--to", old); code != exitOK {
		t.Fatalf("backup: %s", errs)
	}
	execSQL(t, old, "DELETE FROM schema_migrations WHERE version = (SELECT max(version) FROM schema_migrations)")
	code, out, errs := cli(t, filepath.Join(dir, "new.db"), "", "restore", "--from", old)
	if code != exitOK || !strings.Contains(out, "will be applied when the service next starts") {
		t.Errorf("restore of an older backup: exit %d, stdout %q, stderr %q", code, out, errs)
	}
}

func addUser(t *testing.T, db, email string) {
	t.Helper()
	if code, _, errs := cli(t, db, "plum tractor violet 9\n", "user", "add", "--email", email, "--role", "admin", "--password-stdin"); code != exitOK {
		t.Fatalf("user add %s: %s", email, errs)
	}
}

func userExists(t *testing.T, db, email string) bool {
	t.Helper()
	st, err := openStore(context.Background(), db, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	_, _, err = auth.NewService(st, auth.Options{}).IssueToken(context.Background(), email)
	return err == nil
}

func writeFile(t *testing.T, dir, name string, b []byte) string {
	t.Helper()
	path := filepath.Join(dir, name)
	if err := os.WriteFile(path, b, 0o600); err != nil {
		t.Fatal(err)
	}
	return path
}

func copyFile(t *testing.T, from, to string) string {
	t.Helper()
	b, err := os.ReadFile(from)
	if err != nil {
		t.Fatal(err)
	}
	return writeFile(t, filepath.Dir(to), filepath.Base(to), b)
}

// corruptCopy copies from and overwrites everything after the first page with noise,
// keeping the SQLite header.
func corruptCopy(t *testing.T, from, to string) string {
	t.Helper()
	b, err := os.ReadFile(from)
	if err != nil {
		t.Fatal(err)
	}
	for i := 4096; i < len(b); i++ {
		b[i] = byte(i * 7)
	}
	return writeFile(t, filepath.Dir(to), filepath.Base(to), b)
}

func execSQL(t *testing.T, path, sql string) {
	t.Helper()
	db, err := gorm.Open(sqlite.Open(path), &gorm.Config{})
	if err != nil {
		t.Fatal(err)
	}
	defer func() {
		if d, err := db.DB(); err == nil {
			d.Close()
		}
	}()
	if err := db.Exec(sql).Error; err != nil {
		t.Fatal(err)
	}
}

// TestBackupWhileServing backs up the database of a running service.
func TestBackupWhileServing(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "served.db")
	_, stop := startServe(t, "--db", db)
	defer stop()
	to := filepath.Join(dir, "copy.db")
	if code, out, errs := cli(t, db, "", "backup", "--to", to); code != exitOK || !strings.Contains(out, "integrity check is ok") {
		t.Fatalf("backup of a served database: exit %d, stdout %q, stderr %q", code, out, errs)
	}
	if code, _, errs := cli(t, filepath.Join(dir, "restored.db"), "", "restore", "--from", to); code != exitOK {
		t.Errorf("restore of the copy: exit %d, stderr %q", code, errs)
	}
}

// TestRestoreRefusesWhileInUse: a database another process has open (a running
// service) is not replaced.
func TestRestoreRefusesWhileInUse(t *testing.T) {
	t.Parallel()
	if runtime.GOOS != "linux" && runtime.GOOS != "darwin" {
		t.Skip("in-use detection is for unix file locks")
	}
	dir := t.TempDir()
	target, src := filepath.Join(dir, "live.db"), filepath.Join(dir, "src.db")
	addUser(t, target, "live@example.org")
	addUser(t, src, "src@example.org")
	to := filepath.Join(dir, "b.db")
	if code, _, errs := cli(t, src, "", "backup", "--to", to); code != exitOK {
		t.Fatalf("backup: %s", errs)
	}
	holder := exec.Command(os.Args[0], "-test.run=^TestHelperHoldDatabase$")
	holder.Env = append(os.Environ(), "VCREADY_TEST_HOLD_DB="+target)
	stdin, _ := holder.StdinPipe()
	stdout, _ := holder.StdoutPipe()
	if err := holder.Start(); err != nil {
		t.Fatal(err)
	}
	defer func() { stdin.Close(); _ = holder.Wait() }()
	if line, err := bufio.NewReader(stdout).ReadString('\n'); err != nil || line != "open\n" {
		t.Fatalf("the helper did not open the database: %q %v", line, err)
	}
	code, _, errs := cli(t, target, "", "restore", "--from", to)
	if code != exitError || !strings.Contains(errs, "is open in another process (stop vcready serve first)") {
		t.Errorf("restore over an open database: exit %d, stderr %q; want 1 and a refusal", code, errs)
	}
	stdin.Close()
	_ = holder.Wait()
	if !userExists(t, target, "live@example.org") {
		t.Error("the open database was replaced")
	}
}

// TestHelperHoldDatabase is not a test: TestRestoreRefusesWhileInUse runs it in a
// child process to hold a database open, as a running service does, until its
// standard input closes.
func TestHelperHoldDatabase(t *testing.T) {
	path := os.Getenv("VCREADY_TEST_HOLD_DB")
	if path == "" {
		t.Skip("helper process only")
	}
	st, err := openStore(context.Background(), path, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	fmt.Println("open")
	_, _ = io.Copy(io.Discard, os.Stdin)
}

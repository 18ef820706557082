package web

import (
	"mime"
	"net/http"
	"path/filepath"
	"strings"
	"testing"

	"vcready/internal/auth"
	"vcready/internal/backup"
	"vcready/internal/web/webtest"
)

// newBackupsApp is the test app with a backup service writing into a temporary
// directory.
func newBackupsApp(t *testing.T, dir string) *testApp {
	t.Helper()
	a := &testApp{}
	a.App = webtest.NewApp(t, func(s webtest.Services) (http.Handler, error) {
		srv, err := New(Config{}, Deps{Questionnaires: s.Questionnaires, Accounts: s.Accounts, Assessments: s.Assessments,
			Backups: backup.New(s.Store, dir, s.Accounts)})
		a.srv = srv
		return srv, err
	})
	return a
}

func TestBackupsPageAccess(t *testing.T) {
	t.Parallel()
	app := newBackupsApp(t, filepath.Join(t.TempDir(), "backups"))
	want := map[string]int{"admin": 200, "lead": 404, "other-lead": 404, "member": 404, "other-member": 404, "anonymous": 303}
	for role, code := range want {
		if rec := app.Page(role, "/admin/backups"); rec.Code != code {
			t.Errorf("%s GET /admin/backups: %d, want %d", role, rec.Code, code)
		}
	}
	lead := app.Browser("lead")
	lead.Get("/")
	if rec := lead.Post("/admin/backups", nil); rec.Code != http.StatusNotFound {
		t.Errorf("lead POST /admin/backups: %d, want 404", rec.Code)
	}
}

// TestBackupsPageMakesABackup: the button makes a backup that the list then shows,
// downloads as a SQLite file, and the audit log records.
func TestBackupsPageMakesABackup(t *testing.T) {
	t.Parallel()
	app := newBackupsApp(t, filepath.Join(t.TempDir(), "backups"))
	admin := app.Browser("admin")
	webtest.AssertPage(t, admin.Get("/admin"), http.StatusOK, `<a href="/admin/backups">`)
	webtest.AssertPage(t, admin.Get("/admin/backups"), http.StatusOK, "No backups have been made here yet", "Make a backup now")
	webtest.AssertRedirect(t, admin.Submit("/admin/backups", "/admin/backups", nil), "/admin/backups?notice=backup-made")
	page := webtest.AssertPage(t, admin.Get("/admin/backups?notice=backup-made"), http.StatusOK, "Backup made", "vcready-", " KB")
	name := between(page, `<a href="/admin/backups/`, `"`)
	rec := admin.Get("/admin/backups/" + name)
	if rec.Code != http.StatusOK || !strings.HasPrefix(rec.Body.String(), "SQLite format 3\x00") {
		t.Fatalf("download %s: %d, body starts %q", name, rec.Code, rec.Body.String()[:min(16, rec.Body.Len())])
	}
	if _, params, err := mime.ParseMediaType(rec.Header().Get("Content-Disposition")); err != nil || params["filename"] != name {
		t.Errorf("Content-Disposition %q (%v), want the file name", rec.Header().Get("Content-Disposition"), err)
	}
	events, err := app.Accounts.ListAudit(t.Context(), auth.System, 10, 0)
	if err != nil || len(events) == 0 || events[0].Action != auth.ActionBackupCreated || events[0].Target != name ||
		events[0].ActorEmail != "admin@example.org" {
		t.Errorf("latest audit event %+v (%v), want backup_created of %s by the admin", events, err, name)
	}
	if rec := app.Page("lead", "/admin/backups/"+name); rec.Code != http.StatusNotFound {
		t.Errorf("lead downloads a backup: %d, want 404", rec.Code)
	}
}

func TestBackupsPageRefusesForgedForm(t *testing.T) {
	t.Parallel()
	dir := filepath.Join(t.TempDir(), "backups")
	app := newBackupsApp(t, dir)
	admin := app.Browser("admin")
	admin.Get("/admin/backups")
	admin.ForgeCSRF("forged")
	webtest.AssertPage(t, admin.Post("/admin/backups", nil), http.StatusForbidden, "This form has expired")
	if list, err := backup.New(nil, dir, nil).List(t.Context(), auth.System); err != nil || len(list) != 0 {
		t.Errorf("a forged form made backups: %v (%v)", list, err)
	}
}

func TestBackupsPageWithoutADirectory(t *testing.T) {
	t.Parallel()
	app := newBackupsApp(t, "")
	if rec := app.Page("admin", "/admin/backups"); rec.Code != http.StatusNotFound {
		t.Errorf("admin GET /admin/backups with backups off: %d, want 404", rec.Code)
	}
	if body := app.Page("admin", "/admin").Body.String(); strings.Contains(body, `href="/admin/backups"`) {
		t.Error("the admin home links to the backups page while backups are off")
	}
}

// between is the text of s after the first start, up to end.
func between(s, start, end string) string {
	_, after, _ := strings.Cut(s, start)
	v, _, _ := strings.Cut(after, end)
	return v
}

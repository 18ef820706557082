package web

import (
	"fmt"
	"mime"
	"net/http"

	"github.com/labstack/echo/v4"
)

// Backups of the database, for admins: the list of backups made from the app, a button
// that makes one now, and a download of each. Without a backup directory
// (--backup-dir "") the pages do not exist.
func (s *Server) routesBackups() {
	s.e.GET("/admin/backups", s.handleBackups)
	s.e.POST("/admin/backups", s.handleBackupCreate)
	s.e.GET("/admin/backups/:name", s.handleBackupDownload)
}

// backupsView is the backups page.
type backupsView struct {
	Dir     string
	Backups []backupRow
}

type backupRow struct{ Name, Size, At string }

func (s *Server) handleBackups(c echo.Context) error {
	p, err := requireUser(c)
	if err != nil {
		return err
	}
	list, err := s.deps.Backups.List(c.Request().Context(), p)
	if err != nil {
		return err
	}
	rows := make([]backupRow, len(list))
	for i, b := range list {
		rows[i] = backupRow{Name: b.Name, Size: byteSize(b.Size), At: b.At.UTC().Format("2 January 2006 15:04:05")}
	}
	return s.render(c, http.StatusOK, "backups", Page{Title: "Backups", Nav: "home", Notice: noticeFor(c),
		Content: backupsView{Dir: s.deps.Backups.Dir(), Backups: rows}})
}

func (s *Server) handleBackupCreate(c echo.Context) error {
	p, err := requireUser(c)
	if err != nil {
		return err
	}
	if _, err := s.deps.Backups.Create(c.Request().Context(), p); err != nil {
		return err
	}
	return c.Redirect(http.StatusSeeOther, "/admin/backups?notice=backup-made")
}

func (s *Server) handleBackupDownload(c echo.Context) error {
	p, err := requireUser(c)
	if err != nil {
		return err
	}
	f, b, err := s.deps.Backups.Open(c.Request().Context(), p, c.Param("name"))
	if err != nil {
		return err
	}
	defer f.Close()
	h := c.Response().Header()
	h.Set(echo.HeaderContentDisposition, mime.FormatMediaType("attachment", map[string]string{"filename": b.Name}))
	h.Set("Cache-Control", "no-store") // every organisation's data: keep it out of caches
	return c.Stream(http.StatusOK, "application/vnd.sqlite3", f)
}

// byteSize is a size in words people read: 512 bytes, 216 KB, 3.4 MB.
func byteSize(n int64) string {
	switch {
	case n < 1024:
		return fmt.Sprintf("%d bytes", n)
	case n < 1024*1024:
		return fmt.Sprintf("%d KB", (n+512)/1024)
	}
	return fmt.Sprintf("%.1f MB", float64(n)/(1024*1024))
}

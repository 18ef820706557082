package web

import (
	"net/http"
	"net/url"
	"strings"
	"unicode/utf8"

	"github.com/labstack/echo/v4"

	"vcready/internal/apperr"
)

// rejectUnreadableText stops text no database should see before any handler runs: a
// NUL byte or invalid UTF-8 in the path, a query parameter or a URL-encoded form
// field. PostgreSQL refuses both (a 500 if they got that far) and SQLite would store
// them as sent, so neither dialect ever receives them (F-02). A path holding them
// names nothing that exists, so it is a 404; a query or form is a 400. JSON bodies
// are checked where they are decoded (api.bindJSON).
func rejectUnreadableText(next echo.HandlerFunc) echo.HandlerFunc {
	return func(c echo.Context) error {
		req := c.Request()
		if !readableText(req.URL.Path) {
			return echo.ErrNotFound
		}
		if name, ok := readableValues(req.URL.Query()); !ok {
			return unreadableText("query parameter", name)
		}
		if isURLEncodedForm(req) {
			_ = req.ParseForm() // a malformed form is left for the handler, as before
			if name, ok := readableValues(req.PostForm); !ok {
				return unreadableText("form field", name)
			}
		}
		return next(c)
	}
}

// readableText reports whether s is UTF-8 without NUL characters.
func readableText(s string) bool {
	return utf8.ValidString(s) && !strings.ContainsRune(s, 0)
}

// readableValues reports whether every name and value in vs is readable text, and if
// not, the name at fault ("" when the name itself is unreadable, so it is not echoed).
func readableValues(vs url.Values) (string, bool) {
	for name, values := range vs {
		if !readableText(name) {
			return "", false
		}
		for _, v := range values {
			if !readableText(v) {
				return name, false
			}
		}
	}
	return "", true
}

func isURLEncodedForm(req *http.Request) bool {
	ct, _, _ := strings.Cut(req.Header.Get(echo.HeaderContentType), ";")
	return strings.EqualFold(strings.TrimSpace(ct), echo.MIMEApplicationForm)
}

// unreadableText is the 400 for a query parameter or form field (kind) called name.
func unreadableText(kind, name string) error {
	const problem = "must be UTF-8 text without NUL characters"
	if name == "" {
		return apperr.BadRequest("A " + kind + " name is not UTF-8 text without NUL characters.")
	}
	return apperr.BadRequest("A "+kind+" is not UTF-8 text without NUL characters.",
		apperr.FieldProblem{Field: name, Problem: problem})
}

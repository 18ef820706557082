package web

import (
	"bytes"
	"embed"
	"fmt"
	"html/template"
	"io/fs"
	"net/http"
	"path"
	"strconv"
	"strings"

	"github.com/labstack/echo/v4"

	"vcready/internal/report"
	"vcready/static"
)

//go:embed templates
var templateFiles embed.FS

// Page is what every template receives. Content holds the page's own data.
type Page struct {
	Title   string       // the page's title, without the service name
	Errors  []FieldError // shown in an error summary; the <title> gains "Error: "
	Notice  string       // a one-line success message (notification banner)
	Nav     string       // the active header navigation item
	CSRF    string       // the token every form must post back as _csrf
	Account *AccountView // nil when signed out
	Content any
}

// FieldError links an error summary entry to the input it is about.
type FieldError struct {
	Field   string // the id of the input to focus
	Message string
}

// AccountView is what the header shows about the signed-in user.
type AccountView struct {
	Email string
	Name  string
	Role  string
	// HomeHref and HomeText are the header link to the user's own starting page.
	HomeHref, HomeText string
}

// pages holds one parsed template set per page, each with the layout and partials.
type pages struct {
	byName map[string]*template.Template
}

var templateFuncs = template.FuncMap{
	"asset":        func(p string) string { return "/static/" + static.Version() + "/" + p },
	"jsEnabled":    func() template.JS { return template.JS(jsEnabledSnippet) },
	"add":          func(a, b int) int { return a + b },
	"join":         strings.Join,
	"lower":        strings.ToLower,
	"navItem":      navItem,
	"paragraphs":   paragraphs,
	"input":        inputField,
	"selectField":  selectField,
	"settingBox":   settingBox,
	"num":          report.Number,
	"seriesColour": seriesColour,
	"ringLabelY":   ringLabelY,
	"score":        report.Score,
	"levelLabel":   report.Level,
	"percent":      report.Percent,
}

// paragraphs splits text on blank lines, for multi-paragraph text from questionnaires.
func paragraphs(s string) []string {
	var out []string
	for _, p := range strings.Split(strings.ReplaceAll(s, "\r\n", "\n"), "\n\n") {
		if p = strings.TrimSpace(p); p != "" {
			out = append(out, p)
		}
	}
	return out
}

// navLink is one item of the header navigation.
type navLink struct {
	Href, Text string
	Current    bool
}

func navItem(p Page, key, href, text string) navLink {
	return navLink{Href: href, Text: text, Current: p.Nav == key}
}

func parsePages() (*pages, error) {
	// Pages are grouped by feature (templates/pages/<feature>/<page>.html) and named
	// by their file's base name, which must be unique.
	names, err := fs.Glob(templateFiles, "templates/pages/*/*.html")
	if err != nil {
		return nil, err
	}
	p := &pages{byName: map[string]*template.Template{}}
	for _, file := range names {
		name := strings.TrimSuffix(path.Base(file), ".html")
		if _, dup := p.byName[name]; dup {
			return nil, fmt.Errorf("parse templates: two pages named %q", name)
		}
		t, err := template.New("layout.html").Funcs(templateFuncs).ParseFS(templateFiles,
			"templates/layout.html", "templates/partials/*.html", file)
		if err != nil {
			return nil, fmt.Errorf("parse template %s: %w", name, err)
		}
		p.byName[name] = t
	}
	return p, nil
}

// render writes page name with status. It renders to a buffer first so a template
// error becomes a clean 500 page rather than half a page.
func (s *Server) render(c echo.Context, status int, name string, p Page) error {
	t, ok := s.pages.byName[name]
	if !ok {
		return fmt.Errorf("render: no page %q", name)
	}
	if p.Account == nil {
		p.Account = accountViewOf(c)
	}
	if p.CSRF == "" {
		p.CSRF = csrfTokenOf(c)
	}
	var buf bytes.Buffer
	if err := t.Execute(&buf, p); err != nil {
		return fmt.Errorf("render %s: %w", name, err)
	}
	c.Response().Header().Set("Cache-Control", "no-store")
	return c.HTMLBlob(status, buf.Bytes())
}

// renderError shows the NHS-styled page for an error status.
func (s *Server) renderError(c echo.Context, status int, msg string) error {
	name := "error"
	switch status {
	case http.StatusNotFound:
		name = "not-found"
	case http.StatusInternalServerError:
		name = "server-error"
	}
	return s.render(c, status, name, Page{Title: errorTitle(status), Content: msg})
}

func errorTitle(status int) string {
	switch status {
	case http.StatusNotFound:
		return "Page not found"
	case http.StatusInternalServerError:
		return "Sorry, there is a problem with the service"
	}
	return http.StatusText(status)
}

func itoa(n int) string { return strconv.Itoa(n) }

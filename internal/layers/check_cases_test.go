package layers

import (
	"maps"
	"slices"
	"strings"
	"testing"
)

func TestMatches(t *testing.T) {
	yes := [][2]string{
		{"net", "net"}, {"net/http", "net/http"}, {"net/http/httptrace", "net/http"},
		{"gorm.io/gorm", "gorm.io"}, {"gorm.io/driver/sqlite", "gorm.io"},
		{"github.com/labstack/echo/v4", "github.com/labstack/echo"},
		{"github.com/go-playground/validator/v10", "github.com/go-playground/validator"},
		{"github.com/jackc/pgx/v5/pgconn", "github.com/jackc/pgx"},
		{"database/sql/driver", "database/sql"}, {"github.com/chromedp/cdproto/dom", chromedp},
	}
	no := [][2]string{
		{"net/url", "net/http"}, {"net/url", "net"}, {"net/netip", "net"}, {"network", "net"},
		{"database/sqlx", "database/sql"}, {"gorm.io.example/x", "gorm.io"},
		{"github.com/labstack/gommon/log", "github.com/labstack/echo"},
		{"github.com/labstack/echox", "github.com/labstack/echo"}, {"github.com/chromedpx", chromedp},
	}
	for _, c := range yes {
		if !matches(c[0], c[1]) {
			t.Errorf("matches(%q, %q) = false, want true", c[0], c[1])
		}
	}
	for _, c := range no {
		if matches(c[0], c[1]) {
			t.Errorf("matches(%q, %q) = true, want false", c[0], c[1])
		}
	}
}

// base is a small made-up module that passes baseRules; each case of TestCheck adds to
// it. It maps each package to its direct imports.
var base = map[string][]string{
	"vcready/internal/apperr":      {"fmt"},
	"vcready/internal/store":       {"vcready/internal/apperr", "database/sql"},
	"vcready/internal/web":         {"vcready/internal/apperr", "example.com/metrics"},
	"vcready/internal/browsertest": {chromedp + "/chromedp"},
	"vcready/cmd/vcready":          {"vcready/internal/store", "vcready/internal/web"},
	"example.com/metrics":          {"fmt"},
	chromedp + "/chromedp":         {"fmt"},
}

func baseRules() []rule {
	return []rule{
		{pkg: "internal/apperr", stdOnly: true},
		{pkg: "internal/store", mayImport: []string{"internal/apperr"}, forbidden: transport},
		{pkg: "internal/web", mayImport: []string{"internal/apperr", "internal/web/api"}, forbidden: storage},
		{pkg: "internal/web/api", planned: true, forbidden: storage},
		{pkg: "internal/browsertest", kit: true},
		{pkg: "cmd/vcready", wires: true},
	}
}

// sqlViaMetrics lets web reach database/sql through example.com/metrics.
var sqlViaMetrics = exemption{forbidden: "database/sql", via: "example.com/metrics", why: "its DB collector"}

func TestCheck(t *testing.T) {
	tests := []struct {
		name string
		add  map[string][]string // imports added to base
		row  *rule               // replaces the base row for the same package, or is added
		want []string            // each must appear in one problem, and each problem must contain one
	}{
		{name: "base passes"},
		{name: "web imports database/sql",
			add:  map[string][]string{"vcready/internal/web": {"database/sql"}},
			want: []string{"vcready/internal/web must not reach database/sql: vcready/internal/web -> database/sql"}},
		{name: "web reaches database/sql through a third-party package",
			add:  map[string][]string{"example.com/metrics": {"database/sql"}},
			want: []string{"must not reach database/sql: vcready/internal/web -> example.com/metrics -> database/sql"}},
		{name: "web imports the browser kit",
			add: map[string][]string{"vcready/internal/web": {"vcready/internal/browsertest"}},
			want: []string{"vcready/internal/web imports the test kit vcready/internal/browsertest",
				"vcready/internal/web must not reach test-only code (github.com/chromedp/... or a test kit): vcready/internal/web -> vcready/internal/browsertest (and 1 more)",
				"vcready/cmd/vcready must not reach test-only code"}},
		{name: "store reaches chromedp through a third-party package",
			add: map[string][]string{"vcready/internal/store": {"example.com/metrics"}, "example.com/metrics": {chromedp + "/chromedp"}},
			want: []string{"vcready/internal/store must not reach test-only code (github.com/chromedp/... or a test kit): vcready/internal/store -> example.com/metrics -> github.com/chromedp/chromedp",
				"vcready/internal/web must not reach test-only code", "vcready/cmd/vcready must not reach test-only code"}},
		{name: "unlisted package",
			add:  map[string][]string{"vcready/internal/extra": {"fmt"}},
			want: []string{"vcready/internal/extra has no row in rules"}},
		{name: "web imports a project package off its row",
			add: map[string][]string{"vcready/internal/web": {"vcready/internal/store"}},
			want: []string{"vcready/internal/web imports vcready/internal/store, which is not on its row",
				"vcready/internal/web must not reach database/sql: vcready/internal/web -> vcready/internal/store -> database/sql"}},
		{name: "cmd imports a test kit",
			add:  map[string][]string{"vcready/cmd/vcready": {"vcready/internal/browsertest"}},
			want: []string{"vcready/cmd/vcready imports the test kit", "vcready/cmd/vcready must not reach test-only code"}},
		{name: "std-only package reaches a third-party one",
			add:  map[string][]string{"vcready/internal/apperr": {"example.com/metrics"}},
			want: []string{"vcready/internal/apperr must not reach anything outside the standard library: vcready/internal/apperr -> example.com/metrics"}},
		{name: "stale row", row: &rule{pkg: "internal/gone"},
			want: []string{"row internal/gone names no package"}},
		{name: "planned row whose package now exists is checked",
			add:  map[string][]string{"vcready/internal/web/api": {"database/sql"}},
			want: []string{"vcready/internal/web/api must not reach database/sql"}},
		{name: "row may import a package with no row",
			row:  &rule{pkg: "internal/store", mayImport: []string{"internal/apperr", "internal/nope"}, forbidden: transport},
			want: []string{"row internal/store may import internal/nope, which has no row"}},
		{name: "exemption covers the one route",
			add: map[string][]string{"example.com/metrics": {"database/sql"}},
			row: &rule{pkg: "internal/web", mayImport: []string{"internal/apperr"}, forbidden: storage, exempt: []exemption{sqlViaMetrics}}},
		{name: "exemption does not cover a second route",
			add:  map[string][]string{"example.com/metrics": {"database/sql"}, "vcready/internal/web": {"database/sql"}},
			row:  &rule{pkg: "internal/web", mayImport: []string{"internal/apperr"}, forbidden: storage, exempt: []exemption{sqlViaMetrics}},
			want: []string{"vcready/internal/web must not reach database/sql: vcready/internal/web -> database/sql"}},
		{name: "exemption no longer needed",
			row:  &rule{pkg: "internal/web", mayImport: []string{"internal/apperr"}, forbidden: storage, exempt: []exemption{sqlViaMetrics}},
			want: []string{"row internal/web exempts database/sql via example.com/metrics, which it no longer needs"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := check("vcready", graphOf(withImports(tt.add)), withRow(tt.row))
			for _, w := range tt.want {
				if !slices.ContainsFunc(got, func(p string) bool { return strings.Contains(p, w) }) {
					t.Errorf("no problem contains %q", w)
				}
			}
			for _, p := range got {
				if !slices.ContainsFunc(tt.want, func(w string) bool { return strings.Contains(p, w) }) {
					t.Errorf("unexpected problem: %s", p)
				}
			}
		})
	}
}

// withImports returns base with add's imports appended.
func withImports(add map[string][]string) map[string][]string {
	imports := maps.Clone(base)
	for path, more := range add {
		imports[path] = slices.Concat(imports[path], more)
	}
	return imports
}

// withRow returns baseRules with r in place of the row for the same package, or added.
func withRow(r *rule) []rule {
	rows := baseRules()
	if r == nil {
		return rows
	}
	if i := slices.IndexFunc(rows, func(old rule) bool { return old.pkg == r.pkg }); i >= 0 {
		rows[i] = *r
		return rows
	}
	return append(rows, *r)
}

// graphOf turns direct imports into what go list would print: one package for every
// path, with Deps the transitive closure of Imports. Paths without a dot in their first
// element, other than vcready's, are standard.
func graphOf(imports map[string][]string) []pkg {
	paths := map[string]bool{}
	for path, imps := range imports {
		paths[path] = true
		for _, imp := range imps {
			paths[imp] = true
		}
	}
	var pkgs []pkg
	for _, path := range slices.Sorted(maps.Keys(paths)) {
		first, _, _ := strings.Cut(path, "/")
		pkgs = append(pkgs, pkg{ImportPath: path, Imports: imports[path], Deps: closure(imports, path),
			Standard: !strings.Contains(first, ".") && first != "vcready"})
	}
	return pkgs
}

// closure returns every package that path reaches through imports, sorted.
func closure(imports map[string][]string, path string) []string {
	seen := map[string]bool{}
	queue := slices.Clone(imports[path])
	for len(queue) > 0 {
		next := queue[0]
		queue = queue[1:]
		if !seen[next] {
			seen[next] = true
			queue = append(queue, imports[next]...)
		}
	}
	return slices.Sorted(maps.Keys(seen))
}

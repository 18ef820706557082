// Package layers holds the test that keeps vcready's architecture true: pure packages
// import no I/O frameworks, services know neither HTTP nor GORM, and only cmd/vcready
// wires concrete types together.
package layers

import (
	"os/exec"
	"strings"
	"testing"
)

// pure lists what the pure packages (questionnaire, scoring, benchmark, actionplan,
// chart) must never reach: web frameworks, databases, the network, other processes.
var pure = []string{"labstack/echo", "gorm.io", "database/sql", "net/http", "net", "os/exec"}

var rules = []struct {
	pkg       string
	forbidden []string
}{
	{"vcready/internal/questionnaire", pure},
	{"vcready/internal/scoring", pure},
	{"vcready/internal/benchmark", pure},
	{"vcready/internal/actionplan", pure},
	{"vcready/internal/chart", pure},
	{"vcready/internal/assessment", []string{"labstack/echo", "gorm.io", "net/http", "vcready/internal/store", "vcready/internal/web"}},
	{"vcready/internal/auth", []string{"labstack/echo", "gorm.io", "net/http", "vcready/internal/store", "vcready/internal/web"}},
	{"vcready/internal/store", []string{"labstack/echo", "vcready/internal/web"}},
	{"vcready/internal/web", []string{"gorm.io", "vcready/internal/store"}},
}

func TestLayering(t *testing.T) {
	for _, r := range rules {
		out, err := exec.Command("go", "list", "-deps", r.pkg).Output()
		if err != nil {
			t.Fatalf("go list -deps %s: %v", r.pkg, err)
		}
		for _, dep := range strings.Fields(string(out)) {
			for _, bad := range r.forbidden {
				if matches(dep, bad) {
					t.Errorf("%s depends on %s (forbidden: %s)", r.pkg, dep, bad)
				}
			}
		}
	}
}

// matches reports whether package dep is, or is inside, the forbidden path bad, which
// may be a whole import path ("net/http", "gorm.io") or a module path without its
// host ("labstack/echo").
func matches(dep, bad string) bool {
	if !strings.ContainsAny(bad, "/.") {
		return dep == bad // a one-word standard package such as "net": not net/url
	}
	return dep == bad || strings.HasPrefix(dep, bad+"/") || strings.HasPrefix(dep, bad+".") ||
		strings.Contains(dep, "/"+bad+"/") || strings.HasSuffix(dep, "/"+bad) || strings.HasPrefix(dep, bad) && strings.Contains(bad, ".")
}

func TestMatches(t *testing.T) {
	yes := [][2]string{{"net", "net"}, {"github.com/labstack/echo/v4", "labstack/echo"}, {"net/http", "net/http"}, {"net/http/httptrace", "net/http"},
		{"gorm.io/gorm", "gorm.io"}, {"vcready/internal/store", "vcready/internal/store"}}
	no := [][2]string{{"net/url", "net/http"}, {"net/url", "net"}, {"net/netip", "net"}, {"vcready/internal/storetest", "vcready/internal/store"}, {"github.com/labstack/gommon", "labstack/echo"}}
	for _, c := range yes {
		if !matches(c[0], c[1]) {
			t.Errorf("matches(%q, %q) = false", c[0], c[1])
		}
	}
	for _, c := range no {
		if matches(c[0], c[1]) {
			t.Errorf("matches(%q, %q) = true", c[0], c[1])
		}
	}
}

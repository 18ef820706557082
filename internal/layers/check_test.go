package layers

import (
	"fmt"
	"slices"
	"strings"
)

// pkg is the part of one `go list -json` record that the rules read.
type pkg struct {
	ImportPath string
	Imports    []string // direct imports, from non-test files only
	Deps       []string // every package it reaches, directly or not
	Standard   bool
	Module     *struct {
		Path string
		Main bool
	}
}

// rule is one row of the table: a package of the module, the project packages it may
// import directly, and what it must never reach, however indirectly.
type rule struct {
	pkg       string      // path inside the module, such as "internal/web"
	mayImport []string    // project packages, module-relative, it may import directly
	forbidden []string    // import paths or path prefixes it must not reach; see matches
	stdOnly   bool        // it may reach the standard library and nothing else
	wires     bool        // cmd/vcready: it may import any project package but a test kit
	kit       bool        // a test kit: only tests import it, so it may reach other kits
	planned   bool        // not written yet, so the package may be missing
	exempt    []exemption // forbidden packages it may reach through one named package
}

// exemption lets a row reach one of its forbidden packages, but only through one named
// package. Any other route to it still fails.
type exemption struct {
	forbidden string // an entry of the row's forbidden list
	via       string // the one package through which the row may reach it
	why       string
}

// chromedp is the headless-browser library that only the test kits may reach.
const chromedp = "github.com/chromedp"

// graph is the import graph of one module, with the rules that apply to it.
type graph struct {
	module string
	pkgs   map[string]pkg  // by import path: the module's packages and all they reach
	rows   map[string]rule // by full import path
	kits   map[string]bool // full import paths of the test kits
}

// check applies rules to pkgs, the packages of module and everything they reach, and
// returns one line per problem. It runs nothing, so tests can feed it made-up graphs.
func check(module string, pkgs []pkg, rules []rule) []string {
	g := &graph{module: module, pkgs: map[string]pkg{}, rows: map[string]rule{}, kits: map[string]bool{}}
	for _, p := range pkgs {
		g.pkgs[p.ImportPath] = p
	}
	for _, r := range rules {
		g.rows[g.full(r.pkg)] = r
		if r.kit {
			g.kits[g.full(r.pkg)] = true
		}
	}
	problems := g.checkTable(rules)
	for _, p := range pkgs {
		if g.inModule(p.ImportPath) {
			problems = append(problems, g.checkPackage(p)...)
		}
	}
	return problems
}

// checkTable finds rows that have rotted: duplicates, rows naming a package that does
// not exist (unless planned), and entries naming packages that have no row.
func (g *graph) checkTable(rules []rule) []string {
	var problems []string
	seen := map[string]bool{}
	for _, r := range rules {
		path := g.full(r.pkg)
		if seen[path] {
			problems = append(problems, fmt.Sprintf("row %s appears twice: merge the rows", r.pkg))
		}
		seen[path] = true
		if _, ok := g.pkgs[path]; !ok && !r.planned {
			problems = append(problems, fmt.Sprintf("row %s names no package: remove the row, or mark it planned if the package is about to be written", r.pkg))
		}
		for _, m := range r.mayImport {
			if _, ok := g.rows[g.full(m)]; !ok {
				problems = append(problems, fmt.Sprintf("row %s may import %s, which has no row", r.pkg, m))
			}
		}
		problems = append(problems, checkExemptionRows(r)...)
	}
	return problems
}

// checkExemptionRows checks that each exemption of r names one of r's forbidden entries
// and says why it is there.
func checkExemptionRows(r rule) []string {
	var problems []string
	for _, e := range r.exempt {
		if !slices.Contains(r.forbidden, e.forbidden) {
			problems = append(problems, fmt.Sprintf("row %s exempts %s, which is not on its forbidden list", r.pkg, e.forbidden))
		}
		if e.why == "" {
			problems = append(problems, fmt.Sprintf("row %s exempts %s via %s without saying why", r.pkg, e.forbidden, e.via))
		}
	}
	return problems
}

// checkPackage checks one package of the module against its row.
func (g *graph) checkPackage(p pkg) []string {
	r, ok := g.rows[p.ImportPath]
	if !ok {
		return []string{fmt.Sprintf("%s has no row in rules (rules_test.go): add one saying what it may import and must not reach", p.ImportPath)}
	}
	problems := g.checkImports(p, r)
	for _, b := range g.bans(r) {
		if problem, ok := g.checkBan(p, b); ok {
			problems = append(problems, problem)
		}
	}
	return append(problems, g.checkExemptions(p, r)...)
}

// checkImports checks p's direct imports of project packages against its row.
func (g *graph) checkImports(p pkg, r rule) []string {
	var problems []string
	for _, imp := range p.Imports {
		switch {
		case !g.inModule(imp), slices.Contains(r.mayImport, g.relative(imp)):
			// Not a project package, or one the row allows.
		case r.wires && !g.kits[imp]:
			// cmd/vcready wires every project package but the kits together.
		case g.kits[imp]:
			problems = append(problems, fmt.Sprintf("%s imports the test kit %s: only tests may", p.ImportPath, imp))
		default:
			problems = append(problems, fmt.Sprintf("%s imports %s, which is not on its row in rules_test.go", p.ImportPath, imp))
		}
	}
	return problems
}

// ban is one thing a package must not reach, as checkBan applies it.
type ban struct {
	what  string            // how the problem names it
	match func(string) bool // reports whether an import path is banned
	avoid []string          // exempt packages: routes through them do not count
}

// bans lists what r's package must not reach: its forbidden entries, everything outside
// the standard library if it is std-only, and the test kits unless it is one.
func (g *graph) bans(r rule) []ban {
	var bans []ban
	for _, f := range r.forbidden {
		bans = append(bans, ban{what: f, match: func(d string) bool { return matches(d, f) }, avoid: r.avoid(f)})
	}
	if r.stdOnly {
		bans = append(bans, ban{what: "anything outside the standard library", match: g.nonStandard})
	}
	if !r.kit {
		what := "test-only code (" + chromedp + "/... or a test kit)"
		bans = append(bans, ban{what: what, match: func(d string) bool { return matches(d, chromedp) || g.kits[d] }})
	}
	return bans
}

// checkBan reports whether p reaches what b bans and, if so, the problem: the shortest
// import chain to a banned package and how many it reaches in all.
func (g *graph) checkBan(p pkg, b ban) (string, bool) {
	var hits []string
	for _, d := range p.Deps {
		if b.match(d) {
			hits = append(hits, d)
		}
	}
	if len(hits) == 0 {
		return "", false
	}
	chain := g.chain(p.ImportPath, b.match, b.avoid)
	if chain == nil && len(b.avoid) > 0 {
		return "", false // every route runs through an exempt package
	}
	if chain == nil {
		chain = []string{p.ImportPath, "...", hits[0]} // Deps says so, Imports does not show how
	}
	problem := fmt.Sprintf("%s must not reach %s: %s", p.ImportPath, b.what, strings.Join(chain, " -> "))
	if len(hits) > 1 {
		problem += fmt.Sprintf(" (and %d more)", len(hits)-1)
	}
	return problem, true
}

// checkExemptions finds exemptions of r that p no longer needs: it does not reach the
// exempt package, or that package no longer reaches the forbidden one.
func (g *graph) checkExemptions(p pkg, r rule) []string {
	var problems []string
	for _, e := range r.exempt {
		via := g.pkgs[e.via]
		reaches := slices.ContainsFunc(via.Deps, func(d string) bool { return matches(d, e.forbidden) })
		if !slices.Contains(p.Deps, e.via) || !reaches {
			problems = append(problems, fmt.Sprintf("row %s exempts %s via %s, which it no longer needs: remove the exemption", r.pkg, e.forbidden, e.via))
		}
	}
	return problems
}

// chain returns the shortest import chain from the package from to one that match
// accepts, passing through none of avoid, or nil if there is none.
func (g *graph) chain(from string, match func(string) bool, avoid []string) []string {
	prev := map[string]string{from: ""}
	queue := []string{from}
	for len(queue) > 0 {
		cur := queue[0]
		queue = queue[1:]
		for _, next := range g.pkgs[cur].Imports {
			if _, seen := prev[next]; seen || slices.Contains(avoid, next) {
				continue
			}
			prev[next] = cur
			if match(next) {
				return unwind(prev, next)
			}
			queue = append(queue, next)
		}
	}
	return nil
}

// unwind follows prev back from to and returns the chain in import order.
func unwind(prev map[string]string, to string) []string {
	var chain []string
	for p := to; p != ""; p = prev[p] {
		chain = append(chain, p)
	}
	slices.Reverse(chain)
	return chain
}

// avoid returns the packages through which r may reach its forbidden entry f.
func (r rule) avoid(f string) []string {
	var via []string
	for _, e := range r.exempt {
		if e.forbidden == f {
			via = append(via, e.via)
		}
	}
	return via
}

// nonStandard reports whether path is outside the standard library. "C", cgo's pseudo
// package, counts as standard: net and os/user import it.
func (g *graph) nonStandard(path string) bool {
	return path != "C" && !g.pkgs[path].Standard
}

func (g *graph) full(rel string) string { return g.module + "/" + rel }

func (g *graph) relative(path string) string { return strings.TrimPrefix(path, g.module+"/") }

func (g *graph) inModule(path string) bool {
	return path == g.module || strings.HasPrefix(path, g.module+"/")
}

// matches reports whether the import path dep is forbidden by bad: bad itself or a
// package under it ("gorm.io" covers gorm.io/gorm and gorm.io/driver/sqlite, "net/http"
// covers net/http/httptrace but not net/url). A one-element standard path such as "net"
// matches only itself, so banning the network does not ban net/url or net/netip.
func matches(dep, bad string) bool {
	if !strings.ContainsAny(bad, "./") {
		return dep == bad
	}
	return dep == bad || strings.HasPrefix(dep, bad+"/")
}

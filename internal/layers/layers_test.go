package layers

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// TestLayering checks the module's real import graph against rules.
func TestLayering(t *testing.T) {
	pkgs := goList(t)
	module, err := mainModule(pkgs)
	if err != nil {
		t.Fatal(err)
	}
	for _, problem := range check(module, pkgs, rules) {
		t.Error(problem)
	}
}

// goList runs `go list -deps -json ./...` once, from the module root, and decodes its
// stream of JSON objects: every package of the module and everything those import. Test
// files are left out, so a test may import what its package may not.
func goList(t *testing.T) []pkg {
	t.Helper()
	cmd := exec.Command("go", "list", "-deps", "-json=ImportPath,Imports,Deps,Standard,Module", "./...")
	cmd.Dir = moduleRoot(t)
	watchSources(t, cmd.Dir)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("go list -deps -json ./... in %s: %v\n%s", cmd.Dir, err, stderr.Bytes())
	}
	pkgs, err := decode(bytes.NewReader(out))
	if err != nil {
		t.Fatal(err)
	}
	return pkgs
}

// moduleRoot returns the directory holding the module's go.mod.
func moduleRoot(t *testing.T) string {
	t.Helper()
	out, err := exec.Command("go", "env", "GOMOD").Output()
	if err != nil {
		t.Fatalf("go env GOMOD: %v", err)
	}
	gomod := strings.TrimSpace(string(out))
	if gomod == "" || gomod == os.DevNull {
		t.Fatalf("go env GOMOD = %q: not inside a module", gomod)
	}
	return filepath.Dir(gomod)
}

// watchSources opens every directory of the module go list reads, and looks up the
// environment that steers it. The test cache tracks only what this process opens, not
// what go list does in a child process, so without this `go test` would replay a pass
// recorded before a bad import was added. Opening a directory makes the cache hash its
// listing, with each entry's size and modification time, so adding, removing or editing
// any file reruns the test.
func watchSources(t *testing.T, root string) {
	t.Helper()
	for _, name := range []string{"GOFLAGS", "GOOS", "GOARCH", "CGO_ENABLED", "GOWORK", "GOEXPERIMENT"} {
		os.Getenv(name)
	}
	err := filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() && path != root && ignoredByGo(d.Name()) {
			return filepath.SkipDir
		}
		return nil
	})
	if err != nil {
		t.Fatalf("walk module: %v", err)
	}
}

// ignoredByGo reports whether the go command skips a directory of this name when it
// matches ./... .
func ignoredByGo(name string) bool {
	return strings.HasPrefix(name, ".") || strings.HasPrefix(name, "_") || name == "testdata"
}

// decode reads go list's stream of concatenated JSON objects.
func decode(r io.Reader) ([]pkg, error) {
	var pkgs []pkg
	dec := json.NewDecoder(r)
	for {
		var p pkg
		err := dec.Decode(&p)
		if errors.Is(err, io.EOF) {
			return pkgs, nil
		}
		if err != nil {
			return nil, fmt.Errorf("decode go list output after %d packages: %w", len(pkgs), err)
		}
		pkgs = append(pkgs, p)
	}
}

// mainModule returns the path of the one main module that pkgs belong to.
func mainModule(pkgs []pkg) (string, error) {
	var module string
	for _, p := range pkgs {
		if p.Module == nil || !p.Module.Main || p.Module.Path == module {
			continue
		}
		if module != "" {
			return "", fmt.Errorf("go list shows two main modules, %s and %s: run the test outside a workspace", module, p.Module.Path)
		}
		module = p.Module.Path
	}
	if module == "" {
		return "", errors.New("go list shows no package of the main module")
	}
	return module, nil
}

package benchmark

import (
	"os/exec"
	"strings"
	"testing"
)

// TestPure keeps this package free of web, database and network code: it is meant to be
// a pure function of its inputs, testable without a server or a database.
func TestPure(t *testing.T) {
	goTool, err := exec.LookPath("go")
	if err != nil {
		t.Skip("go tool not on PATH")
	}
	out, err := exec.Command(goTool, "list", "-deps", ".").Output()
	if err != nil {
		t.Fatalf("go list -deps: %v", err)
	}
	for dep := range strings.FieldsSeq(string(out)) {
		if forbiddenImport(dep) {
			t.Errorf("imports %s (directly or not); keep I/O out of this package", dep)
		}
	}
}

func forbiddenImport(pkg string) bool {
	for _, prefix := range []string{"github.com/labstack/echo", "gorm.io/", "database/sql", "net/http", "os/exec"} {
		if strings.HasPrefix(pkg, prefix) {
			return true
		}
	}
	return pkg == "net"
}

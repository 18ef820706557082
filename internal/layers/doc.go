// Package layers guards vcready's architecture with a test; it has no code of its own.
//
// TestLayering runs `go list -deps -json ./...` once from the module root and checks every
// package of the module against an allow-list, the rules table in rules_test.go. A
// package fails when it has no row; when it imports a project package its row does not
// allow; when it reaches, however indirectly, a package its row forbids (GORM, echo,
// database/sql, net/http and so on); or when it is not a test kit yet reaches a test kit
// (storetest, webtest, browsertest) or the headless-browser library chromedp. Only
// non-test files count: a _test.go file may import whatever it needs. A row that names a
// package that does not exist fails too, unless it is marked planned, so the table
// cannot rot.
//
// To add a package, add a row to rules: its path inside the module, the project packages
// it may import directly, and what it must never reach (reuse pure, storage or transport
// where they fit). A new dependency that breaks a row is a design question before it is a
// table edit: widen a row only when the layering really allows it.
package layers

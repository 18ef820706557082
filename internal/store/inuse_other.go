//go:build !(linux || darwin || freebsd || netbsd || openbsd)

package store

// sqliteInUse cannot tell here; restore relies on the documented rule that the
// service is stopped first.
func sqliteInUse(string) (bool, error) { return false, nil }

// Package static embeds the public files the web UI serves: the vendored NHS.UK
// frontend (compiled CSS, JavaScript and assets) and vcready's own small additions.
package static

import (
	"crypto/sha256"
	"embed"
	"encoding/hex"
	"io/fs"
	"sort"
)

//go:embed vendor/nhsuk-frontend/nhsuk-frontend.min.css vendor/nhsuk-frontend/nhsuk-frontend.min.js vendor/nhsuk-frontend/assets css js
var files embed.FS

// FS returns the embedded static files, rooted so that "css/vcready.css" is a path.
func FS() fs.FS { return files }

// Version is a short hash of every embedded file. Asset URLs carry it
// (/static/<version>/css/vcready.css) so browsers may cache them for a year and still
// fetch new files the moment a release changes them.
func Version() string { return version }

var version = computeVersion()

func computeVersion() string {
	h := sha256.New()
	var paths []string
	_ = fs.WalkDir(files, ".", func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			paths = append(paths, p)
		}
		return nil
	})
	sort.Strings(paths)
	for _, p := range paths {
		b, _ := fs.ReadFile(files, p)
		h.Write([]byte(p))
		h.Write(b)
	}
	return hex.EncodeToString(h.Sum(nil))[:12]
}

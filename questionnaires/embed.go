// Package questionnaires embeds the questionnaire definitions shipped with vcready.
package questionnaires

import (
	"embed"
	"io/fs"
)

//go:embed *.yaml
var files embed.FS

// FS returns the embedded questionnaire files (*.yaml at the root of the FS).
func FS() fs.FS { return files }

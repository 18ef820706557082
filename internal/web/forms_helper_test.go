package web

import (
	"regexp"
)

func regexpMust(p string) *regexp.Regexp { return regexp.MustCompile(p) }

func htmlEscaped(s string) string { return templateEscape(s) }

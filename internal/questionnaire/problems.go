package questionnaire

import (
	"fmt"
	"strings"
)

// Problem is one thing wrong with a questionnaire file (or with a set of files).
type Problem struct {
	File string // the file's name; empty for a problem of the set as a whole
	Item string // the item's id when the problem is inside an item
	// Field says where: a field path such as "levels[3]" or "why.sources", or
	// "consideration equity" for a problem of a consideration as a whole.
	Field   string
	Message string // what is wrong, in plain words
}

// String formats p as "file: item id: field: message", leaving out empty parts.
func (p Problem) String() string {
	var b strings.Builder
	if p.File != "" {
		b.WriteString(p.File + ": ")
	}
	if p.Item != "" {
		b.WriteString("item " + p.Item + ": ")
	}
	if p.Field != "" {
		b.WriteString(p.Field + ": ")
	}
	b.WriteString(p.Message)
	return b.String()
}

// Problems is every problem found in one or more questionnaire files. Load and Parse
// return it as their error so that an author sees everything to fix at once.
type Problems []Problem

// Error prints one problem per line.
func (ps Problems) Error() string {
	lines := make([]string, len(ps))
	for i, p := range ps {
		lines[i] = p.String()
	}
	return strings.Join(lines, "\n")
}

// orNil returns ps as an error, or a true nil error when there are no problems.
func (ps Problems) orNil() error {
	if len(ps) == 0 {
		return nil
	}
	return ps
}

// reporter collects the problems of one file.
type reporter struct {
	file     string
	problems Problems
}

// add records a problem; item and field may be empty.
func (r *reporter) add(item, field, format string, args ...any) {
	r.problems = append(r.problems, Problem{
		File:    r.file,
		Item:    item,
		Field:   field,
		Message: fmt.Sprintf(format, args...),
	})
}

package questionnaire

import (
	"cmp"
	"errors"
	"fmt"
	"io/fs"
	"path"
	"slices"
	"strings"
)

// Set is every questionnaire loaded from one directory: several ids, and several
// versions of one id, with one of them the default for new assessments.
type Set struct {
	all []*Questionnaire // sorted by id, then version
	def *Questionnaire
}

// Load parses and validates every *.yaml and *.yml file at the root of fsys. On failure
// the error is Problems listing everything wrong in every file, plus problems of the set
// as a whole: no files, the same id and version twice, no default or two defaults.
func Load(fsys fs.FS) (*Set, error) {
	names, err := questionnaireFiles(fsys)
	if err != nil {
		return nil, fmt.Errorf("list questionnaire files: %w", err)
	}
	if len(names) == 0 {
		return nil, Problems{{Message: "no questionnaire files (*.yaml or *.yml)"}}
	}
	var problems Problems
	var qs []*Questionnaire
	for _, name := range names {
		q, ps := loadFile(fsys, name)
		problems = append(problems, ps...)
		if q != nil {
			qs = append(qs, q)
		}
	}
	s, ps := newSet(qs, len(problems) == 0)
	problems = append(problems, ps...)
	if len(problems) > 0 {
		return nil, problems
	}
	return s, nil
}

// questionnaireFiles lists the YAML files at the root of fsys, sorted by name.
func questionnaireFiles(fsys fs.FS) ([]string, error) {
	entries, err := fs.ReadDir(fsys, ".")
	if err != nil {
		return nil, err
	}
	var names []string
	for _, e := range entries {
		ext := strings.ToLower(path.Ext(e.Name()))
		if !e.IsDir() && (ext == ".yaml" || ext == ".yml") {
			names = append(names, e.Name())
		}
	}
	return names, nil
}

func loadFile(fsys fs.FS, name string) (*Questionnaire, Problems) {
	data, err := fs.ReadFile(fsys, name)
	if err != nil {
		return nil, Problems{{File: name, Message: fmt.Sprintf("read: %v", err)}}
	}
	q, err := Parse(name, data)
	var ps Problems
	if errors.As(err, &ps) {
		return nil, ps
	}
	if err != nil {
		return nil, Problems{{File: name, Message: err.Error()}}
	}
	return q, nil
}

// newSet sorts qs into a Set. Duplicates are always reported; the default is only
// looked for when every file loaded (a broken file may be the one marked default).
func newSet(qs []*Questionnaire, complete bool) (*Set, Problems) {
	slices.SortStableFunc(qs, func(a, b *Questionnaire) int {
		return cmp.Or(cmp.Compare(a.ID, b.ID), CompareVersions(a.Version, b.Version))
	})
	var ps Problems
	for i := 1; i < len(qs); i++ {
		prev, q := qs[i-1], qs[i]
		if prev.ID == q.ID && prev.Version == q.Version {
			ps = append(ps, Problem{File: q.File, Field: "version",
				Message: fmt.Sprintf("%s %s is also defined in %s", q.ID, q.Version, prev.File)})
		}
	}
	if !complete || len(ps) > 0 {
		return nil, ps
	}
	def, dps := pickDefault(qs)
	return &Set{all: qs, def: def}, dps
}

// pickDefault finds the default questionnaire: the one marked default, or else the
// highest version when every file has the same id. qs must be sorted.
func pickDefault(qs []*Questionnaire) (*Questionnaire, Problems) {
	var flagged []*Questionnaire
	for _, q := range qs {
		if q.Default {
			flagged = append(flagged, q)
		}
	}
	if len(flagged) > 1 {
		var ps Problems
		for _, q := range flagged[1:] {
			ps = append(ps, Problem{File: q.File, Field: "default",
				Message: fmt.Sprintf("only one questionnaire may be the default, and %s is too", flagged[0].File)})
		}
		return nil, ps
	}
	if len(flagged) == 1 {
		return flagged[0], nil
	}
	if len(qs) == 0 {
		return nil, nil
	}
	if ids := setIDs(qs); len(ids) > 1 {
		return nil, Problems{{Message: fmt.Sprintf(
			"several questionnaire ids (%s) and none is marked default: true", strings.Join(ids, ", "))}}
	}
	return qs[len(qs)-1], nil
}

// setIDs lists the distinct ids of sorted questionnaires.
func setIDs(qs []*Questionnaire) []string {
	var ids []string
	for _, q := range qs {
		if len(ids) == 0 || ids[len(ids)-1] != q.ID {
			ids = append(ids, q.ID)
		}
	}
	return ids
}

// All returns every questionnaire, sorted by id, then by version (oldest first).
func (s *Set) All() []*Questionnaire {
	return slices.Clone(s.all)
}

// Default returns the questionnaire new assessments use unless told otherwise.
func (s *Set) Default() *Questionnaire {
	return s.def
}

// Get returns the highest version of the questionnaire with the given id.
func (s *Set) Get(id string) (*Questionnaire, bool) {
	for i := len(s.all) - 1; i >= 0; i-- {
		if s.all[i].ID == id {
			return s.all[i], true
		}
	}
	return nil, false
}

// Find is Get for a caller that may have no set (nil: nothing is loaded) or no id
// (""): the default questionnaire.
func (s *Set) Find(id string) (*Questionnaire, bool) {
	switch {
	case s == nil:
		return nil, false
	case id == "":
		return s.def, s.def != nil
	}
	return s.Get(id)
}

// Version returns one exact version of the questionnaire with the given id.
func (s *Set) Version(id, version string) (*Questionnaire, bool) {
	for _, q := range s.all {
		if q.ID == id && q.Version == version {
			return q, true
		}
	}
	return nil, false
}

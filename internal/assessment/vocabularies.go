package assessment

import (
	"bytes"
	_ "embed"
	"fmt"
	"regexp"
	"slices"
	"strings"

	"go.yaml.in/yaml/v3"
)

//go:embed vocabularies.yaml
var vocabularyFile []byte

// vocab is parsed once at start-up: the file is part of the binary, so a broken one
// is a programming error that the package's tests catch before release.
var vocab = mustParseVocabularies(vocabularyFile)

// Term is one entry of a controlled list: the key stored and sent over the API, and
// the label people read.
type Term struct {
	Key   string `yaml:"key"`
	Label string `yaml:"label"`
}

// Vocabularies are the controlled lists that describe a team. Benchmark cohorts are
// teams sharing a key, so free text would split cohorts on spelling.
type Vocabularies struct {
	Settings    []Term `yaml:"settings"`
	Specialties []Term `yaml:"specialties"`
	Nations     []Term `yaml:"nations"`
}

// Vocabularies returns the controlled lists teams are described with, in display
// order. It is a method (the lists are fixed at build time) because Go does not allow
// a function and a type of one name in one package. The result is a copy: callers
// may change it freely.
func (s *Service) Vocabularies() Vocabularies {
	return Vocabularies{
		Settings:    slices.Clone(vocab.Settings),
		Specialties: slices.Clone(vocab.Specialties),
		Nations:     slices.Clone(vocab.Nations),
	}
}

// SettingLabel returns the label of a setting key, or the key itself when unknown.
func (v Vocabularies) SettingLabel(key string) string { return label(v.Settings, key) }

// SpecialtyLabel returns the label of a specialty key, or the key itself when unknown.
func (v Vocabularies) SpecialtyLabel(key string) string { return label(v.Specialties, key) }

// NationLabel returns the label of a nation key, or the key itself when unknown.
func (v Vocabularies) NationLabel(key string) string { return label(v.Nations, key) }

// label falls back to the key so that a page never shows an empty cell for a key
// retired from the file while still stored.
func label(terms []Term, key string) string {
	if i := index(terms, key); i >= 0 {
		return terms[i].Label
	}
	return key
}

func index(terms []Term, key string) int {
	return slices.IndexFunc(terms, func(t Term) bool { return t.Key == key })
}

// keys lists the keys of terms, comma separated, for "must be one of ..." messages.
func keys(terms []Term) string {
	ks := make([]string, len(terms))
	for i, t := range terms {
		ks[i] = t.Key
	}
	return strings.Join(ks, ", ")
}

var vocabKey = regexp.MustCompile(`^[a-z][a-z0-9_]*$`)

func mustParseVocabularies(data []byte) Vocabularies {
	v, err := parseVocabularies(data)
	if err != nil {
		panic(err)
	}
	return v
}

// parseVocabularies reads the vocabulary file strictly (unknown fields are errors)
// and checks every list: non-empty, keys well formed and unique, labels present.
func parseVocabularies(data []byte) (Vocabularies, error) {
	var v Vocabularies
	dec := yaml.NewDecoder(bytes.NewReader(data))
	dec.KnownFields(true)
	if err := dec.Decode(&v); err != nil {
		return v, fmt.Errorf("parse vocabularies.yaml: %w", err)
	}
	for _, l := range []struct {
		name  string
		terms []Term
	}{{"settings", v.Settings}, {"specialties", v.Specialties}, {"nations", v.Nations}} {
		if err := checkTerms(l.terms); err != nil {
			return v, fmt.Errorf("vocabularies.yaml %s: %w", l.name, err)
		}
	}
	return v, nil
}

func checkTerms(terms []Term) error {
	if len(terms) == 0 {
		return fmt.Errorf("the list is empty")
	}
	seen := map[string]bool{}
	for i, t := range terms {
		switch {
		case !vocabKey.MatchString(t.Key):
			return fmt.Errorf("entry %d: key %q must be lower case letters, digits and _", i+1, t.Key)
		case seen[t.Key]:
			return fmt.Errorf("entry %d: key %q is listed twice", i+1, t.Key)
		case strings.TrimSpace(t.Label) == "":
			return fmt.Errorf("entry %d (%s): label is empty", i+1, t.Key)
		}
		seen[t.Key] = true
	}
	return nil
}

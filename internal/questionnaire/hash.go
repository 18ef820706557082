package questionnaire

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
)

// ComputeHash returns the hex SHA-256 of q's canonical form (see canonicalQuestionnaire).
// The hash follows what a team is asked, not how the file is laid out, where it lives
// or whether it is the current default.
func (q *Questionnaire) ComputeHash() (string, error) {
	data, err := q.canonicalJSON()
	if err != nil {
		return "", err
	}
	sum := sha256.Sum256(data)
	return hex.EncodeToString(sum[:]), nil
}

// canonicalJSON returns the bytes ComputeHash hashes.
func (q *Questionnaire) canonicalJSON() ([]byte, error) {
	data, err := json.Marshal(canonicalize(q))
	if err != nil {
		return nil, fmt.Errorf("canonical form of questionnaire %s %s: %w", q.ID, q.Version, err)
	}
	return data, nil
}

// canonicalQuestionnaire and the types it holds are the form a questionnaire is hashed
// in. Every assessment stores the hash of the questionnaire it answered, so these bytes
// are frozen: they are exactly what json.Marshal of the domain types produced when the
// first hashes were stored (field order, json names, omitempty, nil lists as null, maps
// with sorted keys), golden-tested against testdata/canonical and the shipped file.
//
// The form is private, with its own json tags and no domain types inside, so that the
// domain and its JSON API can change freely: renaming a field or a tag there changes no
// stored hash. A new domain field changes the hash only if someone deliberately adds it
// here, which must come with a new questionnaire version (TestCanonicalFormCoversDomain
// makes them decide). Never edit an existing field, tag or order.
type canonicalQuestionnaire struct {
	ID             string                     `json:"id"`
	Version        string                     `json:"version"`
	Title          string                     `json:"title"`
	Introduction   string                     `json:"introduction"`
	Default        bool                       `json:"default"` // always false: being the default is not content
	Sources        map[string]canonicalSource `json:"sources"`
	Considerations []canonicalConsideration   `json:"considerations"`
	Hash           string                     `json:"hash"` // always "": a hash cannot cover itself
}

type canonicalSource struct {
	Title string `json:"title"`
	URL   string `json:"url"`
}

type canonicalConsideration struct {
	Key     string          `json:"key"`
	Title   string          `json:"title"`
	Summary string          `json:"summary"`
	Weight  float64         `json:"weight"`
	Items   []canonicalItem `json:"items"`
}

type canonicalItem struct {
	ID        string            `json:"id"`
	Type      string            `json:"type"`
	Text      string            `json:"text"`
	Help      string            `json:"help"`
	Why       canonicalWhy      `json:"why"`
	Weight    float64           `json:"weight"`
	AllowNA   bool              `json:"allow_na"`
	Levels    []canonicalLevel  `json:"levels,omitempty"`
	Options   []canonicalOption `json:"options,omitempty"`
	Min       *float64          `json:"min,omitempty"`
	Max       *float64          `json:"max,omitempty"`
	Unit      string            `json:"unit,omitempty"`
	MaxLength int               `json:"max_length,omitempty"`
}

type canonicalWhy struct {
	Text    string   `json:"text"`
	Sources []string `json:"sources"`
}

type canonicalLevel struct {
	Value      int    `json:"value"`
	Label      string `json:"label"`
	Descriptor string `json:"descriptor"`
	Action     string `json:"action,omitempty"`
}

type canonicalOption struct {
	ID     string `json:"id"`
	Label  string `json:"label"`
	Score  int    `json:"score"`
	Action string `json:"action,omitempty"`
}

// canonicalize builds q's canonical form field by field. Default and Hash stay zero and
// File is left out: none of them is what a team answers.
func canonicalize(q *Questionnaire) canonicalQuestionnaire {
	return canonicalQuestionnaire{
		ID:             q.ID,
		Version:        q.Version,
		Title:          q.Title,
		Introduction:   q.Introduction,
		Sources:        canonicalSources(q.Sources),
		Considerations: convertAll(q.Considerations, canonicalizeConsideration),
	}
}

// canonicalSources keeps a nil map nil: encoding/json writes it as null, an empty map as {}.
func canonicalSources(sources map[string]Source) map[string]canonicalSource {
	if sources == nil {
		return nil
	}
	out := make(map[string]canonicalSource, len(sources))
	for k, s := range sources {
		out[k] = canonicalSource{Title: s.Title, URL: s.URL}
	}
	return out
}

func canonicalizeConsideration(c *Consideration) canonicalConsideration {
	return canonicalConsideration{
		Key:     c.Key,
		Title:   c.Title,
		Summary: c.Summary,
		Weight:  c.Weight,
		Items:   convertAll(c.Items, canonicalizeItem),
	}
}

func canonicalizeItem(it *Item) canonicalItem {
	return canonicalItem{
		ID:        it.ID,
		Type:      it.Type,
		Text:      it.Text,
		Help:      it.Help,
		Why:       canonicalWhy{Text: it.Why.Text, Sources: it.Why.Sources},
		Weight:    it.Weight,
		AllowNA:   it.AllowNA,
		Levels:    convertAll(it.Levels, canonicalizeLevel),
		Options:   convertAll(it.Options, canonicalizeOption),
		Min:       it.Min,
		Max:       it.Max,
		Unit:      it.Unit,
		MaxLength: it.MaxLength,
	}
}

func canonicalizeLevel(l *Level) canonicalLevel {
	return canonicalLevel{Value: l.Value, Label: l.Label, Descriptor: l.Descriptor, Action: l.Action}
}

func canonicalizeOption(o *Option) canonicalOption {
	return canonicalOption{ID: o.ID, Label: o.Label, Score: o.Score, Action: o.Action}
}

// convertAll converts every element of s, keeping a nil slice nil: encoding/json writes
// it as null and an empty one as [], so the difference is part of the frozen form.
func convertAll[E, C any](s []E, convert func(*E) C) []C {
	if s == nil {
		return nil
	}
	out := make([]C, len(s))
	for i := range s {
		out[i] = convert(&s[i])
	}
	return out
}

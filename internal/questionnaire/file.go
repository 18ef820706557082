package questionnaire

import "strings"

// The file* types mirror the YAML file exactly. Pointers mark fields whose absence
// matters (a default applies, or the field does not belong to an item's type), so
// validation can tell "left out" from "zero".

type fileQuestionnaire struct {
	ID             string                `yaml:"id"`
	Version        string                `yaml:"version"`
	Title          string                `yaml:"title"`
	Default        bool                  `yaml:"default"`
	Introduction   string                `yaml:"introduction"`
	Sources        map[string]fileSource `yaml:"sources"`
	Considerations []fileConsideration   `yaml:"considerations"`
}

type fileSource struct {
	Title string `yaml:"title"`
	URL   string `yaml:"url"`
}

type fileConsideration struct {
	Key     string     `yaml:"key"`
	Title   string     `yaml:"title"`
	Summary string     `yaml:"summary"`
	Weight  *float64   `yaml:"weight"`
	Items   []fileItem `yaml:"items"`
}

type fileItem struct {
	ID        string       `yaml:"id"`
	Type      string       `yaml:"type"`
	Text      string       `yaml:"text"`
	Help      string       `yaml:"help"`
	Why       fileWhy      `yaml:"why"`
	Weight    *float64     `yaml:"weight"`
	AllowNA   bool         `yaml:"allow_na"`
	Levels    []fileLevel  `yaml:"levels"`
	Options   []fileOption `yaml:"options"`
	Min       *float64     `yaml:"min"`
	Max       *float64     `yaml:"max"`
	Unit      *string      `yaml:"unit"`
	MaxLength *int         `yaml:"max_length"`
}

type fileWhy struct {
	Text    string   `yaml:"text"`
	Sources []string `yaml:"sources"`
}

type fileLevel struct {
	Value      *int    `yaml:"value"`
	Label      string  `yaml:"label"`
	Descriptor string  `yaml:"descriptor"`
	Action     *string `yaml:"action"`
}

type fileOption struct {
	ID     string  `yaml:"id"`
	Label  string  `yaml:"label"`
	Score  *int    `yaml:"score"`
	Action *string `yaml:"action"`
}

// convert turns a validated file into a Questionnaire, applying defaults. Text is
// trimmed and empty lists become nil so that formatting never changes the hash.
func (f *fileQuestionnaire) convert() *Questionnaire {
	q := &Questionnaire{
		ID:           f.ID,
		Version:      f.Version,
		Title:        trim(f.Title),
		Introduction: trim(f.Introduction),
		Default:      f.Default,
	}
	if len(f.Sources) > 0 {
		q.Sources = make(map[string]Source, len(f.Sources))
		for k, s := range f.Sources {
			q.Sources[k] = Source{Title: trim(s.Title), URL: trim(s.URL)}
		}
	}
	for _, fc := range f.Considerations {
		q.Considerations = append(q.Considerations, fc.convert())
	}
	return q
}

func (fc *fileConsideration) convert() Consideration {
	c := Consideration{
		Key:     fc.Key,
		Title:   trim(fc.Title),
		Summary: trim(fc.Summary),
		Weight:  weightOrDefault(fc.Weight),
	}
	for i := range fc.Items {
		c.Items = append(c.Items, fc.Items[i].convert())
	}
	return c
}

func (fi *fileItem) convert() Item {
	it := Item{
		ID:      fi.ID,
		Type:    fi.Type,
		Text:    trim(fi.Text),
		Help:    trim(fi.Help),
		Why:     Why{Text: trim(fi.Why.Text)},
		Weight:  weightOrDefault(fi.Weight),
		AllowNA: fi.AllowNA,
		Min:     fi.Min,
		Max:     fi.Max,
	}
	if len(fi.Why.Sources) > 0 {
		it.Why.Sources = append([]string(nil), fi.Why.Sources...)
	}
	for _, l := range fi.Levels {
		it.Levels = append(it.Levels, Level{
			Value: deref(l.Value), Label: trim(l.Label),
			Descriptor: trim(l.Descriptor), Action: trim(deref(l.Action)),
		})
	}
	for _, o := range fi.Options {
		it.Options = append(it.Options, Option{
			ID: o.ID, Label: trim(o.Label), Score: deref(o.Score), Action: trim(deref(o.Action)),
		})
	}
	it.Unit = trim(deref(fi.Unit))
	it.MaxLength = deref(fi.MaxLength)
	return it
}

// weightOrDefault applies the default weight of 1 to a weight the file leaves out.
func weightOrDefault(w *float64) float64 {
	if w == nil {
		return 1
	}
	return *w
}

// deref returns *p, or the zero value for a nil p.
func deref[T any](p *T) T {
	var zero T
	if p == nil {
		return zero
	}
	return *p
}

func trim(s string) string { return strings.TrimSpace(s) }

// Package questionnaire defines what vcready asks: questionnaires made of the six
// considerations, their items, levels and options, and the answers a team gives.
//
// Questionnaires are data (YAML files under questionnaires/); Load parses and validates
// them. Nothing here knows about HTTP or storage.
package questionnaire

// Consideration keys, in the order every questionnaire must use. They come from the Q /
// Health Foundation insight project "Video consultations: what's needed now?" (2020).
const (
	Equity         = "equity"
	Pathways       = "pathways"
	Infrastructure = "infrastructure"
	Wellbeing      = "wellbeing"
	Evidence       = "evidence"
	SharedLearning = "shared_learning"
)

// ConsiderationKeys lists the six considerations in questionnaire order.
var ConsiderationKeys = []string{Equity, Pathways, Infrastructure, Wellbeing, Evidence, SharedLearning}

// Item types.
const (
	TypeScale     = "scale"     // five levels 0..4, each with a descriptor
	TypeChoice    = "choice"    // one option, each option has a score
	TypeChecklist = "checklist" // any options; the value is the sum of their scores
	TypeNumber    = "number"    // a context measure, never scored
	TypeText      = "text"      // free text, never scored
)

// ScaleMax is the highest level of a scale item (levels run 0..ScaleMax).
const ScaleMax = 4

// Questionnaire is one version of a questionnaire, as loaded from its file.
type Questionnaire struct {
	ID             string
	Version        string // semantic version, e.g. "1.0.0"
	Title          string
	Introduction   string
	Default        bool // the one new assessments use unless told otherwise
	Sources        map[string]Source
	Considerations []Consideration

	// Hash is the hex SHA-256 of the questionnaire's canonical form: it identifies
	// exactly what a team answered. Set by Load.
	Hash string
	// File is the name of the file it was loaded from. Set by Load.
	File string
}

// Source is a piece of evidence an item rests on.
type Source struct {
	Title string
	URL   string
}

// Consideration is one of the six ongoing considerations and the items that assess it.
type Consideration struct {
	Key     string
	Title   string
	Summary string
	Weight  float64 // > 0; 1 when the file leaves it out
	Items   []Item
}

// Item is one question.
type Item struct {
	ID      string
	Type    string
	Text    string
	Help    string
	Why     Why
	Weight  float64 // > 0; 1 when the file leaves it out
	AllowNA bool

	Levels  []Level  // scale: exactly five, values 0..4
	Options []Option // choice and checklist

	Min  *float64 // number
	Max  *float64 // number
	Unit string   // number, e.g. "%"

	MaxLength int // text
}

// Why says why an item matters and which sources back it.
type Why struct {
	Text    string
	Sources []string // keys of Questionnaire.Sources
}

// Level is one step of a scale item.
type Level struct {
	Value      int
	Label      string
	Descriptor string // what a team at this level can observe or show
	Action     string // what to do next; required below the top level
}

// Option is one answer of a choice or checklist item.
type Option struct {
	ID     string
	Label  string
	Score  int // >= 0
	Action string
	// For a choice item: required when Score is below the item's maximum (what a team
	// that chose this should do next). For a checklist item: required when Score > 0
	// (what a team that has not got this in place should do).
}

// Scored reports whether answers to the item count towards scores.
func (it *Item) Scored() bool {
	switch it.Type {
	case TypeScale, TypeChoice, TypeChecklist:
		return true
	}
	return false
}

// MaxScore is the highest value an answer to a scored item can have: 4 for a scale, the
// highest option score for a choice, the sum of option scores for a checklist, 0 for
// unscored items.
func (it *Item) MaxScore() int {
	switch it.Type {
	case TypeScale:
		return ScaleMax
	case TypeChoice:
		m := 0
		for _, o := range it.Options {
			m = max(m, o.Score)
		}
		return m
	case TypeChecklist:
		s := 0
		for _, o := range it.Options {
			s += o.Score
		}
		return s
	}
	return 0
}

// Option returns the option with the given id.
func (it *Item) Option(id string) (Option, bool) {
	for _, o := range it.Options {
		if o.ID == id {
			return o, true
		}
	}
	return Option{}, false
}

// Consideration returns the consideration with the given key.
func (q *Questionnaire) Consideration(key string) (*Consideration, bool) {
	for i := range q.Considerations {
		if q.Considerations[i].Key == key {
			return &q.Considerations[i], true
		}
	}
	return nil, false
}

// Item returns the item with the given id and the key of its consideration.
func (q *Questionnaire) Item(id string) (*Item, string, bool) {
	for ci := range q.Considerations {
		c := &q.Considerations[ci]
		for ii := range c.Items {
			if c.Items[ii].ID == id {
				return &c.Items[ii], c.Key, true
			}
		}
	}
	return nil, "", false
}

// ScoredItems counts the scored items of the whole questionnaire.
func (q *Questionnaire) ScoredItems() int {
	n := 0
	for _, c := range q.Considerations {
		for i := range c.Items {
			if c.Items[i].Scored() {
				n++
			}
		}
	}
	return n
}

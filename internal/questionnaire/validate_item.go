package questionnaire

import (
	"fmt"
	"math"
	"slices"
)

// Limits that keep a questionnaire sensible (and sums far from overflowing).
const (
	maxOptionScore = 100
	maxTextLength  = 10000
)

// typeFields lists, per item type, the type-specific fields it may have. Weight belongs
// to scored types only: number and text items never count towards a score.
var typeFields = map[string][]string{
	TypeScale:     {"levels", "weight"},
	TypeChoice:    {"options", "weight"},
	TypeChecklist: {"options", "weight"},
	TypeNumber:    {"min", "max", "unit"},
	TypeText:      {"max_length"},
}

// itemCheck validates one item, naming it in every problem.
type itemCheck struct {
	r    *reporter
	name string
	it   *fileItem
}

func (c itemCheck) add(field, format string, args ...any) {
	c.r.add(c.name, field, format, args...)
}

func validateItem(r *reporter, it *fileItem, name string, sources map[string]fileSource, seen map[string]bool) {
	c := itemCheck{r: r, name: name, it: it}
	c.id(seen)
	if blank(it.Text) {
		c.add("text", "is missing")
	}
	c.why(sources)
	if it.Weight != nil && isScoredType(it.Type) && !positive(*it.Weight) {
		c.add("weight", "must be greater than 0")
	}
	switch it.Type {
	case "":
		c.add("type", "is missing")
		return
	case TypeScale:
		c.levels()
	case TypeChoice:
		c.choice()
	case TypeChecklist:
		c.checklist()
	case TypeNumber:
		c.number()
	case TypeText:
		c.text()
	default:
		c.add("type", "%q is not one of scale, choice, checklist, number, text", it.Type)
		return
	}
	c.foreignFields()
}

func (c itemCheck) id(seen map[string]bool) {
	id := c.it.ID
	switch {
	case id == "":
		c.add("id", "is missing")
	case !slugPattern.MatchString(id):
		c.add("id", "must be a lowercase slug such as eq-01")
	case seen[id]:
		c.add("id", "is used by more than one item")
	}
	seen[id] = true
}

func (c itemCheck) why(sources map[string]fileSource) {
	why := c.it.Why
	if isScoredType(c.it.Type) {
		if blank(why.Text) {
			c.add("why.text", "is missing")
		}
		if len(why.Sources) == 0 {
			c.add("why.sources", "a scored item needs at least one source")
		}
	}
	for i, s := range why.Sources {
		if _, ok := sources[s]; !ok {
			c.add("why.sources", "%q is not a key of sources", s)
		} else if slices.Index(why.Sources, s) < i {
			c.add("why.sources", "%q is listed twice", s)
		}
	}
}

// foreignFields reports fields that mean nothing for the item's type, such as levels
// on a choice item: they are almost always a mistake in the type.
func (c itemCheck) foreignFields() {
	it := c.it
	fields := []struct {
		name string
		set  bool
	}{
		{"levels", it.Levels != nil}, {"options", it.Options != nil},
		{"min", it.Min != nil}, {"max", it.Max != nil}, {"unit", it.Unit != nil},
		{"max_length", it.MaxLength != nil}, {"weight", it.Weight != nil},
	}
	for _, f := range fields {
		if f.set && !slices.Contains(typeFields[it.Type], f.name) {
			c.add(f.name, "does not belong to a %s item", it.Type)
		}
	}
}

func (c itemCheck) number() {
	lo, hi := c.it.Min, c.it.Max
	for _, f := range []struct {
		name string
		v    *float64
	}{{"min", lo}, {"max", hi}} {
		switch {
		case f.v == nil:
			c.add(f.name, "is missing")
		case math.IsNaN(*f.v) || math.IsInf(*f.v, 0):
			c.add(f.name, "must be a finite number")
		}
	}
	if lo != nil && hi != nil && !(*lo < *hi) && !math.IsNaN(*lo) && !math.IsNaN(*hi) {
		c.add("max", "must be greater than min")
	}
}

func (c itemCheck) text() {
	n := c.it.MaxLength
	switch {
	case n == nil:
		c.add("max_length", "is missing")
	case *n < 1 || *n > maxTextLength:
		c.add("max_length", "must be 1..%d", maxTextLength)
	}
}

// present reports whether an optional text is given and not blank.
func present(s *string) bool { return s != nil && !blank(*s) }

func listField(list string, i int, name string) string {
	return fmt.Sprintf("%s[%d].%s", list, i, name)
}

package questionnaire

// Answer statuses other than a plain value.
const (
	NotApplicable = "not_applicable" // only where the item allows it; left out of every sum
	DontKnow      = "dont_know"      // counts as 0 and is reported separately
)

// Answer is one answer to one item. Exactly one of Status, Level, Option, Options,
// Number or Text is set; CheckAnswer enforces that and the item's own limits.
type Answer struct {
	ItemID  string
	Status  string   // NotApplicable or DontKnow
	Level   *int     // scale
	Option  string   // choice
	Options []string // checklist (may be empty: nothing in place)
	// OptionsSet tells an empty checklist answer (nothing ticked) from no checklist answer.
	OptionsSet bool
	Number     *float64 // number
	Text       *string  // text
}

// Value is the value an answer contributes to scores, in 0..MaxScore, and whether the
// item is counted at all. dont_know counts as 0 (an unknown is a gap); not_applicable
// and answers to unscored items are not counted. a must already have passed CheckAnswer.
func (it *Item) Value(a Answer) (v float64, counted bool) {
	if !it.Scored() {
		return 0, false
	}
	switch a.Status {
	case DontKnow:
		return 0, true
	case NotApplicable:
		return 0, false
	}
	switch it.Type {
	case TypeScale:
		if a.Level == nil {
			return 0, false
		}
		return float64(*a.Level), true
	case TypeChoice:
		o, ok := it.Option(a.Option)
		if !ok {
			return 0, false
		}
		return float64(o.Score), true
	case TypeChecklist:
		if !a.OptionsSet && len(a.Options) == 0 {
			return 0, false
		}
		sum := 0
		for _, id := range a.Options {
			if o, ok := it.Option(id); ok {
				sum += o.Score
			}
		}
		return float64(sum), true
	}
	return 0, false
}

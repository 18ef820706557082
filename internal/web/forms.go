package web

import "strings"

// ErrorFor is the error message for the field with this id, or "".
func (p Page) ErrorFor(id string) string {
	for _, e := range p.Errors {
		if e.Field == id {
			return e.Message
		}
	}
	return ""
}

// inputView is one NHS text input with its label, hint and error.
type inputView struct {
	ID, Name, Label, Type, Value string
	Hint, Autocomplete, Width    string
	Error                        string
	LabelSize                    string // "", "s", "m", "l"
	Spellcheck                   bool
}

// inputField builds an inputView from the page (for its error) and options written as
// "key=value": hint, autocomplete, width (10, 20, 30: NHS width classes), label (s|m|l).
func inputField(p Page, name, label, typ, value string, opts ...string) inputView {
	v := inputView{ID: name, Name: name, Label: label, Type: typ, Value: value, Error: p.ErrorFor(name)}
	for _, o := range opts {
		k, val, _ := strings.Cut(o, "=")
		switch k {
		case "hint":
			v.Hint = val
		case "autocomplete":
			v.Autocomplete = val
		case "width":
			v.Width = val
		case "label":
			v.LabelSize = val
		case "spellcheck":
			v.Spellcheck = val == "true"
		}
	}
	return v
}

// option is one entry of a select or radio list.
type option struct {
	Value, Label string
	Selected     bool
}

// selectView is one NHS select with its options and error.
type selectView struct {
	ID, Name, Label, Error string
	Options                []option
}

// selectField builds a selectView; options come as alternating value, label strings.
func selectField(p Page, name, label, selected string, terms []termView) selectView {
	v := selectView{ID: name, Name: name, Label: label, Error: p.ErrorFor(name)}
	for _, t := range terms {
		v.Options = append(v.Options, option{Value: t.Key, Label: t.Label, Selected: t.Key == selected})
	}
	return v
}

// termView is a vocabulary entry as templates see it.
type termView struct{ Key, Label string }

// notices are the success messages a redirect may ask a page to show. Only these keys
// work, so a crafted link cannot put words of its own on a vcready page.
var notices = map[string]string{
	"person-removed":     "Person removed",
	"organisation-added": "Organisation added",
	"team-added":         "Team added",
	"team-saved":         "Team saved",
	"settings-saved":     "Settings saved",
	"backup-made":        "Backup made",
}

func noticeFor(c interface{ QueryParam(string) string }) string {
	return notices[c.QueryParam("notice")]
}

package questionnaire

import (
	"fmt"
	"maps"
	"math"
	"net/url"
	"regexp"
	"slices"
	"strings"
)

var (
	// slugPattern is the form of questionnaire and item ids: they appear in URLs and exports.
	slugPattern = regexp.MustCompile(`^[a-z0-9]+(?:-[a-z0-9]+)*$`)
	// keyPattern is the form of source keys and option ids, a little more lenient.
	keyPattern = regexp.MustCompile(`^[a-z0-9][a-z0-9_-]*$`)
)

// validate records every problem of a decoded file in r.
func validate(r *reporter, f *fileQuestionnaire) {
	validateHeader(r, f)
	validateSources(r, f.Sources)
	validateConsiderationKeys(r, f.Considerations)
	seen := map[string]bool{}
	for i := range f.Considerations {
		validateConsideration(r, &f.Considerations[i], i, f.Sources, seen)
	}
}

func validateHeader(r *reporter, f *fileQuestionnaire) {
	switch {
	case f.ID == "":
		r.add("", "id", "is missing")
	case !slugPattern.MatchString(f.ID):
		r.add("", "id", "%q must be a lowercase slug such as vc-readiness", f.ID)
	}
	switch {
	case f.Version == "":
		r.add("", "version", "is missing")
	case !validVersion(f.Version):
		r.add("", "version", "%q must be a semantic version MAJOR.MINOR.PATCH such as 1.0.0", f.Version)
	}
	if blank(f.Title) {
		r.add("", "title", "is missing")
	}
}

func validateSources(r *reporter, sources map[string]fileSource) {
	for _, k := range slices.Sorted(maps.Keys(sources)) {
		field := "sources." + k
		if !keyPattern.MatchString(k) {
			r.add("", field, "key must be lowercase letters, digits, - or _")
		}
		if blank(sources[k].Title) {
			r.add("", field+".title", "is missing")
		}
		if !httpsURL(sources[k].URL) {
			r.add("", field+".url", "must be a public https URL")
		}
	}
}

// httpsURL reports whether s is an absolute https URL with a host.
func httpsURL(s string) bool {
	u, err := url.Parse(strings.TrimSpace(s))
	return err == nil && u.Scheme == "https" && u.Host != "" && u.User == nil
}

// validateConsiderationKeys checks that the considerations are exactly the six, in order.
func validateConsiderationKeys(r *reporter, cs []fileConsideration) {
	count := map[string]int{}
	for i, c := range cs {
		count[c.Key]++
		switch {
		case c.Key == "":
			r.add("", fmt.Sprintf("considerations[%d]", i), "key is missing")
		case !slices.Contains(ConsiderationKeys, c.Key):
			r.add("", "consideration "+c.Key, "is not one of %s", strings.Join(ConsiderationKeys, ", "))
		case count[c.Key] == 2:
			r.add("", "consideration "+c.Key, "appears more than once")
		}
	}
	missing := false
	for _, k := range ConsiderationKeys {
		if count[k] == 0 {
			r.add("", "considerations", "%s is missing", k)
			missing = true
		}
	}
	if !missing && len(cs) == len(ConsiderationKeys) && !inOrder(cs) {
		r.add("", "considerations", "must be in the order %s", strings.Join(ConsiderationKeys, ", "))
	}
}

func inOrder(cs []fileConsideration) bool {
	for i, c := range cs {
		if c.Key != ConsiderationKeys[i] {
			return false
		}
	}
	return true
}

func validateConsideration(r *reporter, c *fileConsideration, i int, sources map[string]fileSource, seen map[string]bool) {
	where := "consideration " + c.Key
	if c.Key == "" {
		where = fmt.Sprintf("considerations[%d]", i)
	}
	if blank(c.Title) {
		r.add("", where, "title is missing")
	}
	if c.Weight != nil && !positive(*c.Weight) {
		r.add("", where, "weight must be greater than 0")
	}
	scored := 0
	for j := range c.Items {
		it := &c.Items[j]
		validateItem(r, it, itemName(it, where, j), sources, seen)
		if isScoredType(it.Type) {
			scored++
		}
	}
	if scored == 0 {
		r.add("", where, "has no scored item (scale, choice or checklist)")
	}
}

// itemName is how problems name an item: its id, or its place when the id is missing.
func itemName(it *fileItem, where string, j int) string {
	if it.ID != "" {
		return it.ID
	}
	return fmt.Sprintf("#%d of %s", j+1, where)
}

// validVersion reports whether v is MAJOR.MINOR.PATCH without leading zeros.
func validVersion(v string) bool {
	_, ok := parseVersion(v)
	return ok
}

// positive reports whether w is a finite number greater than 0.
func positive(w float64) bool {
	return w > 0 && !math.IsInf(w, 1)
}

func blank(s string) bool { return strings.TrimSpace(s) == "" }

func isScoredType(t string) bool {
	return (&Item{Type: t}).Scored()
}

package questionnaires

// Content-quality tests for the shipped questionnaires. They parse the YAML into small
// local structs (independent of internal/questionnaire's loader) and check what a
// loader cannot: that the wording is plain, short and evidence-backed.

import (
	"bytes"
	"fmt"
	"io/fs"
	"math"
	"net/url"
	"regexp"
	"slices"
	"strings"
	"testing"

	"go.yaml.in/yaml/v3"
)

// Readability limits (NHS content style). Fix the content, not these numbers.
const (
	maxQuestionWords   = 30 // item text: at most
	maxDescriptorWords = 40 // level descriptor and option label: under
	maxActionWords     = 45 // level and option action: under
	maxSentenceWords   = 35 // any sentence: at most
	maxAverageSentence = 20 // mean sentence length over all prose: under
	maxLabelWords      = 5  // level label: at most
	minScoredItems     = 6  // per consideration
)

var considerationKeys = []string{"equity", "pathways", "infrastructure", "wellbeing", "evidence", "shared_learning"}

var itemPrefix = map[string]string{
	"equity": "eq", "pathways": "pw", "infrastructure": "in",
	"wellbeing": "wb", "evidence": "ev", "shared_learning": "sl",
}

// Words and phrases the NHS and GOV.UK style guides ask writers to avoid.
var bannedWords = []string{
	"utilise", "utilize", "utilisation", "utilization", "leverage", "facilitate",
	"empower", "robust", "liaise", "overarching", "streamline", "synergy",
	"going forward", "stakeholder", "stakeholders", "deploy", "in order to",
	"e.g.", "i.e.", "etc",
}

// Abbreviations readers know without explanation. Any other run of capitals must be
// spelled out in the same field, first use written as "spelled out words (ABC)".
var knownAcronyms = []string{"NHS", "GP", "GPs", "UK"}

var (
	acronymRE   = regexp.MustCompile(`\b[A-Z][A-Z0-9]*[A-Z][A-Z0-9]*s?\b`)
	sentenceEnd = regexp.MustCompile(`[.?!]+(?:\s+|$)`)
	itemIDRE    = regexp.MustCompile(`^(eq|pw|in|wb|ev|sl)-[0-9]{2}$`)
	optionIDRE  = regexp.MustCompile(`^[a-z0-9]+(?:-[a-z0-9]+)*$`)
	semverRE    = regexp.MustCompile(`^[0-9]+\.[0-9]+\.[0-9]+$`)
	// Context questions must not ask for anything that could identify a person.
	identifyingRE = regexp.MustCompile(`(?i)\b(names?|nhs numbers?|dates? of birth|postcodes?|address(es)?|hospital numbers?)\b`)
)

type qFile struct {
	ID             string             `yaml:"id"`
	Version        string             `yaml:"version"`
	Title          string             `yaml:"title"`
	Default        bool               `yaml:"default"`
	Introduction   string             `yaml:"introduction"`
	Sources        map[string]qSource `yaml:"sources"`
	Considerations []qConsideration   `yaml:"considerations"`
}

type qSource struct {
	Title string `yaml:"title"`
	URL   string `yaml:"url"`
}

type qConsideration struct {
	Key     string   `yaml:"key"`
	Title   string   `yaml:"title"`
	Summary string   `yaml:"summary"`
	Weight  *float64 `yaml:"weight"`
	Items   []qItem  `yaml:"items"`
}

type qItem struct {
	ID        string    `yaml:"id"`
	Type      string    `yaml:"type"`
	Text      string    `yaml:"text"`
	Help      string    `yaml:"help"`
	Why       qWhy      `yaml:"why"`
	Weight    *float64  `yaml:"weight"`
	AllowNA   bool      `yaml:"allow_na"`
	Levels    []qLevel  `yaml:"levels"`
	Options   []qOption `yaml:"options"`
	Min       *float64  `yaml:"min"`
	Max       *float64  `yaml:"max"`
	Unit      *string   `yaml:"unit"`
	MaxLength *int      `yaml:"max_length"`
}

type qWhy struct {
	Text    string   `yaml:"text"`
	Sources []string `yaml:"sources"`
}

type qLevel struct {
	Value      *int    `yaml:"value"`
	Label      string  `yaml:"label"`
	Descriptor string  `yaml:"descriptor"`
	Action     *string `yaml:"action"`
}

type qOption struct {
	ID     string  `yaml:"id"`
	Label  string  `yaml:"label"`
	Score  *int    `yaml:"score"`
	Action *string `yaml:"action"`
}

func (it *qItem) scored() bool {
	return it.Type == "scale" || it.Type == "choice" || it.Type == "checklist"
}

// loaded is one parsed questionnaire file.
type loaded struct {
	name string
	q    qFile
}

// loadAll parses every embedded *.yaml strictly: unknown fields are errors.
func loadAll(t *testing.T) []loaded {
	t.Helper()
	names, err := fs.Glob(FS(), "*.yaml")
	if err != nil {
		t.Fatal(err)
	}
	if len(names) == 0 {
		t.Fatal("no questionnaire files embedded")
	}
	var out []loaded
	for _, name := range names {
		data, err := fs.ReadFile(FS(), name)
		if err != nil {
			t.Fatal(err)
		}
		dec := yaml.NewDecoder(bytes.NewReader(data))
		dec.KnownFields(true)
		var q qFile
		if err := dec.Decode(&q); err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		out = append(out, loaded{name, q})
	}
	return out
}

// forEach runs fn as a subtest per questionnaire file.
func forEach(t *testing.T, fn func(t *testing.T, q *qFile)) {
	for _, l := range loadAll(t) {
		t.Run(l.name, func(t *testing.T) { fn(t, &l.q) })
	}
}

func TestDefaultQuestionnaireShipped(t *testing.T) {
	t.Parallel()
	defaults := 0
	for _, l := range loadAll(t) {
		if l.q.Default {
			defaults++
		}
	}
	if defaults != 1 {
		t.Errorf("%d questionnaires are marked default, want exactly 1", defaults)
	}
}

func TestHeader(t *testing.T) {
	t.Parallel()
	forEach(t, func(t *testing.T, q *qFile) {
		if q.ID == "" {
			t.Error("id: is missing")
		}
		if !semverRE.MatchString(q.Version) {
			t.Errorf("version: %q is not a semantic version such as 1.0.0", q.Version)
		}
		if strings.TrimSpace(q.Title) == "" {
			t.Error("title: is missing")
		}
		intro := strings.ToLower(q.Introduction)
		if strings.TrimSpace(intro) == "" {
			t.Error("introduction: is missing")
		}
		if !strings.Contains(intro, "patient") || !strings.Contains(intro, "not ask") {
			t.Error(`introduction: must say that no patient information is asked for ("we do not ask ... patient")`)
		}
		if !strings.Contains(intro, "minutes") {
			t.Error("introduction: must say how long the questionnaire takes (in minutes)")
		}
	})
}

func TestStructure(t *testing.T) {
	t.Parallel()
	forEach(t, func(t *testing.T, q *qFile) {
		var keys []string
		for _, c := range q.Considerations {
			keys = append(keys, c.Key)
		}
		if !slices.Equal(keys, considerationKeys) {
			t.Fatalf("considerations: keys are %v, want %v in that order", keys, considerationKeys)
		}
		seen := map[string]bool{}
		choices, checklists := 0, 0
		for _, c := range q.Considerations {
			if strings.TrimSpace(c.Title) == "" {
				t.Errorf("%s title: is missing", c.Key)
			}
			if strings.TrimSpace(c.Summary) == "" {
				t.Errorf("%s summary: is missing", c.Key)
			}
			if c.Weight != nil && !(*c.Weight > 0) {
				t.Errorf("%s weight: must be greater than 0", c.Key)
			}
			scored := 0
			for i := range c.Items {
				it := &c.Items[i]
				if !itemIDRE.MatchString(it.ID) || !strings.HasPrefix(it.ID, itemPrefix[c.Key]+"-") {
					t.Errorf("%s items[%d] id: %q must be %s- and two digits", c.Key, i, it.ID, itemPrefix[c.Key])
				}
				if seen[it.ID] {
					t.Errorf("%s id: used by more than one item", it.ID)
				}
				seen[it.ID] = true
				if it.scored() {
					scored++
				}
				switch it.Type {
				case "choice":
					choices++
				case "checklist":
					checklists++
				}
				checkItem(t, it)
			}
			if scored < minScoredItems {
				t.Errorf("%s items: %d scored items, want at least %d", c.Key, scored, minScoredItems)
			}
		}
		if choices < 2 {
			t.Errorf("items: %d choice items in the questionnaire, want at least 2", choices)
		}
		if checklists < 2 {
			t.Errorf("items: %d checklist items in the questionnaire, want at least 2", checklists)
		}
	})
}

func checkItem(t *testing.T, it *qItem) {
	t.Helper()
	id := it.ID
	if strings.TrimSpace(it.Text) == "" {
		t.Errorf("%s text: is missing", id)
	} else if !strings.HasSuffix(strings.TrimSpace(it.Text), "?") {
		t.Errorf("%s text: a question should end with a question mark", id)
	}
	if !regexp.MustCompile(`(?i)\byou(r)?\b`).MatchString(it.Text) {
		t.Errorf(`%s text: address the team directly ("you", "your team")`, id)
	}
	if strings.TrimSpace(it.Help) == "" {
		t.Errorf("%s help: is missing", id)
	}
	if it.Weight != nil && (!it.scored() || !(*it.Weight > 0)) {
		t.Errorf("%s weight: only scored items have a weight, and it must be greater than 0", id)
	}
	if it.AllowNA && !it.scored() {
		t.Errorf("%s allow_na: only scored items can be not applicable", id)
	}
	hasLevels, hasOptions := it.Levels != nil, it.Options != nil
	hasNumber := it.Min != nil || it.Max != nil || it.Unit != nil
	switch it.Type {
	case "scale":
		if hasOptions || hasNumber || it.MaxLength != nil {
			t.Errorf("%s: a scale item has only levels", id)
		}
		checkLevels(t, it)
	case "choice", "checklist":
		if hasLevels || hasNumber || it.MaxLength != nil {
			t.Errorf("%s: a %s item has only options", id, it.Type)
		}
		checkOptions(t, it)
	case "number":
		// dont_know is an answer for scored items only; an unknown figure is left blank.
		if strings.Contains(strings.ToLower(it.Help), "don't know") {
			t.Errorf(`%s help: a number item cannot be answered "don't know"; tell people to leave it blank`, id)
		}
		if hasLevels || hasOptions || it.MaxLength != nil {
			t.Errorf("%s: a number item has only min, max and unit", id)
		}
		if it.Min == nil || it.Max == nil || !(*it.Min < *it.Max) {
			t.Errorf("%s min/max: both required, with min < max", id)
		}
		if identifyingRE.MatchString(it.Text) {
			t.Errorf("%s text: must not ask for anything that identifies a person", id)
		}
	case "text":
		if hasLevels || hasOptions || hasNumber {
			t.Errorf("%s: a text item has only max_length", id)
		}
		if it.MaxLength == nil || *it.MaxLength < 1 || *it.MaxLength > 10000 {
			t.Errorf("%s max_length: required, 1..10000", id)
		}
		if identifyingRE.MatchString(it.Text) {
			t.Errorf("%s text: must not ask for anything that identifies a person", id)
		}
		if !strings.Contains(strings.ToLower(it.Help), "identify") {
			t.Errorf("%s help: free text must warn not to include details that could identify a patient or member of staff", id)
		}
	default:
		t.Errorf("%s type: %q is not one of scale, choice, checklist, number, text", id, it.Type)
	}
}

func checkLevels(t *testing.T, it *qItem) {
	t.Helper()
	if len(it.Levels) != 5 {
		t.Errorf("%s levels: has %d levels, want exactly 5 (values 0..4)", it.ID, len(it.Levels))
		return
	}
	for i, l := range it.Levels {
		f := fmt.Sprintf("%s levels[%d]", it.ID, i)
		if l.Value == nil || *l.Value != i {
			t.Errorf("%s.value: want %d", f, i)
		}
		if strings.TrimSpace(l.Label) == "" {
			t.Errorf("%s.label: is missing", f)
		}
		if strings.TrimSpace(l.Descriptor) == "" {
			t.Errorf("%s.descriptor: is missing", f)
		}
		hasAction := l.Action != nil && strings.TrimSpace(*l.Action) != ""
		if i < 4 && !hasAction {
			t.Errorf("%s.action: is missing (every level below 4 needs a next step)", f)
		}
		if i == 4 && l.Action != nil {
			t.Errorf("%s.action: the top level has no action", f)
		}
	}
}

func checkOptions(t *testing.T, it *qItem) {
	t.Helper()
	if len(it.Options) < 2 {
		t.Errorf("%s options: has %d, want at least 2", it.ID, len(it.Options))
	}
	top := 0
	for _, o := range it.Options {
		if o.Score != nil {
			top = max(top, *o.Score)
		}
	}
	if top == 0 {
		t.Errorf("%s options: no option scores above 0", it.ID)
	}
	ids := map[string]bool{}
	for i, o := range it.Options {
		f := fmt.Sprintf("%s options[%d]", it.ID, i)
		if !optionIDRE.MatchString(o.ID) || ids[o.ID] {
			t.Errorf("%s.id: %q must be a unique lowercase slug", f, o.ID)
		}
		ids[o.ID] = true
		if strings.TrimSpace(o.Label) == "" {
			t.Errorf("%s.label: is missing", f)
		}
		if o.Score == nil || *o.Score < 0 {
			t.Errorf("%s.score: required, at least 0", f)
			continue
		}
		hasAction := o.Action != nil && strings.TrimSpace(*o.Action) != ""
		switch it.Type {
		case "choice":
			if *o.Score < top && !hasAction {
				t.Errorf("%s.action: is missing (options below the top score need a next step)", f)
			}
			if *o.Score == top && o.Action != nil {
				t.Errorf("%s.action: the top option has no action", f)
			}
		case "checklist":
			if *o.Score > 0 && !hasAction {
				t.Errorf("%s.action: is missing (what to do if this is not in place)", f)
			}
		}
	}
}

func TestEvidence(t *testing.T) {
	t.Parallel()
	forEach(t, func(t *testing.T, q *qFile) {
		if len(q.Sources) == 0 {
			t.Fatal("sources: none")
		}
		used := map[string]bool{}
		for _, c := range q.Considerations {
			for _, it := range c.Items {
				if it.scored() {
					if strings.TrimSpace(it.Why.Text) == "" {
						t.Errorf("%s why.text: a scored item must say why it matters", it.ID)
					}
					if len(it.Why.Sources) == 0 {
						t.Errorf("%s why.sources: a scored item needs at least one source", it.ID)
					}
				}
				for _, s := range it.Why.Sources {
					if _, ok := q.Sources[s]; !ok {
						t.Errorf("%s why.sources: %q is not a key of sources", it.ID, s)
					}
					used[s] = true
				}
			}
		}
		for k, s := range q.Sources {
			if strings.TrimSpace(s.Title) == "" {
				t.Errorf("sources.%s title: is missing", k)
			}
			u, err := url.Parse(s.URL)
			if err != nil || u.Scheme != "https" || u.Host == "" {
				t.Errorf("sources.%s url: %q is not a public https URL", k, s.URL)
			}
			if !used[k] {
				t.Errorf("sources.%s: not cited by any item", k)
			}
		}
	})
}

// textField is one piece of user-facing text and the limit that applies to it.
type textField struct {
	where string // item id (or consideration key) and field, for failure messages
	kind  string // question, descriptor, action, label, prose, title
	text  string
}

func textFields(q *qFile) []textField {
	fs := []textField{
		{"title", "title", q.Title},
		{"introduction", "prose", q.Introduction},
	}
	for _, c := range q.Considerations {
		fs = append(fs,
			textField{c.Key + " title", "title", c.Title},
			textField{c.Key + " summary", "prose", c.Summary})
		for _, it := range c.Items {
			fs = append(fs,
				textField{it.ID + " text", "question", it.Text},
				textField{it.ID + " help", "prose", it.Help},
				textField{it.ID + " why.text", "prose", it.Why.Text})
			for i, l := range it.Levels {
				f := fmt.Sprintf("%s levels[%d]", it.ID, i)
				fs = append(fs,
					textField{f + ".label", "label", l.Label},
					textField{f + ".descriptor", "descriptor", l.Descriptor})
				if l.Action != nil {
					fs = append(fs, textField{f + ".action", "action", *l.Action})
				}
			}
			for i, o := range it.Options {
				f := fmt.Sprintf("%s options[%d]", it.ID, i)
				fs = append(fs, textField{f + ".label", "descriptor", o.Label})
				if o.Action != nil {
					fs = append(fs, textField{f + ".action", "action", *o.Action})
				}
			}
		}
	}
	return fs
}

func words(s string) int { return len(strings.Fields(s)) }

// sentences splits text on ".", "?" or "!" followed by white space or the end.
func sentences(s string) []string {
	var out []string
	for _, part := range sentenceEnd.Split(strings.TrimSpace(s), -1) {
		if strings.TrimSpace(part) != "" {
			out = append(out, part)
		}
	}
	return out
}

func TestReadability(t *testing.T) {
	t.Parallel()
	forEach(t, func(t *testing.T, q *qFile) {
		totalWords, totalSentences := 0, 0
		for _, f := range textFields(q) {
			n := words(f.text)
			switch f.kind {
			case "question":
				if n > maxQuestionWords {
					t.Errorf("%s: %d words, limit is %d", f.where, n, maxQuestionWords)
				}
			case "descriptor":
				if n >= maxDescriptorWords {
					t.Errorf("%s: %d words, must be under %d", f.where, n, maxDescriptorWords)
				}
			case "action":
				if n >= maxActionWords {
					t.Errorf("%s: %d words, must be under %d", f.where, n, maxActionWords)
				}
			case "label":
				if n > maxLabelWords {
					t.Errorf("%s: %d words, a level label has at most %d", f.where, n, maxLabelWords)
				}
			}
			if f.kind == "title" || f.kind == "label" {
				continue // names, not sentences
			}
			for _, s := range sentences(f.text) {
				w := words(s)
				if w > maxSentenceWords {
					t.Errorf("%s: sentence of %d words (limit %d): %q", f.where, w, maxSentenceWords, s)
				}
				totalWords += w
				totalSentences++
			}
		}
		if totalSentences == 0 {
			t.Fatal("no sentences found")
		}
		avg := float64(totalWords) / float64(totalSentences)
		t.Logf("%d sentences, average %.1f words", totalSentences, avg)
		if !(avg < maxAverageSentence) {
			t.Errorf("all text: average sentence length %.1f words, must be under %d", avg, maxAverageSentence)
		}
	})
}

func TestPlainEnglish(t *testing.T) {
	t.Parallel()
	banned := make([]*regexp.Regexp, len(bannedWords))
	for i, w := range bannedWords {
		banned[i] = regexp.MustCompile(`(?i)(^|[^\pL])` + regexp.QuoteMeta(w) + `($|[^\pL])`)
	}
	forEach(t, func(t *testing.T, q *qFile) {
		for _, f := range textFields(q) {
			for i, re := range banned {
				if re.MatchString(f.text) {
					t.Errorf("%s: uses %q; say it in plain English", f.where, bannedWords[i])
				}
			}
			explained := map[string]bool{}
			for _, m := range acronymRE.FindAllStringIndex(f.text, -1) {
				a := f.text[m[0]:m[1]]
				if slices.Contains(knownAcronyms, a) || explained[a] {
					continue
				}
				if m[0] > 0 && f.text[m[0]-1] == '(' && m[1] < len(f.text) && f.text[m[1]] == ')' {
					explained[a] = true
					continue
				}
				t.Errorf("%s: %q is not explained; spell it out, or write the words first and %q after them", f.where, a, "("+a+")")
			}
		}
	})
}

// TestWeights keeps item weights for the few items that matter most.
func TestWeights(t *testing.T) {
	t.Parallel()
	forEach(t, func(t *testing.T, q *qFile) {
		scored, heavy := 0, 0
		for _, c := range q.Considerations {
			for _, it := range c.Items {
				if !it.scored() {
					continue
				}
				scored++
				if it.Weight != nil && *it.Weight != 1 {
					if !slices.Contains([]float64{1.5, 2}, *it.Weight) {
						t.Errorf("%s weight: %v, use 1 (the default), 1.5 or 2", it.ID, *it.Weight)
					}
					heavy++
				}
			}
		}
		if limit := int(math.Ceil(float64(scored) / 3)); heavy > limit {
			t.Errorf("weight: %d of %d scored items carry extra weight; keep it to the few that matter most (at most %d)", heavy, scored, limit)
		}
	})
}

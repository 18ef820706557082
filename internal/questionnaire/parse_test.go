package questionnaire

import (
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestParseValid(t *testing.T) {
	t.Parallel()
	q := mustParse(t, miniPath)
	if q.ID != "mini" || q.Version != "1.2.0" || !q.Default || q.File != miniPath {
		t.Errorf("header = %q %q default=%v file=%q", q.ID, q.Version, q.Default, q.File)
	}
	if q.Introduction != "A short questionnaire used by the tests." {
		t.Errorf("Introduction = %q, want it trimmed", q.Introduction)
	}
	if !regexp.MustCompile(`^[0-9a-f]{64}$`).MatchString(q.Hash) {
		t.Errorf("Hash = %q, want 64 hex digits", q.Hash)
	}
	var keys []string
	for _, c := range q.Considerations {
		keys = append(keys, c.Key)
	}
	if diff := cmp.Diff(ConsiderationKeys, keys); diff != "" {
		t.Errorf("consideration keys (-want +got):\n%s", diff)
	}
	if got := q.ScoredItems(); got != 6 {
		t.Errorf("ScoredItems() = %d, want 6", got)
	}
}

func TestParseDefaults(t *testing.T) {
	t.Parallel()
	q := mustParse(t, miniPath)
	weights := map[string]float64{}
	for _, c := range q.Considerations {
		weights[c.Key] = c.Weight
	}
	wantWeights := map[string]float64{
		Equity: 2, Pathways: 1, Infrastructure: 1, Wellbeing: 1, Evidence: 1, SharedLearning: 0.5,
	}
	if diff := cmp.Diff(wantWeights, weights); diff != "" {
		t.Errorf("consideration weights (-want +got):\n%s", diff)
	}
	for id, want := range map[string]float64{"eq-01": 1, "pa-01": 1.5, "ev-02": 1} {
		if it, _, _ := q.Item(id); it.Weight != want {
			t.Errorf("item %s weight = %v, want %v", id, it.Weight, want)
		}
	}
}

func TestParseItemShapes(t *testing.T) {
	t.Parallel()
	q := mustParse(t, miniPath)
	tests := []struct {
		id   string
		want Item
	}{
		{"ev-02", Item{
			ID: "ev-02", Type: TypeNumber, Text: "What share of appointments last month were by video?",
			Help: "An estimate is fine.", Weight: 1, AllowNA: true, Min: ptr(0.0), Max: ptr(100.0), Unit: "%",
		}},
		{"eq-02", Item{
			ID: "eq-02", Type: TypeText, Text: "Anything else about access?",
			Help: "No patient details, please.", Weight: 1, MaxLength: 500,
		}},
		{"ev-01", Item{
			ID: "ev-01", Type: TypeChoice, Text: "Do you measure outcomes of video appointments?",
			Help: "Any outcome counts.", Weight: 1,
			Why: Why{Text: "Without measures you cannot tell what works.", Sources: []string{"nhse-2021"}},
			Options: []Option{
				{ID: "no", Label: "No", Score: 0, Action: "Pick one outcome to measure."},
				{ID: "yes", Label: "Yes", Score: 3},
			},
		}},
	}
	for _, tt := range tests {
		t.Run(tt.id, func(t *testing.T) {
			t.Parallel()
			it, _, ok := q.Item(tt.id)
			if !ok {
				t.Fatalf("item %s not found", tt.id)
			}
			if diff := cmp.Diff(tt.want, *it); diff != "" {
				t.Errorf("item (-want +got):\n%s", diff)
			}
		})
	}
	it, key, _ := q.Item("wb-01")
	if key != Wellbeing || len(it.Levels) != 5 || it.Levels[4].Action != "" || it.Levels[0].Action == "" {
		t.Errorf("wb-01 in %s, levels %+v", key, it.Levels)
	}
}

// TestParseBroken checks that one broken file yields every problem at once, each
// naming the file, the item (or consideration) and what is wrong.
func TestParseBroken(t *testing.T) {
	t.Parallel()
	const file = "testdata/broken/broken.yaml"
	q, err := Parse(file, readFile(t, file))
	if q != nil {
		t.Errorf("Parse returned a questionnaire for a broken file")
	}
	got := problemStrings(t, err)
	want := []string{
		file + `: line 29: unknown field "colour"`,
		file + `: id: "VC Readiness" must be a lowercase slug such as vc-readiness`,
		file + `: version: "1.0" must be a semantic version MAJOR.MINOR.PATCH such as 1.0.0`,
		file + `: title: is missing`,
		file + `: sources.q-2020.url: must be a public https URL`,
		file + `: sources.blank.title: is missing`,
		file + `: consideration equity: weight must be greater than 0`,
		file + `: consideration infrastucture: is not one of equity, pathways, infrastructure, wellbeing, evidence, shared_learning`,
		file + `: considerations: infrastructure is missing`,
		file + `: consideration wellbeing: has no scored item (scale, choice or checklist)`,
		file + `: item eq-01: levels: level 3 is missing`,
		file + `: item eq-01: levels[3].action: the top level takes no action; remove it`,
		file + `: item eq-01: id: is used by more than one item`,
		file + `: item eq-01: type: "slider" is not one of scale, choice, checklist, number, text`,
		file + `: item eq-02: why.sources: "q-2021" is not a key of sources`,
		file + `: item eq-02: levels: does not belong to a choice item`,
		file + `: item eq-02: options[1].id: "nobody" is used by more than one option`,
		file + `: item eq-02: options[0].action: is missing (the option scores below the item's maximum)`,
		file + `: item in-01: options: at least one option must score more than 0`,
		file + `: item wb-01: max_length: must be 1..10000`,
		file + `: item ev-01: weight: does not belong to a number item`,
		file + `: item ev-01: max: must be greater than min`,
		file + `: item ev-02: why.text: is missing`,
		file + `: item ev-02: why.sources: a scored item needs at least one source`,
		file + `: item ev-02: levels[0].label: is missing`,
		file + `: item ev-02: levels[0].action: is missing (every level below 4 says what to do next)`,
		file + `: item ev-02: levels[4].value: must be 0..4`,
		file + `: item ev-02: levels: level 4 is missing`,
		file + `: item sl-01: weight: must be greater than 0`,
		file + `: item sl-01: options[1].action: an option with the top score takes no action; remove it`,
	}
	for _, w := range want {
		if !slices.Contains(got, w) {
			t.Errorf("missing problem %q", w)
		}
	}
	if t.Failed() {
		t.Logf("got:\n%s", strings.Join(got, "\n"))
	}
	if lines := strings.Count(err.Error(), "\n") + 1; lines != len(got) {
		t.Errorf("Error() has %d lines, want one per problem (%d)", lines, len(got))
	}
}

func TestParseStrict(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name     string
		old, new string
		want     string
	}{
		{"top level", "title: Mini", "colour: red\ntitle: Mini", `line 4: unknown field "colour"`},
		{"source", "    url: https://q.health", "    link: x\n    url: https://q.health", `line 11: unknown field "link"`},
		{"consideration", "    weight: 2\n", "    weight: 2\n    wieght: 3\n", `line 21: unknown field "wieght"`},
		{"item", "        allow_na: false\n", "        allow_NA: true\n", `line 29: unknown field "allow_NA"`},
		{"level", "label: Fully,", "lable: Fully,", `line 35: unknown field "lable"`},
		{"option", "score: 2}", "score: 2, hint: x}", `line 58: unknown field "hint"`},
		{"why", "          sources: [q-2020]\n        allow_na", "          source: [q-2020]\n        allow_na", `line 28: unknown field "source"`},
		{"duplicate key", "title: Mini readiness check\n", "title: Mini readiness check\ntitle: again\n", `line 5: mapping key "title" already defined at line 4`},
		{"wrong type", "max_length: 500", "max_length: lots", "line 40: cannot read text `lots` as a whole number"},
		{"list for a bool", "allow_na: false", "allow_na: [yes]", "line 29: cannot read a list as true or false"},
		{"mapping for a number", "max_length: 500", "max_length: {n: 500}", "line 40: cannot read a mapping as a whole number"},
		{"list for a mapping", "type: text\n", "type: text\n        why: [q-2020]\n", "line 38: cannot read a list as a mapping"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			_, err := Parse("f.yaml", miniWith(t, tt.old, tt.new))
			got := problemStrings(t, err)
			if !slices.Contains(got, "f.yaml: "+tt.want) {
				t.Errorf("problems:\n%s\nwant %q", strings.Join(got, "\n"), tt.want)
			}
		})
	}
}

func TestParseUnreadable(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name, data, want string
	}{
		{"empty", "", "f.yaml: file is empty"},
		{"comment only", "# nothing\n", "f.yaml: file is empty"},
		{"syntax", "id: [unclosed\n", "f.yaml: line 1: did not find expected ',' or ']'"},
		{"tab indent", "id: x\n\tversion: 1.0.0\n", "f.yaml: line 2: found a tab character that violates indentation"},
		{"scalar", "just text\n", "f.yaml: line 1: cannot read text `just text` as a mapping"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			q, err := Parse("f.yaml", []byte(tt.data))
			got := problemStrings(t, err)
			if q != nil || !slices.Contains(got, tt.want) {
				t.Errorf("problems:\n%s\nwant %q", strings.Join(got, "\n"), tt.want)
			}
		})
	}
}

func TestParseTwoDocuments(t *testing.T) {
	t.Parallel()
	data := append(readFile(t, miniPath), []byte("---\nid: other\n")...)
	_, err := Parse("f.yaml", data)
	want := "f.yaml: holds more than one YAML document; put one questionnaire in each file"
	if got := problemStrings(t, err); !slices.Contains(got, want) {
		t.Errorf("problems %q, want %q", got, want)
	}
}

package assessment

import (
	"strings"
	"testing"
)

func TestParseVocabulariesRejectsBrokenFiles(t *testing.T) {
	t.Parallel()
	const ok = "settings: [{key: a, label: A}]\nspecialties: [{key: b, label: B}]\nnations: [{key: c, label: C}]\n"
	cases := []struct{ name, file, want string }{
		{"valid", ok, ""},
		{"empty list", strings.Replace(ok, "[{key: c, label: C}]", "[]", 1), "nations: the list is empty"},
		{"bad key", strings.Replace(ok, "key: a", "key: Primary Care", 1), `key "Primary Care" must be`},
		{"duplicate key", strings.Replace(ok, "[{key: b, label: B}]", "[{key: b, label: B}, {key: b, label: C}]", 1), `"b" is listed twice`},
		{"no label", strings.Replace(ok, "label: A", "label: ' '", 1), "label is empty"},
		{"unknown field", ok + "regions: []\n", "field regions not found"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			_, err := parseVocabularies([]byte(c.file))
			switch {
			case c.want == "" && err != nil:
				t.Errorf("error %v, want none", err)
			case c.want != "" && (err == nil || !strings.Contains(err.Error(), c.want)):
				t.Errorf("error %v, want one containing %q", err, c.want)
			}
		})
	}
}

package questionnaire

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"reflect"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// canonicalPairs maps each domain type a questionnaire is made of to its canonical form,
// with the exported domain fields that are deliberately not hashed and why.
var canonicalPairs = []struct {
	domain, canonical reflect.Type
	notHashed         map[string]string
}{
	{reflect.TypeFor[Questionnaire](), reflect.TypeFor[canonicalQuestionnaire](), map[string]string{
		"File": "where a questionnaire was loaded from is not what a team answered",
	}},
	{reflect.TypeFor[Source](), reflect.TypeFor[canonicalSource](), nil},
	{reflect.TypeFor[Consideration](), reflect.TypeFor[canonicalConsideration](), nil},
	{reflect.TypeFor[Item](), reflect.TypeFor[canonicalItem](), nil},
	{reflect.TypeFor[Why](), reflect.TypeFor[canonicalWhy](), nil},
	{reflect.TypeFor[Level](), reflect.TypeFor[canonicalLevel](), nil},
	{reflect.TypeFor[Option](), reflect.TypeFor[canonicalOption](), nil},
}

// TestCanonicalFormGolden checks the canonical bytes of mini.yaml against the bytes the
// original hash code (json.Marshal of the domain type) produced, frozen in testdata.
// There is no -update flag on purpose: stored hashes depend on these bytes.
func TestCanonicalFormGolden(t *testing.T) {
	t.Parallel()
	want := readFile(t, "testdata/canonical/mini.json")
	sum := sha256.Sum256(want)
	if got, frozen := hex.EncodeToString(sum[:]), strings.TrimSpace(string(readFile(t, "testdata/canonical/mini.sha256"))); got != frozen {
		t.Fatalf("testdata/canonical/mini.json hashes to %s, want %s: the golden file was edited", got, frozen)
	}
	got, err := mustParse(t, miniPath).canonicalJSON()
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("canonical form of mini.yaml changed (-want +got):\n%s", cmp.Diff(string(want), string(got)))
	}
}

// TestCanonicalFormCoversDomain makes whoever adds a field to a domain type decide
// whether it is part of what a team answers, rather than it silently staying out of
// (or, as before, silently changing) every hash.
func TestCanonicalFormCoversDomain(t *testing.T) {
	t.Parallel()
	for _, p := range canonicalPairs {
		for _, f := range reflect.VisibleFields(p.domain) {
			if !f.IsExported() || p.notHashed[f.Name] != "" {
				continue
			}
			if _, ok := p.canonical.FieldByName(f.Name); !ok {
				t.Errorf("%s.%s is not in the canonical form. If it changes what a team answers, add it to %s "+
					"(this changes every hash: ship it with a new questionnaire version); "+
					"if not, add it to notHashed in canonicalPairs with the reason.",
					p.domain.Name(), f.Name, p.canonical.Name())
			}
		}
	}
	paired := map[reflect.Type]bool{}
	for _, p := range canonicalPairs {
		paired[p.domain] = true
	}
	for _, st := range structTypes(reflect.TypeFor[Questionnaire]()) {
		if !paired[st] {
			t.Errorf("%s is part of a Questionnaire but has no canonical form in canonicalPairs", st.Name())
		}
	}
}

// TestCanonicalFormIndependent checks that the canonical form holds no domain type and
// names every field in its own json tag, so renaming a domain field or tag, or dropping
// the domain's json tags, leaves every hash as it is.
func TestCanonicalFormIndependent(t *testing.T) {
	t.Parallel()
	for _, st := range structTypes(reflect.TypeFor[canonicalQuestionnaire]()) {
		if !strings.HasPrefix(st.Name(), "canonical") {
			t.Errorf("canonical form holds %s, a domain type: its json tags would change the hash", st.Name())
			continue
		}
		for i := range st.NumField() {
			f := st.Field(i)
			if name, _, _ := strings.Cut(f.Tag.Get("json"), ","); name == "" || name == "-" {
				t.Errorf("%s.%s has no json name of its own", st.Name(), f.Name)
			}
		}
	}
}

// structTypes returns t and every struct type reachable from its fields, through
// pointers, slices and maps.
func structTypes(t reflect.Type) []reflect.Type {
	var out []reflect.Type
	seen := map[reflect.Type]bool{}
	var walk func(reflect.Type)
	walk = func(t reflect.Type) {
		switch t.Kind() {
		case reflect.Pointer, reflect.Slice, reflect.Array, reflect.Map:
			walk(t.Elem())
		case reflect.Struct:
			if seen[t] {
				return
			}
			seen[t] = true
			out = append(out, t)
			for i := range t.NumField() {
				walk(t.Field(i).Type)
			}
		}
	}
	walk(t)
	return out
}

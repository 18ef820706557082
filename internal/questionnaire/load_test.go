package questionnaire

import (
	"errors"
	"os"
	"slices"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/google/go-cmp/cmp"
)

// variant is mini.yaml with another id, version and default flag.
func variant(t *testing.T, id, version string, isDefault bool) *fstest.MapFile {
	t.Helper()
	def := "default: false"
	if isDefault {
		def = "default: true"
	}
	return &fstest.MapFile{Data: miniWith(t, "id: mini", "id: "+id, "version: 1.2.0", "version: "+version, "default: true", def)}
}

func TestLoadTestdata(t *testing.T) {
	t.Parallel()
	s, err := Load(os.DirFS("testdata/valid"))
	if err != nil {
		t.Fatal(err)
	}
	if d := s.Default(); d == nil || d.ID != "mini" || d.File != "mini.yaml" {
		t.Errorf("Default() = %+v", d)
	}
	if _, err := Load(os.DirFS("testdata/broken")); err == nil {
		t.Error("Load(testdata/broken) succeeded")
	}
}

func TestLoadSet(t *testing.T) {
	t.Parallel()
	fsys := fstest.MapFS{
		"b-1.yaml":   variant(t, "beta", "1.9.0", false),
		"b-2.yml":    variant(t, "beta", "1.10.0", false),
		"b-0.YAML":   variant(t, "beta", "0.1.0", false),
		"a.yaml":     variant(t, "alpha", "2.0.0", true),
		"notes.txt":  {Data: []byte("not a questionnaire")},
		"sub/x.yaml": {Data: []byte("not read: only the root counts")},
	}
	s, err := Load(fsys)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, q := range s.All() {
		got = append(got, q.ID+" "+q.Version+" "+q.File)
	}
	want := []string{"alpha 2.0.0 a.yaml", "beta 0.1.0 b-0.YAML", "beta 1.9.0 b-1.yaml", "beta 1.10.0 b-2.yml"}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("All() (-want +got):\n%s", diff)
	}
	if q := s.Default(); q.ID != "alpha" {
		t.Errorf("Default() = %s, want alpha", q.ID)
	}
	if q, ok := s.Get("beta"); !ok || q.Version != "1.10.0" {
		t.Errorf("Get(beta) = %v, %v; want 1.10.0", q, ok)
	}
	if q, ok := s.Version("beta", "1.9.0"); !ok || q.File != "b-1.yaml" {
		t.Errorf("Version(beta, 1.9.0) = %v, %v", q, ok)
	}
	for _, missing := range [][2]string{{"gamma", "1.0.0"}, {"beta", "2.0.0"}} {
		if _, ok := s.Version(missing[0], missing[1]); ok {
			t.Errorf("Version(%s, %s) found", missing[0], missing[1])
		}
	}
	if _, ok := s.Get("gamma"); ok {
		t.Error("Get(gamma) found")
	}
}

func TestLoadDefault(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name    string
		fsys    func(t *testing.T) fstest.MapFS
		want    string // id and version of the default
		problem string // or the problem expected instead
	}{
		{"flagged", func(t *testing.T) fstest.MapFS {
			return fstest.MapFS{"1.yaml": variant(t, "a", "1.0.0", true), "2.yaml": variant(t, "a", "2.0.0", false)}
		}, "a 1.0.0", ""},
		{"one id, none flagged: highest version", func(t *testing.T) fstest.MapFS {
			return fstest.MapFS{"1.yaml": variant(t, "a", "1.10.0", false), "2.yaml": variant(t, "a", "1.9.0", false)}
		}, "a 1.10.0", ""},
		{"several ids, none flagged", func(t *testing.T) fstest.MapFS {
			return fstest.MapFS{"1.yaml": variant(t, "a", "1.0.0", false), "2.yaml": variant(t, "b", "1.0.0", false)}
		}, "", "several questionnaire ids (a, b) and none is marked default: true"},
		{"two flagged", func(t *testing.T) fstest.MapFS {
			return fstest.MapFS{"1.yaml": variant(t, "a", "1.0.0", true), "2.yaml": variant(t, "b", "1.0.0", true)}
		}, "", "2.yaml: default: only one questionnaire may be the default, and 1.yaml is too"},
		{"same id and version twice", func(t *testing.T) fstest.MapFS {
			return fstest.MapFS{"1.yaml": variant(t, "a", "1.0.0", true), "2.yaml": variant(t, "a", "1.0.0", false)}
		}, "", "2.yaml: version: a 1.0.0 is also defined in 1.yaml"},
		{"no files", func(t *testing.T) fstest.MapFS {
			return fstest.MapFS{"README.md": {Data: []byte("hello")}}
		}, "", "no questionnaire files (*.yaml or *.yml)"},
		{"a broken file is named", func(t *testing.T) fstest.MapFS {
			return fstest.MapFS{"1.yaml": variant(t, "a", "1.0.0", true), "2.yaml": {Data: []byte("id: [")}}
		}, "", "2.yaml: line 1: did not find expected node content"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			s, err := Load(tt.fsys(t))
			if tt.problem != "" {
				if got := problemStrings(t, err); !slices.Contains(got, tt.problem) {
					t.Errorf("problems:\n%s\nwant %q", strings.Join(got, "\n"), tt.problem)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if d := s.Default(); d.ID+" "+d.Version != tt.want {
				t.Errorf("Default() = %s %s, want %s", d.ID, d.Version, tt.want)
			}
		})
	}
}

func TestLoadListError(t *testing.T) {
	t.Parallel()
	_, err := Load(os.DirFS("testdata/does-not-exist"))
	if err == nil || errors.As(err, new(Problems)) {
		t.Errorf("Load(missing dir) = %v, want a plain error", err)
	}
}

func TestCompareVersions(t *testing.T) {
	t.Parallel()
	tests := []struct {
		a, b string
		want int
	}{
		{"1.0.0", "1.0.0", 0},
		{"1.9.0", "1.10.0", -1},
		{"2.0.0", "1.99.99", 1},
		{"1.0.1", "1.0.0", 1},
		{"bad", "0.0.0", -1},
		{"0.0.0", "bad", 1},
		{"a", "b", -1},
	}
	for _, tt := range tests {
		if got := CompareVersions(tt.a, tt.b); got != tt.want {
			t.Errorf("CompareVersions(%q, %q) = %d, want %d", tt.a, tt.b, got, tt.want)
		}
	}
	if got := Major("3.1.4"); got != 3 {
		t.Errorf("Major(3.1.4) = %d, want 3", got)
	}
}

func TestFind(t *testing.T) {
	t.Parallel()
	var none *Set
	if q, ok := none.Find(""); ok || q != nil {
		t.Errorf("nil set found %v", q)
	}
	set, err := Load(fstest.MapFS{"mini.yaml": {Data: readFile(t, miniPath)}})
	if err != nil {
		t.Fatal(err)
	}
	if q, ok := set.Find(""); !ok || q != set.Default() {
		t.Errorf(`Find("") = %v, %v; want the default`, q, ok)
	}
	if q, ok := set.Find("mini"); !ok || q.ID != "mini" {
		t.Errorf(`Find("mini") = %v, %v`, q, ok)
	}
	if _, ok := set.Find("nope"); ok {
		t.Error(`Find("nope") found something`)
	}
}

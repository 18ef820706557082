package assessment_test

import (
	"slices"
	"testing"

	"vcready/internal/assessment"
)

// TestVocabulariesHaveTheAPIKeys checks the keys API.md promises, and that "other"
// closes every list.
func TestVocabulariesHaveTheAPIKeys(t *testing.T) {
	t.Parallel()
	v := (&assessment.Service{}).Vocabularies()
	lists := []struct {
		name  string
		terms []assessment.Term
		want  []string
	}{
		{"settings", v.Settings, []string{"primary_care", "secondary_care", "community", "mental_health", "social_care", "other"}},
		{"nations", v.Nations, []string{"england", "scotland", "wales", "northern_ireland", "ireland", "other"}},
		{"specialties", v.Specialties, []string{"general_practice", "physiotherapy", "mental_health", "paediatrics",
			"diabetes", "dermatology", "cardiology", "oncology", "respiratory", "dietetics", "speech_and_language",
			"occupational_therapy", "podiatry", "rheumatology", "neurology", "gastroenterology", "urology",
			"orthopaedics", "maternity", "learning_disabilities", "pharmacy", "audiology", "other"}},
	}
	for _, l := range lists {
		var keys []string
		for _, term := range l.terms {
			keys = append(keys, term.Key)
			if term.Label == "" {
				t.Errorf("%s: %s has no label", l.name, term.Key)
			}
		}
		for _, k := range l.want {
			if !slices.Contains(keys, k) {
				t.Errorf("%s: missing %s", l.name, k)
			}
		}
		if keys[len(keys)-1] != "other" {
			t.Errorf("%s: last key is %s, want other", l.name, keys[len(keys)-1])
		}
	}
}

func TestVocabularyLabels(t *testing.T) {
	t.Parallel()
	v := (&assessment.Service{}).Vocabularies()
	cases := []struct{ got, want string }{
		{v.SettingLabel("primary_care"), "Primary care"},
		{v.SpecialtyLabel("speech_and_language"), "Speech and language therapy"},
		{v.NationLabel("northern_ireland"), "Northern Ireland"},
		{v.NationLabel("atlantis"), "atlantis"},
	}
	for _, c := range cases {
		if c.got != c.want {
			t.Errorf("label = %q, want %q", c.got, c.want)
		}
	}
}

// Not parallel: were the lists not copies, this would change the package's own
// vocabulary under the tests running beside it.
func TestVocabulariesAreCopies(t *testing.T) {
	svc := &assessment.Service{}
	v := svc.Vocabularies()
	v.Settings[0].Key = "changed"
	if svc.Vocabularies().Settings[0].Key == "changed" {
		t.Error("changing a returned list changed the vocabulary")
	}
}

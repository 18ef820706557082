package questionnaire_test

import (
	"testing"

	"vcready/internal/questionnaire"
	"vcready/questionnaires"
)

// shippedHashes are the hashes stored with assessments in databases today. A change here
// orphans every stored assessment of that version: never update one to make this pass;
// fix the canonical form instead (a changed questionnaire needs a new version).
var shippedHashes = []struct{ id, version, hash string }{
	{"vc-readiness", "1.0.0", "6055cf640c5a1ec18156201a6b9d11487509e29fa8090e52e5ba94b7071f230a"},
}

func TestShippedQuestionnaireHash(t *testing.T) {
	t.Parallel()
	s, err := questionnaire.Load(questionnaires.FS())
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range shippedHashes {
		q, ok := s.Version(want.id, want.version)
		if !ok {
			t.Errorf("questionnaire %s %s is not shipped", want.id, want.version)
			continue
		}
		if q.Hash != want.hash {
			t.Errorf("%s %s: Hash = %s, want %s (the value stored with its assessments)", want.id, want.version, q.Hash, want.hash)
		}
	}
}

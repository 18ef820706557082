package assessment_test

import (
	"encoding/json"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"vcready/internal/assessment"
	"vcready/internal/questionnaire"
)

// TestAnswerJSON checks the shape the web layer serialises: the answer's own fields
// flattened next to who changed it, and an empty checklist kept as "options": [].
func TestAnswerJSON(t *testing.T) {
	t.Parallel()
	at := time.Date(2025, 1, 2, 3, 4, 5, 0, time.UTC)
	cases := []struct {
		name string
		in   questionnaire.Answer
		want string
	}{
		{"level", questionnaire.Answer{ItemID: "eq-01", Level: ptr(0)}, `"item_id":"eq-01","level":0`},
		{"empty checklist", questionnaire.Answer{ItemID: "eq-04", OptionsSet: true}, `"item_id":"eq-04","options":[]`},
		{"checklist", questionnaire.Answer{ItemID: "eq-04", Options: []string{"a"}, OptionsSet: true}, `"item_id":"eq-04","options":["a"]`},
		{"status", questionnaire.Answer{ItemID: "in-03", Status: "not_applicable"}, `"item_id":"in-03","status":"not_applicable"`},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			b, err := json.Marshal(assessment.Answer{Answer: c.in, UpdatedBy: "u-1", UpdatedAt: at})
			if err != nil {
				t.Fatal(err)
			}
			want := `{` + c.want + `,"updated_by":"u-1","updated_at":"2025-01-02T03:04:05Z"}`
			var gotV, wantV any
			if err := json.Unmarshal(b, &gotV); err != nil {
				t.Fatal(err)
			}
			if err := json.Unmarshal([]byte(want), &wantV); err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(wantV, gotV); diff != "" {
				t.Errorf("JSON %s (-want +got):\n%s", b, diff)
			}
		})
	}
}

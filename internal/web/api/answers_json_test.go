package api

import (
	"encoding/json"
	"testing"
	"time"

	"vcready/internal/assessment"
	"vcready/internal/questionnaire"
)

// TestAnswerJSON checks the bytes of one saved answer: the answer's own value next to
// who changed it, in UTC, and an empty checklist kept as "options": [].
func TestAnswerJSON(t *testing.T) {
	at := time.Date(2025, 1, 2, 4, 4, 5, 0, time.FixedZone("CET", 3600))
	zero, text := 0, ""
	cases := []struct {
		name  string
		in    questionnaire.Answer
		email string
		want  string
	}{
		{"level", questionnaire.Answer{ItemID: "eq-01", Level: &zero}, "", `"item_id":"eq-01","level":0`},
		{"empty checklist", questionnaire.Answer{ItemID: "eq-04", OptionsSet: true}, "", `"item_id":"eq-04"`},
		{"checklist", questionnaire.Answer{ItemID: "eq-04", Options: []string{"a"}, OptionsSet: true}, "", `"item_id":"eq-04"`},
		{"status", questionnaire.Answer{ItemID: "in-03", Status: "not_applicable"}, "", `"item_id":"in-03","status":"not_applicable"`},
		{"empty text", questionnaire.Answer{ItemID: "sl-09", Text: &text}, "", `"item_id":"sl-09","text":""`},
		{"with email", questionnaire.Answer{ItemID: "eq-08", Option: "x"}, "u@example.org", `"item_id":"eq-08","option":"x"`},
	}
	tails := map[string]string{"empty checklist": `,"options":[]`, "checklist": `,"options":["a"]`}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			b, err := json.Marshal(newAnswerJSON(assessment.Answer{Answer: c.in, UpdatedBy: "u-1", UpdatedByEmail: c.email, UpdatedAt: at}))
			if err != nil {
				t.Fatal(err)
			}
			email := ""
			if c.email != "" {
				email = `,"updated_by_email":"` + c.email + `"`
			}
			want := `{` + c.want + `,"updated_by":"u-1"` + email + `,"updated_at":"2025-01-02T03:04:05Z"` + tails[c.name] + `}`
			if string(b) != want {
				t.Errorf("JSON\n got %s\nwant %s", b, want)
			}
		})
	}
}

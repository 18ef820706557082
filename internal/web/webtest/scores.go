package webtest

import (
	"fmt"
	"net/http"
	"slices"
	"strings"
	"time"

	"vcready/internal/questionnaire"
)

// ScoredAnswersJSON answers every scored item of q at its maximum when its
// consideration is in full and "dont_know" (which counts as 0) otherwise, so each
// consideration scores exactly 100 or 0 and the overall (considerations weigh 1 each)
// is 100 * len(full) / 6: figures a test can check by hand.
func ScoredAnswersJSON(q *questionnaire.Questionnaire, full ...string) string {
	var parts []string
	for _, c := range q.Considerations {
		for _, it := range c.Items {
			if !it.Scored() {
				continue
			}
			v := `"status": "dont_know"`
			if slices.Contains(full, c.Key) {
				v = maxAnswer(it)
			}
			parts = append(parts, fmt.Sprintf(`{"item_id": %q, %s}`, it.ID, v))
		}
	}
	return `{"answers": [` + strings.Join(parts, ", ") + `]}`
}

func maxAnswer(it questionnaire.Item) string {
	switch it.Type {
	case questionnaire.TypeChoice:
		best := it.Options[0]
		for _, o := range it.Options {
			if o.Score > best.Score {
				best = o
			}
		}
		return fmt.Sprintf(`"option": %q`, best.ID)
	case questionnaire.TypeChecklist:
		ids := make([]string, len(it.Options))
		for i, o := range it.Options {
			ids[i] = fmt.Sprintf("%q", o.ID)
		}
		return `"options": [` + strings.Join(ids, ", ") + `]`
	}
	return `"level": 4`
}

// SubmitScoredAt starts, answers (ScoredAnswersJSON with full) and submits an
// assessment of team as role through the API, with the service's clock at at, so the
// assessment's submitted_at is at.
func (a *App) SubmitScoredAt(role, teamID string, at time.Time, full ...string) Assessment {
	a.T.Helper()
	now := a.Assessments.Now
	a.Assessments.Now = func() time.Time { return at }
	defer func() { a.Assessments.Now = now }()
	rec := a.API(role, http.MethodPost, "/api/v1/teams/"+teamID+"/assessments", `{}`)
	if rec.Code != http.StatusCreated {
		a.T.Fatalf("create draft: %d %s", rec.Code, rec.Body)
	}
	d := Decode[Assessment](a.T, rec)
	if rec := a.API(role, http.MethodPut, "/api/v1/assessments/"+d.ID+"/answers", ScoredAnswersJSON(Questionnaires().Default(), full...)); rec.Code != 200 {
		a.T.Fatalf("answers: %d %s", rec.Code, rec.Body)
	}
	rec = a.API(role, http.MethodPost, "/api/v1/assessments/"+d.ID+"/submit", "")
	if rec.Code != 200 {
		a.T.Fatalf("submit: %d %s", rec.Code, rec.Body)
	}
	return Decode[Assessment](a.T, rec)
}

package webtest

import (
	"context"
	"fmt"
	"net/http"
	"slices"
	"strings"
	"time"

	"vcready/internal/assessment"
	"vcready/internal/questionnaire"
)

// Assessment is the assessment JSON of the API as a client reads it.
type Assessment struct {
	ID            string `json:"id"`
	TeamID        string `json:"team_id"`
	Questionnaire struct {
		ID, Version, Hash string
	} `json:"questionnaire"`
	Status      string     `json:"status"`
	CreatedAt   time.Time  `json:"created_at"`
	SubmittedAt *time.Time `json:"submitted_at"`
	Answers     []struct {
		ItemID    string    `json:"item_id"`
		Level     *int      `json:"level"`
		Options   *[]string `json:"options"`
		Status    string    `json:"status"`
		UpdatedBy string    `json:"updated_by"`
	} `json:"answers"`
	Scores struct {
		Overall        *float64 `json:"overall"`
		Provisional    bool     `json:"provisional"`
		Considerations []struct {
			Key      string   `json:"key"`
			Score    *float64 `json:"score"`
			Level    *string  `json:"level"`
			Coverage float64  `json:"coverage"`
			Status   string   `json:"status"`
		} `json:"considerations"`
	} `json:"scores"`
}

// AnswersJSON writes one valid answer for every item of q as API JSON, varying the
// values with the item's position. Checklists alternate between some options and
// "options": [] (nothing in place), which must survive the round trip.
// Items in skip are left out.
func AnswersJSON(q *questionnaire.Questionnaire, scoredOnly bool, skip ...string) string {
	var parts []string
	n := 0
	for _, c := range q.Considerations {
		for _, it := range c.Items {
			n++
			var v string
			switch it.Type {
			case questionnaire.TypeScale:
				v = fmt.Sprintf(`"level": %d`, n%5)
			case questionnaire.TypeChoice:
				v = fmt.Sprintf(`"option": %q`, it.Options[n%len(it.Options)].ID)
			case questionnaire.TypeChecklist:
				v = `"options": []`
				if n%2 == 0 {
					v = fmt.Sprintf(`"options": [%q]`, it.Options[0].ID)
				}
			case questionnaire.TypeNumber:
				v = `"number": 37.5`
			case questionnaire.TypeText:
				v = `"text": "We learned a lot."`
			}
			if (scoredOnly && !it.Scored()) || slices.Contains(skip, it.ID) {
				continue
			}
			parts = append(parts, fmt.Sprintf(`{"item_id": %q, %s}`, it.ID, v))
		}
	}
	return `{"answers": [` + strings.Join(parts, ", ") + `]}`
}

// NewDraft starts a draft for team 1 through the API as the member.
func (a *App) NewDraft() Assessment {
	a.T.Helper()
	rec := a.API("member", http.MethodPost, "/api/v1/teams/"+a.Team1.ID+"/assessments", `{}`)
	if rec.Code != http.StatusCreated {
		a.T.Fatalf("create draft: %d %s", rec.Code, rec.Body)
	}
	return Decode[Assessment](a.T, rec)
}

// NewAnswered is a draft with every item answered, ready to submit.
func (a *App) NewAnswered() Assessment {
	a.T.Helper()
	d := a.NewDraft()
	if rec := a.API("member", http.MethodPut, "/api/v1/assessments/"+d.ID+"/answers", AnswersJSON(Questionnaires().Default(), false)); rec.Code != http.StatusOK {
		a.T.Fatalf("answer all: %d %s", rec.Code, rec.Body)
	}
	return d
}

// SubmitVia answers (with body) and submits an assessment of team 1 through the API.
func (a *App) SubmitVia(body string) Assessment {
	a.T.Helper()
	d := a.NewDraft()
	if rec := a.API("member", http.MethodPut, "/api/v1/assessments/"+d.ID+"/answers", body); rec.Code != 200 {
		a.T.Fatalf("answers: %d %s", rec.Code, rec.Body)
	}
	rec := a.API("member", http.MethodPost, "/api/v1/assessments/"+d.ID+"/submit", "")
	if rec.Code != 200 {
		a.T.Fatalf("submit: %d %s", rec.Code, rec.Body)
	}
	return Decode[Assessment](a.T, rec)
}

// SubmitForTeam answers (with body) and submits an assessment of team teamID through
// the API as the admin, for tests that need other teams' results (benchmarks).
func (a *App) SubmitForTeam(teamID, body string) Assessment {
	a.T.Helper()
	rec := a.API("admin", http.MethodPost, "/api/v1/teams/"+teamID+"/assessments", `{}`)
	if rec.Code != http.StatusCreated {
		a.T.Fatalf("create draft: %d %s", rec.Code, rec.Body)
	}
	d := Decode[Assessment](a.T, rec)
	if rec := a.API("admin", http.MethodPut, "/api/v1/assessments/"+d.ID+"/answers", body); rec.Code != http.StatusOK {
		a.T.Fatalf("answers: %d %s", rec.Code, rec.Body)
	}
	if rec = a.API("admin", http.MethodPost, "/api/v1/assessments/"+d.ID+"/submit", ""); rec.Code != http.StatusOK {
		a.T.Fatalf("submit: %d %s", rec.Code, rec.Body)
	}
	return Decode[Assessment](a.T, rec)
}

// AddTeam creates a team in organisation orgID as the admin and returns its id.
func (a *App) AddTeam(orgID, name, setting, specialty, nation string) string {
	a.T.Helper()
	admin := a.Users["admin"].Principal()
	t := Must(a.Assessments.CreateTeam(context.Background(), admin, orgID,
		assessment.TeamInput{Name: name, Setting: setting, Specialty: specialty, Nation: nation}))
	return t.ID
}

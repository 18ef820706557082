package webtest

import (
	"fmt"
	"net/http"
	"strings"

	"vcready/internal/questionnaire"
)

// PublishingOrganisation makes an organisation called name that publishes open data,
// through the API as the admin, and returns its id.
func (a *App) PublishingOrganisation(name string) string {
	a.T.Helper()
	rec := a.API("admin", http.MethodPost, "/api/v1/organisations", fmt.Sprintf(`{"name": %q}`, name))
	if rec.Code != http.StatusCreated {
		a.T.Fatalf("create organisation: %d %s", rec.Code, rec.Body)
	}
	id := Decode[struct{ ID string }](a.T, rec).ID
	if rec := a.API("admin", http.MethodPatch, "/api/v1/organisations/"+id, `{"publish_open_data": true}`); rec.Code != http.StatusOK {
		a.T.Fatalf("publish open data: %d %s", rec.Code, rec.Body)
	}
	return id
}

// SubmittedTeam makes a team of organisation org and submits one assessment for it
// through the API as the admin, every scored item answered at about level (0..4), and
// returns the team's id.
func (a *App) SubmittedTeam(org, name, setting, nation string, level int) string {
	a.T.Helper()
	body := fmt.Sprintf(`{"name": %q, "setting": %q, "specialty": "podiatry", "nation": %q}`, name, setting, nation)
	rec := a.API("admin", http.MethodPost, "/api/v1/organisations/"+org+"/teams", body)
	if rec.Code != http.StatusCreated {
		a.T.Fatalf("create team: %d %s", rec.Code, rec.Body)
	}
	team := Decode[struct{ ID string }](a.T, rec).ID
	a.SubmitFor(team, level)
	return team
}

// SubmitFor submits a new assessment of team through the API as the admin, every
// scored item answered at about level (0..4).
func (a *App) SubmitFor(team string, level int) {
	a.T.Helper()
	rec := a.API("admin", http.MethodPost, "/api/v1/teams/"+team+"/assessments", `{}`)
	if rec.Code != http.StatusCreated {
		a.T.Fatalf("create assessment: %d %s", rec.Code, rec.Body)
	}
	id := Decode[struct{ ID string }](a.T, rec).ID
	if rec := a.API("admin", http.MethodPut, "/api/v1/assessments/"+id+"/answers", answersAt(Questionnaires().Default(), level)); rec.Code != http.StatusOK {
		a.T.Fatalf("answers: %d %s", rec.Code, rec.Body)
	}
	if rec := a.API("admin", http.MethodPost, "/api/v1/assessments/"+id+"/submit", ""); rec.Code != http.StatusOK {
		a.T.Fatalf("submit: %d %s", rec.Code, rec.Body)
	}
}

// answersAt answers every scored item of q at about level: scale items at the level,
// choices with the level's option (or the last), checklists with that many options.
func answersAt(q *questionnaire.Questionnaire, level int) string {
	var parts []string
	for _, c := range q.Considerations {
		for _, it := range c.Items {
			var v string
			switch it.Type {
			case questionnaire.TypeScale:
				v = fmt.Sprintf(`"level": %d`, level)
			case questionnaire.TypeChoice:
				v = fmt.Sprintf(`"option": %q`, it.Options[min(level, len(it.Options)-1)].ID)
			case questionnaire.TypeChecklist:
				var ids []string
				for _, o := range it.Options[:min(level, len(it.Options))] {
					ids = append(ids, fmt.Sprintf("%q", o.ID))
				}
				v = `"options": [` + strings.Join(ids, ", ") + `]`
			default:
				continue
			}
			parts = append(parts, fmt.Sprintf(`{"item_id": %q, %s}`, it.ID, v))
		}
	}
	return `{"answers": [` + strings.Join(parts, ", ") + `]}`
}

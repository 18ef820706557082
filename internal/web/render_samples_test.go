package web

import (
	"html/template"

	"vcready/internal/assessment"
	"vcready/internal/web/webtest"
	"vcready/static"
)

// sampleContent gives each page template data of the shape its handler passes, so
// TestEveryTemplateRenders exercises real paths through the template. Pages whose
// Content is a plain message or nil are absent.
func sampleContent(name string) any {
	switch name {
	case "error":
		return "Something went wrong."
	case "scoring":
		return buildScoringExample()
	case "sign-in":
		return signInView{Email: "a@example.org", Next: "/teams/x"}
	case "setup":
		return setupView{Token: "t", Email: "a@example.org"}
	case "invitation":
		return invitationView{Token: "t", Email: "a@example.org", Where: "Team, Org", RoleText: "a team member"}
	case "invite":
		return inviteFormView{OrganisationID: "o", OrganisationName: "Org", Role: "member", Teams: []termView{{"t", "Team"}}}
	case "invitation-created":
		return invitationCreatedView{Email: "a@example.org", Link: "http://x/invitations/t", Expires: "1 January 2027"}
	case "team-form":
		return teamFormView{Action: "/x", Name: "Team", Settings: []termView{{"community", "Community"}}}
	case "admin":
		return adminView{Organisations: []assessment.Organisation{{ID: "o", Name: "Org", Demo: true}}, Backups: true}
	case "organisation":
		return organisationView{Organisation: assessment.Organisation{ID: "o", Name: "Org"},
			Teams:       []teamRow{{"t", "Team", "Community", "Physiotherapy", "England"}},
			Members:     []memberRow{{ID: "u", Name: "A", Email: "a@example.org", Role: "Team member", Team: "Team", Removable: true}},
			Invitations: []invitationRow{{"b@example.org", "member of Team", "1 January 2027"}}}
	case "team":
		return sampleTeam()
	case "comparison":
		return sampleComparison()
	case "organisation-settings":
		return organisationSettingsView{Organisation: assessment.Organisation{ID: "o", Name: "Org"}, Share: true}
	case "assessment":
		return sampleTaskList()
	case "assessment-consideration":
		return sampleConsideration()
	case "assessment-check":
		return sampleCheck()
	case "results":
		return sampleResults()
	case "plan":
		return samplePlan()
	case "action-edit":
		return sampleActionForm()
	case "audit":
		return []auditRow{{At: "2026-01-01 10:00:00", Actor: "a@example.org", Action: "sign_in", IP: "127.0.0.1"}}
	case "backups":
		return backupsView{Dir: "/data/backups", Backups: []backupRow{{"vcready-20261201T162300Z.db", "216 KB", "1 December 2026 16:23:00"}}}
	case "remove-person":
		return removePersonView{OrganisationID: "o", OrganisationName: "Org", UserID: "u", Name: "A", Email: "a@example.org"}
	case "link-problem":
		return "This invitation link has expired."
	case "questionnaire":
		return webtest.Questionnaires().Default()
	case "open-data":
		return sampleOpenData()
	}
	return nil
}

// templateEscape escapes s as html/template does in text, for "page contains" checks.
func templateEscape(s string) string {
	return template.HTMLEscapeString(s)
}

func staticVersion() string { return static.Version() }

package web

import (
	"net/http"
	"slices"

	"github.com/labstack/echo/v4"

	"vcready/internal/assessment"
	"vcready/internal/report"
	"vcready/internal/web/api"
)

// A submitted assessment's action plan: what to do first, every action by area, what
// the plan would do to the scores, the previous plan's actions now resolved, and the
// exports. The same people see it as see the results.
func (s *Server) routesPlan() {
	s.e.GET("/assessments/:id/plan", s.handlePlan)
	s.e.POST("/assessments/:id/plan/resolved/:action", s.handlePlanResolvedDone)
	s.e.GET("/actions/:id/edit", s.handleActionEditForm)
	s.e.POST("/actions/:id/edit", s.handleActionSave)
}

// planNotices are the success messages the plan page may show after a redirect; only
// these keys work, as with notices.
var planNotices = map[string]string{
	"action-saved":  "Action saved",
	"resolved-done": "Action marked as done",
}

func planHref(id string) string { return "/assessments/" + id + "/plan" }

// handlePlan shows the plan, filtered by ?status= and ?owner= when given. A draft
// has no plan yet: its task list is where the team can finish it.
func (s *Server) handlePlan(c echo.Context) error {
	ac, err := s.loadAssessment(c)
	if err != nil {
		return err
	}
	if ac.a.Status != assessment.StatusSubmitted {
		return c.Redirect(http.StatusSeeOther, assessmentHref(ac.a.ID))
	}
	ctx := c.Request().Context()
	plan, err := s.deps.Assessments.Plan(ctx, ac.p, ac.a.ID)
	if err != nil {
		return err
	}
	doc := api.PlanDocument(ac.a, plan, ac.q, ac.team.Name, "", s.deps.Assessments.Now())
	f := planFilter{Status: c.QueryParam("status"), Owner: c.QueryParam("owner")}
	if !slices.Contains(assessment.ActionStatuses, f.Status) {
		f.Status = "" // a hand-made link's unknown status filters nothing
	}
	v := newPlanView(ac, plan, doc, f, s.historyNames(c, plan.Actions))
	return s.render(c, http.StatusOK, "plan", Page{Title: "Your action plan", Nav: "home",
		Notice: planNotices[c.QueryParam("notice")], Content: v})
}

// handlePlanResolvedDone marks one of the previous plan's resolved actions done.
func (s *Server) handlePlanResolvedDone(c echo.Context) error {
	p, err := requireUser(c)
	if err != nil {
		return err
	}
	id := c.Param("id")
	if _, err := s.deps.Assessments.MarkResolvedDone(c.Request().Context(), p, id, c.Param("action")); err != nil {
		return err
	}
	return c.Redirect(http.StatusSeeOther, planHref(id)+"?notice=resolved-done#resolved")
}

// historyNames names the people in the actions' history as the viewer may know them:
// "you", or the person's name when the viewer may see their account (leads and
// admins), otherwise "another user". The plan store keeps user ids only.
func (s *Server) historyNames(c echo.Context, acts []assessment.Action) map[string]string {
	p := principal(c)
	names := map[string]string{}
	for _, a := range acts {
		for _, h := range a.History {
			if _, ok := names[h.By]; ok {
				continue
			}
			names[h.By] = "Another user"
			if p != nil && h.By == p.UserID {
				names[h.By] = "You"
			} else if s.deps.Accounts != nil {
				if u, err := s.deps.Accounts.GetUser(c.Request().Context(), p, h.By); err == nil {
					names[h.By] = firstNonEmpty(u.Name, u.Email)
				}
			}
		}
	}
	return names
}

func firstNonEmpty(xs ...string) string {
	for _, x := range xs {
		if x != "" {
			return x
		}
	}
	return ""
}

// planFilter is what the filter form asks for; "" is any.
type planFilter struct{ Status, Owner string }

func (f planFilter) keeps(a assessment.Action) bool {
	return (f.Status == "" || a.Status == f.Status) && (f.Owner == "" || a.Owner == f.Owner)
}

// ownerOptions are the owners the plan's actions name, in the order they first come.
func ownerOptions(acts []assessment.Action, selected string) []option {
	var seen []string
	for _, a := range acts {
		if a.Owner != "" && !slices.Contains(seen, a.Owner) {
			seen = append(seen, a.Owner)
		}
	}
	if selected != "" && !slices.Contains(seen, selected) {
		seen = append(seen, selected) // an owner no action has now still shows as chosen
	}
	out := []option{{Value: "", Label: "Anyone", Selected: selected == ""}}
	for _, o := range seen {
		out = append(out, option{Value: o, Label: o, Selected: o == selected})
	}
	return out
}

func statusOptions(selected string, any string) []option {
	var out []option
	if any != "" {
		out = append(out, option{Value: "", Label: any, Selected: selected == ""})
	}
	for _, st := range assessment.ActionStatuses {
		out = append(out, option{Value: st, Label: report.ActionStatusLabel(st), Selected: st == selected})
	}
	return out
}

// statusClasses colour the status tags; the label is always written, so colour is
// never the only cue.
var statusClasses = map[string]string{
	assessment.ActionNotStarted: "nhsuk-tag--grey",
	assessment.ActionInProgress: "nhsuk-tag--blue",
	assessment.ActionDone:       "nhsuk-tag--green",
	assessment.ActionDropped:    "nhsuk-tag--white",
}

// exportLink is one download of the plan; the export endpoints live in the API.
type exportLink struct{ Href, Text string }

func planExports(id string) []exportLink {
	base := "/api/v1/assessments/" + id + "/action-plan."
	return []exportLink{
		{base + "csv", "Download as CSV (spreadsheet)"},
		{base + "xlsx", "Download as Excel (.xlsx)"},
		{base + "pdf", "Download as PDF"},
		{base + "md", "Download as Markdown (.md)"},
		{base + "ics", "Add due dates to your calendar (.ics)"},
	}
}

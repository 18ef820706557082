package api

import (
	"io"
	"mime"

	"github.com/labstack/echo/v4"

	"vcready/internal/assessment"
	"vcready/internal/report"
)

// The export endpoints: an organisation's submitted assessments, and its comparison,
// as files to download.

func (s *server) routesExports(g *echo.Group) {
	g.GET("/organisations/:id/assessments.csv", s.handleAssessmentsExport(csvFormat))
	g.GET("/organisations/:id/assessments.xlsx", s.handleAssessmentsExport(xlsxFormat))
	g.GET("/organisations/:id/comparison.csv", s.handleComparisonExport(csvFormat))
	g.GET("/organisations/:id/comparison.xlsx", s.handleComparisonExport(xlsxFormat))
}

// handleComparisonExport answers with the organisation's comparison (one row per team
// matching the same filters as the comparison) as a file in format f. Audited like
// every export.
func (s *server) handleComparisonExport(f exportFormat[report.Table]) echo.HandlerFunc {
	return func(c echo.Context) error {
		p, err := requireUser(c)
		if err != nil {
			return err
		}
		ctx := c.Request().Context()
		cmp, err := s.deps.Assessments.Compare(ctx, p, c.Param("id"), comparisonFilter(c))
		if err != nil {
			return err
		}
		org, err := s.deps.Assessments.GetOrganisation(ctx, p, cmp.OrganisationID)
		if err != nil {
			return err
		}
		s.deps.Accounts.RecordExport(ctx, p, org.ID, "comparison."+f.ext)
		name := report.ComparisonFileName(org.Name, s.deps.Assessments.Now(), f.ext)
		return download(c, f, name, comparisonTable(s.considerationKeys(cmp), cmp))
	}
}

// considerationKeys are the comparison's consideration columns: the default
// questionnaire's, then any other key a team's latest result has, in the order met.
func (s *server) considerationKeys(cmp assessment.Comparison) []string {
	var keys []string
	seen := map[string]bool{}
	add := func(k string) {
		if !seen[k] {
			seen[k] = true
			keys = append(keys, k)
		}
	}
	if q, ok := s.deps.Questionnaires.Find(""); ok {
		for _, c := range q.Considerations {
			add(c.Key)
		}
	}
	for _, r := range cmp.Teams {
		if r.Latest != nil {
			for _, c := range r.Latest.Scores.Considerations {
				add(c.Key)
			}
		}
	}
	return keys
}

// comparisonTable turns the service's comparison into the report's plain inputs.
func comparisonTable(keys []string, cmp assessment.Comparison) report.Table {
	teams := make([]report.ComparedTeam, len(cmp.Teams))
	for i, r := range cmp.Teams {
		t := report.ComparedTeam{Team: r.Team.Name, Setting: r.Team.Setting, Specialty: r.Team.Specialty, Nation: r.Team.Nation}
		if r.Latest != nil {
			t.AssessmentID, t.SubmittedAt, t.Latest = r.Latest.AssessmentID, r.Latest.SubmittedAt, &r.Latest.Scores
		}
		if r.Previous != nil {
			t.PreviousSubmittedAt = &r.Previous.SubmittedAt
		}
		if r.Change != nil {
			t.ChangeOverall, t.ChangeConsiderations = r.Change.Overall, r.Change.Considerations
		}
		teams[i] = t
	}
	return report.ComparisonTable("Comparison", keys, teams)
}

// exportFormat is a file format an export is offered in, written from a D: a
// report.Table for the organisation exports, a report.PlanDocument for the plan's.
type exportFormat[D any] struct {
	ext, contentType string
	write            func(io.Writer, D) error
}

var (
	csvFormat  = exportFormat[report.Table]{"csv", "text/csv; charset=utf-8", report.WriteCSV}
	xlsxFormat = exportFormat[report.Table]{"xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", report.WriteXLSX}
)

// handleAssessmentsExport answers with every submitted assessment of the organisation
// as a file in format f, named after the organisation and today's date. The download
// goes to the audit log: it takes every team's answers out of vcready.
func (s *server) handleAssessmentsExport(f exportFormat[report.Table]) echo.HandlerFunc {
	return func(c echo.Context) error {
		p, err := requireUser(c)
		if err != nil {
			return err
		}
		ex, err := s.deps.Assessments.ExportAssessments(c.Request().Context(), p, c.Param("id"))
		if err != nil {
			return err
		}
		s.deps.Accounts.RecordExport(c.Request().Context(), p, ex.Organisation.ID, "assessments."+f.ext)
		name := report.AssessmentsFileName(ex.Organisation.Name, s.deps.Assessments.Now(), f.ext)
		return download(c, f, name, assessmentsTable(ex))
	}
}

// download writes doc in format f as an attachment called name. The file name goes
// through mime.FormatMediaType, which quotes it and uses the RFC 2231 filename* form
// for names outside ASCII. An export holds an organisation's data, so no cache
// keeps a copy.
func download[D any](c echo.Context, f exportFormat[D], name string, doc D) error {
	h := c.Response().Header()
	h.Set(echo.HeaderContentType, f.contentType)
	h.Set(echo.HeaderContentDisposition, mime.FormatMediaType("attachment", map[string]string{"filename": name}))
	h.Set("Cache-Control", "no-store")
	if err := f.write(c.Response(), doc); err != nil {
		if !c.Response().Committed { // nothing sent: the error handler answers instead
			h.Del(echo.HeaderContentType) // echo keeps a Content-Type already set
			h.Del(echo.HeaderContentDisposition)
		}
		return err
	}
	return nil
}

// assessmentsTable turns the service's export into the report's plain inputs.
func assessmentsTable(ex assessment.Export) report.Table {
	rows := make([]report.SubmittedAssessment, len(ex.Assessments))
	for i, a := range ex.Assessments {
		t := ex.Teams[a.TeamID]
		row := report.SubmittedAssessment{Team: t.Name, Setting: t.Setting, Specialty: t.Specialty,
			Nation: t.Nation, ID: a.ID, QuestionnaireID: a.Questionnaire.ID,
			QuestionnaireVersion: a.Questionnaire.Version, Scores: a.Scores}
		if a.SubmittedAt != nil {
			row.SubmittedAt = *a.SubmittedAt
		}
		for _, ans := range a.Answers {
			row.Answers = append(row.Answers, ans.Answer)
		}
		rows[i] = row
	}
	return report.AssessmentsTable("Assessments", ex.Questionnaires, rows)
}

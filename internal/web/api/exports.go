package api

import (
	"io"
	"mime"

	"github.com/labstack/echo/v4"

	"vcready/internal/assessment"
	"vcready/internal/report"
)

// The export endpoints: an organisation's submitted assessments as files to download.

func (s *server) routesExports(g *echo.Group) {
	g.GET("/organisations/:id/assessments.csv", s.handleAssessmentsExport(csvFormat))
	g.GET("/organisations/:id/assessments.xlsx", s.handleAssessmentsExport(xlsxFormat))
}

// exportFormat is a file format an export is offered in.
type exportFormat struct {
	ext, contentType string
	write            func(io.Writer, report.Table) error
}

var (
	csvFormat  = exportFormat{"csv", "text/csv; charset=utf-8", report.WriteCSV}
	xlsxFormat = exportFormat{"xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", report.WriteXLSX}
)

// handleAssessmentsExport answers with every submitted assessment of the organisation
// as a file in format f, named after the organisation and today's date. The download
// goes to the audit log: it takes every team's answers out of vcready.
func (s *server) handleAssessmentsExport(f exportFormat) echo.HandlerFunc {
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

// download writes t in format f as an attachment called name. The file name goes
// through mime.FormatMediaType, which quotes it and uses the RFC 2231 filename* form
// for names outside ASCII. An export holds an organisation's data, so no cache
// keeps a copy.
func download(c echo.Context, f exportFormat, name string, t report.Table) error {
	h := c.Response().Header()
	h.Set(echo.HeaderContentType, f.contentType)
	h.Set(echo.HeaderContentDisposition, mime.FormatMediaType("attachment", map[string]string{"filename": name}))
	h.Set("Cache-Control", "no-store")
	if err := f.write(c.Response(), t); err != nil {
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

package api

import (
	"io"

	"github.com/labstack/echo/v4"

	"vcready/internal/report"
)

// The action plan as files to download (API.md): the same document in every format,
// so a spreadsheet, a printout and a calendar never disagree about the plan.

// planFormats are the formats a plan downloads in, by extension.
var planFormats = []exportFormat[report.PlanDocument]{
	planFormat("csv", report.WritePlanCSV),
	planFormat("xlsx", report.WritePlanXLSX),
	planFormat("pdf", report.WritePlanPDF),
	planFormat("md", report.WritePlanMarkdown),
	planFormat("ics", report.WritePlanICS),
}

// planFormat is the plan format for ext, served as the report's content type for it.
func planFormat(ext string, write func(io.Writer, report.PlanDocument) error) exportFormat[report.PlanDocument] {
	return exportFormat[report.PlanDocument]{ext, report.PlanContentTypes[ext], write}
}

func (s *server) routesPlanExports(g *echo.Group) {
	for _, f := range planFormats {
		g.GET("/assessments/:id/action-plan."+f.ext, s.handlePlanExport(f))
	}
}

// handlePlanExport answers with a submitted assessment's action plan as a file in
// format f, named after the team and today's date. Access is the plan's: a draft is
// 409, someone who cannot see the assessment gets 404, both as JSON. The download
// goes to the audit log, as every export does.
func (s *server) handlePlanExport(f exportFormat[report.PlanDocument]) echo.HandlerFunc {
	return func(c echo.Context) error {
		p, err := requireUser(c)
		if err != nil {
			return err
		}
		ctx, now := c.Request().Context(), s.deps.Assessments.Now()
		doc, orgID, err := loadPlanDocument(ctx, s.deps.Assessments, p, c.Param("id"), now)
		if err != nil {
			return err
		}
		s.deps.Accounts.RecordExport(ctx, p, orgID, "action-plan."+f.ext)
		return download(c, f, report.PlanFileName(doc.Team, now, f.ext), doc)
	}
}

package web

import (
	"fmt"
	"net/http"
	"strings"

	"github.com/labstack/echo/v4"

	"vcready/internal/assessment"
	"vcready/internal/chart"
	"vcready/internal/report"
	"vcready/internal/scoring"
)

// The results of a submitted assessment.
func (s *Server) routesResults() {
	s.e.GET("/assessments/:id/results", s.handleResults)
}

// The results page of a submitted assessment: the overall score, each
// consideration's score and maturity level, a radar chart with a table of the same
// numbers, what would move each consideration to the next level and how each score
// was made, so a team can check it by hand.

// resultsView is the results page.
type resultsView struct {
	ID, TeamID, TeamName        string
	QuestionnaireTitle, Version string
	SubmittedOn                 string
	Overall                     *float64
	OverallLevel                string // level key; "" when nothing could be scored
	OverallLevelClass           string
	Chart                       radarView
	Rows                        []resultRow
	Previous                    *previousView // nil when there is no earlier result to compare with
	Details                     []resultDetail
	Compare                     *compareView
}

// previousView is the team's previous submitted assessment of the same questionnaire.
type previousView struct {
	ID, SubmittedOn string
	Overall         *float64
	Change          string // of the overall score
}

// resultRow is one consideration's line of the results table.
type resultRow struct {
	Key, Title                       string
	Score                            *float64
	Level, LevelClass                string
	Coverage                         float64
	Items, Counted, DontKnow, NotApp int
	Insufficient                     bool
	Previous                         *float64
	Change                           string
}

// levelClasses colour the maturity level tags. The NHS tag colours all pass contrast,
// and the level is always written out, so colour is never the only cue.
var levelClasses = map[string]string{
	scoring.LevelGettingStarted: "nhsuk-tag--orange",
	scoring.LevelDeveloping:     "nhsuk-tag--yellow",
	scoring.LevelEstablished:    "nhsuk-tag--aqua-green",
	scoring.LevelEmbedded:       "nhsuk-tag--green",
}

func levelClass(key string) string {
	if c, ok := levelClasses[key]; ok {
		return c
	}
	return "nhsuk-tag--grey"
}

func (s *Server) handleResults(c echo.Context) error {
	ac, err := s.loadAssessment(c)
	if err != nil {
		return err
	}
	if ac.a.Status != assessment.StatusSubmitted {
		return c.Redirect(http.StatusSeeOther, assessmentHref(ac.a.ID))
	}
	prev, err := s.deps.Assessments.Previous(c.Request().Context(), ac.p, ac.a.ID)
	if err != nil {
		return err
	}
	if prev != nil && prev.Questionnaire.ID != ac.a.Questionnaire.ID {
		prev = nil // another questionnaire's scores measure other things
	}
	v := newResultsView(ac, prev)
	if v.Compare, err = s.compareFor(c, ac); err != nil {
		return err
	}
	return s.render(c, http.StatusOK, "results", Page{Title: "Your results", Nav: "home",
		Notice: assessmentNoticeFor(c), Content: v})
}

func newResultsView(ac *assessmentContext, prev *assessment.Assessment) resultsView {
	a := ac.a
	v := resultsView{ID: a.ID, TeamID: ac.team.ID, TeamName: ac.team.Name, Version: a.Questionnaire.Version,
		QuestionnaireTitle: a.Questionnaire.ID, Overall: a.Scores.Overall}
	if ac.q != nil {
		v.QuestionnaireTitle = ac.q.Title
	}
	if a.SubmittedAt != nil {
		v.SubmittedOn = report.Date(*a.SubmittedAt)
	}
	if a.Scores.Overall != nil {
		v.OverallLevel = scoring.LevelOf(*a.Scores.Overall).Key
		v.OverallLevelClass = levelClass(v.OverallLevel)
	}
	prevScores := map[string]*float64{}
	if prev != nil {
		v.Previous = &previousView{ID: prev.ID, Overall: prev.Scores.Overall,
			Change: report.Change(a.Scores.Overall, prev.Scores.Overall)}
		if prev.SubmittedAt != nil {
			v.Previous.SubmittedOn = report.Date(*prev.SubmittedAt)
		}
		for _, c := range prev.Scores.Considerations {
			prevScores[c.Key] = c.Score
		}
	}
	for _, c := range a.Scores.Considerations {
		v.Rows = append(v.Rows, newResultRow(ac, c, prevScores[c.Key], prev != nil))
	}
	v.Chart = resultsChart(v)
	v.Details = resultDetails(ac, v.Rows)
	return v
}

func newResultRow(ac *assessmentContext, c scoring.Consideration, prev *float64, hasPrev bool) resultRow {
	r := resultRow{Key: c.Key, Title: considerationTitle(ac, c.Key), Score: c.Score, Level: c.Level,
		LevelClass: levelClass(c.Level), Coverage: c.Coverage, Items: c.Items, Counted: c.Counted,
		DontKnow: c.DontKnow, NotApp: c.NotApplicable, Insufficient: c.Status == scoring.StatusInsufficient,
		Previous: prev}
	if hasPrev {
		r.Change = report.Change(c.Score, prev)
	}
	return r
}

// considerationTitle is the consideration's title in the questionnaire answered, or a
// short label when that version is no longer loaded.
func considerationTitle(ac *assessmentContext, key string) string {
	if ac.q != nil {
		if qc, ok := ac.q.Consideration(key); ok {
			return qc.Title
		}
	}
	if l, ok := shortConsiderationLabels[key]; ok {
		return l
	}
	return key
}

// resultsChartSize leaves room for the axis labels ("Shared learning") outside the
// outermost ring at the label size the radar partial uses; CSS scales the chart down
// to the column.
const resultsChartSize = 680

func resultsChart(v resultsView) radarView {
	axes := make([]string, len(v.Rows))
	cur := chart.Series{Name: "This assessment (" + v.SubmittedOn + ")"}
	prev := chart.Series{}
	for i, r := range v.Rows {
		axes[i] = r.Title
		if l, ok := shortConsiderationLabels[r.Key]; ok {
			axes[i] = l
		}
		cur.Values = append(cur.Values, r.Score)
		prev.Values = append(prev.Values, r.Previous)
	}
	series := []chart.Series{cur}
	desc := "Radar chart of the score for each area, from 0 at the centre to 100 at the edge. " +
		"This assessment: " + seriesText(v.Rows, func(r resultRow) *float64 { return r.Score }) + "."
	if v.Previous != nil {
		prev.Name = "Previous (" + v.Previous.SubmittedOn + ")"
		series = append(series, prev)
		desc += " Previous assessment, " + v.Previous.SubmittedOn + ", dashed line: " +
			seriesText(v.Rows, func(r resultRow) *float64 { return r.Previous }) + "."
	}
	desc += " The table below gives the same numbers."
	return radarView{ID: "results-chart", Title: "Scores for each area, out of 100", Desc: desc,
		Radar: chart.NewRadar(resultsChartSize, axes, series)}
}

func seriesText(rows []resultRow, score func(resultRow) *float64) string {
	parts := make([]string, len(rows))
	for i, r := range rows {
		parts[i] = fmt.Sprintf("%s %s", r.Title, strings.ToLower(report.Score(score(r))))
	}
	return strings.Join(parts, ", ")
}

package web

import (
	"cmp"
	"net/http"
	"net/url"
	"slices"
	"strings"

	"github.com/labstack/echo/v4"

	"vcready/internal/assessment"
	"vcready/internal/report"
)

// The comparison page for an organisation's leads: its teams side by side, sortable
// and filterable with plain links and a GET form (no JavaScript), the spread of each
// consideration and the organisation's quarterly trend.
func (s *Server) routesComparison() {
	s.e.GET("/organisations/:id/comparison", s.handleComparison)
}

var comparisonLabels = map[string]string{"setting": "Setting", "specialty": "Specialty", "nation": "Nation"}

type comparisonView struct {
	Organisation                   assessment.Organisation
	Filter                         assessment.ComparisonFilter
	Settings, Specialties, Nations []termView
	// Shown is false when the filters were refused: the page shows the form and its
	// errors only.
	Shown     bool
	Filtered  bool
	Sort      comparisonSort
	Columns   []columnView
	Rows      []comparisonRowView
	Spread    spreadView
	Trend     trendView
	ClearHref string
	// ExportQuery carries the filters to the comparison's downloads.
	ExportQuery string
}

// columnView is a sortable column header: its link sorts by it (or reverses the
// order when it is already the sort), and AriaSort marks the sorted one.
type columnView struct {
	Key, Title, Href, AriaSort string
}

type comparisonRowView struct {
	TeamID, Name, Details string
	Submitted             string // the date, or "" when the team has not submitted
	Overall               cellView
	Cells                 []cellView
	Change                string // the overall change in words, "" without a previous assessment (also in Overall)
}

// cellView is one score: the figure, its level in words (the colour band beside it
// only repeats the level), and the change since the previous assessment in words.
type cellView struct {
	Score, Level, LevelLabel, Change string
}

// comparisonSort is a page's sort: a column key and a direction.
type comparisonSort struct{ Key, Dir string }

func (s *Server) handleComparison(c echo.Context) error {
	p, err := requireUser(c)
	if err != nil {
		return err
	}
	ctx, id := c.Request().Context(), c.Param("id")
	org, err := s.deps.Assessments.GetOrganisation(ctx, p, id)
	if err != nil {
		return err
	}
	f := assessment.ComparisonFilter{Setting: c.QueryParam("setting"), Specialty: c.QueryParam("specialty"), Nation: c.QueryParam("nation")}
	v := s.comparisonForm(org, f)
	cmpn, err := s.deps.Assessments.Compare(ctx, p, id, f)
	if err != nil {
		errs, other := formErrors(err, comparisonLabels)
		if other != nil {
			return other
		}
		return s.render(c, http.StatusUnprocessableEntity, "comparison", Page{Title: "Compare teams", Errors: errs, Content: v})
	}
	trend, err := s.deps.Assessments.Trend(ctx, p, id)
	if err != nil {
		return err
	}
	s.fillComparison(&v, cmpn, sortOf(c), trend)
	return s.render(c, http.StatusOK, "comparison", Page{Title: "Compare teams", Nav: "home", Content: v})
}

func (s *Server) comparisonForm(org assessment.Organisation, f assessment.ComparisonFilter) comparisonView {
	voc := s.deps.Assessments.Vocabularies()
	return comparisonView{Organisation: org, Filter: f, Settings: terms(voc.Settings),
		Specialties: terms(voc.Specialties), Nations: terms(voc.Nations),
		Filtered: f != (assessment.ComparisonFilter{}), ClearHref: "/organisations/" + org.ID + "/comparison",
		ExportQuery: filterQuery(f)}
}

// sortOf reads ?sort=&dir=; anything unknown sorts by team name, A to Z (a bad sort
// link hides nothing, so it is not worth an error).
func sortOf(c echo.Context) comparisonSort {
	srt := comparisonSort{Key: c.QueryParam("sort"), Dir: c.QueryParam("dir")}
	if srt.Key == "" {
		srt.Key = "team"
	}
	if srt.Dir != "desc" {
		srt.Dir = "asc"
	}
	return srt
}

func (s *Server) fillComparison(v *comparisonView, cmpn assessment.Comparison, srt comparisonSort, trend assessment.Trend) {
	cons := s.deps.Questionnaires.Default().Considerations
	keys := make([]string, len(cons))
	titles := map[string]string{}
	for i, c := range cons {
		keys[i], titles[c.Key] = c.Key, c.Title
	}
	if srt.Key != "team" && srt.Key != "overall" && srt.Key != "submitted" && titles[srt.Key] == "" {
		srt = comparisonSort{Key: "team", Dir: "asc"}
	}
	v.Shown, v.Sort = true, srt
	v.Columns = columns(v, srt, keys, titles)
	rows := slices.Clone(cmpn.Teams)
	sortRows(rows, srt)
	voc := s.deps.Assessments.Vocabularies()
	for _, r := range rows {
		v.Rows = append(v.Rows, newComparisonRowView(r, keys, voc))
	}
	v.Spread = newSpreadView(cmpn.Distributions(keys), titles)
	v.Trend = newTrendView(trend, keys, titles)
}

// columns are the headers: team, overall, each consideration, date submitted.
func columns(v *comparisonView, srt comparisonSort, keys []string, titles map[string]string) []columnView {
	cols := []columnView{{Key: "team", Title: "Team"}, {Key: "overall", Title: "Overall"}}
	for _, k := range keys {
		cols = append(cols, columnView{Key: k, Title: titles[k]})
	}
	cols = append(cols, columnView{Key: "submitted", Title: "Submitted"})
	for i := range cols {
		col := &cols[i]
		dir := "desc" // highest score or newest first
		if col.Key == "team" {
			dir = "asc"
		}
		if col.Key == srt.Key {
			col.AriaSort = map[string]string{"asc": "ascending", "desc": "descending"}[srt.Dir]
			dir = map[string]string{"asc": "desc", "desc": "asc"}[srt.Dir]
		}
		col.Href = comparisonHref(v.Organisation.ID, v.Filter, comparisonSort{col.Key, dir})
	}
	return cols
}

// comparisonHref is the page's link for a filter and sort.
func comparisonHref(orgID string, f assessment.ComparisonFilter, srt comparisonSort) string {
	q := url.Values{}
	for k, val := range map[string]string{"setting": f.Setting, "specialty": f.Specialty, "nation": f.Nation} {
		if val != "" {
			q.Set(k, val)
		}
	}
	q.Set("sort", srt.Key)
	q.Set("dir", srt.Dir)
	return "/organisations/" + orgID + "/comparison?" + q.Encode()
}

// sortRows orders rows by srt; a team without a score for the column always comes
// last, and ties go by name.
func sortRows(rows []assessment.ComparisonRow, srt comparisonSort) {
	slices.SortStableFunc(rows, func(a, b assessment.ComparisonRow) int {
		byName := cmp.Compare(strings.ToLower(a.Team.Name), strings.ToLower(b.Team.Name))
		if srt.Key == "team" {
			if srt.Dir == "desc" {
				return -byName
			}
			return byName
		}
		x, y := sortValue(a, srt.Key), sortValue(b, srt.Key)
		switch {
		case x == nil && y == nil:
			return byName
		case x == nil:
			return 1
		case y == nil:
			return -1
		}
		d := cmp.Compare(*x, *y)
		if srt.Dir == "desc" {
			d = -d
		}
		if d == 0 {
			return byName
		}
		return d
	})
}

// sortValue is what a row sorts by in column key: the shown (rounded) score, or the
// submission time; nil when there is none.
func sortValue(r assessment.ComparisonRow, key string) *float64 {
	if r.Latest == nil {
		return nil
	}
	switch key {
	case "overall":
		return r.Latest.Scores.Overall
	case "submitted":
		t := float64(r.Latest.SubmittedAt.UnixMicro())
		return &t
	}
	for _, c := range r.Latest.Scores.Considerations {
		if c.Key == key {
			return c.Score
		}
	}
	return nil
}

func newComparisonRowView(r assessment.ComparisonRow, keys []string, voc assessment.Vocabularies) comparisonRowView {
	v := comparisonRowView{TeamID: r.Team.ID, Name: r.Team.Name,
		Details: voc.SettingLabel(r.Team.Setting) + ", " + voc.SpecialtyLabel(r.Team.Specialty) + ", " + voc.NationLabel(r.Team.Nation)}
	if r.Latest == nil {
		return v
	}
	v.Submitted = report.Date(r.Latest.SubmittedAt)
	var prevOverall *float64
	prev := map[string]*float64{}
	if r.Previous != nil {
		prevOverall = r.Previous.Scores.Overall
		for _, c := range r.Previous.Scores.Considerations {
			prev[c.Key] = c.Score
		}
		v.Change = report.Change(r.Latest.Scores.Overall, prevOverall)
	}
	v.Overall = overallCell(r.Latest.Scores.Overall)
	v.Overall.Change = v.Change
	for _, k := range keys {
		cell := cellView{Score: report.NoScore}
		for _, c := range r.Latest.Scores.Considerations {
			if c.Key == k {
				cell = newCell(c.Score, c.Level, prev[k])
			}
		}
		if r.Previous == nil {
			cell.Change = ""
		}
		v.Cells = append(v.Cells, cell)
	}
	return v
}

func newCell(score *float64, level string, prev *float64) cellView {
	c := cellView{Score: report.Score(score), Level: level, Change: report.Change(score, prev)}
	if level != "" {
		c.LevelLabel = report.Level(level)
	}
	return c
}

// latestScore is a team's latest overall score as the organisation page lists it.
type latestScore struct {
	Score, Level, LevelLabel, Date string
}

// latestScores maps each team that has submitted to its latest overall score.
func latestScores(rows []assessment.ComparisonRow) map[string]*latestScore {
	out := map[string]*latestScore{}
	for _, r := range rows {
		if r.Latest == nil {
			continue
		}
		c := overallCell(r.Latest.Scores.Overall)
		out[r.Team.ID] = &latestScore{Score: c.Score, Level: c.Level, LevelLabel: c.LevelLabel, Date: report.Date(r.Latest.SubmittedAt)}
	}
	return out
}

// overallCell is an overall score with its level (taken from the score: the stored
// result keeps no overall level).
func overallCell(score *float64) cellView {
	c := cellView{Score: report.Score(score)}
	if score != nil {
		c.Level = levelKey(*score)
		c.LevelLabel = report.Level(c.Level)
	}
	return c
}

// filterQuery is f as a query string ("?setting=community"), "" without filters.
func filterQuery(f assessment.ComparisonFilter) string {
	q := url.Values{}
	for k, v := range map[string]string{"setting": f.Setting, "specialty": f.Specialty, "nation": f.Nation} {
		if v != "" {
			q.Set(k, v)
		}
	}
	if len(q) == 0 {
		return ""
	}
	return "?" + q.Encode()
}

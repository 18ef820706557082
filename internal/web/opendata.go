package web

import (
	"net/http"
	"strings"

	"github.com/labstack/echo/v4"

	"vcready/internal/assessment"
	"vcready/internal/report"
)

// The open-data page: the public, anonymous aggregate (SCORING.md "Open data") and
// how it is made, with links to the same figures as CSV and JSON.
func (s *Server) routesOpenData() {
	s.e.GET("/open-data", s.handleOpenData)
}

// openDataView is the page's content: one table per questionnaire and major version.
type openDataView struct {
	SnapshotDate string
	MinTeams     int
	Tables       []openDataTable
}

// openDataTable is one questionnaire's groups (rows) by considerations (columns).
type openDataTable struct {
	ID, Title string
	Major     int
	Columns   []string
	Rows      []openDataRow
}

type openDataRow struct {
	Group      string
	N          int
	Suppressed bool
	Cells      []openDataCell // one per column; none when suppressed
}

// openDataCell is one consideration's figures; Suppressed cells show why there are none.
type openDataCell struct {
	N                int
	Suppressed       bool
	Median, P25, P75 string
}

func (s *Server) handleOpenData(c echo.Context) error {
	od, err := s.deps.Assessments.OpenDataBenchmarks(c.Request().Context())
	if err != nil {
		return err
	}
	v := openDataView{SnapshotDate: report.Date(od.SnapshotDate), MinTeams: assessment.OpenDataMinTeams}
	for _, q := range od.Questionnaires {
		v.Tables = append(v.Tables, s.openDataTable(q))
	}
	return s.render(c, http.StatusOK, "open-data", Page{Title: "Open data: how ready teams are for video consultations", Content: v})
}

// openDataTable lays out one questionnaire, naming its considerations as the newest
// loaded version of its major version does (a key when none is loaded).
func (s *Server) openDataTable(q assessment.OpenDataQuestionnaire) openDataTable {
	t := openDataTable{ID: q.ID, Title: q.ID, Major: q.Major}
	def, ok := s.deps.Assessments.NewestOfMajor(q.ID, q.Major)
	if ok {
		t.Title = def.Title
	}
	keys := openDataKeys(q)
	if len(keys) == 0 && ok {
		// Every group is suppressed: still name the columns its rows span.
		for _, c := range def.Considerations {
			keys = append(keys, c.Key)
		}
	}
	for _, k := range keys {
		title := k
		if ok {
			if c, found := def.Consideration(k); found {
				title = c.Title
			}
		}
		t.Columns = append(t.Columns, title)
	}
	if len(t.Columns) == 0 {
		t.Columns = []string{"Scores"} // a row's colspan must be at least 1
	}
	for _, g := range q.Groups {
		t.Rows = append(t.Rows, s.openDataRow(g, keys))
	}
	return t
}

// openDataKeys are the considerations of the groups shown, in their order.
func openDataKeys(q assessment.OpenDataQuestionnaire) []string {
	for _, g := range q.Groups {
		if !g.Suppressed {
			keys := make([]string, len(g.Considerations))
			for i, f := range g.Considerations {
				keys[i] = f.Key
			}
			return keys
		}
	}
	return nil
}

func (s *Server) openDataRow(g assessment.OpenDataGroup, keys []string) openDataRow {
	r := openDataRow{Group: s.openDataGroupName(g.Group), N: g.N, Suppressed: g.Suppressed}
	if g.Suppressed {
		return r
	}
	figures := map[string]assessment.OpenDataFigures{}
	for _, f := range g.Considerations {
		figures[f.Key] = f
	}
	for _, k := range keys {
		f := figures[k]
		r.Cells = append(r.Cells, openDataCell{N: f.N, Suppressed: f.Suppressed || f.N == 0,
			Median: report.Score(&f.Median), P25: report.Score(&f.P25), P75: report.Score(&f.P75)})
	}
	return r
}

// openDataGroupName is how a group reads: "All teams", "Setting: Community", "Nation:
// Wales".
func (s *Server) openDataGroupName(group string) string {
	v := s.deps.Assessments.Vocabularies()
	if key, ok := strings.CutPrefix(group, "setting:"); ok {
		return "Setting: " + v.SettingLabel(key)
	}
	if key, ok := strings.CutPrefix(group, "nation:"); ok {
		return "Nation: " + v.NationLabel(key)
	}
	return "All teams"
}

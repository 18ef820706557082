package api

import (
	"io"
	"mime"
	"net/http"
	"strconv"
	"time"

	"github.com/labstack/echo/v4"

	"vcready/internal/assessment"
	"vcready/internal/report"
)

// The open data (SCORING.md "Open data"): the public, anonymous aggregate of the teams
// whose organisations opt in, as JSON and as CSV. Anyone may read it, signed in or not.

func (s *server) routesOpenData(g *echo.Group) {
	g.GET("/open-data/benchmarks", s.handleOpenDataGet)
	g.GET("/open-data/benchmarks.csv", s.handleOpenDataCSV)
}

// openDataCache lets browsers and proxies keep a read for an hour: a snapshot changes
// at most once a day, and the figures are the same for every reader.
const openDataCache = "public, max-age=3600"

// openDataJSON is GET /open-data/benchmarks (API.md).
type openDataJSON struct {
	SnapshotDate   string                      `json:"snapshot_date"`
	Questionnaires []openDataQuestionnaireJSON `json:"questionnaires"`
}

type openDataQuestionnaireJSON struct {
	ID     string              `json:"id"`
	Major  int                 `json:"major"`
	Groups []openDataGroupJSON `json:"groups"`
}

// openDataGroupJSON: a suppressed group has no considerations at all.
type openDataGroupJSON struct {
	Group          string                         `json:"group"`
	N              int                            `json:"n"`
	Suppressed     bool                           `json:"suppressed"`
	Considerations map[string]openDataFiguresJSON `json:"considerations,omitempty"`
}

// openDataFiguresJSON adds to API.md's {median, p25, p75} the number of teams with a
// score for the consideration and whether it is suppressed; a suppressed one has no
// figures.
type openDataFiguresJSON struct {
	N          int      `json:"n"`
	Suppressed bool     `json:"suppressed"`
	Median     *float64 `json:"median,omitempty"`
	P25        *float64 `json:"p25,omitempty"`
	P75        *float64 `json:"p75,omitempty"`
}

func newOpenDataJSON(od assessment.OpenData) openDataJSON {
	return openDataJSON{SnapshotDate: od.SnapshotDate.Format(time.DateOnly),
		Questionnaires: listJSON(od.Questionnaires, func(q assessment.OpenDataQuestionnaire) openDataQuestionnaireJSON {
			return openDataQuestionnaireJSON{ID: q.ID, Major: q.Major, Groups: listJSON(q.Groups, newOpenDataGroupJSON)}
		})}
}

func newOpenDataGroupJSON(g assessment.OpenDataGroup) openDataGroupJSON {
	out := openDataGroupJSON{Group: g.Group, N: g.N, Suppressed: g.Suppressed}
	if g.Suppressed {
		return out
	}
	out.Considerations = make(map[string]openDataFiguresJSON, len(g.Considerations))
	for _, f := range g.Considerations {
		fj := openDataFiguresJSON{N: f.N, Suppressed: f.Suppressed}
		if !f.Suppressed {
			fj.Median, fj.P25, fj.P75 = &f.Median, &f.P25, &f.P75
		}
		out.Considerations[f.Key] = fj
	}
	return out
}

func (s *server) handleOpenDataGet(c echo.Context) error {
	od, err := s.deps.Assessments.OpenDataBenchmarks(c.Request().Context())
	if err != nil {
		return err
	}
	c.Response().Header().Set("Cache-Control", openDataCache)
	return c.JSON(http.StatusOK, newOpenDataJSON(od))
}

// openDataCSVHeader names the CSV's columns (API.md); openDataRows says what n counts.
var openDataCSVHeader = []string{"snapshot_date", "questionnaire", "major", "group", "n", "suppressed",
	"consideration", "median", "p25", "p75"}

func (s *server) handleOpenDataCSV(c echo.Context) error {
	od, err := s.deps.Assessments.OpenDataBenchmarks(c.Request().Context())
	if err != nil {
		return err
	}
	h := c.Response().Header()
	h.Set("Content-Type", "text/csv; charset=utf-8")
	h.Set("Content-Disposition", mime.FormatMediaType("attachment",
		map[string]string{"filename": "vcready-open-data-" + od.SnapshotDate.Format(time.DateOnly) + ".csv"}))
	h.Set("Cache-Control", openDataCache)
	c.Response().WriteHeader(http.StatusOK)
	return writeOpenDataCSV(c.Response(), s.openDataRows(od))
}

// openDataRows are one row per group and consideration. n is the number of teams the
// figures are over: the teams with a score for the consideration in a group shown, the
// group's teams in a suppressed group, which lists the questionnaire's considerations
// with no figures. Suppressed rows have empty figures.
func (s *server) openDataRows(od assessment.OpenData) [][]string {
	rows := [][]string{openDataCSVHeader}
	date := od.SnapshotDate.Format(time.DateOnly)
	for _, q := range od.Questionnaires {
		lead := []string{date, q.ID, strconv.Itoa(q.Major)}
		keys := s.openDataKeys(q)
		for _, g := range q.Groups {
			if g.Suppressed {
				for _, k := range keys {
					rows = append(rows, append(lead[:3:3], g.Group, strconv.Itoa(g.N), "true", k, "", "", ""))
				}
				continue
			}
			for _, f := range g.Considerations {
				row := append(lead[:3:3], g.Group, strconv.Itoa(f.N), strconv.FormatBool(f.Suppressed), f.Key)
				if f.Suppressed {
					rows = append(rows, append(row, "", "", ""))
					continue
				}
				rows = append(rows, append(row, oneDecimal(f.Median), oneDecimal(f.P25), oneDecimal(f.P75)))
			}
		}
	}
	return rows
}

// openDataKeys are the considerations a suppressed group's rows name: those of the
// newest loaded version of the questionnaire, else those of a group shown, else one
// row with none.
func (s *server) openDataKeys(q assessment.OpenDataQuestionnaire) []string {
	if def, ok := s.deps.Assessments.NewestOfMajor(q.ID, q.Major); ok {
		keys := make([]string, len(def.Considerations))
		for i, c := range def.Considerations {
			keys[i] = c.Key
		}
		return keys
	}
	for _, g := range q.Groups {
		if !g.Suppressed {
			return listJSON(g.Considerations, func(f assessment.OpenDataFigures) string { return f.Key })
		}
	}
	return []string{""}
}

func oneDecimal(x float64) string { return strconv.FormatFloat(x, 'f', 1, 64) }

// writeOpenDataCSV writes rows (the header first) with the shared CSV encoder: a
// UTF-8 byte-order mark, RFC 4180 with CRLF, text cells neutralised against formula
// injection.
func writeOpenDataCSV(w io.Writer, rows [][]string) error {
	t := report.Table{Title: "Open data", Columns: rows[0]}
	for _, r := range rows[1:] {
		t.Rows = append(t.Rows, listJSON(r, report.Text))
	}
	return report.WriteCSV(w, t)
}

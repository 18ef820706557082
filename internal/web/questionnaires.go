package web

import (
	"net/http"

	"github.com/labstack/echo/v4"

	"vcready/internal/apperr"
	"vcready/internal/questionnaire"
)

// questionnaireByParam finds the questionnaire named by the :id parameter (its latest
// version), or the default one when the route has no id.
func (s *Server) questionnaireByParam(c echo.Context) (*questionnaire.Questionnaire, error) {
	set := s.deps.Questionnaires
	if set == nil {
		return nil, apperr.NotFound("questionnaire")
	}
	id := c.Param("id")
	if id == "" {
		return set.Default(), nil
	}
	q, ok := set.Get(id)
	if !ok {
		return nil, apperr.NotFound("questionnaire " + id)
	}
	return q, nil
}

// handleQuestionnairePreview shows a whole questionnaire, read-only and printable, so a
// team can see what it will be asked before it starts.
func (s *Server) handleQuestionnairePreview(c echo.Context) error {
	q, err := s.questionnaireByParam(c)
	if err != nil {
		return err
	}
	return s.render(c, http.StatusOK, "questionnaire", Page{Title: q.Title, Nav: "questionnaire", Content: q})
}

// questionnaireSummary is one entry of GET /api/v1/questionnaires.
type questionnaireSummary struct {
	ID      string `json:"id"`
	Version string `json:"version"`
	Title   string `json:"title"`
	Hash    string `json:"hash"`
	Default bool   `json:"default"`
}

func (s *Server) handleAPIQuestionnaireList(c echo.Context) error {
	out := []questionnaireSummary{}
	if set := s.deps.Questionnaires; set != nil {
		for _, q := range set.All() {
			out = append(out, questionnaireSummary{q.ID, q.Version, q.Title, q.Hash, q == set.Default()})
		}
	}
	return c.JSON(http.StatusOK, out)
}

func (s *Server) handleAPIQuestionnaireGet(c echo.Context) error {
	q, err := s.questionnaireByParam(c)
	if err != nil {
		return err
	}
	return c.JSON(http.StatusOK, newQuestionnaireDTO(q))
}

package web

import (
	"net/http"

	"github.com/labstack/echo/v4"

	"vcready/internal/apperr"
	"vcready/internal/questionnaire"
)

// The printable preview of a questionnaire.
func (s *Server) routesQuestionnaire() {
	s.e.GET("/questionnaire", s.handleQuestionnairePreview)
	s.e.GET("/questionnaires/:id", s.handleQuestionnairePreview)
}

// questionnaireByParam finds the questionnaire named by the :id parameter (its latest
// version), or the default one when the route has no id.
func (s *Server) questionnaireByParam(c echo.Context) (*questionnaire.Questionnaire, error) {
	q, ok := s.deps.Questionnaires.Find(c.Param("id"))
	if !ok {
		return nil, apperr.NotFound("questionnaire " + c.Param("id"))
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

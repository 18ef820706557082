package api

import (
	"net/http"

	"github.com/labstack/echo/v4"

	"vcready/internal/apperr"
	"vcready/internal/questionnaire"
)

// The questionnaire endpoints: every loaded questionnaire, and one in full.

func (s *server) routesQuestionnaires(g *echo.Group) {
	g.GET("/questionnaires", signedIn(s.handleQuestionnaireList))
	g.GET("/questionnaires/:id", signedIn(s.handleQuestionnaireGet))
}

// questionnaireByParam finds the questionnaire named by the :id parameter (its latest
// version), or the default one when the route has no id.
func (s *server) questionnaireByParam(c echo.Context) (*questionnaire.Questionnaire, error) {
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

// questionnaireSummary is one entry of GET /api/v1/questionnaires.
type questionnaireSummary struct {
	ID      string `json:"id"`
	Version string `json:"version"`
	Title   string `json:"title"`
	Hash    string `json:"hash"`
	Default bool   `json:"default"`
}

func (s *server) handleQuestionnaireList(c echo.Context) error {
	out := []questionnaireSummary{}
	if set := s.deps.Questionnaires; set != nil {
		for _, q := range set.All() {
			out = append(out, questionnaireSummary{q.ID, q.Version, q.Title, q.Hash, q == set.Default()})
		}
	}
	return c.JSON(http.StatusOK, out)
}

func (s *server) handleQuestionnaireGet(c echo.Context) error {
	q, err := s.questionnaireByParam(c)
	if err != nil {
		return err
	}
	return c.JSON(http.StatusOK, newQuestionnaireDTO(q))
}

// The API shape of a questionnaire (API.md). `max` is the highest value an answer can
// score (0 for unscored items); a number item's bounds are `minimum` and `maximum`.
type questionnaireDTO struct {
	ID             string                          `json:"id"`
	Version        string                          `json:"version"`
	Title          string                          `json:"title"`
	Hash           string                          `json:"hash"`
	Introduction   string                          `json:"introduction"`
	Sources        map[string]questionnaire.Source `json:"sources"`
	Considerations []considerationDTO              `json:"considerations"`
}

type considerationDTO struct {
	Key     string    `json:"key"`
	Title   string    `json:"title"`
	Summary string    `json:"summary"`
	Weight  float64   `json:"weight"`
	Items   []itemDTO `json:"items"`
}

type itemDTO struct {
	ID        string                 `json:"id"`
	Type      string                 `json:"type"`
	Text      string                 `json:"text"`
	Help      string                 `json:"help"`
	Why       questionnaire.Why      `json:"why"`
	Weight    float64                `json:"weight"`
	Scored    bool                   `json:"scored"`
	Max       int                    `json:"max"`
	AllowNA   bool                   `json:"allow_na"`
	Levels    []questionnaire.Level  `json:"levels,omitempty"`
	Options   []questionnaire.Option `json:"options,omitempty"`
	Minimum   *float64               `json:"minimum,omitempty"`
	Maximum   *float64               `json:"maximum,omitempty"`
	Unit      string                 `json:"unit,omitempty"`
	MaxLength int                    `json:"max_length,omitempty"`
}

func newQuestionnaireDTO(q *questionnaire.Questionnaire) questionnaireDTO {
	out := questionnaireDTO{ID: q.ID, Version: q.Version, Title: q.Title, Hash: q.Hash,
		Introduction: q.Introduction, Sources: q.Sources}
	for _, c := range q.Considerations {
		cd := considerationDTO{Key: c.Key, Title: c.Title, Summary: c.Summary, Weight: c.Weight, Items: []itemDTO{}}
		for i := range c.Items {
			cd.Items = append(cd.Items, newItemDTO(&c.Items[i]))
		}
		out.Considerations = append(out.Considerations, cd)
	}
	return out
}

func newItemDTO(it *questionnaire.Item) itemDTO {
	return itemDTO{
		ID: it.ID, Type: it.Type, Text: it.Text, Help: it.Help, Why: it.Why, Weight: it.Weight,
		Scored: it.Scored(), Max: it.MaxScore(), AllowNA: it.AllowNA, Levels: it.Levels, Options: it.Options,
		Minimum: it.Min, Maximum: it.Max, Unit: it.Unit, MaxLength: it.MaxLength,
	}
}

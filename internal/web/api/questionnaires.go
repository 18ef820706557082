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
	q, ok := s.deps.Questionnaires.Find(c.Param("id"))
	if !ok {
		return nil, apperr.NotFound("questionnaire " + c.Param("id"))
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
	ID             string               `json:"id"`
	Version        string               `json:"version"`
	Title          string               `json:"title"`
	Hash           string               `json:"hash"`
	Introduction   string               `json:"introduction"`
	Sources        map[string]sourceDTO `json:"sources"`
	Considerations []considerationDTO   `json:"considerations"`
}

type considerationDTO struct {
	Key     string    `json:"key"`
	Title   string    `json:"title"`
	Summary string    `json:"summary"`
	Weight  float64   `json:"weight"`
	Items   []itemDTO `json:"items"`
}

type itemDTO struct {
	ID        string      `json:"id"`
	Type      string      `json:"type"`
	Text      string      `json:"text"`
	Help      string      `json:"help"`
	Why       whyDTO      `json:"why"`
	Weight    float64     `json:"weight"`
	Scored    bool        `json:"scored"`
	Max       int         `json:"max"`
	AllowNA   bool        `json:"allow_na"`
	Levels    []levelDTO  `json:"levels,omitempty"`
	Options   []optionDTO `json:"options,omitempty"`
	Minimum   *float64    `json:"minimum,omitempty"`
	Maximum   *float64    `json:"maximum,omitempty"`
	Unit      string      `json:"unit,omitempty"`
	MaxLength int         `json:"max_length,omitempty"`
}

// sourceDTO is one reference an item's "why" cites, keyed in the questionnaire's sources.
type sourceDTO struct {
	Title string `json:"title"`
	URL   string `json:"url"`
}

// whyDTO is why an item matters and the keys of the sources that say so.
type whyDTO struct {
	Text    string   `json:"text"`
	Sources []string `json:"sources"`
}

// levelDTO is one step of a scale item; action is what to do next, absent at the top.
type levelDTO struct {
	Value      int    `json:"value"`
	Label      string `json:"label"`
	Descriptor string `json:"descriptor"`
	Action     string `json:"action,omitempty"`
}

// optionDTO is one option of a choice or checklist item and what it scores.
type optionDTO struct {
	ID     string `json:"id"`
	Label  string `json:"label"`
	Score  int    `json:"score"`
	Action string `json:"action,omitempty"`
}

func newQuestionnaireDTO(q *questionnaire.Questionnaire) questionnaireDTO {
	out := questionnaireDTO{ID: q.ID, Version: q.Version, Title: q.Title, Hash: q.Hash,
		Introduction: q.Introduction, Sources: newSourcesDTO(q.Sources)}
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
		ID: it.ID, Type: it.Type, Text: it.Text, Help: it.Help,
		Why:    whyDTO{Text: it.Why.Text, Sources: it.Why.Sources},
		Weight: it.Weight, Scored: it.Scored(), Max: it.MaxScore(), AllowNA: it.AllowNA,
		Levels: newLevelsDTO(it.Levels), Options: newOptionsDTO(it.Options),
		Minimum: it.Min, Maximum: it.Max, Unit: it.Unit, MaxLength: it.MaxLength,
	}
}

// newSourcesDTO keeps a nil map nil (null on the wire), as it always was.
func newSourcesDTO(src map[string]questionnaire.Source) map[string]sourceDTO {
	if src == nil {
		return nil
	}
	out := make(map[string]sourceDTO, len(src))
	for k, s := range src {
		out[k] = sourceDTO{Title: s.Title, URL: s.URL}
	}
	return out
}

func newLevelsDTO(levels []questionnaire.Level) []levelDTO {
	var out []levelDTO
	for _, l := range levels {
		out = append(out, levelDTO{Value: l.Value, Label: l.Label, Descriptor: l.Descriptor, Action: l.Action})
	}
	return out
}

func newOptionsDTO(options []questionnaire.Option) []optionDTO {
	var out []optionDTO
	for _, o := range options {
		out = append(out, optionDTO{ID: o.ID, Label: o.Label, Score: o.Score, Action: o.Action})
	}
	return out
}

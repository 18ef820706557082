package web

import "vcready/internal/questionnaire"

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

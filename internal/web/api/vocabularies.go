package api

import (
	"net/http"

	"github.com/labstack/echo/v4"

	"vcready/internal/assessment"
)

// The vocabularies endpoint: the settings, specialties and nations a team is described by.

func (s *server) routesVocabularies(g *echo.Group) {
	g.GET("/vocabularies", s.handleVocabularies)
}

// vocabulariesJSON is GET /vocabularies (API.md: {settings: [{key, label}],
// specialties: [...], nations: [...]}).
type vocabulariesJSON struct {
	Settings    []termJSON `json:"settings"`
	Specialties []termJSON `json:"specialties"`
	Nations     []termJSON `json:"nations"`
}

// termJSON is one entry of a controlled list: the key a team stores, and its label.
type termJSON struct {
	Key   string `json:"key"`
	Label string `json:"label"`
}

func newVocabulariesJSON(v assessment.Vocabularies) vocabulariesJSON {
	return vocabulariesJSON{Settings: newTermsJSON(v.Settings), Specialties: newTermsJSON(v.Specialties),
		Nations: newTermsJSON(v.Nations)}
}

// newTermsJSON keeps a nil list nil, as the wire always had it.
func newTermsJSON(ts []assessment.Term) []termJSON {
	if ts == nil {
		return nil
	}
	out := make([]termJSON, len(ts))
	for i, t := range ts {
		out[i] = termJSON{Key: t.Key, Label: t.Label}
	}
	return out
}

func (s *server) handleVocabularies(c echo.Context) error {
	return c.JSON(http.StatusOK, newVocabulariesJSON(s.deps.Assessments.Vocabularies()))
}

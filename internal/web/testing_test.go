package web

import (
	"html/template"
	"sync"

	"vcready/internal/questionnaire"
	"vcready/questionnaires"
)

var loadTestQuestionnaires = sync.OnceValue(func() *questionnaire.Set {
	set, err := questionnaire.Load(questionnaires.FS())
	if err != nil {
		panic(err)
	}
	return set
})

// testQuestionnaires is the real embedded questionnaire set.
func testQuestionnaires() *questionnaire.Set { return loadTestQuestionnaires() }

// sampleContent gives each page template data of the shape its handler passes, so
// TestEveryTemplateRenders exercises real paths through the template. Pages whose
// Content is a plain message or nil are absent.
func sampleContent(name string) any {
	switch name {
	case "error":
		return "Something went wrong."
	case "scoring":
		return buildScoringExample()
	case "questionnaire":
		return testQuestionnaires().Default()
	}
	return nil
}

// templateEscape escapes s as html/template does in text, for "page contains" checks.
func templateEscape(s string) string {
	return template.HTMLEscapeString(s)
}

package web

import (
	"fmt"
	"net/http"

	"github.com/labstack/echo/v4"

	"vcready/internal/questionnaire"
	"vcready/internal/scoring"
)

// "How scoring works": the rules, with a worked example the scoring package computes.
func (s *Server) routesScoring() {
	s.e.GET("/scoring", s.handleScoring)
}

// scoringExample is the worked example on the "How scoring works" page. Its numbers
// are computed by the scoring package itself, so the page can never drift from the
// rules it explains.
type scoringExample struct {
	Rows     []scoringExampleRow
	SumW     float64
	SumParts float64
	Result   scoring.Consideration
	Levels   []scoring.Level
}

type scoringExampleRow struct {
	Question, Answer  string
	Weight, Value     float64
	Max               float64
	Part              float64 // weight * value / max
	Counted, NA, Zero bool
}

func exampleQuestionnaire() (*questionnaire.Questionnaire, scoring.Answers) {
	levels := make([]questionnaire.Level, 5)
	for i := range levels {
		levels[i] = questionnaire.Level{Value: i, Label: fmt.Sprint(i)}
	}
	opts := func(scores ...int) []questionnaire.Option {
		var os []questionnaire.Option
		for i, s := range scores {
			os = append(os, questionnaire.Option{ID: fmt.Sprint("o", i), Score: s})
		}
		return os
	}
	items := []questionnaire.Item{
		{ID: "a", Type: "scale", Text: "Interpreters can join video calls (scale)", Weight: 2, Levels: levels},
		{ID: "b", Type: "choice", Text: "How patients get joining instructions (choice)", Weight: 1, Options: opts(0, 1, 2)},
		{ID: "c", Type: "checklist", Text: "Support for disabled people (checklist of 4)", Weight: 1, Options: opts(1, 1, 1, 1)},
		{ID: "d", Type: "scale", Text: "Group consultations (scale)", Weight: 1, AllowNA: true, Levels: levels},
		{ID: "e", Type: "scale", Text: "Use of video by patient group (scale)", Weight: 1, Levels: levels},
	}
	q := &questionnaire.Questionnaire{Considerations: []questionnaire.Consideration{{Key: "equity", Title: "Equity of access", Weight: 1, Items: items}}}
	three := 3
	a := scoring.Answers{
		"a": {ItemID: "a", Level: &three},
		"b": {ItemID: "b", Option: "o1"},
		"c": {ItemID: "c", Options: []string{"o0", "o2"}, OptionsSet: true},
		"d": {ItemID: "d", Status: questionnaire.NotApplicable},
		"e": {ItemID: "e", Status: questionnaire.DontKnow},
	}
	return q, a
}

func buildScoringExample() scoringExample {
	q, a := exampleQuestionnaire()
	answers := map[string]string{"a": "level 3 of 4", "b": "an option scoring 1 of 2", "c": "2 of 4 ticked",
		"d": "not applicable", "e": "don't know"}
	ex := scoringExample{Levels: scoring.Levels}
	for _, ct := range scoring.Explain(q, a) {
		it, _, _ := q.Item(ct.ItemID)
		row := scoringExampleRow{Question: it.Text, Answer: answers[ct.ItemID], Weight: ct.Weight, Value: ct.Value, Max: ct.Max,
			NA: ct.Answer == scoring.AnswerNotApplicable}
		row.Counted = ct.Answer == scoring.AnswerValue || ct.Answer == scoring.AnswerDontKnow
		if row.Counted {
			row.Part = ct.Weight * ct.Value / ct.Max
			ex.SumW += ct.Weight
			ex.SumParts += row.Part
		}
		ex.Rows = append(ex.Rows, row)
	}
	ex.Result = scoring.Score(q, a).Considerations[0]
	return ex
}

func (s *Server) handleScoring(c echo.Context) error {
	return s.render(c, http.StatusOK, "scoring", Page{Title: "How scoring works", Nav: "scoring", Content: buildScoringExample()})
}

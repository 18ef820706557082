package api

import (
	"net/http"
	"time"

	"github.com/labstack/echo/v4"

	"vcready/internal/assessment"
	"vcready/internal/scoring"
)

// The assessment endpoints of the JSON API (API.md): create, list, get, upsert
// answers and submit. Handlers bind, call the assessment service and render; the
// service checks access and answers, and the error handler turns its errors into
// statuses.

func (s *server) routesAssessments(g *echo.Group) {
	g.POST("/teams/:id/assessments", s.handleAssessmentCreate)
	g.GET("/teams/:id/assessments", s.handleAssessmentList)
	g.GET("/assessments/:id", s.handleAssessmentGet)
	g.POST("/assessments/:id/submit", s.handleAssessmentSubmit)
}

type createAssessmentRequest struct {
	// QuestionnaireID picks the questionnaire; empty means the default one.
	QuestionnaireID string `json:"questionnaire_id"`
}

// assessmentJSON is an assessment as the API shows it. It is built here rather than
// marshalled from assessment.Assessment so that the contract's fields are explicit:
// "level" is always present (null when a consideration has too few answers) and
// "answers" is never null.
type assessmentJSON struct {
	ID             string               `json:"id"`
	TeamID         string               `json:"team_id"`
	OrganisationID string               `json:"organisation_id"`
	Questionnaire  questionnaireRefJSON `json:"questionnaire"`
	Status         string               `json:"status"`
	CreatedAt      time.Time            `json:"created_at"`
	CreatedBy      string               `json:"created_by"`
	SubmittedAt    *time.Time           `json:"submitted_at"`
	SubmittedBy    *string              `json:"submitted_by"`
	Answers        []answerJSON         `json:"answers"`
	Scores         scoresJSON           `json:"scores"`
}

// questionnaireRefJSON names exactly what an assessment answers: the hash tells two
// files with one id and version but different content apart.
type questionnaireRefJSON struct {
	ID      string `json:"id"`
	Version string `json:"version"`
	Hash    string `json:"hash"`
}

func newQuestionnaireRefJSON(r assessment.QuestionnaireRef) questionnaireRefJSON {
	return questionnaireRefJSON{ID: r.ID, Version: r.Version, Hash: r.Hash}
}

// assessmentSummaryJSON is one entry of GET /teams/{id}/assessments: enough to pick
// an assessment and see its progress. Overall is provisional for a draft and null
// while nothing can be scored; answered counts the scored items with an answer.
type assessmentSummaryJSON struct {
	ID            string               `json:"id"`
	TeamID        string               `json:"team_id"`
	Questionnaire questionnaireRefJSON `json:"questionnaire"`
	Status        string               `json:"status"`
	CreatedAt     time.Time            `json:"created_at"`
	CreatedBy     string               `json:"created_by"`
	SubmittedAt   *time.Time           `json:"submitted_at"`
	Overall       *float64             `json:"overall"`
	Answered      int                  `json:"answered"`
	ScoredItems   int                  `json:"scored_items"`
}

func newAssessmentSummaryJSON(s assessment.Summary) assessmentSummaryJSON {
	return assessmentSummaryJSON{ID: s.ID, TeamID: s.TeamID, Questionnaire: newQuestionnaireRefJSON(s.Questionnaire),
		Status: s.Status, CreatedAt: s.CreatedAt, CreatedBy: s.CreatedBy, SubmittedAt: s.SubmittedAt,
		Overall: s.Overall, Answered: s.Answered, ScoredItems: s.ScoredItems}
}

// scoresJSON is the scores object of API.md. Provisional is true for a draft, whose
// scores are recomputed over the answers so far; a submitted assessment's are final.
type scoresJSON struct {
	Overall        *float64                 `json:"overall"`
	Provisional    bool                     `json:"provisional"`
	Considerations []considerationScoreJSON `json:"considerations"`
}

type considerationScoreJSON struct {
	Key           string   `json:"key"`
	Score         *float64 `json:"score"`
	Level         *string  `json:"level"`
	Coverage      float64  `json:"coverage"`
	Status        string   `json:"status"`
	Items         int      `json:"items"`
	Counted       int      `json:"counted"`
	DontKnow      int      `json:"dont_know"`
	NotApplicable int      `json:"not_applicable"`
	Missing       int      `json:"missing"`
}

func newAssessmentJSON(a *assessment.Assessment) assessmentJSON {
	out := assessmentJSON{ID: a.ID, TeamID: a.TeamID, OrganisationID: a.OrganisationID,
		Questionnaire: newQuestionnaireRefJSON(a.Questionnaire), Status: a.Status, CreatedAt: a.CreatedAt.UTC(),
		CreatedBy: a.CreatedBy, SubmittedBy: nullable(a.SubmittedBy), Answers: listJSON(a.Answers, newAnswerJSON),
		Scores: newScoresJSON(a.Scores, a.Status != assessment.StatusSubmitted)}
	if a.SubmittedAt != nil {
		t := a.SubmittedAt.UTC()
		out.SubmittedAt = &t
	}
	return out
}

func newScoresJSON(r scoring.Result, provisional bool) scoresJSON {
	out := scoresJSON{Overall: r.Overall, Provisional: provisional, Considerations: []considerationScoreJSON{}}
	for _, c := range r.Considerations {
		out.Considerations = append(out.Considerations, considerationScoreJSON{
			Key: c.Key, Score: c.Score, Level: nullable(c.Level), Coverage: c.Coverage, Status: c.Status,
			Items: c.Items, Counted: c.Counted, DontKnow: c.DontKnow, NotApplicable: c.NotApplicable, Missing: c.Missing})
	}
	return out
}

func (s *server) handleAssessmentCreate(c echo.Context) error {
	p, err := requireUser(c)
	if err != nil {
		return err
	}
	var req createAssessmentRequest
	if err := bindJSON(c, &req); err != nil {
		return err
	}
	a, err := s.deps.Assessments.Create(c.Request().Context(), p, c.Param("id"), req.QuestionnaireID)
	if err != nil {
		return err
	}
	c.Response().Header().Set(echo.HeaderLocation, "/api/v1/assessments/"+a.ID)
	return c.JSON(http.StatusCreated, newAssessmentJSON(a))
}

func (s *server) handleAssessmentList(c echo.Context) error {
	p, err := requireUser(c)
	if err != nil {
		return err
	}
	list, err := s.deps.Assessments.List(c.Request().Context(), p, c.Param("id"))
	if err != nil {
		return err
	}
	return c.JSON(http.StatusOK, listJSON(list, newAssessmentSummaryJSON))
}

func (s *server) handleAssessmentGet(c echo.Context) error {
	p, err := requireUser(c)
	if err != nil {
		return err
	}
	a, err := s.deps.Assessments.Get(c.Request().Context(), p, c.Param("id"))
	if err != nil {
		return err
	}
	return c.JSON(http.StatusOK, newAssessmentJSON(a))
}

func (s *server) handleAssessmentSubmit(c echo.Context) error {
	p, err := requireUser(c)
	if err != nil {
		return err
	}
	a, err := s.deps.Assessments.Submit(c.Request().Context(), p, c.Param("id"))
	if err != nil {
		return err
	}
	return c.JSON(http.StatusOK, newAssessmentJSON(a))
}

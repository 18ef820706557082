package web

import (
	"net/http"

	"github.com/labstack/echo/v4"
)

// routes registers every route. Handlers are thin: bind, validate, call a service,
// render.
func (s *Server) routes() {
	s.e.GET("/healthz", s.handleHealth)
	s.e.GET("/readyz", s.handleReady)
	s.e.GET("/metrics", echo.WrapHandler(s.metrics.handler()))
	s.e.GET("/static/:version/*", s.handleStatic)
	s.e.GET("/favicon.ico", s.handleFavicon)

	s.e.GET("/", s.handleHome)
	s.e.GET("/accessibility", s.handleAccessibility)
	s.e.GET("/scoring", s.handleScoring)
	s.e.GET("/questionnaire", s.handleQuestionnairePreview)
	s.e.GET("/questionnaires/:id", s.handleQuestionnairePreview)

	s.e.GET("/sign-in", s.handleSignInForm)
	s.e.POST("/sign-in", s.handleSignIn)
	s.e.POST("/sign-out", s.handleSignOut)
	s.e.GET("/signed-out", s.handleSignedOut)
	s.e.GET("/setup/:token", s.handleSetupForm)
	s.e.POST("/setup/:token", s.handleSetup)
	s.e.GET("/invitations/:token", s.handleInvitationForm)
	s.e.POST("/invitations/:token", s.handleInvitationAccept)

	s.e.GET("/admin", s.handleAdmin)
	s.e.POST("/admin/organisations", s.handleAdminCreateOrganisation)
	s.e.GET("/admin/audit", s.handleAudit)
	s.e.GET("/organisations/:id", s.handleOrganisation)
	s.e.GET("/organisations/:id/teams/new", s.handleTeamNewForm)
	s.e.POST("/organisations/:id/teams", s.handleTeamSave(false))
	s.e.GET("/organisations/:id/invitations/new", s.handleInviteForm)
	s.e.POST("/organisations/:id/invitations", s.handleInviteCreate)
	s.e.GET("/organisations/:id/people/:user/remove", s.handleRemovePersonConfirm)
	s.e.POST("/organisations/:id/people/:user/remove", s.handleRemovePerson)
	s.e.GET("/teams/:id", s.handleTeam)
	s.e.GET("/teams/:id/edit", s.handleTeamEditForm)
	s.e.POST("/teams/:id/edit", s.handleTeamSave(true))

	api := s.e.Group("/api/v1")
	api.GET("/openapi.json", s.handleOpenAPI)
	api.GET("/questionnaires", s.requireAPIUser(s.handleAPIQuestionnaireList))
	api.GET("/questionnaires/:id", s.requireAPIUser(s.handleAPIQuestionnaireGet))
	api.POST("/auth/tokens", s.handleAPITokenCreate)
	api.GET("/me", s.handleAPIMe)
	api.GET("/vocabularies", s.handleAPIVocabularies)
	api.POST("/users", s.handleAPIUserCreate)
	api.GET("/organisations", s.handleAPIOrganisationList)
	api.POST("/organisations", s.handleAPIOrganisationCreate)
	api.GET("/organisations/:id", s.handleAPIOrganisationGet)
	api.POST("/organisations/:id/teams", s.handleAPITeamCreate)
	api.GET("/organisations/:id/teams", s.handleAPITeamList)
	api.GET("/teams/:id", s.handleAPITeamGet)

	// Assessments: answer, save, resume, submit and read the result.
	s.e.POST("/teams/:id/assessments", s.handleAssessmentStart)
	s.e.GET("/assessments/:id", s.handleAssessmentTasks)
	s.e.GET("/assessments/:id/considerations/:key", s.handleConsiderationForm)
	s.e.POST("/assessments/:id/considerations/:key", s.handleConsiderationSave)
	s.e.GET("/assessments/:id/check", s.handleAssessmentCheck)
	s.e.POST("/assessments/:id/submit", s.handleAssessmentSubmit)
	s.e.GET("/assessments/:id/results", s.handleResults)
	api.POST("/teams/:id/assessments", s.handleAPIAssessmentCreate)
	api.GET("/teams/:id/assessments", s.handleAPIAssessmentList)
	api.GET("/assessments/:id", s.handleAPIAssessmentGet)
	api.PUT("/assessments/:id/answers", s.handleAPIAnswersPut)
	api.POST("/assessments/:id/submit", s.handleAPIAssessmentSubmit)
}

func (s *Server) handleHealth(c echo.Context) error {
	return c.JSON(http.StatusOK, map[string]string{"status": "ok"})
}

func (s *Server) handleReady(c echo.Context) error {
	if s.deps.Ready != nil {
		if err := s.deps.Ready(c.Request().Context()); err != nil {
			s.log.Warn("not ready", "err", err)
			return c.JSON(http.StatusServiceUnavailable, map[string]string{"status": "unavailable"})
		}
	}
	return c.JSON(http.StatusOK, map[string]string{"status": "ready"})
}

// requireAPIUser wraps an API handler that needs a signed-in user but no more.
func (s *Server) requireAPIUser(h echo.HandlerFunc) echo.HandlerFunc {
	return func(c echo.Context) error {
		if _, err := requireUser(c); err != nil {
			return err
		}
		return h(c)
	}
}

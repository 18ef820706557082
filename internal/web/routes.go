package web

import "vcready/internal/web/api"

// routes registers every route, one feature at a time: each routesX is defined at the
// top of its feature's file, beside its handlers. Handlers are thin: bind, validate,
// call a service, render.
func (s *Server) routes() {
	s.routesHealth()
	s.routesStatic()
	s.routesHome()
	s.routesScoring()
	s.routesOpenData()
	s.routesQuestionnaire()
	s.routesSignIn()
	s.routesOnboarding()
	s.routesAdmin()
	s.routesBackups()
	s.routesOrganisation()
	s.routesComparison()
	s.routesOrganisationSettings()
	s.routesInvitations()
	s.routesTeam()
	s.routesAssessment()
	s.routesConsideration()
	s.routesResults()
	s.routesPlan()
	api.Register(s.e.Group("/api/v1"), api.Deps{Questionnaires: s.deps.Questionnaires,
		Accounts: s.deps.Accounts, Assessments: s.deps.Assessments})
}

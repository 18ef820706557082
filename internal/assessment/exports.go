package assessment

import (
	"cmp"
	"context"
	"fmt"
	"slices"

	"vcready/internal/auth"
	"vcready/internal/questionnaire"
)

// Export is what an organisation's assessments export is made from: the organisation,
// its teams, every submitted assessment ordered by team name then submission, and
// the loaded questionnaires those assessments answered, in the set's order.
type Export struct {
	Organisation   Organisation
	Teams          map[string]Team // by id
	Assessments    []*Assessment
	Questionnaires []*questionnaire.Questionnaire
}

// ExportAssessments gathers every submitted assessment of an organisation for its
// leads and admins: not found for anyone who may not see the organisation, forbidden
// for its members (as with the teams list). Drafts are never exported.
func (s *Service) ExportAssessments(ctx context.Context, p *auth.Principal, orgID string) (Export, error) {
	o, err := s.manageableOrganisation(ctx, p, orgID)
	if err != nil {
		return Export{}, err
	}
	teams, err := s.st.Teams(ctx, orgID)
	if err != nil {
		return Export{}, fmt.Errorf("export assessments of %s: %w", orgID, err)
	}
	as, err := s.st.SubmittedAssessments(ctx, orgID)
	if err != nil {
		return Export{}, fmt.Errorf("export assessments of %s: %w", orgID, err)
	}
	ex := Export{Organisation: o, Teams: make(map[string]Team, len(teams)), Assessments: as}
	for _, t := range teams {
		ex.Teams[t.ID] = t
	}
	slices.SortStableFunc(ex.Assessments, func(a, b *Assessment) int {
		return cmp.Compare(ex.Teams[a.TeamID].Name, ex.Teams[b.TeamID].Name)
	})
	ex.Questionnaires = s.answered(as)
	return ex, nil
}

// answered lists the loaded questionnaires that as answered, in the set's order.
func (s *Service) answered(as []*Assessment) []*questionnaire.Questionnaire {
	present := map[[2]string]bool{}
	for _, a := range as {
		present[[2]string{a.Questionnaire.ID, a.Questionnaire.Version}] = true
	}
	var out []*questionnaire.Questionnaire
	for _, q := range s.qs.All() {
		if present[[2]string{q.ID, q.Version}] {
			out = append(out, q)
		}
	}
	return out
}

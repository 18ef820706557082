package assessment

import (
	"context"
	"errors"
	"fmt"
	"time"

	"vcready/internal/apperr"
	"vcready/internal/auth"
)

// Team is a clinical or care team that assesses itself. Setting, Specialty and Nation
// are vocabulary keys: they decide which teams it is benchmarked against.
type Team struct {
	ID             string
	OrganisationID string
	Name           string
	Setting        string
	Specialty      string
	Nation         string
	CreatedAt      time.Time
}

// TeamInput is what a lead says about a team when creating or editing it.
type TeamInput struct {
	Name      string
	Setting   string
	Specialty string
	Nation    string
}

// CreateTeam adds a team to an organisation. Admins and the organisation's leads may.
func (s *Service) CreateTeam(ctx context.Context, p *auth.Principal, orgID string, in TeamInput) (Team, error) {
	if _, err := s.manageableOrganisation(ctx, p, orgID); err != nil {
		return Team{}, err
	}
	in, err := checkTeam(in)
	if err != nil {
		return Team{}, err
	}
	t := Team{ID: s.NewID(), OrganisationID: orgID, CreatedAt: s.now()}
	t.setInput(in)
	if err := s.st.CreateTeam(ctx, t); err != nil {
		return Team{}, teamWriteError("create team", err)
	}
	return t, nil
}

// UpdateTeam changes a team's name and attributes. Admins and the organisation's
// leads may; the team's members may see it but not change it.
func (s *Service) UpdateTeam(ctx context.Context, p *auth.Principal, teamID string, in TeamInput) (Team, error) {
	t, err := s.GetTeam(ctx, p, teamID)
	if err != nil {
		return Team{}, err
	}
	if !p.CanManageOrganisation(t.OrganisationID) {
		return Team{}, apperr.Forbidden("only the organisation's leads can change a team")
	}
	in, err = checkTeam(in)
	if err != nil {
		return Team{}, err
	}
	t.setInput(in)
	if err := s.st.UpdateTeam(ctx, t); err != nil {
		return Team{}, teamWriteError("update team "+teamID, err)
	}
	s.benchmarkTeamChanged(ctx, t)
	return t, nil
}

// GetTeam returns a team to the people who may see it: admins, the organisation's
// leads and the team's members. Anyone else is told it does not exist.
func (s *Service) GetTeam(ctx context.Context, p *auth.Principal, id string) (Team, error) {
	if p == nil {
		return Team{}, apperr.NotFound("team")
	}
	t, err := s.st.Team(ctx, id)
	if err != nil {
		return Team{}, fmt.Errorf("get team %s: %w", id, err)
	}
	if !p.CanSeeTeam(t.OrganisationID, t.ID) {
		return Team{}, apperr.NotFound("team")
	}
	return t, nil
}

// ListTeams returns an organisation's teams, by name, to its admins and leads.
func (s *Service) ListTeams(ctx context.Context, p *auth.Principal, orgID string) ([]Team, error) {
	if _, err := s.manageableOrganisation(ctx, p, orgID); err != nil {
		return nil, err
	}
	ts, err := s.st.Teams(ctx, orgID)
	if err != nil {
		return nil, fmt.Errorf("list teams of %s: %w", orgID, err)
	}
	return ts, nil
}

// manageableOrganisation returns the organisation if p may manage it: not found when
// p may not see it, forbidden when p sees it (a member) but may not manage it.
func (s *Service) manageableOrganisation(ctx context.Context, p *auth.Principal, orgID string) (Organisation, error) {
	o, err := s.GetOrganisation(ctx, p, orgID)
	if err != nil {
		return Organisation{}, err
	}
	if !p.CanManageOrganisation(orgID) {
		return Organisation{}, apperr.Forbidden("only the organisation's leads can manage its teams")
	}
	return o, nil
}

func (t *Team) setInput(in TeamInput) {
	t.Name, t.Setting, t.Specialty, t.Nation = in.Name, in.Setting, in.Specialty, in.Nation
}

// checkTeam returns the input with its name trimmed, or a validation error naming
// every bad field.
func checkTeam(in TeamInput) (TeamInput, error) {
	var ps []apperr.FieldProblem
	var problem string
	if in.Name, problem = checkName(in.Name); problem != "" {
		ps = append(ps, apperr.FieldProblem{Field: "name", Problem: problem})
	}
	for _, f := range []struct {
		field, key string
		terms      []Term
	}{
		{"setting", in.Setting, vocab.Settings},
		{"specialty", in.Specialty, vocab.Specialties},
		{"nation", in.Nation, vocab.Nations},
	} {
		if problem := checkKey(f.key, f.terms); problem != "" {
			ps = append(ps, apperr.FieldProblem{Field: f.field, Problem: problem})
		}
	}
	if len(ps) > 0 {
		return in, apperr.Invalid("Check the team's details", ps...)
	}
	return in, nil
}

func checkKey(key string, terms []Term) string {
	switch {
	case key == "":
		return "is required; must be one of " + keys(terms)
	case index(terms, key) < 0:
		return "must be one of " + keys(terms)
	}
	return ""
}

// teamWriteError turns a duplicate name into a validation error on the name field.
func teamWriteError(doing string, err error) error {
	if errors.Is(err, ErrDuplicateName) {
		return apperr.Invalid("A team with this name already exists in the organisation",
			apperr.FieldProblem{Field: "name", Problem: "is already used by another team of the organisation"})
	}
	return fmt.Errorf("%s: %w", doing, err)
}

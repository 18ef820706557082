package assessment

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"time"
	"unicode/utf8"

	"vcready/internal/apperr"
	"vcready/internal/auth"
)

// MaxNameLength is the longest organisation or team name, in characters.
const MaxNameLength = 120

// Organisation is a trust, practice, board or programme whose teams use vcready.
type Organisation struct {
	ID   string
	Name string
	// Demo marks the synthetic organisation seeded by serve --demo, so pages can
	// label its data as made up.
	Demo      bool
	CreatedAt time.Time
	// ShareWithOtherOrganisations (on by default): the organisation's teams take part in
	// other organisations' cohorts, and its teams are compared with theirs. Off, both
	// stop: sharing is reciprocal (SCORING.md "Cohort privacy").
	ShareWithOtherOrganisations bool
	// PublishOpenData (off by default): the organisation's teams count towards the
	// public, anonymous open-data aggregate.
	PublishOpenData bool
}

// CreateOrganisation creates an organisation. Only admins may.
func (s *Service) CreateOrganisation(ctx context.Context, p *auth.Principal, name string) (Organisation, error) {
	return s.createOrganisation(ctx, p, name, false)
}

// CreateDemoOrganisation creates an organisation marked as demo: its data is synthetic
// and every page that shows it says so.
func (s *Service) CreateDemoOrganisation(ctx context.Context, p *auth.Principal, name string) (Organisation, error) {
	return s.createOrganisation(ctx, p, name, true)
}

func (s *Service) createOrganisation(ctx context.Context, p *auth.Principal, name string, demo bool) (Organisation, error) {
	if !p.CanCreateOrganisation() {
		return Organisation{}, apperr.Forbidden("only administrators can create organisations")
	}
	name, problem := checkName(name)
	if problem != "" {
		return Organisation{}, apperr.Invalid("Check the organisation's name", apperr.FieldProblem{Field: "name", Problem: problem})
	}
	o := Organisation{ID: s.NewID(), Name: name, Demo: demo, CreatedAt: s.now(), ShareWithOtherOrganisations: true}
	err := s.st.CreateOrganisation(ctx, o)
	if errors.Is(err, ErrDuplicateName) {
		return Organisation{}, apperr.Invalid("An organisation with this name already exists",
			apperr.FieldProblem{Field: "name", Problem: "is already used by another organisation"})
	}
	if err != nil {
		return Organisation{}, fmt.Errorf("create organisation: %w", err)
	}
	return o, nil
}

// GetOrganisation returns an organisation its admins, leads and members may see.
func (s *Service) GetOrganisation(ctx context.Context, p *auth.Principal, id string) (Organisation, error) {
	if !p.CanSeeOrganisation(id) {
		return Organisation{}, apperr.NotFound("organisation")
	}
	o, err := s.st.Organisation(ctx, id)
	if err != nil {
		return Organisation{}, fmt.Errorf("get organisation %s: %w", id, err)
	}
	return o, nil
}

// ListOrganisations returns every organisation to an admin, and everyone else their
// own (none for a principal without one).
func (s *Service) ListOrganisations(ctx context.Context, p *auth.Principal) ([]Organisation, error) {
	if p.IsAdmin() {
		os, err := s.st.Organisations(ctx)
		if err != nil {
			return nil, fmt.Errorf("list organisations: %w", err)
		}
		return os, nil
	}
	if p == nil || p.OrganisationID == "" {
		return []Organisation{}, nil
	}
	o, err := s.GetOrganisation(ctx, p, p.OrganisationID)
	if err != nil {
		return nil, err
	}
	return []Organisation{o}, nil
}

// checkName trims a name and says what is wrong with it, if anything. Names are
// compared case-insensitively by the database, so "Physio" and "physio" are one name.
func checkName(name string) (trimmed, problem string) {
	name = strings.TrimSpace(name)
	switch n := utf8.RuneCountInString(name); {
	case n == 0:
		return name, "is required"
	case n > MaxNameLength:
		return name, fmt.Sprintf("must be at most %d characters", MaxNameLength)
	}
	return name, ""
}

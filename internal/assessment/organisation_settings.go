package assessment

import (
	"context"
	"errors"
	"fmt"

	"vcready/internal/apperr"
	"vcready/internal/auth"
)

// OrganisationUpdate is a change to an organisation: nil fields stay as they are.
type OrganisationUpdate struct {
	Name                        *string
	ShareWithOtherOrganisations *bool
	PublishOpenData             *bool
}

// UpdateOrganisation changes an organisation's settings (admins and its leads) or its
// name (admins only: a name is how other organisations and admins know it). Anyone
// else who may see the organisation is forbidden; others are told it does not exist.
func (s *Service) UpdateOrganisation(ctx context.Context, p *auth.Principal, id string, in OrganisationUpdate) (Organisation, error) {
	o, err := s.GetOrganisation(ctx, p, id)
	if err != nil {
		return Organisation{}, err
	}
	switch {
	case !p.CanManageOrganisation(o.ID):
		return Organisation{}, apperr.Forbidden("Only the organisation's leads can change its settings")
	case in.Name != nil && !p.CanRenameOrganisation():
		return Organisation{}, apperr.Forbidden("Only administrators can rename an organisation")
	}
	if in.Name != nil {
		name, problem := checkName(*in.Name)
		if problem != "" {
			return Organisation{}, apperr.Invalid("Check the organisation's name", apperr.FieldProblem{Field: "name", Problem: problem})
		}
		o.Name = name
	}
	if in.ShareWithOtherOrganisations != nil {
		o.ShareWithOtherOrganisations = *in.ShareWithOtherOrganisations
	}
	if in.PublishOpenData != nil {
		o.PublishOpenData = *in.PublishOpenData
	}
	err = s.st.UpdateOrganisation(ctx, o)
	if errors.Is(err, ErrDuplicateName) {
		return Organisation{}, apperr.Invalid("An organisation with this name already exists",
			apperr.FieldProblem{Field: "name", Problem: "is already used by another organisation"})
	}
	if err != nil {
		return Organisation{}, fmt.Errorf("update organisation %s: %w", o.ID, err)
	}
	s.benchmarkSharingChanged(ctx, o) // also takes in the version bump of any update
	return o, nil
}

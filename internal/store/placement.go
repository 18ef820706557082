package store

import (
	"context"
	"fmt"

	"vcready/internal/apperr"
)

// The two questions about organisations and teams that placing a user needs (see
// auth.UserStore). They read the tables directly, so auth does not depend on the
// assessment service's row types.

// OrganisationExists reports whether the organisation exists.
func (s *Store) OrganisationExists(ctx context.Context, id string) (bool, error) {
	var n int64
	if err := s.r.WithContext(ctx).Table("organisations").Where("id = ?", id).Count(&n).Error; err != nil {
		return false, fmt.Errorf("look up organisation %s: %w", id, err)
	}
	return n > 0, nil
}

// TeamOrganisation returns the id of the team's organisation.
func (s *Store) TeamOrganisation(ctx context.Context, teamID string) (string, error) {
	var orgs []string
	err := s.r.WithContext(ctx).Table("teams").Where("id = ?", teamID).Limit(1).Pluck("organisation_id", &orgs).Error
	if err != nil {
		return "", fmt.Errorf("look up team %s: %w", teamID, err)
	}
	if len(orgs) == 0 {
		return "", apperr.NotFound("team")
	}
	return orgs[0], nil
}

package store

import (
	"context"
	"fmt"
	"time"

	"gorm.io/gorm"

	"vcready/internal/apperr"
	"vcready/internal/auth"
)

// invitationRow is a row of invitations, found by its link token's hash or its id.
type invitationRow struct {
	TokenHash      string `gorm:"primaryKey"`
	ID             string
	Email          string
	Role           string
	OrganisationID string
	TeamID         *string
	InvitedBy      string
	CreatedAt      time.Time
	ExpiresAt      time.Time
	UsedAt         *time.Time
}

func (invitationRow) TableName() string { return "invitations" }

func (r invitationRow) invitation() auth.Invitation {
	return auth.Invitation{ID: r.ID, Email: r.Email, Role: auth.Role(r.Role), OrganisationID: r.OrganisationID,
		TeamID: emptyIfNull(r.TeamID), InvitedBy: r.InvitedBy, CreatedAt: r.CreatedAt.UTC(),
		ExpiresAt: r.ExpiresAt.UTC(), UsedAt: utcOrNil(r.UsedAt)}
}

// CreateInvitation stores a new invitation under its link token's hash.
func (s *Store) CreateInvitation(ctx context.Context, inv auth.Invitation, tokenHash string) error {
	row := invitationRow{TokenHash: tokenHash, ID: inv.ID, Email: inv.Email, Role: string(inv.Role),
		OrganisationID: inv.OrganisationID, TeamID: nullIfEmpty(inv.TeamID), InvitedBy: inv.InvitedBy,
		CreatedAt: inv.CreatedAt.UTC(), ExpiresAt: inv.ExpiresAt.UTC(), UsedAt: utcOrNil(inv.UsedAt)}
	if err := s.w.WithContext(ctx).Create(&row).Error; err != nil {
		return fmt.Errorf("insert invitation: %w", err)
	}
	return nil
}

// InvitationByHash returns the invitation whose link token hashes to tokenHash.
func (s *Store) InvitationByHash(ctx context.Context, tokenHash string) (auth.Invitation, error) {
	return s.invitationWhere(ctx, "token_hash = ?", tokenHash)
}

// Invitation returns the invitation with id.
func (s *Store) Invitation(ctx context.Context, id string) (auth.Invitation, error) {
	return s.invitationWhere(ctx, "id = ?", id)
}

func (s *Store) invitationWhere(ctx context.Context, cond string, arg string) (auth.Invitation, error) {
	var row invitationRow
	if err := s.r.WithContext(ctx).Where(cond, arg).Take(&row).Error; err != nil {
		return auth.Invitation{}, notFound(err, apperr.NotFound("invitation"))
	}
	return row.invitation(), nil
}

// Invitations lists an organisation's unused invitations, newest first.
func (s *Store) Invitations(ctx context.Context, organisationID string) ([]auth.Invitation, error) {
	var rows []invitationRow
	err := s.r.WithContext(ctx).Where("organisation_id = ? AND used_at IS NULL", organisationID).
		Order("created_at DESC, id").Find(&rows).Error
	if err != nil {
		return nil, fmt.Errorf("list invitations: %w", err)
	}
	out := make([]auth.Invitation, len(rows))
	for i, r := range rows {
		out[i] = r.invitation()
	}
	return out, nil
}

// DeleteInvitation removes an invitation.
func (s *Store) DeleteInvitation(ctx context.Context, id string) error {
	res := s.w.WithContext(ctx).Where("id = ?", id).Delete(&invitationRow{})
	if res.Error != nil {
		return fmt.Errorf("delete invitation: %w", res.Error)
	}
	if res.RowsAffected == 0 {
		return apperr.NotFound("invitation")
	}
	return nil
}

// AcceptInvitation marks the unused invitation used and creates the account, in one
// transaction. The "used_at IS NULL" condition makes the update the arbiter: of two
// concurrent acceptances (PostgreSQL re-checks it after the row lock) only one
// updates a row, and the other gets auth.ErrInvitationUsed with nothing written.
func (s *Store) AcceptInvitation(ctx context.Context, tokenHash string, at time.Time, a auth.Account) error {
	return s.w.WithContext(ctx).Transaction(func(tx *gorm.DB) error {
		res := tx.Model(&invitationRow{}).Where("token_hash = ? AND used_at IS NULL", tokenHash).
			Update("used_at", at.UTC())
		if res.Error != nil {
			return fmt.Errorf("mark invitation used: %w", res.Error)
		}
		if res.RowsAffected == 0 {
			return auth.ErrInvitationUsed
		}
		return createUser(tx, a)
	})
}

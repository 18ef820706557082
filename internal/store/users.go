package store

import (
	"context"
	"errors"
	"fmt"
	"time"

	"gorm.io/gorm"

	"vcready/internal/apperr"
	"vcready/internal/auth"
)

// userRow is a row of users. Admins have no organisation, and only members a team:
// those columns are NULL then, so the foreign keys hold.
type userRow struct {
	ID             string `gorm:"primaryKey"`
	Email          string
	Name           string
	PasswordHash   string
	Role           string
	OrganisationID *string
	TeamID         *string
	CreatedAt      time.Time
	DisabledAt     *time.Time
}

func (userRow) TableName() string { return "users" }

func newUserRow(a auth.Account) userRow {
	return userRow{ID: a.ID, Email: a.Email, Name: a.Name, PasswordHash: a.PasswordHash, Role: string(a.Role),
		OrganisationID: nullIfEmpty(a.OrganisationID), TeamID: nullIfEmpty(a.TeamID),
		CreatedAt: a.CreatedAt.UTC(), DisabledAt: utcOrNil(a.DisabledAt)}
}

func (r userRow) user() auth.User {
	return auth.User{ID: r.ID, Email: r.Email, Name: r.Name, Role: auth.Role(r.Role),
		OrganisationID: emptyIfNull(r.OrganisationID), TeamID: emptyIfNull(r.TeamID), CreatedAt: r.CreatedAt.UTC()}
}

func (r userRow) account() auth.Account {
	return auth.Account{User: r.user(), PasswordHash: r.PasswordHash, DisabledAt: utcOrNil(r.DisabledAt)}
}

// CreateUser stores a new account; an email taken in any case is auth.ErrEmailTaken.
func (s *Store) CreateUser(ctx context.Context, a auth.Account) error {
	return createUser(s.w.WithContext(ctx), a)
}

// createUser inserts an account with db, which may be a transaction.
func createUser(db *gorm.DB, a auth.Account) error {
	row := newUserRow(a)
	err := db.Create(&row).Error
	switch {
	case errors.Is(err, gorm.ErrDuplicatedKey):
		return fmt.Errorf("user %s: %w", a.Email, auth.ErrEmailTaken)
	case errors.Is(err, gorm.ErrForeignKeyViolated):
		return fmt.Errorf("user %s: organisation or team: %w", a.Email, apperr.ErrNotFound)
	case err != nil:
		return fmt.Errorf("insert user: %w", err)
	}
	return nil
}

// Account returns the user with id, with their password hash.
func (s *Store) Account(ctx context.Context, id string) (auth.Account, error) {
	var row userRow
	err := s.r.WithContext(ctx).Where("id = ?", id).Take(&row).Error
	if err != nil {
		return auth.Account{}, notFound(err, apperr.NotFound("user"))
	}
	return row.account(), nil
}

// AccountByEmail returns the user whose email equals email in any case.
func (s *Store) AccountByEmail(ctx context.Context, email string) (auth.Account, error) {
	var row userRow
	err := s.r.WithContext(ctx).Where("lower(email) = lower(?)", email).Take(&row).Error
	if err != nil {
		return auth.Account{}, notFound(err, apperr.NotFound("user"))
	}
	return row.account(), nil
}

// Users lists an organisation's users by email; organisationID "" lists the admins.
func (s *Store) Users(ctx context.Context, organisationID string) ([]auth.User, error) {
	q := s.r.WithContext(ctx).Order("email")
	if organisationID == "" {
		q = q.Where("role = ?", string(auth.RoleAdmin))
	} else {
		q = q.Where("organisation_id = ?", organisationID)
	}
	var rows []userRow
	if err := q.Find(&rows).Error; err != nil {
		return nil, fmt.Errorf("list users: %w", err)
	}
	users := make([]auth.User, len(rows))
	for i, r := range rows {
		users[i] = r.user()
	}
	return users, nil
}

// DeleteUser removes the user with their sessions and API tokens, in one transaction.
// (The foreign keys cascade too; deleting explicitly does not depend on SQLite's
// foreign_keys pragma being on.)
func (s *Store) DeleteUser(ctx context.Context, id string) error {
	return s.w.WithContext(ctx).Transaction(func(tx *gorm.DB) error {
		if err := tx.Where("user_id = ?", id).Delete(&sessionRow{}).Error; err != nil {
			return fmt.Errorf("delete sessions: %w", err)
		}
		if err := tx.Where("user_id = ?", id).Delete(&apiTokenRow{}).Error; err != nil {
			return fmt.Errorf("delete API tokens: %w", err)
		}
		res := tx.Where("id = ?", id).Delete(&userRow{})
		if res.Error != nil {
			return fmt.Errorf("delete user: %w", res.Error)
		}
		if res.RowsAffected == 0 {
			return apperr.NotFound("user")
		}
		return nil
	})
}

// UpdateUserRole moves the user to role, organisation and team.
func (s *Store) UpdateUserRole(ctx context.Context, id string, role auth.Role, organisationID, teamID string) error {
	res := s.w.WithContext(ctx).Model(&userRow{}).Where("id = ?", id).Updates(map[string]any{
		"role": string(role), "organisation_id": nullIfEmpty(organisationID), "team_id": nullIfEmpty(teamID)})
	switch {
	case errors.Is(res.Error, gorm.ErrForeignKeyViolated):
		return fmt.Errorf("user %s: organisation or team: %w", id, apperr.ErrNotFound)
	case res.Error != nil:
		return fmt.Errorf("update user role: %w", res.Error)
	case res.RowsAffected == 0:
		return apperr.NotFound("user")
	}
	return nil
}

// AdminExists reports whether any admin account exists.
func (s *Store) AdminExists(ctx context.Context) (bool, error) {
	return adminExists(s.r.WithContext(ctx))
}

func adminExists(db *gorm.DB) (bool, error) {
	var n int64
	if err := db.Model(&userRow{}).Where("role = ?", string(auth.RoleAdmin)).Limit(1).Count(&n).Error; err != nil {
		return false, fmt.Errorf("look for an admin: %w", err)
	}
	return n > 0, nil
}

// nullIfEmpty stores "" as NULL.
func nullIfEmpty(s string) *string {
	if s == "" {
		return nil
	}
	return &s
}

func emptyIfNull(s *string) string {
	if s == nil {
		return ""
	}
	return *s
}

// utcOrNil copies an optional time in UTC (PostgreSQL hands times back in the local zone).
func utcOrNil(t *time.Time) *time.Time {
	if t == nil {
		return nil
	}
	u := t.UTC()
	return &u
}

package store

import (
	"context"
	"fmt"
	"time"

	"gorm.io/gorm"

	"vcready/internal/apperr"
	"vcready/internal/auth"
)

// setupTokenRow is a row of setup_tokens: a one-time link that creates the first admin.
type setupTokenRow struct {
	TokenHash string `gorm:"primaryKey"`
	CreatedAt time.Time
	UsedAt    *time.Time
}

func (setupTokenRow) TableName() string { return "setup_tokens" }

// setupLockKey names the PostgreSQL advisory lock that serialises first-run set-up
// between app instances. On SQLite every write transaction is already serial.
const setupLockKey = 0x7663_7365_7475_70 // "vcsetup"

// lockSetup takes the set-up lock for the rest of the transaction tx.
func (s *Store) lockSetup(tx *gorm.DB) error {
	if s.dialect != Postgres {
		return nil
	}
	if err := tx.Exec("SELECT pg_advisory_xact_lock(?)", setupLockKey).Error; err != nil {
		return fmt.Errorf("lock set-up: %w", err)
	}
	return nil
}

// ReplaceSetupToken deletes every unused set-up token and stores a new one, failing
// with auth.ErrAlreadySetUp when an admin exists.
func (s *Store) ReplaceSetupToken(ctx context.Context, tokenHash string, at time.Time) error {
	return s.w.WithContext(ctx).Transaction(func(tx *gorm.DB) error {
		if err := s.lockSetup(tx); err != nil {
			return err
		}
		if exists, err := adminExists(tx); err != nil || exists {
			return alreadySetUp(err)
		}
		if err := tx.Where("used_at IS NULL").Delete(&setupTokenRow{}).Error; err != nil {
			return fmt.Errorf("delete unused set-up tokens: %w", err)
		}
		row := setupTokenRow{TokenHash: tokenHash, CreatedAt: at.UTC()}
		if err := tx.Create(&row).Error; err != nil {
			return fmt.Errorf("insert set-up token: %w", err)
		}
		return nil
	})
}

// SetupTokenUnused reports whether the set-up token exists and is unused.
func (s *Store) SetupTokenUnused(ctx context.Context, tokenHash string) (bool, error) {
	var n int64
	err := s.r.WithContext(ctx).Model(&setupTokenRow{}).Where("token_hash = ? AND used_at IS NULL", tokenHash).
		Count(&n).Error
	if err != nil {
		return false, fmt.Errorf("look up set-up token: %w", err)
	}
	return n > 0, nil
}

// CompleteSetup marks the unused set-up token used and creates the admin account, in
// one transaction: an unknown or used token is apperr.ErrNotFound and an existing
// admin auth.ErrAlreadySetUp, with nothing written.
func (s *Store) CompleteSetup(ctx context.Context, tokenHash string, at time.Time, a auth.Account) error {
	return s.w.WithContext(ctx).Transaction(func(tx *gorm.DB) error {
		if err := s.lockSetup(tx); err != nil {
			return err
		}
		res := tx.Model(&setupTokenRow{}).Where("token_hash = ? AND used_at IS NULL", tokenHash).
			Update("used_at", at.UTC())
		if res.Error != nil {
			return fmt.Errorf("mark set-up token used: %w", res.Error)
		}
		if res.RowsAffected == 0 {
			return apperr.NotFound("set-up link")
		}
		if exists, err := adminExists(tx); err != nil || exists {
			return alreadySetUp(err)
		}
		return createUser(tx, a)
	})
}

// alreadySetUp is err, or auth.ErrAlreadySetUp when there was no error.
func alreadySetUp(err error) error {
	if err != nil {
		return err
	}
	return auth.ErrAlreadySetUp
}

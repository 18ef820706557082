package store

import (
	"context"
	"fmt"
	"time"

	"vcready/internal/apperr"
	"vcready/internal/auth"
)

// apiTokenRow is a row of api_tokens, found by its token's hash.
type apiTokenRow struct {
	TokenHash  string `gorm:"primaryKey"`
	UserID     string
	CreatedAt  time.Time
	ExpiresAt  time.Time
	LastUsedAt *time.Time
}

func (apiTokenRow) TableName() string { return "api_tokens" }

// CreateAPIToken stores a new API token.
func (s *Store) CreateAPIToken(ctx context.Context, t auth.APIToken) error {
	row := apiTokenRow{TokenHash: t.TokenHash, UserID: t.UserID, CreatedAt: t.CreatedAt.UTC(),
		ExpiresAt: t.ExpiresAt.UTC(), LastUsedAt: utcOrNil(t.LastUsedAt)}
	if err := s.w.WithContext(ctx).Create(&row).Error; err != nil {
		return fmt.Errorf("insert API token: %w", err)
	}
	return nil
}

// APIToken returns the token that hashes to tokenHash.
func (s *Store) APIToken(ctx context.Context, tokenHash string) (auth.APIToken, error) {
	var row apiTokenRow
	if err := s.r.WithContext(ctx).Where("token_hash = ?", tokenHash).Take(&row).Error; err != nil {
		return auth.APIToken{}, notFound(err, apperr.NotFound("API token"))
	}
	return auth.APIToken{TokenHash: row.TokenHash, UserID: row.UserID, CreatedAt: row.CreatedAt.UTC(),
		ExpiresAt: row.ExpiresAt.UTC(), LastUsedAt: utcOrNil(row.LastUsedAt)}, nil
}

// TouchAPIToken records that the token was used at at.
func (s *Store) TouchAPIToken(ctx context.Context, tokenHash string, at time.Time) error {
	err := s.w.WithContext(ctx).Model(&apiTokenRow{}).Where("token_hash = ?", tokenHash).
		Update("last_used_at", at.UTC()).Error
	if err != nil {
		return fmt.Errorf("touch API token: %w", err)
	}
	return nil
}

package store

import (
	"context"
	"fmt"
	"time"

	"vcready/internal/apperr"
	"vcready/internal/auth"
)

// sessionRow is a row of sessions: a browser session, found by its token's hash.
type sessionRow struct {
	TokenHash  string `gorm:"primaryKey"`
	UserID     string
	CreatedAt  time.Time
	LastSeenAt time.Time
	ExpiresAt  time.Time
}

func (sessionRow) TableName() string { return "sessions" }

// CreateSession stores a new session.
func (s *Store) CreateSession(ctx context.Context, sess auth.Session) error {
	row := sessionRow{TokenHash: sess.TokenHash, UserID: sess.UserID, CreatedAt: sess.CreatedAt.UTC(),
		LastSeenAt: sess.LastSeenAt.UTC(), ExpiresAt: sess.ExpiresAt.UTC()}
	if err := s.w.WithContext(ctx).Create(&row).Error; err != nil {
		return fmt.Errorf("insert session: %w", err)
	}
	return nil
}

// Session returns the session whose token hashes to tokenHash.
func (s *Store) Session(ctx context.Context, tokenHash string) (auth.Session, error) {
	var row sessionRow
	if err := s.r.WithContext(ctx).Where("token_hash = ?", tokenHash).Take(&row).Error; err != nil {
		return auth.Session{}, notFound(err, apperr.NotFound("session"))
	}
	return auth.Session{TokenHash: row.TokenHash, UserID: row.UserID, CreatedAt: row.CreatedAt.UTC(),
		LastSeenAt: row.LastSeenAt.UTC(), ExpiresAt: row.ExpiresAt.UTC()}, nil
}

// TouchSession records that the session was used at at.
func (s *Store) TouchSession(ctx context.Context, tokenHash string, at time.Time) error {
	err := s.w.WithContext(ctx).Model(&sessionRow{}).Where("token_hash = ?", tokenHash).
		Update("last_seen_at", at.UTC()).Error
	if err != nil {
		return fmt.Errorf("touch session: %w", err)
	}
	return nil
}

// DeleteSession removes a session; removing a missing one is not an error.
func (s *Store) DeleteSession(ctx context.Context, tokenHash string) error {
	if err := s.w.WithContext(ctx).Where("token_hash = ?", tokenHash).Delete(&sessionRow{}).Error; err != nil {
		return fmt.Errorf("delete session: %w", err)
	}
	return nil
}

// DeleteUserSessions removes every session of the user.
func (s *Store) DeleteUserSessions(ctx context.Context, userID string) error {
	if err := s.w.WithContext(ctx).Where("user_id = ?", userID).Delete(&sessionRow{}).Error; err != nil {
		return fmt.Errorf("delete sessions of user %s: %w", userID, err)
	}
	return nil
}

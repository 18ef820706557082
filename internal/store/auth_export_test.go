package store

import (
	"context"
	"time"
)

// Test-only helpers for the auth tests in package store_test, which need
// organisations and teams to place users in without depending on the assessment
// service's types.

// SeedOrganisation inserts an organisation row.
func (s *Store) SeedOrganisation(ctx context.Context, id, name string) error {
	return s.w.WithContext(ctx).Exec("INSERT INTO organisations (id, name, created_at) VALUES (?, ?, ?)",
		id, name, time.Now().UTC()).Error
}

// SeedTeam inserts a team row of organisation org.
func (s *Store) SeedTeam(ctx context.Context, id, org, name string) error {
	return s.w.WithContext(ctx).Exec(`INSERT INTO teams (id, organisation_id, name, setting, specialty, nation, created_at)
		VALUES (?, ?, ?, 'primary_care', 'general_practice', 'england', ?)`, id, org, name, time.Now().UTC()).Error
}

// CountRows counts the rows of table (a fixed name from the test, never input).
func (s *Store) CountRows(ctx context.Context, table string) (int64, error) {
	var n int64
	err := s.r.WithContext(ctx).Table(table).Count(&n).Error
	return n, err
}

// DisableUser marks a user disabled (no service method does yet).
func (s *Store) DisableUser(ctx context.Context, id string) error {
	return s.w.WithContext(ctx).Exec("UPDATE users SET disabled_at = ? WHERE id = ?", time.Now().UTC(), id).Error
}

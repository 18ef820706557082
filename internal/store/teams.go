package store

import (
	"context"
	"fmt"
	"time"

	"gorm.io/gorm"

	"vcready/internal/apperr"
	"vcready/internal/assessment"
)

// teamRow is a row of teams.
type teamRow struct {
	ID             string `gorm:"primaryKey"`
	OrganisationID string
	Name           string
	Setting        string
	Specialty      string
	Nation         string
	CreatedAt      time.Time `gorm:"autoCreateTime:false"`
}

func (teamRow) TableName() string { return "teams" }

func (r teamRow) team() assessment.Team {
	return assessment.Team{ID: r.ID, OrganisationID: r.OrganisationID, Name: r.Name, Setting: r.Setting,
		Specialty: r.Specialty, Nation: r.Nation, CreatedAt: r.CreatedAt.UTC()}
}

// CreateTeam inserts a team; a name its organisation already uses (any case) is
// assessment.ErrDuplicateName.
func (s *Store) CreateTeam(ctx context.Context, t assessment.Team) error {
	row := teamRow{ID: t.ID, OrganisationID: t.OrganisationID, Name: t.Name, Setting: t.Setting,
		Specialty: t.Specialty, Nation: t.Nation, CreatedAt: t.CreatedAt}
	if err := s.w.WithContext(ctx).Create(&row).Error; err != nil {
		return fmt.Errorf("insert team: %w", duplicateName(err))
	}
	return nil
}

// UpdateTeam changes a team's name, setting, specialty and nation. Its organisation
// and creation time never change. The attributes decide cohorts, so the change counts
// as a change to benchmark data.
func (s *Store) UpdateTeam(ctx context.Context, t assessment.Team) error {
	return s.w.WithContext(ctx).Transaction(func(tx *gorm.DB) error {
		res := tx.Model(&teamRow{}).Where("id = ?", t.ID).Updates(map[string]any{
			"name": t.Name, "setting": t.Setting, "specialty": t.Specialty, "nation": t.Nation,
		})
		if res.Error != nil {
			return fmt.Errorf("update team: %w", duplicateName(res.Error))
		}
		if res.RowsAffected == 0 {
			return fmt.Errorf("update team: %w", apperr.NotFound("team"))
		}
		return bumpBenchmarkVersion(tx, assessment.BenchmarkChange{TeamID: t.ID})
	})
}

// Team returns the team with the given id.
func (s *Store) Team(ctx context.Context, id string) (assessment.Team, error) {
	var row teamRow
	if err := s.r.WithContext(ctx).Where("id = ?", id).Take(&row).Error; err != nil {
		return assessment.Team{}, fmt.Errorf("read team: %w", notFound(err, apperr.NotFound("team")))
	}
	return row.team(), nil
}

// Teams lists an organisation's teams by name.
func (s *Store) Teams(ctx context.Context, organisationID string) ([]assessment.Team, error) {
	var rows []teamRow
	err := s.r.WithContext(ctx).Where("organisation_id = ?", organisationID).Order("lower(name), id").Find(&rows).Error
	if err != nil {
		return nil, fmt.Errorf("read teams: %w", err)
	}
	out := make([]assessment.Team, len(rows))
	for i, r := range rows {
		out[i] = r.team()
	}
	return out, nil
}

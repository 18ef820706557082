package store

import (
	"context"
	"errors"
	"fmt"
	"time"

	"gorm.io/gorm"

	"vcready/internal/apperr"
	"vcready/internal/assessment"
)

// organisationRow is a row of organisations.
type organisationRow struct {
	ID        string `gorm:"primaryKey"`
	Name      string
	Demo      bool
	CreatedAt time.Time `gorm:"autoCreateTime:false"`
	// Settings; the columns' defaults (share on, publish off) match Organisation's.
	ShareWithOtherOrganisations bool
	PublishOpenData             bool
}

func (organisationRow) TableName() string { return "organisations" }

func (r organisationRow) organisation() assessment.Organisation {
	return assessment.Organisation{ID: r.ID, Name: r.Name, Demo: r.Demo, CreatedAt: r.CreatedAt.UTC(),
		ShareWithOtherOrganisations: r.ShareWithOtherOrganisations, PublishOpenData: r.PublishOpenData}
}

// CreateOrganisation inserts an organisation. The unique index on lower(name), not a
// prior look-up, decides whether the name is taken, so two concurrent requests cannot
// both win.
func (s *Store) CreateOrganisation(ctx context.Context, o assessment.Organisation) error {
	row := organisationRow{ID: o.ID, Name: o.Name, Demo: o.Demo, CreatedAt: o.CreatedAt,
		ShareWithOtherOrganisations: o.ShareWithOtherOrganisations, PublishOpenData: o.PublishOpenData}
	if err := s.w.WithContext(ctx).Create(&row).Error; err != nil {
		return fmt.Errorf("insert organisation: %w", duplicateName(err))
	}
	return nil
}

// UpdateOrganisation writes an organisation's name and settings. Its sharing setting
// decides cohorts, so the change counts as a change to benchmark data.
func (s *Store) UpdateOrganisation(ctx context.Context, o assessment.Organisation) error {
	return s.w.WithContext(ctx).Transaction(func(tx *gorm.DB) error {
		res := tx.Model(&organisationRow{}).Where("id = ?", o.ID).Updates(map[string]any{
			"name": o.Name, "share_with_other_organisations": o.ShareWithOtherOrganisations,
			"publish_open_data": o.PublishOpenData})
		if res.Error != nil {
			return fmt.Errorf("update organisation: %w", duplicateName(res.Error))
		}
		if res.RowsAffected == 0 {
			return fmt.Errorf("update organisation: %w", apperr.NotFound("organisation"))
		}
		return bumpBenchmarkVersion(tx, assessment.BenchmarkChange{OrganisationID: o.ID})
	})
}

// Organisation returns the organisation with the given id.
func (s *Store) Organisation(ctx context.Context, id string) (assessment.Organisation, error) {
	var row organisationRow
	err := s.r.WithContext(ctx).Where("id = ?", id).Take(&row).Error
	if err != nil {
		return assessment.Organisation{}, fmt.Errorf("read organisation: %w", notFound(err, apperr.NotFound("organisation")))
	}
	return row.organisation(), nil
}

// Organisations lists every organisation by name.
func (s *Store) Organisations(ctx context.Context) ([]assessment.Organisation, error) {
	var rows []organisationRow
	if err := s.r.WithContext(ctx).Order("lower(name), id").Find(&rows).Error; err != nil {
		return nil, fmt.Errorf("read organisations: %w", err)
	}
	out := make([]assessment.Organisation, len(rows))
	for i, r := range rows {
		out[i] = r.organisation()
	}
	return out, nil
}

// duplicateName turns a unique violation into the service's ErrDuplicateName. Names
// are the only unique columns written by these inserts besides random ids.
func duplicateName(err error) error {
	if errors.Is(err, gorm.ErrDuplicatedKey) {
		return assessment.ErrDuplicateName
	}
	return err
}

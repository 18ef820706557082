package store

import (
	"context"
	"database/sql"
	"fmt"

	"gorm.io/gorm"

	"vcready/internal/assessment"
)

// BenchmarkVersion reads the counter that every change to benchmark data bumps, so an
// app instance can tell with one tiny query whether its benchmark index is current.
func (s *Store) BenchmarkVersion(ctx context.Context) (int64, error) {
	var v int64
	if err := s.r.WithContext(ctx).Raw("SELECT version FROM benchmark_version WHERE id = 1").Scan(&v).Error; err != nil {
		return 0, fmt.Errorf("read benchmark version: %w", err)
	}
	return v, nil
}

// bumpBenchmarkVersion counts a change to benchmark data, inside the change's own
// transaction, and logs what changed: a team (its latest scores or attributes) or an
// organisation (its sharing). The row lock the update takes orders concurrent
// changes, so versions commit in the order they are numbered.
func bumpBenchmarkVersion(tx *gorm.DB, change assessment.BenchmarkChange) error {
	var v int64
	if err := tx.Raw("UPDATE benchmark_version SET version = version + 1 WHERE id = 1 RETURNING version").Scan(&v).Error; err != nil {
		return fmt.Errorf("bump benchmark version: %w", err)
	}
	err := tx.Exec("INSERT INTO benchmark_changes (version, team_id, organisation_id) VALUES (?, ?, ?)",
		v, change.TeamID, change.OrganisationID).Error
	if err == nil {
		err = tx.Exec("DELETE FROM benchmark_changes WHERE version <= ?", v-keepChanges).Error
	}
	if err != nil {
		return fmt.Errorf("log benchmark change: %w", err)
	}
	return nil
}

// keepChanges is how many logged changes are kept. An instance further behind
// rebuilds its index rather than apply them one by one (the service's limit is
// lower), and one that finds a gap in the log rebuilds too, so older rows are never
// needed.
const keepChanges = 5000

// BenchmarkChanges lists the changes logged after version since, oldest first.
func (s *Store) BenchmarkChanges(ctx context.Context, since int64) ([]assessment.BenchmarkChange, error) {
	var out []assessment.BenchmarkChange
	err := s.r.WithContext(ctx).Raw("SELECT version, team_id, organisation_id FROM benchmark_changes WHERE version > ? ORDER BY version",
		since).Scan(&out).Error
	if err != nil {
		return nil, fmt.Errorf("read benchmark changes: %w", err)
	}
	return out, nil
}

// cohortQuery selects, for every team (or one: %[2]s), its latest submitted
// assessment per questionnaire id and major version (%[1]s is the dialect's
// major-version expression), joined with the team's attributes and its
// organisation's sharing setting, one row per scored consideration (one row with no
// consideration when none is scored, so the team's earlier scores stop counting),
// grouped by assessment.
const cohortQuery = `
WITH latest AS (
	SELECT a.id, a.team_id, a.questionnaire_id, a.questionnaire_version,
		ROW_NUMBER() OVER (PARTITION BY a.team_id, a.questionnaire_id, %[1]s
			ORDER BY a.submitted_at DESC, a.id DESC) AS rn
	FROM assessments a
	WHERE a.status = 'submitted'%[2]s
)
SELECT l.id, l.questionnaire_id, l.questionnaire_version, t.id, t.organisation_id,
	t.setting, t.specialty, t.nation, o.share_with_other_organisations, s.consideration, s.exact
FROM latest l
JOIN teams t ON t.id = l.team_id
JOIN organisations o ON o.id = t.organisation_id
LEFT JOIN assessment_scores s ON s.assessment_id = l.id AND s.status = 'scored'
WHERE l.rn = 1
ORDER BY l.id, s.consideration`

// majorExpr is the major part of questionnaire_version ("1" of "1.2.0") in SQL.
func (s *Store) majorExpr() string {
	if s.dialect == Postgres {
		return "split_part(a.questionnaire_version, '.', 1)"
	}
	return "CASE WHEN instr(a.questionnaire_version, '.') > 0 " +
		"THEN substr(a.questionnaire_version, 1, instr(a.questionnaire_version, '.') - 1) " +
		"ELSE a.questionnaire_version END"
}

// CohortScores streams the scores benchmarks are built from (see cohortQuery) to fn,
// row by row without holding them, stopping at fn's first error.
func (s *Store) CohortScores(ctx context.Context, fn func(assessment.CohortScore) error) error {
	return s.cohortScores(s.r.WithContext(ctx).Raw(fmt.Sprintf(cohortQuery, s.majorExpr(), "")), fn)
}

// TeamCohortScores is CohortScores for one team.
func (s *Store) TeamCohortScores(ctx context.Context, teamID string, fn func(assessment.CohortScore) error) error {
	return s.cohortScores(s.r.WithContext(ctx).Raw(fmt.Sprintf(cohortQuery, s.majorExpr(), " AND a.team_id = ?"), teamID), fn)
}

func (s *Store) cohortScores(q *gorm.DB, fn func(assessment.CohortScore) error) error {
	rows, err := q.Rows()
	if err != nil {
		return fmt.Errorf("read cohort scores: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var c assessment.CohortScore
		var key sql.NullString
		var exact sql.NullFloat64
		if err := rows.Scan(&c.AssessmentID, &c.QuestionnaireID, &c.QuestionnaireVersion, &c.TeamID,
			&c.OrganisationID, &c.Setting, &c.Specialty, &c.Nation, &c.Shares, &key, &exact); err != nil {
			return fmt.Errorf("read cohort scores: %w", err)
		}
		c.Consideration, c.Exact = key.String, exact.Float64
		if err := fn(c); err != nil {
			return err
		}
	}
	if err := rows.Err(); err != nil {
		return fmt.Errorf("read cohort scores: %w", err)
	}
	return nil
}

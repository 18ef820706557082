package store

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"time"

	"gorm.io/gorm"

	"vcready/internal/apperr"
	"vcready/internal/assessment"
)

// openDataSnapshotRow is a row of open_data_snapshots.
type openDataSnapshotRow struct {
	SnapshotDate time.Time `gorm:"primaryKey"`
	BuiltAt      time.Time
	Body         string
}

func (openDataSnapshotRow) TableName() string { return "open_data_snapshots" }

// storedOpenData is the body format. It is the store's own, with its own JSON names, so
// that neither a change to the service's types nor to the API's wire format can make
// stored snapshots unreadable.
type storedOpenData struct {
	Questionnaires []storedOpenDataQuestionnaire `json:"questionnaires"`
}

type storedOpenDataQuestionnaire struct {
	ID     string                `json:"id"`
	Major  int                   `json:"major"`
	Groups []storedOpenDataGroup `json:"groups"`
}

type storedOpenDataGroup struct {
	Group          string                  `json:"group"`
	N              int                     `json:"n"`
	Suppressed     bool                    `json:"suppressed"`
	Considerations []storedOpenDataFigures `json:"considerations,omitempty"`
}

type storedOpenDataFigures struct {
	Key        string  `json:"key"`
	N          int     `json:"n"`
	Suppressed bool    `json:"suppressed"`
	Median     float64 `json:"median"`
	P25        float64 `json:"p25"`
	P75        float64 `json:"p75"`
}

// openDataSubmissionRow is an assessment row joined with its team and organisation.
type openDataSubmissionRow struct {
	ID, TeamID, QuestionnaireID, QuestionnaireVersion string
	SubmittedAt                                       time.Time
	Setting, Nation                                   string
	PublishOpenData, Demo                             bool
}

// openDataScoreRow is one consideration's full-precision score.
type openDataScoreRow struct {
	AssessmentID, Consideration string
	Exact                       float64
}

// OpenDataSubmissions lists the submitted assessments of the organisations that
// publish open data (never the demo's), with their teams' setting and nation and their
// scored considerations' exact scores, read in one transaction so the two queries
// agree. The service checks the flags again; filtering here keeps the other
// organisations' data out of memory.
func (s *Store) OpenDataSubmissions(ctx context.Context) ([]assessment.OpenDataSubmission, error) {
	var subs []openDataSubmissionRow
	var scores []openDataScoreRow
	err := s.r.WithContext(ctx).Transaction(func(tx *gorm.DB) error {
		err := tx.Table("assessments a").Joins("JOIN teams t ON t.id = a.team_id").
			Joins("JOIN organisations o ON o.id = a.organisation_id").
			Select("a.id, a.team_id, a.questionnaire_id, a.questionnaire_version, a.submitted_at, t.setting, t.nation, o.publish_open_data, o.demo").
			Where("a.status = ? AND o.publish_open_data = ? AND o.demo = ?", assessment.StatusSubmitted, true, false).
			Scan(&subs).Error
		if err != nil {
			return err
		}
		return tx.Table("assessment_scores s").Joins("JOIN assessments a ON a.id = s.assessment_id").
			Joins("JOIN organisations o ON o.id = a.organisation_id").
			Select("s.assessment_id, s.consideration, s.exact").
			Where("a.status = ? AND o.publish_open_data = ? AND o.demo = ? AND s.exact IS NOT NULL", assessment.StatusSubmitted, true, false).
			Scan(&scores).Error
	})
	if err != nil {
		return nil, fmt.Errorf("read open-data submissions: %w", err)
	}
	return joinOpenDataScores(subs, scores), nil
}

func joinOpenDataScores(subs []openDataSubmissionRow, scores []openDataScoreRow) []assessment.OpenDataSubmission {
	out := make([]assessment.OpenDataSubmission, len(subs))
	byID := make(map[string]*assessment.OpenDataSubmission, len(subs))
	for i, r := range subs {
		out[i] = assessment.OpenDataSubmission{AssessmentID: r.ID, TeamID: r.TeamID, Publish: r.PublishOpenData,
			Demo: r.Demo, Setting: r.Setting, Nation: r.Nation, QuestionnaireID: r.QuestionnaireID,
			QuestionnaireVersion: r.QuestionnaireVersion, SubmittedAt: r.SubmittedAt.UTC(), Scores: map[string]float64{}}
		byID[r.ID] = &out[i]
	}
	for _, sc := range scores {
		if sub, ok := byID[sc.AssessmentID]; ok {
			sub.Scores[sc.Consideration] = sc.Exact
		}
	}
	return out
}

// CreateOpenDataSnapshot inserts a snapshot. The primary key on the date, not a prior
// look-up, decides who stored the day's snapshot: a second insert is ErrSnapshotExists.
func (s *Store) CreateOpenDataSnapshot(ctx context.Context, od assessment.OpenData) error {
	body, err := json.Marshal(toStoredOpenData(od))
	if err != nil {
		return fmt.Errorf("encode open data: %w", err)
	}
	row := openDataSnapshotRow{SnapshotDate: od.SnapshotDate.UTC(), BuiltAt: od.BuiltAt.UTC(), Body: string(body)}
	err = s.w.WithContext(ctx).Create(&row).Error
	if errors.Is(err, gorm.ErrDuplicatedKey) {
		return assessment.ErrSnapshotExists
	}
	if err != nil {
		return fmt.Errorf("insert open-data snapshot: %w", err)
	}
	return nil
}

// LatestOpenDataSnapshot returns the snapshot with the latest date.
func (s *Store) LatestOpenDataSnapshot(ctx context.Context) (assessment.OpenData, error) {
	var row openDataSnapshotRow
	err := s.r.WithContext(ctx).Order("snapshot_date DESC").Take(&row).Error
	if err != nil {
		return assessment.OpenData{}, fmt.Errorf("read open-data snapshot: %w", notFound(err, apperr.NotFound("open-data snapshot")))
	}
	var body storedOpenData
	if err := json.Unmarshal([]byte(row.Body), &body); err != nil {
		return assessment.OpenData{}, fmt.Errorf("decode open-data snapshot: %w", err)
	}
	od := fromStoredOpenData(body)
	od.SnapshotDate, od.BuiltAt = utcDate(row.SnapshotDate), row.BuiltAt.UTC()
	return od, nil
}

// utcDate is the calendar day of a DATE column as midnight UTC, whatever zone the
// driver read it in.
func utcDate(t time.Time) time.Time {
	y, m, d := t.Date()
	return time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
}

func toStoredOpenData(od assessment.OpenData) storedOpenData {
	out := storedOpenData{Questionnaires: make([]storedOpenDataQuestionnaire, len(od.Questionnaires))}
	for i, q := range od.Questionnaires {
		sq := storedOpenDataQuestionnaire{ID: q.ID, Major: q.Major, Groups: make([]storedOpenDataGroup, len(q.Groups))}
		for j, g := range q.Groups {
			sg := storedOpenDataGroup{Group: g.Group, N: g.N, Suppressed: g.Suppressed}
			for _, f := range g.Considerations {
				sg.Considerations = append(sg.Considerations, storedOpenDataFigures{Key: f.Key, N: f.N,
					Suppressed: f.Suppressed, Median: f.Median, P25: f.P25, P75: f.P75})
			}
			sq.Groups[j] = sg
		}
		out.Questionnaires[i] = sq
	}
	return out
}

func fromStoredOpenData(sd storedOpenData) assessment.OpenData {
	od := assessment.OpenData{Questionnaires: make([]assessment.OpenDataQuestionnaire, len(sd.Questionnaires))}
	for i, q := range sd.Questionnaires {
		oq := assessment.OpenDataQuestionnaire{ID: q.ID, Major: q.Major, Groups: make([]assessment.OpenDataGroup, len(q.Groups))}
		for j, g := range q.Groups {
			og := assessment.OpenDataGroup{Group: g.Group, N: g.N, Suppressed: g.Suppressed}
			for _, f := range g.Considerations {
				og.Considerations = append(og.Considerations, assessment.OpenDataFigures{Key: f.Key, N: f.N,
					Suppressed: f.Suppressed, Median: f.Median, P25: f.P25, P75: f.P75})
			}
			oq.Groups[j] = og
		}
		od.Questionnaires[i] = oq
	}
	return od
}

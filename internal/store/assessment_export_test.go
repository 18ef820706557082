package store

import "gorm.io/gorm"

// AssessmentTestDB hands the writer to this package's external tests, which need to add
// users (owned by another part of the store) and read assessment_scores rows, which no
// method returns yet.
func (s *Store) AssessmentTestDB() *gorm.DB { return s.w }

package store

import (
	"context"
	"errors"
	"time"
	"unicode/utf8"

	"gorm.io/gorm"
	"gorm.io/gorm/logger"
)

// maxLoggedSQL bounds the statement in a log line: one with thousands of parameters
// made a line of 160 KB (F-21).
const maxLoggedSQL = 1024

// sqlLog is GORM's logger with two changes. A statement refused by a unique or
// foreign-key constraint is an expected outcome that the store turns into a 4xx
// (a duplicate name), so it is not logged as an error; an unexpected failure still
// is, here and by the web error handler. And the statement logged is clipped.
type sqlLog struct{ logger.Interface }

func (l sqlLog) LogMode(level logger.LogLevel) logger.Interface {
	return sqlLog{l.Interface.LogMode(level)}
}

func (l sqlLog) Trace(ctx context.Context, begin time.Time, fc func() (string, int64), err error) {
	if errors.Is(err, gorm.ErrDuplicatedKey) || errors.Is(err, gorm.ErrForeignKeyViolated) {
		err = nil // logged only if slow, like any statement
	}
	l.Interface.Trace(ctx, begin, func() (string, int64) {
		sql, rows := fc()
		return clipSQL(sql), rows
	}, err)
}

// clipSQL is sql cut to maxLoggedSQL bytes on a rune boundary, marked when cut.
func clipSQL(sql string) string {
	if len(sql) <= maxLoggedSQL {
		return sql
	}
	n := maxLoggedSQL
	for n > 0 && !utf8.RuneStart(sql[n]) {
		n--
	}
	return sql[:n] + "…"
}

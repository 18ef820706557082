// Package apperr is vcready's one error vocabulary. Services wrap these sentinels with
// what they were doing; only the web layer's error handler turns them into HTTP
// statuses, so the mapping lives in one place.
package apperr

import (
	"errors"
	"fmt"
	"strings"
)

// Sentinels. Wrap them: fmt.Errorf("team %s: %w", id, apperr.ErrNotFound).
var (
	// ErrNotFound: the thing does not exist or this user may not know it exists. A
	// resource of another organisation is "not found", never "forbidden", so ids
	// cannot be probed.
	ErrNotFound = errors.New("not found")
	// ErrUnauthenticated: no or bad credentials.
	ErrUnauthenticated = errors.New("sign in required")
	// ErrForbidden: signed in, and allowed to see the thing, but not to do this.
	ErrForbidden = errors.New("not allowed")
	// ErrConflict: the request is valid but the state forbids it (a submitted
	// assessment cannot be edited).
	ErrConflict = errors.New("conflict")
	// ErrInvalid: well-formed input that breaks a rule. Prefer *ValidationError, which
	// names each field.
	ErrInvalid = errors.New("invalid")
	// ErrRateLimited: too many attempts; try again later.
	ErrRateLimited = errors.New("too many attempts")
)

// FieldProblem names one field of the input and what is wrong with it, in words a
// user can act on.
type FieldProblem struct {
	Field   string `json:"field"`
	Problem string `json:"problem"`
}

// ValidationError is an ErrInvalid that lists every problem found, not just the first.
type ValidationError struct {
	Message  string
	Problems []FieldProblem
}

// Invalid returns a ValidationError with the given summary and problems.
func Invalid(message string, problems ...FieldProblem) *ValidationError {
	return &ValidationError{Message: message, Problems: problems}
}

func (e *ValidationError) Error() string {
	var b strings.Builder
	b.WriteString(e.Message)
	for _, p := range e.Problems {
		fmt.Fprintf(&b, "; %s: %s", p.Field, p.Problem)
	}
	return b.String()
}

// Unwrap makes errors.Is(err, ErrInvalid) true.
func (e *ValidationError) Unwrap() error { return ErrInvalid }

// Conflict returns an ErrConflict with a message a user can read.
func Conflict(message string) error { return &messageError{message, ErrConflict} }

// NotFound returns an ErrNotFound naming what was looked for.
func NotFound(what string) error { return &messageError{what + " not found", ErrNotFound} }

// Forbidden returns an ErrForbidden with a message a user can read.
func Forbidden(message string) error { return &messageError{message, ErrForbidden} }

// messageError carries a user-facing message for a sentinel.
type messageError struct {
	msg      string
	sentinel error
}

func (e *messageError) Error() string { return e.msg }

// PublicMessage is the message a user may see.
func (e *messageError) PublicMessage() string { return e.msg }
func (e *messageError) Unwrap() error         { return e.sentinel }

// PublicMessage returns the sentence a user may see for err: the message of the
// outermost ValidationError, or of any error in the chain with a PublicMessage method
// (our messageError, and services' own errors), else "". Internal error text never
// reaches users.
func PublicMessage(err error) string {
	var ve *ValidationError
	if errors.As(err, &ve) {
		return ve.Message
	}
	var pm interface{ PublicMessage() string }
	if errors.As(err, &pm) {
		return pm.PublicMessage()
	}
	return ""
}

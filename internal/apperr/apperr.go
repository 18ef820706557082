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
	// ErrBadRequest: input that could not be read at all (malformed JSON, a value of
	// the wrong type, a form that does not parse), as opposed to readable input that
	// breaks a rule (ErrInvalid). Prefer BadRequest, which can name fields.
	ErrBadRequest = errors.New("bad request")
	// ErrUnavailable: a dependency (the database) failed, so the request could not be
	// answered either way. Used where "not found" or "signed out" would be a lie.
	ErrUnavailable = errors.New("unavailable")
)

// FieldProblem names one field of the input and what is wrong with it, in words a
// user can act on.
type FieldProblem struct {
	Field   string
	Problem string
}

// ValidationError is an ErrInvalid (or, from BadRequest, an ErrBadRequest) that lists
// every problem found, not just the first.
type ValidationError struct {
	Message  string
	Problems []FieldProblem
	// sentinel is what the error unwraps to; nil means ErrInvalid.
	sentinel error
}

// Invalid returns a ValidationError with the given summary and problems.
func Invalid(message string, problems ...FieldProblem) *ValidationError {
	return &ValidationError{Message: message, Problems: problems}
}

// BadRequest returns an ErrBadRequest with a summary a script author can act on and
// the fields it names, if any: input that could not be read, not input that broke a
// rule.
func BadRequest(message string, problems ...FieldProblem) *ValidationError {
	return &ValidationError{Message: message, Problems: problems, sentinel: ErrBadRequest}
}

func (e *ValidationError) Error() string {
	var b strings.Builder
	b.WriteString(e.Message)
	for _, p := range e.Problems {
		fmt.Fprintf(&b, "; %s: %s", p.Field, p.Problem)
	}
	return b.String()
}

// Unwrap makes errors.Is(err, ErrInvalid) true (ErrBadRequest for BadRequest's).
func (e *ValidationError) Unwrap() error {
	if e.sentinel != nil {
		return e.sentinel
	}
	return ErrInvalid
}

// Conflict returns an ErrConflict with a message a user can read.
func Conflict(message string) error { return &messageError{message, ErrConflict} }

// NotFound returns an ErrNotFound naming what was looked for.
func NotFound(what string) error { return &messageError{what + " not found", ErrNotFound} }

// Forbidden returns an ErrForbidden with a message a user can read.
func Forbidden(message string) error { return &messageError{message, ErrForbidden} }

// Unavailable wraps err, a failure of a dependency, as an ErrUnavailable naming what
// was being done. The cause stays in the chain for the logs; users see only that the
// service is not available.
func Unavailable(doing string, err error) error {
	return fmt.Errorf("%s: %w", doing, errors.Join(ErrUnavailable, err))
}

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

package apperr_test

import (
	"errors"
	"fmt"
	"testing"

	"vcready/internal/apperr"
)

func TestSentinelsSurviveWrapping(t *testing.T) {
	dbErr := errors.New("database is locked")
	tests := []struct {
		name string
		err  error
		is   error
		not  []error
	}{
		{"invalid", fmt.Errorf("save team: %w", apperr.Invalid("Enter a name.")), apperr.ErrInvalid, []error{apperr.ErrBadRequest}},
		{"bad request", fmt.Errorf("bind: %w", apperr.BadRequest("The body is not valid JSON.")), apperr.ErrBadRequest, []error{apperr.ErrInvalid}},
		{"not found", apperr.NotFound("team x"), apperr.ErrNotFound, []error{apperr.ErrForbidden}},
		{"forbidden", apperr.Forbidden("No."), apperr.ErrForbidden, []error{apperr.ErrNotFound}},
		{"conflict", apperr.Conflict("Already submitted."), apperr.ErrConflict, nil},
		{"unavailable", apperr.Unavailable("look up session", dbErr), apperr.ErrUnavailable, []error{apperr.ErrUnauthenticated, apperr.ErrNotFound}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if !errors.Is(tt.err, tt.is) {
				t.Errorf("errors.Is(%v, %v) = false", tt.err, tt.is)
			}
			for _, n := range tt.not {
				if errors.Is(tt.err, n) {
					t.Errorf("errors.Is(%v, %v) = true", tt.err, n)
				}
			}
		})
	}
}

func TestUnavailableKeepsTheCauseForLogsButNotForUsers(t *testing.T) {
	dbErr := errors.New("database is locked")
	err := apperr.Unavailable("look up session", dbErr)
	if !errors.Is(err, dbErr) {
		t.Error("cause lost from the chain")
	}
	if m := apperr.PublicMessage(err); m != "" {
		t.Errorf("PublicMessage = %q, want none (internal text must not reach users)", m)
	}
}

func TestBadRequestCarriesFieldsAndMessage(t *testing.T) {
	err := fmt.Errorf("decode: %w", apperr.BadRequest("A field has the wrong type.",
		apperr.FieldProblem{Field: "answers[3].level", Problem: "must be a whole number"}))
	var ve *apperr.ValidationError
	if !errors.As(err, &ve) || len(ve.Problems) != 1 || ve.Problems[0].Field != "answers[3].level" {
		t.Fatalf("problems lost: %#v", ve)
	}
	if got := apperr.PublicMessage(err); got != "A field has the wrong type." {
		t.Errorf("PublicMessage = %q", got)
	}
}

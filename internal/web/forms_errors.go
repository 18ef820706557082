package web

import (
	"errors"
	"strings"
	"unicode"

	"vcready/internal/apperr"
)

// formErrors turns a service's validation error into error-summary entries for a
// form. labels maps field names to the words the form uses, so a fragment such as
// "must be one of ..." reads as "Setting must be one of ...". Any other error is
// returned unchanged for the error handler.
func formErrors(err error, labels map[string]string) ([]FieldError, error) {
	var ve *apperr.ValidationError
	if !errors.As(err, &ve) {
		return nil, err
	}
	var out []FieldError
	for _, p := range ve.Problems {
		out = append(out, FieldError{Field: p.Field, Message: sentence(labels[p.Field], p.Problem)})
	}
	if len(out) == 0 {
		out = append(out, FieldError{Field: firstKey(labels), Message: ve.Message})
	}
	return out, nil
}

// sentence makes "must be one of x" into "Setting must be one of x"; a problem that is
// already a sentence ("Enter your full name") is kept.
func sentence(label, problem string) string {
	if problem == "" {
		return label + " is not valid"
	}
	first := []rune(problem)[0]
	if unicode.IsUpper(first) || label == "" {
		return problem
	}
	return label + " " + problem
}

func firstKey(m map[string]string) string {
	for k := range m {
		return k
	}
	return ""
}

// formValue is a trimmed form field.
func formValue(get func(string) string, name string) string {
	return strings.TrimSpace(get(name))
}

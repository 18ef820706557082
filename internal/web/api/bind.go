package api

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"mime"
	"reflect"
	"strings"
	"unicode/utf8"

	"github.com/go-playground/validator/v10"
	"github.com/labstack/echo/v4"

	"vcready/internal/apperr"
)

// errNotJSON is the 415 for an API request whose body is not JSON.
var errNotJSON = echo.NewHTTPError(415, "Send JSON with Content-Type: application/json.")

// bindJSON decodes an API request body into dst and validates its tags. Malformed JSON
// and wrong types are 400 naming the field; a body that breaks a validate tag is 422
// listing every field. Unknown fields are ignored, so scripts written against a newer
// API keep working. A body with text no database should see is a 400 (see
// unreadableText).
func bindJSON(c echo.Context, dst any) error {
	mt, _, _ := mime.ParseMediaType(c.Request().Header.Get(echo.HeaderContentType))
	if mt != echo.MIMEApplicationJSON {
		return errNotJSON
	}
	raw, err := io.ReadAll(c.Request().Body) // bounded by the server's body limit
	if err != nil {
		return decodeError(err)
	}
	if err := unreadableText(raw); err != nil {
		return err
	}
	dec := json.NewDecoder(bytes.NewReader(raw))
	if err := dec.Decode(dst); err != nil {
		return decodeError(err)
	}
	if dec.More() {
		return apperr.BadRequest("The body must be one JSON value.")
	}
	if err := validate.Struct(dst); err != nil {
		return validationError(err)
	}
	return nil
}

// unreadableText rejects a body holding invalid UTF-8 or a \u0000 escape, in any
// string or key, whatever the type it is decoded into (answers are decoded later, one
// by one). PostgreSQL refuses NUL in text (a 500 if it got that far) and SQLite
// would store it (F-02). encoding/json would decode invalid UTF-8 quietly as U+FFFD;
// it is refused instead, so a client's text is never changed without its knowing.
// A raw NUL byte is not valid JSON, so the decoder already refuses it.
func unreadableText(raw []byte) error {
	if !utf8.Valid(raw) {
		return apperr.BadRequest("The body must be UTF-8 text.")
	}
	if hasNULEscape(raw) {
		return apperr.BadRequest("Text in the body must not contain NUL characters (\\u0000).")
	}
	return nil
}

// hasNULEscape reports whether raw holds the JSON escape \u0000. A backslash in
// JSON always starts an escape, so skipping the character after each one reads
// "\\u0000" (a backslash, then "u0000") correctly as ordinary text.
func hasNULEscape(raw []byte) bool {
	for i := 0; i < len(raw); i++ {
		if raw[i] != '\\' {
			continue
		}
		if bytes.HasPrefix(raw[i+1:], []byte("u0000")) {
			return true
		}
		i++
	}
	return false
}

// decodeError turns a JSON decoding error into a 400 a script author can act on.
func decodeError(err error) error {
	var te *json.UnmarshalTypeError
	var se *json.SyntaxError
	var mbe *echo.HTTPError
	switch {
	case errors.As(err, &mbe):
		return mbe // body limit
	case errors.As(err, &te):
		return apperr.BadRequest("A field has the wrong type.", apperr.FieldProblem{
			Field: te.Field, Problem: "must be " + jsonKind(te.Type)})
	case errors.As(err, &se):
		return apperr.BadRequest(fmt.Sprintf("The body is not valid JSON (at byte %d).", se.Offset))
	case errors.Is(err, io.EOF):
		return apperr.BadRequest("The body is empty: send a JSON object.")
	case strings.Contains(err.Error(), "http: request body too large"):
		return echo.ErrStatusRequestEntityTooLarge
	}
	return apperr.BadRequest("The body is not valid JSON.")
}

func jsonKind(t reflect.Type) string {
	switch t.Kind() {
	case reflect.String:
		return "a string"
	case reflect.Bool:
		return "true or false"
	case reflect.Slice, reflect.Array:
		return "an array"
	case reflect.Map, reflect.Struct:
		return "an object"
	case reflect.Int, reflect.Int64, reflect.Int32, reflect.Uint, reflect.Uint64:
		return "a whole number"
	case reflect.Float64, reflect.Float32:
		return "a number"
	case reflect.Pointer:
		return jsonKind(t.Elem())
	}
	return "a " + t.Kind().String()
}

// validationError lists every failed validate tag as a 422.
func validationError(err error) error {
	var ves validator.ValidationErrors
	if !errors.As(err, &ves) {
		return err
	}
	problems := make([]apperr.FieldProblem, 0, len(ves))
	for _, fe := range ves {
		problems = append(problems, apperr.FieldProblem{Field: fieldPath(fe), Problem: tagProblem(fe)})
	}
	return apperr.Invalid("Some of the input is not valid.", problems...)
}

// fieldPath is the JSON path of a failed field, without the struct's own name.
func fieldPath(fe validator.FieldError) string {
	ns := fe.Namespace()
	if _, rest, ok := strings.Cut(ns, "."); ok {
		return rest
	}
	return ns
}

func tagProblem(fe validator.FieldError) string {
	switch fe.Tag() {
	case "required":
		return "is required"
	case "email":
		return "must be an email address"
	case "max":
		return "must be at most " + fe.Param() + " characters"
	case "min":
		return "must be at least " + fe.Param() + " characters"
	case "oneof":
		return "must be one of " + strings.ReplaceAll(fe.Param(), " ", ", ")
	case "datetime":
		return "must be a date as YYYY-MM-DD"
	}
	return "is not valid (" + fe.Tag() + ")"
}

// validate is the one validator: it caches struct metadata for the process.
var validate = newValidator()

// newValidator reports JSON field names (from json tags) in validation errors.
func newValidator() *validator.Validate {
	v := validator.New(validator.WithRequiredStructEnabled())
	v.RegisterTagNameFunc(func(f reflect.StructField) string {
		name, _, _ := strings.Cut(f.Tag.Get("json"), ",")
		if name == "-" {
			return ""
		}
		if name == "" {
			name, _, _ = strings.Cut(f.Tag.Get("form"), ",")
		}
		if name == "" {
			return f.Name
		}
		return name
	})
	return v
}

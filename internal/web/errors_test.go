package web

import (
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"strings"
	"testing"
	"vcready/internal/apperr"

	"github.com/labstack/echo/v4"
)

func TestErrorsMapToStatusesAndNeverLeakInternals(t *testing.T) {
	t.Parallel()
	s := mustServer(t, Deps{})
	cases := []struct {
		err    error
		status int
		code   string
	}{
		{fmt.Errorf("team 42: %w", apperr.ErrNotFound), 404, "not_found"},
		{apperr.Conflict("This assessment has been submitted."), 409, "conflict"},
		{apperr.Invalid("Check the answers.", apperr.FieldProblem{Field: "answers[0].level", Problem: "must be 0..4"}), 422, "validation_failed"},
		{fmt.Errorf("token: %w", apperr.ErrUnauthenticated), 401, "unauthenticated"},
		{apperr.Forbidden("Only leads can do that."), 403, "forbidden"},
		{errors.New("pq: connection refused to 10.0.0.1"), 500, "internal"},
		{echo.ErrUnsupportedMediaType, 415, "unsupported_media_type"},
		{apperr.BadRequest("The body is not valid JSON."), 400, "bad_request"},
		{apperr.Unavailable("look up session", errors.New("dial 10.0.0.1: refused")), 503, "unavailable"},
	}
	for i, tc := range cases {
		path := fmt.Sprintf("/api/v1/test-error-%d", i)
		s.Echo().GET(path, func(c echo.Context) error { return tc.err })
		rec := do(t, s, http.MethodGet, path, "")
		if rec.Code != tc.status {
			t.Errorf("%v: status = %d, want %d", tc.err, rec.Code, tc.status)
		}
		var body apiError
		if err := json.Unmarshal(rec.Body.Bytes(), &body); err != nil {
			t.Fatalf("%v: body is not the error JSON: %s", tc.err, rec.Body)
		}
		if body.Error.Code != tc.code {
			t.Errorf("%v: code = %q, want %q", tc.err, body.Error.Code, tc.code)
		}
		if strings.Contains(rec.Body.String(), "10.0.0.1") {
			t.Errorf("internal error text leaked: %s", rec.Body)
		}
	}
}

func TestValidationErrorsListEveryField(t *testing.T) {
	t.Parallel()
	s := mustServer(t, Deps{})
	s.Echo().GET("/api/v1/test-invalid", func(c echo.Context) error {
		return apperr.Invalid("Check the answers.",
			apperr.FieldProblem{Field: "answers[0].level", Problem: "must be 0..4"},
			apperr.FieldProblem{Field: "answers[1].item_id", Problem: "item xx does not exist"})
	})
	rec := do(t, s, http.MethodGet, "/api/v1/test-invalid", "")
	var body apiError
	_ = json.Unmarshal(rec.Body.Bytes(), &body)
	if len(body.Error.Details) != 2 || body.Error.Details[0].Field != "answers[0].level" {
		t.Errorf("details = %+v", body.Error.Details)
	}
}

package web

import (
	"context"
	"errors"
	"net/http"
	"net/url"
	"strings"

	"github.com/labstack/echo/v4"

	"vcready/internal/apperr"
)

// apiError is the body of every error the JSON API returns.
type apiError struct {
	Error apiErrorBody `json:"error"`
}

type apiErrorBody struct {
	Code    string           `json:"code"`
	Message string           `json:"message"`
	Details []apiErrorDetail `json:"details,omitempty"`
}

// apiErrorDetail is one entry of an error's details: the JSON path of an offending
// field ("answers[3].level") and what is wrong with it.
type apiErrorDetail struct {
	Field   string `json:"field"`
	Problem string `json:"problem"`
}

// maxErrorDetails bounds an error body: a request with thousands of bad entries gets
// the first ones, enough to act on, and not a body larger than the request (F-21).
const maxErrorDetails = 100

// newAPIErrorDetails is nil for no problems, so details is left out. Past
// maxErrorDetails, one last detail (field "") says how many more there are.
func newAPIErrorDetails(ps []apperr.FieldProblem) []apiErrorDetail {
	var out []apiErrorDetail
	for _, p := range ps[:min(len(ps), maxErrorDetails)] {
		out = append(out, apiErrorDetail{Field: p.Field, Problem: p.Problem})
	}
	if more := len(ps) - maxErrorDetails; more > 0 {
		out = append(out, apiErrorDetail{Problem: "and " + itoa(more) + " more problems"})
	}
	return out
}

// statusOf maps our error vocabulary to HTTP: the only place that does.
var statusOf = []struct {
	err    error
	status int
}{
	{apperr.ErrNotFound, http.StatusNotFound},
	{apperr.ErrUnauthenticated, http.StatusUnauthorized},
	{apperr.ErrForbidden, http.StatusForbidden},
	{apperr.ErrConflict, http.StatusConflict},
	{apperr.ErrInvalid, http.StatusUnprocessableEntity},
	{apperr.ErrRateLimited, http.StatusTooManyRequests},
	{apperr.ErrBadRequest, http.StatusBadRequest},
	{apperr.ErrUnavailable, http.StatusServiceUnavailable},
}

var codeOf = map[int]string{
	http.StatusBadRequest:            "bad_request",
	http.StatusUnauthorized:          "unauthenticated",
	http.StatusForbidden:             "forbidden",
	http.StatusNotFound:              "not_found",
	http.StatusMethodNotAllowed:      "method_not_allowed",
	http.StatusConflict:              "conflict",
	http.StatusRequestEntityTooLarge: "body_too_large",
	http.StatusUnsupportedMediaType:  "unsupported_media_type",
	http.StatusUnprocessableEntity:   "validation_failed",
	http.StatusTooManyRequests:       "rate_limited",
	http.StatusServiceUnavailable:    "unavailable",
	http.StatusInternalServerError:   "internal",
}

var defaultMessage = map[int]string{
	http.StatusBadRequest:            "The request could not be read.",
	http.StatusUnauthorized:          "You need to sign in.",
	http.StatusForbidden:             "You are not allowed to do that.",
	http.StatusNotFound:              "Page not found.",
	http.StatusMethodNotAllowed:      "That method is not allowed here.",
	http.StatusConflict:              "That cannot be done in the current state.",
	http.StatusRequestEntityTooLarge: "The request is too large.",
	http.StatusUnsupportedMediaType:  "Send JSON with Content-Type: application/json.",
	http.StatusUnprocessableEntity:   "Some of the input is not valid.",
	http.StatusTooManyRequests:       "Too many attempts. Wait a while and try again.",
	http.StatusServiceUnavailable:    "The service is not available right now.",
	http.StatusInternalServerError:   "Sorry, there is a problem with the service.",
}

// classify turns any error into a status, a public message and field problems.
// Internal error text never leaves this function.
func classify(err error) (int, string, []apperr.FieldProblem) {
	var he *echo.HTTPError
	if errors.As(err, &he) {
		msg := defaultMessage[he.Code]
		if m, ok := he.Message.(string); ok && he.Code < 500 && m != http.StatusText(he.Code) {
			msg = m
		}
		return he.Code, msg, nil
	}
	status := http.StatusInternalServerError
	for _, m := range statusOf {
		if errors.Is(err, m.err) {
			status = m.status
			break
		}
	}
	msg := defaultMessage[status]
	if status < 500 {
		if pm := apperr.PublicMessage(err); pm != "" {
			msg = pm
		}
	}
	var ve *apperr.ValidationError
	if errors.As(err, &ve) {
		return status, msg, ve.Problems
	}
	return status, msg, nil
}

// handleError is echo's HTTPErrorHandler: JSON under /api/, NHS-styled pages elsewhere.
// Only server faults are logged at error level.
func (s *Server) handleError(err error, c echo.Context) {
	if c.Response().Committed {
		return
	}
	var sir *signInRedirect
	if errors.As(err, &sir) {
		_ = c.Redirect(http.StatusSeeOther, "/sign-in?next="+url.QueryEscape(sir.next))
		return
	}
	status, msg, details := classify(err)
	switch {
	case status >= 500 && errors.Is(err, context.Canceled):
		// The client went away mid-request: nothing is wrong with the service.
		s.log.Info("request cancelled by the client", "id", c.Response().Header().Get(echo.HeaderXRequestID),
			"path", clip(c.Request().URL.Path, maxLoggedPath))
	case status >= 500:
		s.log.Error("request failed", "id", c.Response().Header().Get(echo.HeaderXRequestID),
			"path", clip(c.Request().URL.Path, maxLoggedPath), "err", err)
	}
	if status == http.StatusTooManyRequests {
		c.Response().Header().Set("Retry-After", retryAfter(err))
	}
	if c.Request().Method == http.MethodHead {
		_ = c.NoContent(status)
		return
	}
	if isAPI(c) {
		code := codeOf[status]
		if code == "" {
			code = strings.ToLower(strings.ReplaceAll(http.StatusText(status), " ", "_"))
		}
		_ = c.JSON(status, apiError{apiErrorBody{Code: code, Message: msg, Details: newAPIErrorDetails(details)}})
		return
	}
	_ = s.renderError(c, status, msg)
}

func isAPI(c echo.Context) bool {
	return strings.HasPrefix(c.Request().URL.Path, "/api/")
}

// RetryAfter is implemented by rate-limit errors that know when to try again.
type RetryAfter interface{ RetryAfterSeconds() int }

func retryAfter(err error) string {
	var ra RetryAfter
	if errors.As(err, &ra) {
		return itoa(max(1, ra.RetryAfterSeconds()))
	}
	return "60"
}

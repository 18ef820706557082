package webtest

import (
	"context"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
)

// API sends a JSON request as role ("anonymous", or any key without a token, sends
// none).
func (a *App) API(role, method, path, body string) *httptest.ResponseRecorder {
	a.T.Helper()
	req := JSONRequest(method, path, body)
	if tok := a.Tokens[role]; tok != "" {
		req.Header.Set("Authorization", "Bearer "+tok)
	}
	return Serve(a.Handler, req)
}

// Session signs role in and returns its session cookie.
func (a *App) Session(role string) *http.Cookie {
	a.T.Helper()
	tok, _, err := a.Accounts.CreateSession(context.Background(), a.Users[role].ID)
	if err != nil {
		a.T.Fatal(err)
	}
	return &http.Cookie{Name: SessionCookie, Value: tok}
}

// Page GETs a page as role (by session cookie).
func (a *App) Page(role, path string) *httptest.ResponseRecorder {
	a.T.Helper()
	req := httptest.NewRequest(http.MethodGet, path, nil)
	if role != "anonymous" {
		req.AddCookie(a.Session(role))
	}
	return Serve(a.Handler, req)
}

// JSONRequest is a request with body as JSON (no body when body is "").
func JSONRequest(method, path, body string) *http.Request {
	var r io.Reader
	if body != "" {
		r = strings.NewReader(body)
	}
	req := httptest.NewRequest(method, path, r)
	if body != "" {
		req.Header.Set("Content-Type", "application/json")
	}
	return req
}

// Serve runs req through h and records the response.
func Serve(h http.Handler, req *http.Request) *httptest.ResponseRecorder {
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	return rec
}

// Decode unmarshals a response body, failing the test on bad JSON.
func Decode[T any](t testing.TB, rec *httptest.ResponseRecorder) T {
	t.Helper()
	var v T
	if err := json.Unmarshal(rec.Body.Bytes(), &v); err != nil {
		t.Fatalf("decode %s: %v", rec.Body, err)
	}
	return v
}

// APIError is the API's error body as a client reads it.
type APIError struct {
	Error struct {
		Code    string `json:"code"`
		Message string `json:"message"`
		Details []struct {
			Field   string `json:"field"`
			Problem string `json:"problem"`
		} `json:"details"`
	} `json:"error"`
}

package api_test

import (
	"net/http"
	"strings"
	"testing"
	"time"
	"vcready/internal/web/webtest"
)

func TestAPITokenCreate(t *testing.T) {
	t.Parallel()
	app := newTestApp(t)
	rec := app.API("anonymous", http.MethodPost, "/api/v1/auth/tokens", `{"email":"lead@example.org","password":"`+webtest.Password+`"}`)
	if rec.Code != 201 {
		t.Fatalf("create token: %d %s", rec.Code, rec.Body)
	}
	tok := webtest.Decode[struct {
		Token     string    `json:"token"`
		ExpiresAt time.Time `json:"expires_at"`
	}](t, rec)
	if !strings.HasPrefix(tok.Token, "vcr_") || tok.ExpiresAt.Before(time.Now()) {
		t.Errorf("token = %+v", tok)
	}
	app.Tokens["fresh"] = tok.Token
	if me := webtest.Decode[struct{ Email string }](t, app.API("fresh", http.MethodGet, "/api/v1/me", "")); me.Email != "lead@example.org" {
		t.Errorf("me = %+v", me)
	}
	bad := app.API("anonymous", http.MethodPost, "/api/v1/auth/tokens", `{"email":"lead@example.org","password":"wrong password here"}`)
	if bad.Code != 401 || !strings.Contains(bad.Body.String(), "Enter a correct email address and password") {
		t.Errorf("bad password: %d %s", bad.Code, bad.Body)
	}
	cases := []struct {
		body, ctype string
		want        int
	}{
		{`{"email":`, "application/json", 400},
		{`{"email": 5, "password": "x"}`, "application/json", 400},
		{`{}`, "application/json", 422},
		{`email=a&password=b`, "application/x-www-form-urlencoded", 415},
		{``, "application/json", 400},
	}
	for _, tc := range cases {
		req := webtest.JSONRequest(http.MethodPost, "/api/v1/auth/tokens", tc.body)
		req.Header.Set("Content-Type", tc.ctype)
		if rec := webtest.Serve(app.Handler, req); rec.Code != tc.want {
			t.Errorf("body %q (%s): %d, want %d: %s", tc.body, tc.ctype, rec.Code, tc.want, rec.Body)
		}
	}
}

package webtest

import (
	"html/template"
	"net/http"
	"net/http/httptest"
	"net/url"
	"regexp"
	"strings"
	"testing"
)

// Client is a browser for page tests through ServeHTTP: it keeps its cookies (and
// forgets those a response expires) and posts forms with the CSRF token of the last
// page it fetched. It sends no Sec-Fetch-Site header, so the CSRF middleware checks
// the form token against the cookie, as it would for an older browser.
type Client struct {
	t       testing.TB
	h       http.Handler
	cookies map[string]*http.Cookie
	csrf    string
}

// NewClient is a client with no cookies.
func NewClient(t testing.TB, h http.Handler) *Client {
	return &Client{t: t, h: h, cookies: map[string]*http.Cookie{}}
}

// Browser is a client signed in as role (by a session cookie); "anonymous" is not
// signed in.
func (a *App) Browser(role string) *Client {
	c := NewClient(a.T, a.Handler)
	if role != "anonymous" {
		c.cookies[SessionCookie] = a.Session(role)
	}
	return c
}

var csrfInput = regexp.MustCompile(`name="_csrf" value="([^"]+)"`)

// Do sends req with the client's cookies and keeps what the response sets.
func (c *Client) Do(req *http.Request) *httptest.ResponseRecorder {
	for _, ck := range c.cookies {
		req.AddCookie(ck)
	}
	rec := Serve(c.h, req)
	for _, ck := range rec.Result().Cookies() {
		if ck.MaxAge < 0 {
			delete(c.cookies, ck.Name)
		} else {
			c.cookies[ck.Name] = ck
		}
	}
	if m := csrfInput.FindStringSubmatch(rec.Body.String()); m != nil {
		c.csrf = m[1]
	}
	return rec
}

// Get fetches a page.
func (c *Client) Get(path string) *httptest.ResponseRecorder {
	return c.Do(httptest.NewRequest(http.MethodGet, path, nil))
}

// Post sends a form with the CSRF token of the last page fetched (none if no page
// has given one yet, as a forged or stale form would).
func (c *Client) Post(path string, form url.Values) *httptest.ResponseRecorder {
	if form == nil {
		form = url.Values{}
	}
	if c.csrf != "" {
		form.Set("_csrf", c.csrf)
	}
	return c.Do(FormRequest(path, form))
}

// Submit GETs formPage, then posts values to action with that page's CSRF token.
func (c *Client) Submit(formPage, action string, values url.Values) *httptest.ResponseRecorder {
	c.t.Helper()
	page := c.Get(formPage)
	if !csrfInput.MatchString(page.Body.String()) {
		c.t.Fatalf("GET %s (%d): no CSRF field in the page", formPage, page.Code)
	}
	return c.Post(action, values)
}

// SignIn signs in through the real form and fails the test if that does not work.
func (c *Client) SignIn(email, password string) {
	c.t.Helper()
	rec := c.Submit("/sign-in", "/sign-in", url.Values{"email": {email}, "password": {password}})
	if rec.Code != http.StatusSeeOther || c.cookies[SessionCookie] == nil {
		c.t.Fatalf("sign in as %s: %d %s", email, rec.Code, rec.Body)
	}
}

// Cookie is the client's cookie called name, or nil.
func (c *Client) Cookie(name string) *http.Cookie { return c.cookies[name] }

// FormRequest is a POST of values as a URL-encoded form, with no CSRF token.
func FormRequest(action string, values url.Values) *http.Request {
	req := httptest.NewRequest(http.MethodPost, action, strings.NewReader(values.Encode()))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	return req
}

// AssertRedirect fails unless rec is a 303 to a location starting with prefix, and
// returns the location.
func AssertRedirect(t testing.TB, rec *httptest.ResponseRecorder, prefix string) string {
	t.Helper()
	loc := rec.Header().Get("Location")
	if rec.Code != http.StatusSeeOther || !strings.HasPrefix(loc, prefix) {
		t.Fatalf("got %d to %q, want 303 to %s…; body %.300s", rec.Code, loc, prefix, rec.Body)
	}
	return loc
}

// AssertPage fails unless rec has status and its body contains every string (as
// written, not escaped), and returns the body.
func AssertPage(t testing.TB, rec *httptest.ResponseRecorder, status int, contains ...string) string {
	t.Helper()
	if rec.Code != status {
		t.Fatalf("status = %d, want %d; body %.500s", rec.Code, status, rec.Body)
	}
	body := rec.Body.String()
	for _, c := range contains {
		if !strings.Contains(body, c) {
			t.Errorf("page lacks %q", c)
		}
	}
	return body
}

// ErrorSummaryHas reports whether body has an NHS error summary and every message in
// it (HTML-escaped as templates write text).
func ErrorSummaryHas(body string, msgs ...string) bool {
	if !strings.Contains(body, "nhsuk-error-summary") {
		return false
	}
	for _, m := range msgs {
		if !strings.Contains(body, template.HTMLEscapeString(m)) {
			return false
		}
	}
	return true
}

// ForgeCSRF makes the next posts carry token instead of the one the last page gave,
// for tests that a forged form is refused.
func (c *Client) ForgeCSRF(token string) { c.csrf = token }

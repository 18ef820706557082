package web

import (
	"net/http"
	"net/http/httptest"
	"net/url"
	"regexp"
	"strings"
	"testing"
)

// browserish is a cookie-keeping client for page tests through ServeHTTP. It sends no
// Sec-Fetch-Site header, so the CSRF middleware checks the form token against the
// cookie, as it would for an older browser.
type browserish struct {
	t       *testing.T
	h       http.Handler
	cookies map[string]*http.Cookie
}

func newBrowserish(t *testing.T, h http.Handler) *browserish {
	return &browserish{t: t, h: h, cookies: map[string]*http.Cookie{}}
}

func (b *browserish) do(req *http.Request) *httptest.ResponseRecorder {
	for _, c := range b.cookies {
		req.AddCookie(c)
	}
	rec := httptest.NewRecorder()
	b.h.ServeHTTP(rec, req)
	for _, c := range rec.Result().Cookies() {
		if c.MaxAge < 0 {
			delete(b.cookies, c.Name)
		} else {
			b.cookies[c.Name] = c
		}
	}
	return rec
}

func (b *browserish) get(path string) *httptest.ResponseRecorder {
	return b.do(httptest.NewRequest(http.MethodGet, path, nil))
}

var csrfInput = regexp.MustCompile(`name="_csrf" value="([^"]*)"`)

// submit GETs formPage, takes its CSRF token and POSTs values to action.
func (b *browserish) submit(formPage, action string, values url.Values) *httptest.ResponseRecorder {
	b.t.Helper()
	page := b.get(formPage)
	m := csrfInput.FindStringSubmatch(page.Body.String())
	if m == nil {
		b.t.Fatalf("GET %s (%d): no CSRF field in the page", formPage, page.Code)
	}
	values.Set("_csrf", m[1])
	return b.post(action, values)
}

func (b *browserish) post(action string, values url.Values) *httptest.ResponseRecorder {
	req := httptest.NewRequest(http.MethodPost, action, strings.NewReader(values.Encode()))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	return b.do(req)
}

// signIn signs in through the real form and fails the test if that does not work.
func (b *browserish) signIn(email, password string) {
	b.t.Helper()
	rec := b.submit("/sign-in", "/sign-in", url.Values{"email": {email}, "password": {password}})
	if rec.Code != http.StatusSeeOther || b.cookies[sessionCookie] == nil {
		b.t.Fatalf("sign in as %s: %d %s", email, rec.Code, rec.Body)
	}
}

func errorSummaryHas(body string, msgs ...string) bool {
	if !strings.Contains(body, "nhsuk-error-summary") {
		return false
	}
	for _, m := range msgs {
		if !strings.Contains(body, htmlEscaped(m)) {
			return false
		}
	}
	return true
}

func newFormRequest(action string, values url.Values) *http.Request {
	req := httptest.NewRequest(http.MethodPost, action, strings.NewReader(values.Encode()))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	return req
}

func regexpMust(p string) *regexp.Regexp { return regexp.MustCompile(p) }

func htmlEscaped(s string) string { return templateEscape(s) }

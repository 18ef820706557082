package api_test

import (
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"sync/atomic"
	"testing"

	"vcready/internal/web/webtest"
)

// TestConcurrentClients runs 16 API clients over real HTTP against the server on
// SQLite, each starting, answering and submitting assessments round after round while
// also reading them: every response must be 2xx (SQLite's one writer makes requests
// wait, never fail), and the team must list exactly the submissions that succeeded.
func TestConcurrentClients(t *testing.T) {
	t.Parallel()
	a := newTestApp(t)
	srv := httptest.NewServer(a.Handler)
	defer srv.Close()
	body := webtest.AnswersJSON(webtest.Questionnaires().Default(), false)
	var submitted atomic.Int64
	var wg sync.WaitGroup
	const clients, rounds = 16, 3
	for i := range clients {
		c := apiClient{t: t, base: srv.URL, token: a.Tokens[[]string{"member", "lead", "admin"}[i%3]]}
		wg.Go(func() {
			for range rounds {
				if c.round(a.Team1.ID, body) {
					submitted.Add(1)
				}
			}
		})
	}
	wg.Wait()
	list := webtest.Decode[[]webtest.Assessment](t, a.API("member", http.MethodGet, "/api/v1/teams/"+a.Team1.ID+"/assessments", ""))
	n := int64(0)
	for _, s := range list {
		if s.Status == "submitted" {
			n++
		}
	}
	if got := submitted.Load(); got != clients*rounds || n != got {
		t.Errorf("%d of %d submits succeeded; the team lists %d submitted", got, clients*rounds, n)
	}
}

// apiClient is one script using the API with a token over HTTP.
type apiClient struct {
	t           *testing.T
	base, token string
}

// round starts, answers, reads and submits an assessment, reporting whether every
// request was 2xx.
func (c apiClient) round(teamID, answers string) bool {
	var draft struct{ ID string }
	if !c.do(http.MethodPost, "/api/v1/teams/"+teamID+"/assessments", `{}`, &draft) {
		return false
	}
	path := "/api/v1/assessments/" + draft.ID
	return c.do(http.MethodPut, path+"/answers", answers, nil) &&
		c.do(http.MethodGet, path, "", nil) &&
		c.do(http.MethodPost, path+"/submit", "", nil) &&
		c.do(http.MethodGet, "/api/v1/teams/"+teamID+"/assessments", "", nil)
}

// do sends one request and decodes a 2xx response into out (when not nil); any other
// status is a test error.
func (c apiClient) do(method, path, body string, out any) bool {
	req, err := http.NewRequest(method, c.base+path, strings.NewReader(body))
	if err != nil {
		c.t.Error(err)
		return false
	}
	req.Header.Set("Authorization", "Bearer "+c.token)
	if body != "" {
		req.Header.Set("Content-Type", "application/json")
	}
	res, err := http.DefaultClient.Do(req)
	if err != nil {
		c.t.Errorf("%s %s: %v", method, path, err)
		return false
	}
	defer res.Body.Close()
	b, err := io.ReadAll(res.Body)
	if err == nil && res.StatusCode/100 != 2 {
		err = fmt.Errorf("status %d: %s", res.StatusCode, b)
	}
	if err == nil && out != nil {
		err = json.Unmarshal(b, out)
	}
	if err != nil {
		c.t.Errorf("%s %s: %v", method, path, err)
		return false
	}
	return true
}

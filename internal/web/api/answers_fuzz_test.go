package api_test

import (
	"encoding/json"
	"net/http"
	"strings"
	"testing"

	"vcready/internal/web/webtest"
)

// answersPutStatuses are the statuses API.md documents for PUT /assessments/{id}/answers
// (401 and 403 need another caller than the fuzz target's member).
var answersPutStatuses = map[int]bool{200: true, 400: true, 404: true, 409: true, 413: true, 415: true, 422: true}

// FuzzAnswersPut PUTs arbitrary bytes, with an arbitrary Content-Type, as the answers
// of a draft, of a submitted assessment and of one that does not exist, through the
// whole server: it must never panic or answer 5xx, only a documented status, and
// every error must be the documented body {"error": {"code", "message"}}. The app is
// built once (building it per input would make fuzzing crawl): the draft's answers
// change from one input to the next, which is what a client's edits do too.
func FuzzAnswersPut(f *testing.F) {
	a := newTestApp(f)
	q := webtest.Questionnaires().Default()
	draft, submitted := a.NewDraft(), a.NewAnswered()
	if rec := a.API("member", http.MethodPost, "/api/v1/assessments/"+submitted.ID+"/submit", ""); rec.Code != 200 {
		f.Fatalf("submit: %d %s", rec.Code, rec.Body)
	}
	paths := []string{"/api/v1/assessments/" + draft.ID + "/answers",
		"/api/v1/assessments/" + submitted.ID + "/answers", "/api/v1/assessments/nope/answers"}
	for _, body := range answersSeeds(webtest.AnswersJSON(q, false), webtest.AnswersJSON(q, true)) {
		f.Add([]byte(body), "application/json", uint8(0))
	}
	f.Add([]byte(`{"answers": []}`), "application/json; charset=utf-8", uint8(1))
	f.Add([]byte(`{"answers": []}`), "application/json", uint8(2))
	f.Add([]byte(`{"answers": []}`), "text/plain", uint8(0))
	f.Add([]byte(`answers=x`), "application/x-www-form-urlencoded", uint8(0))
	f.Fuzz(func(t *testing.T, body []byte, ctype string, target uint8) {
		path := paths[int(target)%len(paths)]
		req := apiRequest(http.MethodPut, path, string(body), ctype, a.Tokens["member"])
		rec := webtest.Serve(a.Handler, req)
		if !answersPutStatuses[rec.Code] {
			t.Fatalf("PUT %s (%q, %q): status %d, body %s", path, ctype, body, rec.Code, rec.Body)
		}
		if rec.Code == http.StatusOK {
			return
		}
		var e webtest.APIError
		if err := json.Unmarshal(rec.Body.Bytes(), &e); err != nil || e.Error.Code == "" || e.Error.Message == "" {
			t.Fatalf("PUT %s (%q, %q): %d with error body %s (%v)", path, ctype, body, rec.Code, rec.Body, err)
		}
		if ct := rec.Header().Get("Content-Type"); !strings.HasPrefix(ct, "application/json") {
			t.Fatalf("PUT %s: %d with Content-Type %q", path, rec.Code, ct)
		}
	})
}

// answersSeeds are real answers bodies: every item answered, only the scored ones,
// and the bodies the error tests send.
func answersSeeds(all, scored string) []string {
	return []string{all, scored,
		`{"answers": [{"item_id": "eq-01", "level": 2}]}`,
		`{"answers":[{"item_id":"eq-02","status":"dont_know"},{"item_id":"in-03","status":"not_applicable"},{"item_id":"eq-04","options":[]}]}`,
		`{"answers": [{"item_id": "eq-04", "options": ["access-needs", "nope"]}, {"item_id": "eq-09", "number": 101}]}`,
		`{"answers": [{"item_id": "sl-09", "text": "We learned a lot."}], "clear": ["eq-01", "zz-99"]}`,
		`{"answers": [{"item_id": "eq-01", "level": 2.5}, {"item_id": "eq-02", "level": "3"}]}`,
		`{"answers": [{"item_id": "eq-03", "level": 2, "option": "x"}, {"item_id": "eq-06"}]}`,
		`{"answers": {"item_id": "eq-01"}}`,
		`{"answers": ["eq-01", null, 1, true]}`,
		`{"answers": null}`,
		`{"answers": []} {}`,
		`{"answers": [`,
		`{}`,
		``,
	}
}

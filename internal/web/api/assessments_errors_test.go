package api_test

import (
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"vcready/internal/web"
	"vcready/internal/web/webtest"

	"github.com/google/go-cmp/cmp"
)

// apiRequest is a request with any content type and token ("" for none).
func apiRequest(method, path, body, contentType, token string) *http.Request {
	var r io.Reader
	if body != "" {
		r = strings.NewReader(body)
	}
	req := httptest.NewRequest(method, path, r)
	if contentType != "" {
		req.Header.Set("Content-Type", contentType)
	}
	if token != "" {
		req.Header.Set("Authorization", "Bearer "+token)
	}
	return req
}

// TestAssessmentAPIErrors covers every 4xx of API.md for the assessment endpoints,
// with the error body's code and the fields its details name.
func TestAssessmentAPIErrors(t *testing.T) {
	t.Parallel()
	a := newTestApp(t)
	draft := a.NewDraft()
	submitted := a.NewAnswered()
	if rec := a.API("member", http.MethodPost, "/api/v1/assessments/"+submitted.ID+"/submit", ""); rec.Code != 200 {
		t.Fatalf("submit: %d %s", rec.Code, rec.Body)
	}
	team := "/api/v1/teams/" + a.Team1.ID + "/assessments"
	put := "/api/v1/assessments/" + draft.ID + "/answers"
	const json = "application/json"
	cases := []struct {
		name, method, path, body, ctype string
		token                           string // "" means the member's
		status                          int
		code                            string
		fields                          []string
	}{
		{"create: malformed JSON", "POST", team, `{"questionnaire_id": `, json, "", 400, "bad_request", nil},
		{"create: wrong type", "POST", team, `{"questionnaire_id": 3}`, json, "", 400, "bad_request", []string{"questionnaire_id"}},
		{"create: no body", "POST", team, "", json, "", 400, "bad_request", nil},
		{"create: not JSON", "POST", team, `questionnaire_id=x`, "application/x-www-form-urlencoded", "", 415, "unsupported_media_type", nil},
		{"create: unknown questionnaire", "POST", team, `{"questionnaire_id": "nope"}`, json, "", 422, "validation_failed", []string{"questionnaire_id"}},
		{"create: no token", "POST", team, `{}`, json, "-", 401, "unauthenticated", nil},
		{"create: bad token", "POST", team, `{}`, json, "not-a-token", 401, "unauthenticated", nil},
		{"create: unknown team", "POST", "/api/v1/teams/nope/assessments", `{}`, json, "", 404, "not_found", nil},
		{"list: unknown team", "GET", "/api/v1/teams/nope/assessments", "", "", "", 404, "not_found", nil},
		{"get: unknown id", "GET", "/api/v1/assessments/nope", "", "", "", 404, "not_found", nil},
		{"get: no token", "GET", "/api/v1/assessments/" + draft.ID, "", "", "-", 401, "unauthenticated", nil},
		{"put: malformed JSON", "PUT", put, `{"answers": [`, json, "", 400, "bad_request", nil},
		{"put: answers not a list", "PUT", put, `{"answers": {"item_id": "eq-01"}}`, json, "", 400, "bad_request", []string{"answers"}},
		{"put: level a string", "PUT", put, `{"answers": [{"item_id": "eq-01", "level": 1}, {"item_id": "eq-02", "level": "3"}]}`, json, "", 400, "bad_request", []string{"answers[1].level"}},
		{"put: level not whole", "PUT", put, `{"answers": [{"item_id": "eq-01", "level": 2.5}]}`, json, "", 400, "bad_request", []string{"answers[0].level"}},
		{"put: options not strings", "PUT", put, `{"answers": [{"item_id": "eq-04", "options": [1]}]}`, json, "", 400, "bad_request", []string{"answers[0].options"}},
		{"put: answer not an object", "PUT", put, `{"answers": ["eq-01"]}`, json, "", 400, "bad_request", []string{"answers[0]"}},
		{"put: no body", "PUT", put, "", json, "", 400, "bad_request", nil},
		{"put: two JSON values", "PUT", put, `{"answers": []} {}`, json, "", 400, "bad_request", nil},
		{"put: not JSON", "PUT", put, `{"answers": []}`, "text/plain", "", 415, "unsupported_media_type", nil},
		{"put: no answers key", "PUT", put, `{}`, json, "", 422, "validation_failed", []string{"answers"}},
		{"put: unknown id", "PUT", "/api/v1/assessments/nope/answers", `{"answers": []}`, json, "", 404, "not_found", nil},
		{"put: no token", "PUT", put, `{"answers": []}`, json, "-", 401, "unauthenticated", nil},
		{"put: submitted", "PUT", "/api/v1/assessments/" + submitted.ID + "/answers", `{"answers": [{"item_id": "eq-01", "level": 2}]}`, json, "", 409, "conflict", nil},
		{"submit: unknown id", "POST", "/api/v1/assessments/nope/submit", "", "", "", 404, "not_found", nil},
		{"submit: again", "POST", "/api/v1/assessments/" + submitted.ID + "/submit", "", "", "", 409, "conflict", nil},
		{"submit: no token", "POST", "/api/v1/assessments/" + draft.ID + "/submit", "", "", "-", 401, "unauthenticated", nil},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			tok := a.Tokens["member"]
			switch tc.token {
			case "-":
				tok = ""
			case "":
			default:
				tok = tc.token
			}
			rec := webtest.Serve(a.Handler, apiRequest(tc.method, tc.path, tc.body, tc.ctype, tok))
			checkAPIError(t, rec, tc.status, tc.code, tc.fields)
		})
	}
	if got := webtest.Decode[webtest.Assessment](t, a.API("member", "GET", "/api/v1/assessments/"+draft.ID, "")); len(got.Answers) != 0 {
		t.Errorf("failed requests stored answers: %+v", got.Answers)
	}
}

// checkAPIError checks a status, an error code and, when fields is not nil, exactly
// which fields the details name.
func checkAPIError(t *testing.T, rec *httptest.ResponseRecorder, status int, code string, fields []string) {
	t.Helper()
	if rec.Code != status {
		t.Fatalf("status = %d, want %d; body %s", rec.Code, status, rec.Body)
	}
	if ct := rec.Header().Get("Content-Type"); !strings.HasPrefix(ct, "application/json") {
		t.Errorf("Content-Type = %q", ct)
	}
	body := webtest.Decode[webtest.APIError](t, rec)
	if body.Error.Code != code || body.Error.Message == "" {
		t.Errorf("error = %+v, want code %s and a message", body.Error, code)
	}
	if fields == nil {
		return
	}
	var got []string
	for _, d := range body.Error.Details {
		got = append(got, d.Field)
	}
	if diff := cmp.Diff(fields, got); diff != "" {
		t.Errorf("detail fields (-want +got):\n%s", diff)
	}
}

// TestInvalidAnswersStoreNothing: one request mixing good answers with every kind of
// bad one is refused whole, naming each bad answer, and a GET shows nothing stored.
func TestInvalidAnswersStoreNothing(t *testing.T) {
	t.Parallel()
	a := newTestApp(t)
	d := a.NewDraft()
	a.API("member", http.MethodPut, "/api/v1/assessments/"+d.ID+"/answers", `{"answers": [{"item_id": "eq-01", "level": 3}]}`)
	long := strings.Repeat("x", 2001)
	body := `{"answers": [
		{"item_id": "eq-01", "level": 1},
		{"item_id": "zz-99", "level": 1},
		{"item_id": "eq-02", "level": 5},
		{"item_id": "eq-03", "level": 2, "option": "x"},
		{"item_id": "eq-02", "level": 2},
		{"item_id": "eq-08", "option": "no-such-option"},
		{"item_id": "eq-04", "options": ["access-needs", "nope"]},
		{"item_id": "eq-05", "status": "not_applicable"},
		{"item_id": "eq-09", "number": 101},
		{"item_id": "eq-09", "status": "dont_know"},
		{"item_id": "sl-09", "text": "` + long + `"},
		{"item_id": "eq-06"},
		{"item_id": "eq-07", "status": "maybe"},
		{"item_id": "in-03", "status": "not_applicable"}
	]}`
	rec := a.API("member", http.MethodPut, "/api/v1/assessments/"+d.ID+"/answers", body)
	checkAPIError(t, rec, 422, "validation_failed", []string{
		"answers[1].item_id", "answers[2].level", "answers[3]", "answers[4].item_id", "answers[5].option",
		"answers[6].options[1]", "answers[7].status", "answers[8].number", "answers[9].item_id", "answers[10].text",
		"answers[11]", "answers[12].status"})
	got := webtest.Decode[webtest.Assessment](t, a.API("member", http.MethodGet, "/api/v1/assessments/"+d.ID, ""))
	if len(got.Answers) != 1 || *got.Answers[0].Level != 3 {
		t.Errorf("answers after a refused request = %+v; want only eq-01 at level 3", got.Answers)
	}
}

func TestSubmitListsEveryUnansweredItem(t *testing.T) {
	t.Parallel()
	a := newTestApp(t)
	q := webtest.Questionnaires().Default()
	d := a.NewDraft()
	a.API("member", http.MethodPut, "/api/v1/assessments/"+d.ID+"/answers",
		`{"answers": [{"item_id": "eq-01", "level": 3}, {"item_id": "eq-09", "number": 50}]}`)
	rec := a.API("member", http.MethodPost, "/api/v1/assessments/"+d.ID+"/submit", "")
	var want []string
	for _, c := range q.Considerations {
		for _, it := range c.Items {
			if it.Scored() && it.ID != "eq-01" {
				want = append(want, it.ID)
			}
		}
	}
	checkAPIError(t, rec, 422, "validation_failed", want)
	if got := webtest.Decode[webtest.Assessment](t, a.API("member", "GET", "/api/v1/assessments/"+d.ID, "")); got.Status != "draft" {
		t.Errorf("status after a refused submission = %s", got.Status)
	}
	// Only scored items are required: the number and text items may stay blank.
	a.API("member", http.MethodPut, "/api/v1/assessments/"+d.ID+"/answers", webtest.AnswersJSON(q, true))
	if rec := a.API("member", http.MethodPost, "/api/v1/assessments/"+d.ID+"/submit", ""); rec.Code != 200 {
		t.Errorf("submit with only scored items answered: %d %s", rec.Code, rec.Body)
	}
}

// TestAssessmentAPIBodyTooLarge: a body over the limit is 413 before anything is read.
func TestAssessmentAPIBodyTooLarge(t *testing.T) {
	t.Parallel()
	a := newTestApp(t)
	d := a.NewDraft()
	small, err := web.New(web.Config{BodyLimit: "1K"}, web.Deps{Questionnaires: webtest.Questionnaires(), Accounts: a.Accounts, Assessments: a.Assessments})
	if err != nil {
		t.Fatal(err)
	}
	big := `{"answers": [{"item_id": "sl-09", "text": "` + strings.Repeat("x", 1500) + `"}]}`
	for _, path := range []string{"/api/v1/assessments/" + d.ID + "/answers"} {
		rec := webtest.Serve(small, apiRequest(http.MethodPut, path, big, "application/json", a.Tokens["member"]))
		checkAPIError(t, rec, 413, "body_too_large", nil)
	}
	// Without Content-Length the limit still holds while reading.
	req := apiRequest(http.MethodPost, "/api/v1/teams/"+a.Team1.ID+"/assessments",
		`{"questionnaire_id": "`+strings.Repeat("x", 2000)+`"}`, "application/json", a.Tokens["member"])
	req.ContentLength = -1
	checkAPIError(t, webtest.Serve(small, req), 413, "body_too_large", nil)
}

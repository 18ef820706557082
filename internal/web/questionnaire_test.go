package web

import (
	"net/http"
	"strings"
	"testing"
	"vcready/internal/web/webtest"
)

func TestQuestionnairePreviewShowsEveryItem(t *testing.T) {
	t.Parallel()
	set := webtest.Questionnaires()
	s := mustServer(t, Deps{Questionnaires: set})
	rec := do(t, s, http.MethodGet, "/questionnaire", "")
	if rec.Code != 200 {
		t.Fatalf("status %d", rec.Code)
	}
	body := rec.Body.String()
	for _, c := range set.Default().Considerations {
		for _, it := range c.Items {
			if !strings.Contains(body, templateEscape(it.Text)) {
				t.Errorf("preview lacks item %s", it.ID)
			}
		}
	}
	if rec := do(t, s, http.MethodGet, "/questionnaires/vc-readiness", ""); rec.Code != 200 {
		t.Errorf("/questionnaires/vc-readiness: %d", rec.Code)
	}
	if rec := do(t, s, http.MethodGet, "/questionnaires/nope", ""); rec.Code != 404 {
		t.Errorf("/questionnaires/nope: %d", rec.Code)
	}
}

package web

import (
	"net/http"
	"strings"
	"testing"
)

// The worked example is hand-checkable: weights 2+1+1+1 = 5 counted; parts
// 2*3/4 + 1*1/2 + 1*2/4 + 1*0/4 = 1.5 + 0.5 + 0.5 + 0 = 2.5; score 100*2.5/5 = 50.0.
func TestScoringExampleMatchesHandArithmetic(t *testing.T) {
	t.Parallel()
	ex := buildScoringExample()
	if ex.SumW != 5 || ex.SumParts != 2.5 {
		t.Errorf("sums = %v, %v; want 5, 2.5", ex.SumW, ex.SumParts)
	}
	if ex.Result.Score == nil || *ex.Result.Score != 50 || ex.Result.Level != "established" {
		t.Errorf("result = %+v, want 50.0 established", ex.Result)
	}
	if ex.Result.Coverage != 0.8 {
		t.Errorf("coverage = %v, want 0.8", ex.Result.Coverage)
	}
	s := mustServer(t, Deps{})
	body := do(t, s, http.MethodGet, "/scoring", "").Body.String()
	for _, want := range []string{"<strong>50.0</strong>", "<strong>Established</strong>", "coverage is 80%"} {
		if !strings.Contains(body, want) {
			t.Errorf("scoring page lacks %q", want)
		}
	}
}

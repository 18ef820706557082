package web

import (
	"net/http"
	"net/http/httptest"
	"testing"
)

func TestEveryTemplateRenders(t *testing.T) {
	t.Parallel()
	s := mustServer(t, Deps{})
	for name := range s.pages.byName {
		t.Run(name, func(t *testing.T) {
			e := s.Echo()
			c := e.NewContext(httptest.NewRequest(http.MethodGet, "/", nil), httptest.NewRecorder())
			if err := s.render(c, 200, name, Page{Title: "T", Errors: []FieldError{{Field: "f", Message: "m"}}, Content: sampleContent(name)}); err != nil {
				t.Errorf("render %s: %v", name, err)
			}
		})
	}
}

package api

import (
	"errors"
	"io"
	"net/http"
	"net/http/httptest"
	"testing"

	"github.com/labstack/echo/v4"

	"vcready/internal/report"
)

// TestDownloadThatFailsBeforeWritingLeavesTheErrorToTheHandler: an encoder that fails
// before its first byte leaves no file headers behind, so the error handler's JSON
// goes out as JSON, not as an attachment.
func TestDownloadThatFailsBeforeWritingLeavesTheErrorToTheHandler(t *testing.T) {
	t.Parallel()
	broken := exportFormat[report.Table]{"csv", "text/csv; charset=utf-8", func(io.Writer, report.Table) error { return errors.New("broken") }}
	rec := httptest.NewRecorder()
	c := echo.New().NewContext(httptest.NewRequest(http.MethodGet, "/", nil), rec)
	if err := download(c, broken, "x.csv", report.Table{}); err == nil {
		t.Fatal("no error from a broken encoder")
	}
	if c.Response().Committed {
		t.Fatal("the response was committed")
	}
	for _, h := range []string{echo.HeaderContentType, echo.HeaderContentDisposition} {
		if v := rec.Header().Get(h); v != "" {
			t.Errorf("%s left as %q", h, v)
		}
	}
}

package report_test

import (
	"bytes"
	"strings"
	"testing"

	"vcready/internal/report"
)

func TestWritePlanMarkdownMatchesGolden(t *testing.T) {
	var buf bytes.Buffer
	if err := report.WritePlanMarkdown(&buf, planFixture()); err != nil {
		t.Fatal(err)
	}
	golden(t, "plan.md", buf.Bytes())
}

func TestWritePlanMarkdownEscapesUserText(t *testing.T) {
	var buf bytes.Buffer
	if err := report.WritePlanMarkdown(&buf, planFixture()); err != nil {
		t.Fatal(err)
	}
	md := buf.String()
	for _, tc := range []struct{ name, want, never string }{
		{"a link in a note", `See \[link\]\(http://x\) \| and \*this\*`, "[link](http://x)"},
		{"a table cell and emphasis in the team", `# Siân Ó Dónaill's \| \*Ward\* 7 action plan, 1 December 2026`, "*Ward*"},
		{"a line break in a note", "Notes: Line one line two", "Line one\n"},
	} {
		if !strings.Contains(md, tc.want) {
			t.Errorf("%s: %q missing", tc.name, tc.want)
		}
		if strings.Contains(md, tc.never) {
			t.Errorf("%s: %q written unescaped", tc.name, tc.never)
		}
	}
}

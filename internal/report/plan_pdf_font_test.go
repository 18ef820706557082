package report

import (
	"testing"

	"golang.org/x/image/font/sfnt"
)

func TestDrawable(t *testing.T) {
	fonts, err := pdfFonts()
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct{ name, in, want string }{
		{"ascii", "Ward 7 = SUM(A1)", "Ward 7 = SUM(A1)"},
		{"latin outside ascii", "Siân Ó Dónaill, Zoë Øster, Ærø, naïve", "Siân Ó Dónaill, Zoë Øster, Ærø, naïve"},
		{"greek and cyrillic", "αβγ Жук", "αβγ Жук"},
		{"emoji", "done 🎉!", "done ?!"},
		{"emoji with presentation selector", "ok ✔️", "ok ?"},
		{"emoji sequence with joiner", "👩\u200d💻 here", "?? here"},
		{"cjk", "東京", "??"},
		{"controls", "a\tb\x00c", "a b c"},
		{"line breaks kept", "one\r\ntwo\nthree", "one\ntwo\nthree"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := drawable(fonts, &sfnt.Buffer{}, tc.in); got != tc.want {
				t.Errorf("drawable(%q) = %q, want %q", tc.in, got, tc.want)
			}
		})
	}
}

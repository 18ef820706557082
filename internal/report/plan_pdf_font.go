package report

import (
	"strings"
	"sync"
	"unicode"

	"golang.org/x/image/font/gofont/gobold"
	"golang.org/x/image/font/gofont/goregular"
	"golang.org/x/image/font/sfnt"
)

// missingGlyph is what the PDF shows for a character its fonts cannot draw.
const missingGlyph = "?"

// pdfFonts are the Go fonts (BSD licence) the PDF embeds: TrueType with the Latin,
// Greek and Cyrillic a team name or a note is likely to hold (Siân, Zoë Øster).
var pdfFonts = sync.OnceValues(func() ([]*sfnt.Font, error) {
	var fonts []*sfnt.Font
	for _, ttf := range [][]byte{goregular.TTF, gobold.TTF} {
		f, err := sfnt.Parse(ttf)
		if err != nil {
			return nil, err
		}
		fonts = append(fonts, f)
	}
	return fonts, nil
})

// drawable makes s drawable in fonts: a character either font lacks (an emoji, most
// CJK) becomes "?", because fpdf fails the whole document on one it cannot draw;
// control characters other than a line break become spaces.
func drawable(fonts []*sfnt.Font, buf *sfnt.Buffer, s string) string {
	var b strings.Builder
	for _, r := range strings.ReplaceAll(s, "\r\n", "\n") {
		switch {
		case r == '\n':
			b.WriteRune(r)
		case unicode.IsControl(r) || r == unicode.ReplacementChar:
			b.WriteByte(' ')
		case hasGlyph(fonts, buf, r):
			b.WriteRune(r)
		case unicode.Is(unicode.Mn, r) || r == '\u200d' || unicode.Is(unicode.Variation_Selector, r):
			// A combining mark, joiner or emoji presentation selector: it belongs to the
			// character before, which already became "?" or drew on its own.
		default:
			b.WriteString(missingGlyph)
		}
	}
	return b.String()
}

func hasGlyph(fonts []*sfnt.Font, buf *sfnt.Buffer, r rune) bool {
	for _, f := range fonts {
		if i, err := f.GlyphIndex(buf, r); err != nil || i == 0 {
			return false
		}
	}
	return true
}

package api_test

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"vcready/internal/id"
)

// shapeOf rewrites a JSON document as indented JSON that keeps everything a client
// can tell apart: key order, nulls, absent keys, [] and {}, numbers exactly as
// written, and every string but the volatile ones, which become placeholders:
//
//	an id the test named   "<id:team1>"
//	any other id           "<id>"
//	an RFC 3339 time       "<time>" (UTC, ending in Z), "<time not UTC>" otherwise
//	a SHA-256 in hex       "<hash>"
//	an API token           "vcr_<token>"
func shapeOf(body []byte, names map[string]string) (string, error) {
	dec := json.NewDecoder(bytes.NewReader(body))
	dec.UseNumber()
	var out strings.Builder
	if err := writeShape(dec, &out, "", names); err != nil {
		return "", err
	}
	if _, err := dec.Token(); err != io.EOF {
		return "", fmt.Errorf("more than one JSON value")
	}
	return out.String(), nil
}

func writeShape(dec *json.Decoder, out *strings.Builder, indent string, names map[string]string) error {
	tok, err := dec.Token()
	if err != nil {
		return err
	}
	switch v := tok.(type) {
	case json.Delim:
		return writeComposite(dec, out, v, indent, names)
	case string:
		out.WriteString(quote(placeholder(v, names)))
	case json.Number:
		out.WriteString(v.String())
	case bool:
		out.WriteString(strconv.FormatBool(v))
	case nil:
		out.WriteString("null")
	default:
		return fmt.Errorf("unexpected token %v", tok)
	}
	return nil
}

// writeComposite writes an object or array whose opening delimiter open was read.
func writeComposite(dec *json.Decoder, out *strings.Builder, open json.Delim, indent string, names map[string]string) error {
	out.WriteRune(rune(open))
	n := 0
	for ; dec.More(); n++ {
		if n > 0 {
			out.WriteByte(',')
		}
		out.WriteString("\n" + indent + "  ")
		if open == '{' {
			key, err := dec.Token()
			if err != nil {
				return err
			}
			out.WriteString(quote(key.(string)) + ": ")
		}
		if err := writeShape(dec, out, indent+"  ", names); err != nil {
			return err
		}
	}
	end, err := dec.Token()
	if err != nil {
		return err
	}
	if n > 0 {
		out.WriteString("\n" + indent)
	}
	out.WriteRune(rune(end.(json.Delim)))
	return nil
}

var sha256Hex = regexp.MustCompile(`^[0-9a-f]{64}$`)

func placeholder(s string, names map[string]string) string {
	if name, ok := names[s]; ok {
		return "<id:" + name + ">"
	}
	switch {
	case id.Valid(s):
		return "<id>"
	case sha256Hex.MatchString(s):
		return "<hash>"
	case strings.HasPrefix(s, "vcr_"):
		return "vcr_<token>"
	}
	if _, err := time.Parse(time.RFC3339Nano, s); err == nil {
		if strings.HasSuffix(s, "Z") {
			return "<time>"
		}
		return "<time not UTC>"
	}
	return s
}

// quote writes s as a JSON string without escaping <, > and &, so placeholders read
// as written.
func quote(s string) string {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	_ = enc.Encode(s)
	return strings.TrimSuffix(b.String(), "\n")
}

func itoa(n int) string { return strconv.Itoa(n) }

// TestShapeOf checks the placeholders and that the shape keeps what it must.
func TestShapeOf(t *testing.T) {
	names := map[string]string{"aaaaaaaaaaaaaaaaaaaaaaaaaa": "team1"}
	in := `{"b":null,"a":[],"o":{},"n":1.50,"i":"aaaaaaaaaaaaaaaaaaaaaaaaaa","j":"bbbbbbbbbbbbbbbbbbbbbbbbbb",` +
		`"t":"2026-01-02T03:04:05.123Z","tz":"2026-01-02T03:04:05+01:00","h":"` + strings.Repeat("0f", 32) +
		`","k":"vcr_secret","s":"<eq-01>","x":[true,false]}`
	got, err := shapeOf([]byte(in), names)
	if err != nil {
		t.Fatal(err)
	}
	want := `{
  "b": null,
  "a": [],
  "o": {},
  "n": 1.50,
  "i": "<id:team1>",
  "j": "<id>",
  "t": "<time>",
  "tz": "<time not UTC>",
  "h": "<hash>",
  "k": "vcr_<token>",
  "s": "<eq-01>",
  "x": [
    true,
    false
  ]
}`
	if got != want {
		t.Errorf("shapeOf =\n%s\nwant\n%s", got, want)
	}
}

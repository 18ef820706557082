package questionnaire

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"regexp"
	"strings"

	yaml "go.yaml.in/yaml/v3"
)

// Parse decodes and validates one questionnaire file; name is used in problems and
// kept as File. On failure the error is Problems listing everything that is wrong.
func Parse(name string, data []byte) (*Questionnaire, error) {
	r := &reporter{file: name}
	f, ok := decode(r, data)
	if !ok {
		return nil, r.problems
	}
	validate(r, f)
	if len(r.problems) > 0 {
		return nil, r.problems
	}
	q := f.convert()
	q.File = name
	hash, err := q.ComputeHash()
	if err != nil {
		r.add("", "", "hash: %v", err)
		return nil, r.problems
	}
	q.Hash = hash
	return q, nil
}

// decode strictly decodes data into a file shape. It reports false when nothing worth
// validating came out. After unknown fields (typos, mostly) the rest of the file is
// still validated, so an author sees every problem at once.
func decode(r *reporter, data []byte) (f *fileQuestionnaire, ok bool) {
	defer func() {
		// The YAML library is third-party code fed with arbitrary bytes: a panic in it
		// must become a problem, never take the server or the CLI down.
		if v := recover(); v != nil {
			r.add("", "", "yaml: unreadable file (%v)", v)
			f, ok = nil, false
		}
	}()
	dec := yaml.NewDecoder(bytes.NewReader(data))
	dec.KnownFields(true)
	f = &fileQuestionnaire{}
	err := dec.Decode(f)
	var te *yaml.TypeError
	switch {
	case errors.Is(err, io.EOF):
		r.add("", "", "file is empty")
		return nil, false
	case errors.As(err, &te):
		for _, msg := range te.Errors {
			addYAMLProblem(r, msg)
		}
		if wrongTypes(te) {
			return nil, false // what was decoded would only give confusing follow-up problems
		}
	case err != nil:
		addYAMLProblem(r, err.Error())
		return nil, false
	}
	if err := dec.Decode(new(yaml.Node)); !errors.Is(err, io.EOF) {
		r.add("", "", "holds more than one YAML document; put one questionnaire in each file")
	}
	return f, true
}

// wrongTypes reports whether te holds a value of the wrong kind, rather than only
// unknown fields or repeated keys (after which the rest of the file is still sound).
func wrongTypes(te *yaml.TypeError) bool {
	for _, msg := range te.Errors {
		if strings.Contains(msg, "cannot unmarshal ") {
			return true
		}
	}
	return false
}

var yamlLine = regexp.MustCompile(`^(?:yaml: )?line (\d+): (.*)$`)

// addYAMLProblem records a message from the YAML library, naming its line and speaking
// of fields and kinds of value rather than Go types.
func addYAMLProblem(r *reporter, msg string) {
	msg = strings.TrimPrefix(msg, "yaml: ")
	field := ""
	if m := yamlLine.FindStringSubmatch(msg); m != nil {
		field, msg = "line "+m[1], m[2]
	}
	r.add("", field, "%s", plainYAMLMessage(msg))
}

var (
	unknownField = regexp.MustCompile(`^field (.*) not found in type \S+$`)
	yamlTags     = strings.NewReplacer(
		"!!str", "text", "!!int", "a whole number", "!!float", "a number",
		"!!bool", "true or false", "!!seq", "a list", "!!map", "a mapping", "!!null", "nothing",
	)
	goTypes = map[string]string{
		"float64": "a number", "*float64": "a number", "int": "a whole number",
		"*int": "a whole number", "string": "text", "*string": "text", "bool": "true or false",
		"[]string": "a list of text",
	}
)

// plainYAMLMessage rewrites the library's Go-flavoured messages for YAML authors.
func plainYAMLMessage(msg string) string {
	if m := unknownField.FindStringSubmatch(msg); m != nil {
		return fmt.Sprintf("unknown field %q", m[1])
	}
	rest, ok := strings.CutPrefix(msg, "cannot unmarshal ")
	if !ok {
		return msg
	}
	value, typ, ok := strings.Cut(rest, " into ")
	if !ok {
		return msg
	}
	return "cannot read " + yamlTags.Replace(value) + " as " + plainType(typ)
}

// plainType names a Go type the way a YAML author thinks of it.
func plainType(t string) string {
	if s, ok := goTypes[t]; ok {
		return s
	}
	if strings.HasPrefix(t, "[]") {
		return "a list"
	}
	return "a mapping"
}

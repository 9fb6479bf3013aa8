package radarfmt

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"reflect"
	"strings"
)

// decodeJSON reads a whole JSON input into v, reporting a syntax or type
// error with its line and column.
func decodeJSON(r io.Reader, v any) ([]byte, error) {
	data, err := readAll(r)
	if err != nil {
		return nil, err
	}
	data = bytes.TrimPrefix(data, []byte("\ufeff"))
	if err := json.Unmarshal(data, v); err != nil {
		return nil, jsonProblem(data, err)
	}
	return data, nil
}

// jsonProblem turns an error of encoding/json into a Problem at the line
// and column where reading stopped.
func jsonProblem(data []byte, err error) Problem {
	var syn *json.SyntaxError
	var typ *json.UnmarshalTypeError
	switch {
	case errors.As(err, &syn):
		line, col := position(data, syn.Offset-1)
		return Problem{Line: line, Message: fmt.Sprintf("invalid JSON at column %d: %s", col, syn.Error())}
	case errors.As(err, &typ):
		line, col := position(data, typ.Offset-1)
		field := typ.Field
		if field == "" {
			field = "the document"
		}
		return Problem{Line: line, Message: fmt.Sprintf("column %d: %s must be %s, not %s",
			col, field, kindName(typ.Type), typ.Value)}
	}
	return Problem{Message: "invalid JSON: " + strings.TrimPrefix(err.Error(), "json: ")}
}

// kindName says in JSON's words what a Go type expects.
func kindName(t reflect.Type) string {
	if t == nil {
		return "another value"
	}
	switch t.Kind() {
	case reflect.String:
		return "a string"
	case reflect.Bool:
		return "true or false"
	case reflect.Slice, reflect.Array:
		return "a list"
	case reflect.Struct, reflect.Map:
		return "an object"
	case reflect.Int, reflect.Int64, reflect.Float64:
		return "a whole number"
	}
	return "another value"
}

// elementLines returns the line on which each element of an array starts:
// the array under key in the top-level object, or the top-level array when
// key is "". It is called on input that json.Unmarshal has accepted, to
// point Problems about one entry at that entry.
func elementLines(data []byte, key string) []int {
	dec := json.NewDecoder(bytes.NewReader(data))
	if key != "" {
		if tok, err := dec.Token(); err != nil || tok != json.Delim('{') {
			return nil
		}
		for {
			k, err := dec.Token()
			if err != nil || k == json.Delim('}') {
				return nil
			}
			if k == key {
				break
			}
			var skip json.RawMessage
			if dec.Decode(&skip) != nil {
				return nil
			}
		}
	}
	if tok, err := dec.Token(); err != nil || tok != json.Delim('[') {
		return nil
	}
	var lines []int
	for dec.More() {
		off := dec.InputOffset()
		for off < int64(len(data)) && strings.IndexByte(" \t\r\n,", data[off]) >= 0 {
			off++
		}
		line, _ := position(data, off)
		lines = append(lines, line)
		var skip json.RawMessage
		if dec.Decode(&skip) != nil {
			break
		}
	}
	return lines
}

// lineAt returns lines[i], or 0 when there is no such element.
func lineAt(lines []int, i int) int {
	if i >= 0 && i < len(lines) {
		return lines[i]
	}
	return 0
}

// writeJSON writes v indented, with HTML left as it is (descriptions hold
// HTML and Markdown that people read in the file) and a final newline.
func writeJSON(w io.Writer, v any) error {
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	return enc.Encode(v)
}

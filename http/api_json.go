package http

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"strings"

	"github.com/bearingorg/bearing"
)

// MaxBodyBytes is the largest request body accepted: 1 MiB.
const MaxBodyBytes = 1 << 20

// writeJSON writes v as JSON with the given status.
func writeJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json")
	w.Header().Set("Cache-Control", "no-store")
	w.WriteHeader(status)
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.Encode(v)
}

// decodeJSON reads exactly one JSON object into v, refusing unknown fields,
// wrong types, trailing data and bodies over MaxBodyBytes, each with a
// message that says where the problem is.
func decodeJSON(w http.ResponseWriter, r *http.Request, v any) error {
	return decodeJSONLimit(w, r, v, MaxBodyBytes)
}

// decodeJSONLimit is decodeJSON with another size limit, for the few
// endpoints that take large documents.
func decodeJSONLimit(w http.ResponseWriter, r *http.Request, v any, limit int64) error {
	if ct := r.Header.Get("Content-Type"); ct != "" && !strings.HasPrefix(ct, "application/json") {
		return bearing.Errorf(bearing.EINVALID, "Send the body as application/json (got %s).", ct)
	}
	body, err := io.ReadAll(http.MaxBytesReader(w, r.Body, limit))
	var mbe *http.MaxBytesError
	if errors.As(err, &mbe) {
		return bearing.Errorf(bearing.ETOOLARGE, "The body is larger than %d bytes.", limit)
	} else if err != nil {
		return bearing.Errorf(bearing.EINVALID, "Could not read the body: %v.", err)
	}
	dec := json.NewDecoder(bytes.NewReader(body))
	dec.DisallowUnknownFields()
	if err := dec.Decode(v); err != nil {
		return jsonError(body, err)
	}
	if dec.More() {
		return bearing.Errorf(bearing.EINVALID, "The body has data after the JSON object.")
	}
	return nil
}

// jsonError turns an encoding/json error into a domain error naming the
// field, or the line and column of a syntax error.
func jsonError(body []byte, err error) error {
	var syn *json.SyntaxError
	var typ *json.UnmarshalTypeError
	switch {
	case errors.Is(err, io.EOF):
		return bearing.Errorf(bearing.EINVALID, "The body is empty; send a JSON object.")
	case errors.As(err, &syn):
		line, col := lineCol(body, syn.Offset)
		return bearing.Errorf(bearing.EINVALID, "The body is not valid JSON: %s at line %d, column %d.", syn.Error(), line, col)
	case errors.Is(err, io.ErrUnexpectedEOF):
		return bearing.Errorf(bearing.EINVALID, "The body is not valid JSON: it ends too early.")
	case errors.As(err, &typ):
		field := typ.Field
		if field == "" {
			return bearing.Errorf(bearing.EINVALID, "The body must be a JSON object, not %s.", typ.Value)
		}
		return fieldError(field, fmt.Sprintf("must be %s, not %s", jsonKind(typ.Type.String()), typ.Value))
	case strings.HasPrefix(err.Error(), "json: unknown field "):
		name := strings.Trim(strings.TrimPrefix(err.Error(), "json: unknown field "), `"`)
		return fieldError(name, "is not a known field")
	}
	return bearing.Errorf(bearing.EINVALID, "The body could not be read: %v.", err)
}

func fieldError(field, msg string) error {
	return &bearing.Error{Code: bearing.EINVALID, Message: field + ": " + msg,
		Fields: []bearing.FieldError{{Field: field, Message: msg}}}
}

func jsonKind(goType string) string {
	switch {
	case goType == "string" || goType == "*string":
		return "a string"
	case strings.Contains(goType, "int"):
		return "a whole number"
	case goType == "bool":
		return "true or false"
	case strings.Contains(goType, "[]"):
		return "an array"
	}
	return "an object"
}

func lineCol(b []byte, offset int64) (line, col int) {
	line, col = 1, 1
	for i := int64(0); i < offset-1 && i < int64(len(b)); i++ {
		if b[i] == '\n' {
			line, col = line+1, 1
		} else {
			col++
		}
	}
	return line, col
}

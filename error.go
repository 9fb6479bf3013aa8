package bearing

import (
	"errors"
	"fmt"
	"strings"
)

// Error codes form a small closed set so that every transport can map them to
// its own vocabulary (HTTP statuses, CLI exit codes) in one table.
const (
	ECONFLICT      = "conflict"      // the change clashes with the current state (stale version, duplicate)
	EINTERNAL      = "internal"      // a bug or an outage; details are logged, never shown
	EINVALID       = "invalid"       // the input breaks a rule; Fields says which
	ENOTFOUND      = "not_found"     // the thing asked for does not exist (or is hidden from the caller)
	EUNAUTHORIZED  = "unauthorized"  // the caller is not signed in
	EFORBIDDEN     = "forbidden"     // the caller is signed in but may not do this
	EPRECONDITION  = "precondition"  // a required version (If-Match) was not given
	ETOOLARGE      = "too_large"     // the input exceeds a size limit
	EUNPROCESSABLE = "unprocessable" // well-formed input that cannot be acted on as a whole
)

// FieldError names one input field and what is wrong with it, so forms can
// print the message beside the field and the API can list every problem at
// once.
type FieldError struct {
	Field   string `json:"field"`
	Message string `json:"message"`
}

// Error is the domain's error: a code from the closed set, a message meant
// for the user, and optional field errors. Anything that is not an *Error is
// treated as internal.
type Error struct {
	Code    string
	Message string
	Fields  []FieldError
}

// Error implements the error interface.
func (e *Error) Error() string {
	if len(e.Fields) == 0 {
		return fmt.Sprintf("bearing error: code=%s message=%s", e.Code, e.Message)
	}
	parts := make([]string, len(e.Fields))
	for i, f := range e.Fields {
		parts[i] = f.Field + ": " + f.Message
	}
	return fmt.Sprintf("bearing error: code=%s message=%s (%s)", e.Code, e.Message, strings.Join(parts, "; "))
}

// Errorf returns an *Error with the given code and a formatted message.
func Errorf(code, format string, args ...any) *Error {
	return &Error{Code: code, Message: fmt.Sprintf(format, args...)}
}

// ErrorCode returns the code of err if it is (or wraps) an *Error, and
// EINTERNAL otherwise; nil has no code.
func ErrorCode(err error) string {
	var e *Error
	if err == nil {
		return ""
	} else if errors.As(err, &e) {
		return e.Code
	}
	return EINTERNAL
}

// ErrorMessage returns the user-facing message of err; internal errors get a
// generic message so that nothing leaks.
func ErrorMessage(err error) string {
	var e *Error
	if err == nil {
		return ""
	} else if errors.As(err, &e) {
		return e.Message
	}
	return "Internal error."
}

// ErrorFields returns the field errors carried by err, if any.
func ErrorFields(err error) []FieldError {
	var e *Error
	if errors.As(err, &e) {
		return e.Fields
	}
	return nil
}

// Problems collects field errors during validation. Its zero value is ready
// to use; Err returns nil when nothing was added.
type Problems struct {
	fields []FieldError
}

// Add records a problem with field.
func (p *Problems) Add(field, format string, args ...any) {
	p.fields = append(p.fields, FieldError{Field: field, Message: fmt.Sprintf(format, args...)})
}

// Merge appends the field errors of err (prefixed with prefix) or, for an
// error without fields, its message under prefix.
func (p *Problems) Merge(prefix string, err error) {
	if err == nil {
		return
	}
	fields := ErrorFields(err)
	if len(fields) == 0 {
		p.Add(prefix, "%s", ErrorMessage(err))
		return
	}
	for _, f := range fields {
		name := f.Field
		if prefix != "" {
			name = prefix + "." + f.Field
		}
		p.fields = append(p.fields, FieldError{Field: name, Message: f.Message})
	}
}

// Has reports whether any problem was recorded for field.
func (p *Problems) Has(field string) bool {
	for _, f := range p.fields {
		if f.Field == field {
			return true
		}
	}
	return false
}

// Err returns an EINVALID *Error listing every problem, or nil.
func (p *Problems) Err() error {
	if len(p.fields) == 0 {
		return nil
	}
	msg := p.fields[0].Field + ": " + p.fields[0].Message
	if len(p.fields) > 1 {
		msg = fmt.Sprintf("%s (and %d more problems)", msg, len(p.fields)-1)
	}
	return &Error{Code: EINVALID, Message: msg, Fields: p.fields}
}

package http

import (
	"context"
	"encoding/json"
	"errors"
	"net/http"

	"github.com/bearingorg/bearing"
)

// codes maps domain error codes to HTTP statuses, in one table.
var codes = map[string]int{
	bearing.ECONFLICT:      http.StatusConflict,
	bearing.EINVALID:       http.StatusBadRequest,
	bearing.ENOTFOUND:      http.StatusNotFound,
	bearing.EUNAUTHORIZED:  http.StatusUnauthorized,
	bearing.EFORBIDDEN:     http.StatusForbidden,
	bearing.EPRECONDITION:  http.StatusPreconditionRequired,
	bearing.ETOOLARGE:      http.StatusRequestEntityTooLarge,
	bearing.EUNPROCESSABLE: http.StatusUnprocessableEntity,
	bearing.EINTERNAL:      http.StatusInternalServerError,
}

// ErrorStatus returns the HTTP status for a domain error code.
func ErrorStatus(code string) int {
	if s, ok := codes[code]; ok {
		return s
	}
	return http.StatusInternalServerError
}

// problem is an RFC 9457 problem document with Bearing's field errors.
type problem struct {
	Type   string               `json:"type"`
	Title  string               `json:"title"`
	Status int                  `json:"status"`
	Detail string               `json:"detail"`
	Code   string               `json:"code"`
	Errors []bearing.FieldError `json:"errors,omitempty"`
}

// Error writes err for the caller: problem+json for the API, an error page
// for browsers. Internal errors are logged with their detail and shown
// without it.
func (s *Server) Error(w http.ResponseWriter, r *http.Request, err error) {
	s.errorStatus(w, r, err, ErrorStatus(bearing.ErrorCode(err)))
}

func (s *Server) errorStatus(w http.ResponseWriter, r *http.Request, err error, status int) {
	if errors.Is(err, context.Canceled) && r.Context().Err() != nil {
		// The client went away; there is nobody to answer and nothing to log.
		w.WriteHeader(499)
		return
	}
	code := bearing.ErrorCode(err)
	if code == bearing.EINTERNAL {
		s.Logger.Error("internal error", "method", r.Method, "path", r.URL.Path, "err", err)
	}
	if isAPI(r) || wantsJSON(r) {
		writeProblem(w, status, code, bearing.ErrorMessage(err), bearing.ErrorFields(err))
		return
	}
	s.renderStatus(w, r, status, "error", &errorPage{Status: status, Message: bearing.ErrorMessage(err)})
}

func writeProblem(w http.ResponseWriter, status int, code, detail string, fields []bearing.FieldError) {
	w.Header().Set("Content-Type", "application/problem+json")
	w.Header().Set("Cache-Control", "no-store")
	w.WriteHeader(status)
	json.NewEncoder(w).Encode(problem{Type: "about:blank", Title: http.StatusText(status), Status: status,
		Detail: detail, Code: code, Errors: fields})
}

func wantsJSON(r *http.Request) bool {
	return r.Header.Get("Authorization") != "" || r.Header.Get("Accept") == "application/json"
}

// errorPage is the data of the HTML error page.
type errorPage struct {
	Status  int
	Message string
}

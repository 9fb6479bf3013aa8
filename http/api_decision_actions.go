package http

import (
	"encoding/json"
	"net/http"
	"reflect"
	"strconv"
	"strings"

	"github.com/bearingorg/bearing"
)

// handleAPIDecisionStatus serves POST /api/v1/decisions/{id}/status with
// {"status", "reason"}. If-Match is optional here: a transition is checked
// against the current status anyway.
func (s *Server) handleAPIDecisionStatus(w http.ResponseWriter, r *http.Request) {
	version, err := ifMatch(r)
	if err != nil {
		s.Error(w, r, err)
		return
	}
	var in struct {
		Status *string `json:"status"`
		Reason string  `json:"reason"`
	}
	if err := decodeJSON(w, r, &in); err != nil {
		s.Error(w, r, err)
		return
	}
	if in.Status == nil || strings.TrimSpace(*in.Status) == "" {
		s.Error(w, r, fieldError("status", "is required"))
		return
	}
	d, err := s.Decisions.SetDecisionStatus(r.Context(), r.PathValue("id"), version, bearing.Status(strings.TrimSpace(*in.Status)), in.Reason)
	if err != nil {
		s.versionError(w, r, err)
		return
	}
	writeDecision(w, http.StatusOK, d)
}

// handleAPIDecisionOwnership serves POST /api/v1/decisions/{id}/ownership:
// the caller signs, in writing, as an owner of the decision.
func (s *Server) handleAPIDecisionOwnership(w http.ResponseWriter, r *http.Request) {
	d, err := s.Decisions.AcceptOwnership(r.Context(), r.PathValue("id"))
	if err != nil {
		s.Error(w, r, err)
		return
	}
	writeDecision(w, http.StatusOK, d)
}

// handleAPIDecisionSupersede serves POST /api/v1/decisions/{id}/supersede
// with {"by": ID, "reason"}.
func (s *Server) handleAPIDecisionSupersede(w http.ResponseWriter, r *http.Request) {
	var in struct {
		By     refJSON `json:"by"`
		Reason string  `json:"reason"`
	}
	if err := decodeJSON(w, r, &in); err != nil {
		s.Error(w, r, err)
		return
	}
	if strings.TrimSpace(string(in.By)) == "" {
		s.Error(w, r, fieldError("by", "is required: the id or key of the decision that replaces this one"))
		return
	}
	d, err := s.Decisions.SupersedeDecision(r.Context(), r.PathValue("id"), strings.TrimSpace(string(in.By)), in.Reason)
	if err != nil {
		s.Error(w, r, err)
		return
	}
	writeDecision(w, http.StatusOK, d)
}

// refJSON is a decision reference given as a string ("DEC-42", an id) or as
// a bare number (42).
type refJSON string

// UnmarshalJSON accepts a string or a whole number.
func (r *refJSON) UnmarshalJSON(b []byte) error {
	var s string
	if err := json.Unmarshal(b, &s); err == nil {
		*r = refJSON(s)
		return nil
	}
	var n int
	if err := json.Unmarshal(b, &n); err != nil {
		return &json.UnmarshalTypeError{Value: string(b), Type: reflect.TypeOf(""), Field: "by"}
	}
	*r = refJSON(strconv.Itoa(n))
	return nil
}

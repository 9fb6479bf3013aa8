package http

import (
	"net/http"
	"strings"

	"github.com/bearingorg/bearing"
)

// handleAPIAsk serves GET /api/v1/ask?q=: "can I use X?", answered from the
// current policy for the caller's teams.
func (s *Server) handleAPIAsk(w http.ResponseWriter, r *http.Request) {
	q := strings.TrimSpace(r.URL.Query().Get("q"))
	if q == "" || len(q) > 200 {
		s.Error(w, r, fieldError("q", "is required: the technology, package or image you want to use (at most 200 characters)"))
		return
	}
	p, err := s.Policy.Policy(r.Context())
	if err != nil {
		s.Error(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, p.Ask(q, bearing.UserFromContext(r.Context()).Teams))
}

// handleAPIPolicy serves GET /api/v1/policy: the document `bearing check`
// and `bearing ask` use offline. Its ETag is the content hash, so CI can
// send If-None-Match and get 304 until the policy changes.
func (s *Server) handleAPIPolicy(w http.ResponseWriter, r *http.Request) {
	p, err := s.Policy.Policy(r.Context())
	if err != nil {
		s.Error(w, r, err)
		return
	}
	tag := `"` + p.Hash + `"`
	w.Header().Set("ETag", tag)
	if r.Header.Get("If-None-Match") == tag {
		w.WriteHeader(http.StatusNotModified)
		return
	}
	writeJSON(w, http.StatusOK, p)
}

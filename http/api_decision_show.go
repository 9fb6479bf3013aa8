package http

import (
	"net/http"

	"github.com/bearingorg/bearing"
)

// handleAPIDecisionShow serves GET /api/v1/decisions/{id}, with an ETag for
// If-Match on the next edit and If-None-Match for cheap polling.
func (s *Server) handleAPIDecisionShow(w http.ResponseWriter, r *http.Request) {
	d, err := s.Decisions.FindDecision(r.Context(), r.PathValue("id"))
	if err != nil {
		s.Error(w, r, err)
		return
	}
	if r.Header.Get("If-None-Match") == etag(d.Version) {
		w.Header().Set("ETag", etag(d.Version))
		w.WriteHeader(http.StatusNotModified)
		return
	}
	writeDecision(w, http.StatusOK, d)
}

// handleAPIDecisionHistory serves GET /api/v1/decisions/{id}/history.
func (s *Server) handleAPIDecisionHistory(w http.ResponseWriter, r *http.Request) {
	events, err := s.Decisions.DecisionHistory(r.Context(), r.PathValue("id"))
	if err != nil {
		s.Error(w, r, err)
		return
	}
	if events == nil {
		events = []*bearing.Event{}
	}
	writeJSON(w, http.StatusOK, map[string]any{"events": events})
}

// handleAPIMe serves GET /api/v1/me: who the token or session belongs to.
func (s *Server) handleAPIMe(w http.ResponseWriter, r *http.Request) {
	writeJSON(w, http.StatusOK, bearing.UserFromContext(r.Context()))
}

// handleAPINotFound answers unknown API paths (and known paths with the
// wrong method) with problem+json instead of an HTML page.
func (s *Server) handleAPINotFound(w http.ResponseWriter, r *http.Request) {
	s.Error(w, r, bearing.Errorf(bearing.ENOTFOUND, "No API route %s %s; see /api/v1/openapi.json.", r.Method, r.URL.Path))
}

package http

import (
	"net/http"

	"github.com/bearingorg/bearing"
)

// handleAPIDecisionCreate serves POST /api/v1/decisions.
func (s *Server) handleAPIDecisionCreate(w http.ResponseWriter, r *http.Request) {
	var in decisionInput
	if err := decodeJSON(w, r, &in); err != nil {
		s.Error(w, r, err)
		return
	}
	upd, err := in.update()
	if err != nil {
		s.Error(w, r, err)
		return
	}
	if in.Version != nil {
		s.Error(w, r, fieldError("version", "is read-only on a new decision"))
		return
	}
	d := &bearing.Decision{}
	upd.Apply(d)
	if in.Status != nil {
		d.Status = bearing.Status(*in.Status)
	}
	if err := s.Decisions.CreateDecision(r.Context(), d); err != nil {
		s.Error(w, r, err)
		return
	}
	w.Header().Set("Location", "/api/v1/decisions/"+d.Key())
	writeDecision(w, http.StatusCreated, d)
}

package http

import (
	"net/http"

	"github.com/bearingorg/bearing"
)

// handleAPIDecisionUpdate serves PATCH /api/v1/decisions/{id}. The client
// names the version it edits with If-Match (or "version" in the body); a
// stale version gets 412 and changes nothing.
func (s *Server) handleAPIDecisionUpdate(w http.ResponseWriter, r *http.Request) {
	var in decisionInput
	if err := decodeJSON(w, r, &in); err != nil {
		s.Error(w, r, err)
		return
	}
	if in.Status != nil {
		s.Error(w, r, fieldError("status", "cannot be changed by PATCH; use POST /api/v1/decisions/{id}/status"))
		return
	}
	version, err := editedVersion(r, in.Version)
	if err != nil {
		s.Error(w, r, err)
		return
	}
	upd, err := in.update()
	if err != nil {
		s.Error(w, r, err)
		return
	}
	d, err := s.Decisions.UpdateDecision(r.Context(), r.PathValue("id"), version, upd)
	if err != nil {
		s.versionError(w, r, err)
		return
	}
	writeDecision(w, http.StatusOK, d)
}

// versionError answers a stale version with 412 Precondition Failed, and
// any other error as usual.
func (s *Server) versionError(w http.ResponseWriter, r *http.Request, err error) {
	for _, f := range bearing.ErrorFields(err) {
		if bearing.ErrorCode(err) == bearing.ECONFLICT && f.Field == "version" {
			s.errorStatus(w, r, err, http.StatusPreconditionFailed)
			return
		}
	}
	s.Error(w, r, err)
}

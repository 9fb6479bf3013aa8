package http

import (
	"net/http"

	"github.com/bearingorg/bearing"
)

// exceptionInput is the body of POST /api/v1/exceptions.
type exceptionInput struct {
	Team          string   `json:"team"`
	Guideline     string   `json:"guideline"`
	Technology    string   `json:"technology"`
	Scope         []string `json:"scope"`
	Justification string   `json:"justification"`
	Risk          string   `json:"risk"`
	Compensating  string   `json:"compensating_measures"`
	ExpiresOn     string   `json:"expires_on"`
	RenewalOf     string   `json:"renewal_of"`
}

// exceptionJSON adds the key and whether it is active today.
type exceptionJSON struct {
	*bearing.Exception
	Key string `json:"key"`
}

// handleAPIExceptionList serves GET /api/v1/exceptions (state, team).
func (s *Server) handleAPIExceptionList(w http.ResponseWriter, r *http.Request) {
	f := bearing.ExceptionFilter{Team: r.URL.Query().Get("team")}
	for _, st := range r.URL.Query()["state"] {
		f.State = append(f.State, bearing.ExceptionState(st))
	}
	es, err := s.Exceptions.FindExceptions(r.Context(), f)
	if err != nil {
		s.Error(w, r, err)
		return
	}
	out := make([]exceptionJSON, len(es))
	for i, e := range es {
		out[i] = exceptionJSON{e, e.Key()}
	}
	writeJSON(w, http.StatusOK, map[string]any{"exceptions": out})
}

// handleAPIExceptionCreate serves POST /api/v1/exceptions: a team's request.
func (s *Server) handleAPIExceptionCreate(w http.ResponseWriter, r *http.Request) {
	var in exceptionInput
	if err := decodeJSON(w, r, &in); err != nil {
		s.Error(w, r, err)
		return
	}
	exp, err := bearing.ParseDate(in.ExpiresOn)
	if err != nil {
		s.Error(w, r, fieldError("expires_on", err.Error()))
		return
	}
	e := &bearing.Exception{Team: in.Team, Guideline: in.Guideline, Technology: in.Technology, Scope: in.Scope,
		Justification: in.Justification, Risk: in.Risk, Compensating: in.Compensating, ExpiresOn: exp, RenewalOf: in.RenewalOf}
	if err := s.Exceptions.RequestException(r.Context(), e); err != nil {
		s.Error(w, r, err)
		return
	}
	w.Header().Set("Location", "/api/v1/exceptions/"+e.Key())
	writeJSON(w, http.StatusCreated, exceptionJSON{e, e.Key()})
}

// handleAPIExceptionShow serves GET /api/v1/exceptions/{id}.
func (s *Server) handleAPIExceptionShow(w http.ResponseWriter, r *http.Request) {
	e, err := s.Exceptions.FindException(r.Context(), r.PathValue("id"))
	if err != nil {
		s.Error(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, exceptionJSON{e, e.Key()})
}

// handleAPIExceptionDecision serves POST /api/v1/exceptions/{id}/decision
// with {"approve": bool, "reason"}.
func (s *Server) handleAPIExceptionDecision(w http.ResponseWriter, r *http.Request) {
	var in struct {
		Approve *bool  `json:"approve"`
		Reason  string `json:"reason"`
	}
	if err := decodeJSON(w, r, &in); err != nil {
		s.Error(w, r, err)
		return
	}
	if in.Approve == nil {
		s.Error(w, r, fieldError("approve", "is required: true to approve, false to reject"))
		return
	}
	e, err := s.Exceptions.DecideException(r.Context(), r.PathValue("id"), *in.Approve, in.Reason)
	if err != nil {
		s.Error(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, exceptionJSON{e, e.Key()})
}

// handleAPIExceptionRevoke serves POST /api/v1/exceptions/{id}/revoke {"reason"}.
func (s *Server) handleAPIExceptionRevoke(w http.ResponseWriter, r *http.Request) {
	var in struct {
		Reason string `json:"reason"`
	}
	if err := decodeJSON(w, r, &in); err != nil {
		s.Error(w, r, err)
		return
	}
	e, err := s.Exceptions.RevokeException(r.Context(), r.PathValue("id"), in.Reason)
	if err != nil {
		s.Error(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, exceptionJSON{e, e.Key()})
}

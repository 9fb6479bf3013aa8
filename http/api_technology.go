package http

import (
	"net/http"
	"strings"

	"github.com/bearingorg/bearing"
)

// technologyInput is the body of POST and PATCH /api/v1/technologies.
type technologyInput struct {
	Name             *string   `json:"name"`
	Aliases          *[]string `json:"aliases"`
	Quadrant         *string   `json:"quadrant"`
	Ring             *string   `json:"ring"`
	Description      *string   `json:"description"`
	Rationale        *string   `json:"rationale"`
	ExecutiveSummary *string   `json:"executive_summary"`
	Owners           *[]string `json:"owners"`
	Decisions        *[]string `json:"decisions"`
	Identifiers      *[]string `json:"identifiers"`
	Alternatives     *[]string `json:"alternatives"`
	RevisitOn        *string   `json:"revisit_on"`
	Reason           string    `json:"reason"`
	Version          *int      `json:"version"`
}

func (in *technologyInput) update() (bearing.TechnologyUpdate, error) {
	u := bearing.TechnologyUpdate{Name: in.Name, Aliases: in.Aliases, Quadrant: in.Quadrant, Description: in.Description,
		Rationale: in.Rationale, ExecutiveSummary: in.ExecutiveSummary, Owners: in.Owners, Decisions: in.Decisions,
		Identifiers: in.Identifiers, Alternatives: in.Alternatives}
	if in.RevisitOn != nil {
		d, err := bearing.ParseDate(*in.RevisitOn)
		if err != nil {
			return u, fieldError("revisit_on", err.Error())
		}
		u.RevisitOn = &d
	}
	return u, nil
}

// handleAPITechnologyList serves GET /api/v1/technologies (q, ring, quadrant).
func (s *Server) handleAPITechnologyList(w http.ResponseWriter, r *http.Request) {
	q := r.URL.Query()
	ts, err := s.Technologies.FindTechnologies(r.Context(), bearing.TechnologyFilter{Query: q.Get("q"), Ring: q.Get("ring"), Quadrant: q.Get("quadrant")})
	if err != nil {
		s.Error(w, r, err)
		return
	}
	if ts == nil {
		ts = []*bearing.Technology{}
	}
	writeJSON(w, http.StatusOK, map[string]any{"technologies": ts})
}

// handleAPITechnologyCreate serves POST /api/v1/technologies.
func (s *Server) handleAPITechnologyCreate(w http.ResponseWriter, r *http.Request) {
	var in technologyInput
	if err := decodeJSON(w, r, &in); err != nil {
		s.Error(w, r, err)
		return
	}
	upd, err := in.update()
	if err != nil {
		s.Error(w, r, err)
		return
	}
	t := &bearing.Technology{}
	upd.Apply(t)
	if in.Ring != nil {
		t.Ring = *in.Ring
	}
	if err := s.Technologies.CreateTechnology(r.Context(), t, in.Reason); err != nil {
		s.Error(w, r, err)
		return
	}
	w.Header().Set("Location", "/api/v1/technologies/"+t.Slug)
	w.Header().Set("ETag", etag(t.Version))
	writeJSON(w, http.StatusCreated, t)
}

// handleAPITechnologyShow serves GET /api/v1/technologies/{id}.
func (s *Server) handleAPITechnologyShow(w http.ResponseWriter, r *http.Request) {
	t, err := s.Technologies.FindTechnology(r.Context(), r.PathValue("id"))
	if err != nil {
		s.Error(w, r, err)
		return
	}
	w.Header().Set("ETag", etag(t.Version))
	writeJSON(w, http.StatusOK, t)
}

// handleAPITechnologyUpdate serves PATCH /api/v1/technologies/{id}.
func (s *Server) handleAPITechnologyUpdate(w http.ResponseWriter, r *http.Request) {
	var in technologyInput
	if err := decodeJSON(w, r, &in); err != nil {
		s.Error(w, r, err)
		return
	}
	if in.Ring != nil {
		s.Error(w, r, fieldError("ring", "changes through POST /api/v1/technologies/{id}/ring, with a reason"))
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
	t, err := s.Technologies.UpdateTechnology(r.Context(), r.PathValue("id"), version, upd)
	if err != nil {
		s.versionError(w, r, err)
		return
	}
	w.Header().Set("ETag", etag(t.Version))
	writeJSON(w, http.StatusOK, t)
}

// handleAPITechnologyRing serves POST /api/v1/technologies/{id}/ring with
// {"ring", "reason", "decision"}.
func (s *Server) handleAPITechnologyRing(w http.ResponseWriter, r *http.Request) {
	var in struct {
		Ring     string `json:"ring"`
		Reason   string `json:"reason"`
		Decision string `json:"decision"`
	}
	if err := decodeJSON(w, r, &in); err != nil {
		s.Error(w, r, err)
		return
	}
	t, err := s.Technologies.MoveTechnology(r.Context(), r.PathValue("id"), in.Ring, in.Reason, strings.TrimSpace(in.Decision))
	if err != nil {
		s.Error(w, r, err)
		return
	}
	w.Header().Set("ETag", etag(t.Version))
	writeJSON(w, http.StatusOK, t)
}

// handleAPITechnologyHistory serves GET /api/v1/technologies/{id}/history.
func (s *Server) handleAPITechnologyHistory(w http.ResponseWriter, r *http.Request) {
	events, err := s.Technologies.TechnologyHistory(r.Context(), r.PathValue("id"))
	if err != nil {
		s.Error(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, map[string]any{"events": nonNil(events)})
}

func nonNil[T any](s []T) []T {
	if s == nil {
		return []T{}
	}
	return s
}

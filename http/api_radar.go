package http

import (
	"bytes"

	"github.com/bearingorg/bearing/radarfmt"
	"net/http"
	"strconv"

	"github.com/bearingorg/bearing"
)

// handleAPIRadarConfig serves GET /api/v1/radar/config.
func (s *Server) handleAPIRadarConfig(w http.ResponseWriter, r *http.Request) {
	cfg, err := s.Technologies.RadarConfig(r.Context())
	if err != nil {
		s.Error(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, cfg)
}

// handleAPIRadarConfigUpdate serves PUT /api/v1/radar/config: any number
// of rings and quadrants.
func (s *Server) handleAPIRadarConfigUpdate(w http.ResponseWriter, r *http.Request) {
	var cfg bearing.RadarConfig
	if err := decodeJSON(w, r, &cfg); err != nil {
		s.Error(w, r, err)
		return
	}
	if err := s.Technologies.SetRadarConfig(r.Context(), &cfg); err != nil {
		s.Error(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, cfg)
}

// handleAPIEditionList serves GET /api/v1/radar/editions.
func (s *Server) handleAPIEditionList(w http.ResponseWriter, r *http.Request) {
	eds, err := s.Technologies.FindEditions(r.Context())
	if err != nil {
		s.Error(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, map[string]any{"editions": nonNil(eds)})
}

// handleAPIEditionCreate serves POST /api/v1/radar/editions {"name"}.
func (s *Server) handleAPIEditionCreate(w http.ResponseWriter, r *http.Request) {
	var in struct {
		Name string `json:"name"`
	}
	if err := decodeJSON(w, r, &in); err != nil {
		s.Error(w, r, err)
		return
	}
	e, err := s.Technologies.PublishEdition(r.Context(), in.Name)
	if err != nil {
		s.Error(w, r, err)
		return
	}
	w.Header().Set("Location", "/api/v1/radar/editions/"+strconv.FormatInt(e.ID, 10))
	writeJSON(w, http.StatusCreated, e)
}

// handleAPIEditionShow serves GET /api/v1/radar/editions/{id}, and with
// ?compare=OTHER the changes from edition OTHER to this one.
func (s *Server) handleAPIEditionShow(w http.ResponseWriter, r *http.Request) {
	e, err := s.edition(r, r.PathValue("id"))
	if err != nil {
		s.Error(w, r, err)
		return
	}
	if other := r.URL.Query().Get("compare"); other != "" {
		older, err := s.edition(r, other)
		if err != nil {
			s.Error(w, r, err)
			return
		}
		cfg, err := s.Technologies.RadarConfig(r.Context())
		if err != nil {
			s.Error(w, r, err)
			return
		}
		writeJSON(w, http.StatusOK, map[string]any{"edition": e, "compared_with": older.Name, "changes": bearing.CompareEditions(cfg, older, e)})
		return
	}
	writeJSON(w, http.StatusOK, e)
}

func (s *Server) edition(r *http.Request, id string) (*bearing.Edition, error) {
	n, err := strconv.ParseInt(id, 10, 64)
	if err != nil {
		return nil, bearing.Errorf(bearing.ENOTFOUND, "No radar edition %q.", id)
	}
	return s.Technologies.FindEdition(r.Context(), n)
}

// handleAPIBackstage serves GET /api/v1/radar/backstage.json: the live radar
// in the format of Backstage's tech-radar plugin, so a Backstage portal can
// load Bearing's radar directly.
func (s *Server) handleAPIBackstage(w http.ResponseWriter, r *http.Request) {
	rd, err := radarfmt.Load(r.Context(), s.Technologies)
	if err != nil {
		s.Error(w, r, err)
		return
	}
	var buf bytes.Buffer
	if err := radarfmt.WriteBackstage(&buf, rd); err != nil {
		s.Error(w, r, err)
		return
	}
	w.Header().Set("Content-Type", "application/json")
	w.Header().Set("Cache-Control", "no-cache")
	w.Write(buf.Bytes())
}

package http

import (
	"net/http"
	"strings"

	"github.com/bearingorg/bearing"
)

// guidelineInput is the body of POST and PATCH /api/v1/guidelines.
type guidelineInput struct {
	Statement        *string                  `json:"statement"`
	Level            *bearing.Level           `json:"level"`
	Rationale        *string                  `json:"rationale"`
	ExecutiveSummary *string                  `json:"executive_summary"`
	Scope            *bearing.Scope           `json:"scope"`
	DoExamples       *[]string                `json:"do_examples"`
	DontExamples     *[]string                `json:"dont_examples"`
	Decisions        *[]string                `json:"decisions"`
	Technologies     *[]string                `json:"technologies"`
	Owners           *[]string                `json:"owners"`
	Rules            *[]bearing.Rule          `json:"rules"`
	RevisitOn        *string                  `json:"revisit_on"`
	Status           *bearing.GuidelineStatus `json:"status"`
	Version          *int                     `json:"version"`
}

func (in *guidelineInput) update() (bearing.GuidelineUpdate, error) {
	u := bearing.GuidelineUpdate{Statement: in.Statement, Level: in.Level, Rationale: in.Rationale, ExecutiveSummary: in.ExecutiveSummary,
		Scope: in.Scope, DoExamples: in.DoExamples, DontExamples: in.DontExamples, Decisions: in.Decisions,
		Technologies: in.Technologies, Owners: in.Owners, Rules: in.Rules, Status: in.Status}
	if in.RevisitOn != nil {
		d, err := bearing.ParseDate(*in.RevisitOn)
		if err != nil {
			return u, fieldError("revisit_on", err.Error())
		}
		u.RevisitOn = &d
	}
	return u, nil
}

// guidelineJSON adds the key to a guideline.
type guidelineJSON struct {
	*bearing.Guideline
	Key string `json:"key"`
}

// handleAPIGuidelineList serves GET /api/v1/guidelines (status, negative).
func (s *Server) handleAPIGuidelineList(w http.ResponseWriter, r *http.Request) {
	f := bearing.GuidelineFilter{Negative: r.URL.Query().Get("negative") == "true"}
	for _, st := range strings.Split(r.URL.Query().Get("status"), ",") {
		if st != "" {
			f.Status = append(f.Status, bearing.GuidelineStatus(st))
		}
	}
	gs, err := s.Guidelines.FindGuidelines(r.Context(), f)
	if err != nil {
		s.Error(w, r, err)
		return
	}
	out := make([]guidelineJSON, len(gs))
	for i, g := range gs {
		out[i] = guidelineJSON{g, g.Key()}
	}
	writeJSON(w, http.StatusOK, map[string]any{"guidelines": out})
}

// handleAPIGuidelineCreate serves POST /api/v1/guidelines.
func (s *Server) handleAPIGuidelineCreate(w http.ResponseWriter, r *http.Request) {
	var in guidelineInput
	if err := decodeJSON(w, r, &in); err != nil {
		s.Error(w, r, err)
		return
	}
	upd, err := in.update()
	if err != nil {
		s.Error(w, r, err)
		return
	}
	g := &bearing.Guideline{}
	upd.Apply(g)
	if err := s.Guidelines.CreateGuideline(r.Context(), g); err != nil {
		s.Error(w, r, err)
		return
	}
	w.Header().Set("Location", "/api/v1/guidelines/"+g.Key())
	w.Header().Set("ETag", etag(g.Version))
	writeJSON(w, http.StatusCreated, guidelineJSON{g, g.Key()})
}

// handleAPIGuidelineShow serves GET /api/v1/guidelines/{id}.
func (s *Server) handleAPIGuidelineShow(w http.ResponseWriter, r *http.Request) {
	g, err := s.Guidelines.FindGuideline(r.Context(), r.PathValue("id"))
	if err != nil {
		s.Error(w, r, err)
		return
	}
	w.Header().Set("ETag", etag(g.Version))
	writeJSON(w, http.StatusOK, guidelineJSON{g, g.Key()})
}

// handleAPIGuidelineUpdate serves PATCH /api/v1/guidelines/{id}.
func (s *Server) handleAPIGuidelineUpdate(w http.ResponseWriter, r *http.Request) {
	var in guidelineInput
	if err := decodeJSON(w, r, &in); err != nil {
		s.Error(w, r, err)
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
	g, err := s.Guidelines.UpdateGuideline(r.Context(), r.PathValue("id"), version, upd)
	if err != nil {
		s.versionError(w, r, err)
		return
	}
	w.Header().Set("ETag", etag(g.Version))
	writeJSON(w, http.StatusOK, guidelineJSON{g, g.Key()})
}

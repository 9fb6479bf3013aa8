package http

import (
	"net/http"
	"slices"
	"strings"

	"github.com/bearingorg/bearing"
)

// technologyPage is the data of one radar entry's page.
type technologyPage struct {
	T            *bearing.Technology
	Verdict      bearing.Verdict
	Config       *bearing.RadarConfig
	Decisions    []*bearing.Decision
	Guidelines   []*bearing.Guideline
	Exceptions   []*bearing.Exception
	Alternatives []*bearing.Technology
	CanMove      bool
	Errors       []bearing.FieldError
}

// handleTechnology serves GET /radar/{slug}: why the entry stands where it
// does, its moves over time, and what cites it.
func (s *Server) handleTechnology(w http.ResponseWriter, r *http.Request) {
	p, err := s.technologyPage(r, r.PathValue("slug"))
	if err != nil {
		s.Error(w, r, err)
		return
	}
	s.render(w, r, "technology", p.T.Name, p)
}

func (s *Server) technologyPage(r *http.Request, slug string) (*technologyPage, error) {
	ctx := r.Context()
	t, err := s.Technologies.FindTechnology(ctx, slug)
	if err != nil {
		return nil, err
	}
	cfg, err := s.Technologies.RadarConfig(ctx)
	if err != nil {
		return nil, err
	}
	ring, _ := cfg.Ring(t.Ring)
	p := &technologyPage{T: t, Verdict: ring.Verdict, Config: cfg,
		CanMove: bearing.UserFromContext(ctx).Role.AtLeast(bearing.RoleDNA)}
	for _, k := range t.Decisions {
		if d, err := s.Decisions.FindDecision(ctx, k); err == nil {
			p.Decisions = append(p.Decisions, d)
		}
	}
	gs, err := s.Guidelines.FindGuidelines(ctx, bearing.GuidelineFilter{Status: []bearing.GuidelineStatus{bearing.GuidelinePublished}})
	if err != nil {
		return nil, err
	}
	for _, g := range gs {
		if slices.Contains(g.Technologies, t.Slug) || rulesName(g.Rules, t.Identifiers) {
			p.Guidelines = append(p.Guidelines, g)
		}
	}
	es, err := s.Exceptions.FindExceptions(ctx, bearing.ExceptionFilter{})
	if err != nil {
		return nil, err
	}
	for _, e := range es {
		if e.Technology == t.Slug {
			p.Exceptions = append(p.Exceptions, e)
		}
	}
	for _, a := range t.Alternatives {
		if at, err := s.Technologies.FindTechnology(ctx, a); err == nil {
			p.Alternatives = append(p.Alternatives, at)
		}
	}
	return p, nil
}

func rulesName(rules []bearing.Rule, ids []string) bool {
	for _, r := range rules {
		if v := r.Forbid + r.Require; v != "" && slices.Contains(ids, v) {
			return true
		}
	}
	return false
}

// handleTechnologyMove serves POST /radar/{slug}/ring: the DNA group moves
// an entry with a reason.
func (s *Server) handleTechnologyMove(w http.ResponseWriter, r *http.Request) {
	slug := r.PathValue("slug")
	t, err := s.Technologies.MoveTechnology(r.Context(), slug, r.PostFormValue("ring"), r.PostFormValue("reason"), strings.TrimSpace(r.PostFormValue("decision")))
	if err == nil {
		http.Redirect(w, r, "/radar/"+t.Slug+"?notice=Moved+to+"+t.Ring, http.StatusSeeOther)
		return
	}
	if bearing.ErrorCode(err) != bearing.EINVALID {
		s.Error(w, r, err)
		return
	}
	p, perr := s.technologyPage(r, slug)
	if perr != nil {
		s.Error(w, r, perr)
		return
	}
	p.Errors = bearing.ErrorFields(err)
	s.renderPage(w, r, http.StatusBadRequest, "technology", &page{Title: p.T.Name, Data: p})
}

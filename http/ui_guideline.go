package http

import (
	"net/http"

	"github.com/bearingorg/bearing"
)

// guidelinesPage is the data of the guideline list.
type guidelinesPage struct {
	Published []*bearing.Guideline
	Other     []*bearing.Guideline // drafts and retired, for the DNA group
}

// handleGuidelines serves GET /guidelines.
func (s *Server) handleGuidelines(w http.ResponseWriter, r *http.Request) {
	gs, err := s.Guidelines.FindGuidelines(r.Context(), bearing.GuidelineFilter{})
	if err != nil {
		s.Error(w, r, err)
		return
	}
	var p guidelinesPage
	for _, g := range gs {
		if g.Status == bearing.GuidelinePublished {
			p.Published = append(p.Published, g)
		} else {
			p.Other = append(p.Other, g)
		}
	}
	s.render(w, r, "guidelines", "Guidelines", &p)
}

// guidelinePage is the data of one guideline's page.
type guidelinePage struct {
	G            *bearing.Guideline
	Decisions    []*bearing.Decision
	Technologies []*bearing.Technology
	Exceptions   []*bearing.Exception
}

// handleGuideline serves GET /guidelines/{key}.
func (s *Server) handleGuideline(w http.ResponseWriter, r *http.Request) {
	ctx := r.Context()
	g, err := s.Guidelines.FindGuideline(ctx, r.PathValue("key"))
	if err != nil {
		s.Error(w, r, err)
		return
	}
	p := &guidelinePage{G: g}
	for _, k := range g.Decisions {
		if d, err := s.Decisions.FindDecision(ctx, k); err == nil {
			p.Decisions = append(p.Decisions, d)
		}
	}
	for _, slug := range g.Technologies {
		if t, err := s.Technologies.FindTechnology(ctx, slug); err == nil {
			p.Technologies = append(p.Technologies, t)
		}
	}
	es, err := s.Exceptions.FindExceptions(ctx, bearing.ExceptionFilter{})
	if err != nil {
		s.Error(w, r, err)
		return
	}
	for _, e := range es {
		if e.Guideline == g.Key() {
			p.Exceptions = append(p.Exceptions, e)
		}
	}
	s.render(w, r, "guideline", g.Key()+" "+g.Statement, p)
}

// dontPage is "what we don't do": every MUST NOT and SHOULD NOT guideline
// and every technology on hold, each with its reason.
type dontPage struct {
	Guidelines []*bearing.Guideline
	Hold       []*bearing.Technology
	Decisions  map[string]string // key → title, for the decisions cited
}

// handleDont serves GET /dont.
func (s *Server) handleDont(w http.ResponseWriter, r *http.Request) {
	ctx := r.Context()
	p := &dontPage{Decisions: map[string]string{}}
	var err error
	if p.Guidelines, err = s.Guidelines.FindGuidelines(ctx, bearing.GuidelineFilter{Negative: true,
		Status: []bearing.GuidelineStatus{bearing.GuidelinePublished}}); err != nil {
		s.Error(w, r, err)
		return
	}
	cfg, err := s.Technologies.RadarConfig(ctx)
	if err != nil {
		s.Error(w, r, err)
		return
	}
	ts, err := s.Technologies.FindTechnologies(ctx, bearing.TechnologyFilter{})
	if err != nil {
		s.Error(w, r, err)
		return
	}
	for _, t := range ts {
		if ring, _ := cfg.Ring(t.Ring); ring.Verdict == bearing.VerdictHold {
			p.Hold = append(p.Hold, t)
		}
	}
	cite := func(keys []string) {
		for _, k := range keys {
			if _, ok := p.Decisions[k]; !ok {
				if d, err := s.Decisions.FindDecision(ctx, k); err == nil {
					p.Decisions[k] = d.Title
				}
			}
		}
	}
	for _, g := range p.Guidelines {
		cite(g.Decisions)
	}
	for _, t := range p.Hold {
		cite(t.Decisions)
	}
	s.render(w, r, "dont", "What we don't do", p)
}

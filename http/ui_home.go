package http

import (
	"net/http"

	"github.com/bearingorg/bearing"
)

// homePage is what the start page shows: what needs the reader's attention
// first, then what changed.
type homePage struct {
	MySignOffs *bearing.DecisionPage
	Incomplete *bearing.DecisionPage
	Due        *bearing.DecisionPage
	Recent     *bearing.DecisionPage
	Accepted   int
	Proposed   int
}

// handleHome serves GET /.
func (s *Server) handleHome(w http.ResponseWriter, r *http.Request) {
	ctx := r.Context()
	u := bearing.UserFromContext(ctx)
	var data homePage
	var err error
	find := func(f bearing.DecisionFilter) *bearing.DecisionPage {
		if err != nil {
			return nil
		}
		var p *bearing.DecisionPage
		p, err = s.Decisions.FindDecisions(ctx, f)
		return p
	}
	data.MySignOffs = find(bearing.DecisionFilter{Incomplete: true, Owner: u.Email, Limit: 5})
	data.Incomplete = find(bearing.DecisionFilter{Incomplete: true, Limit: 5})
	data.Due = find(bearing.DecisionFilter{RevisitDue: true, Limit: 5})
	data.Recent = find(bearing.DecisionFilter{Limit: 8})
	if p := find(bearing.DecisionFilter{Status: []bearing.Status{bearing.StatusAccepted}, Limit: 1}); p != nil {
		data.Accepted = p.Total
	}
	if p := find(bearing.DecisionFilter{Status: []bearing.Status{bearing.StatusProposed}, Limit: 1}); p != nil {
		data.Proposed = p.Total
	}
	if err != nil {
		s.Error(w, r, err)
		return
	}
	s.render(w, r, "home", "Home", &data)
}

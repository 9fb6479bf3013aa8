package http

import (
	"net/http"
	"slices"

	"github.com/bearingorg/bearing"
)

// decisionPage is the data of a decision's page: the record and what the
// reader may do with it.
type decisionPage struct {
	D            *bearing.Decision
	CanEdit      bool
	CanSign      bool
	CanSupersede bool
	NextStatuses []bearing.Status
	Errors       []bearing.FieldError
}

// handleDecisionShow serves GET /decisions/{ref}: executive summary first,
// then the technical body, options, rules, owners, actions, links.
func (s *Server) handleDecisionShow(w http.ResponseWriter, r *http.Request) {
	d, err := s.Decisions.FindDecision(r.Context(), r.PathValue("ref"))
	if err != nil {
		s.Error(w, r, err)
		return
	}
	s.render(w, r, "decision", d.Key()+" "+d.Title, s.decisionPage(r, d))
}

func (s *Server) decisionPage(r *http.Request, d *bearing.Decision) *decisionPage {
	u := bearing.UserFromContext(r.Context())
	p := &decisionPage{D: d, CanEdit: bearing.CanEditDecision(u, d),
		CanSupersede: u.Role.AtLeast(bearing.RoleDNA) && (d.Status == bearing.StatusAccepted || d.Status == bearing.StatusSuperseded)}
	for _, o := range d.Owners {
		if o.Email == u.Email && o.AcceptedAt == nil {
			p.CanSign = true
		}
	}
	for _, st := range d.Status.Next() {
		if st != bearing.StatusSuperseded && bearing.CanSetStatus(u, d, st) {
			p.NextStatuses = append(p.NextStatuses, st)
		}
	}
	slices.Sort(p.NextStatuses)
	return p
}

// historyPage is the data of a decision's history page.
type historyPage struct {
	D      *bearing.Decision
	Events []*bearing.Event
}

// handleDecisionHistory serves GET /decisions/{ref}/history: every change,
// newest first, each field as a line diff.
func (s *Server) handleDecisionHistory(w http.ResponseWriter, r *http.Request) {
	d, err := s.Decisions.FindDecision(r.Context(), r.PathValue("ref"))
	if err != nil {
		s.Error(w, r, err)
		return
	}
	events, err := s.Decisions.DecisionHistory(r.Context(), d.ID)
	if err != nil {
		s.Error(w, r, err)
		return
	}
	slices.Reverse(events)
	s.render(w, r, "history", "History of "+d.Key(), &historyPage{D: d, Events: events})
}

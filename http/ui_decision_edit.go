package http

import (
	"net/http"

	"github.com/bearingorg/bearing"
)

// handleDecisionNew serves GET /decisions/new.
func (s *Server) handleDecisionNew(w http.ResponseWriter, r *http.Request) {
	s.renderForm(w, r, http.StatusOK, &formPage{New: true, F: decisionForm{Status: "draft", Chosen: -1}})
}

// handleDecisionCreate serves POST /decisions.
func (s *Server) handleDecisionCreate(w http.ResponseWriter, r *http.Request) {
	f := parseDecisionForm(r)
	upd, err := f.update()
	if err == nil {
		d := &bearing.Decision{Status: bearing.Status(f.Status)}
		upd.Apply(d)
		if err = s.Decisions.CreateDecision(r.Context(), d); err == nil {
			http.Redirect(w, r, "/decisions/"+d.Key()+"?notice=Created+"+d.Key(), http.StatusSeeOther)
			return
		}
	}
	s.formError(w, r, &formPage{New: true, F: f}, err)
}

// handleDecisionEdit serves GET /decisions/{ref}/edit.
func (s *Server) handleDecisionEdit(w http.ResponseWriter, r *http.Request) {
	d, err := s.Decisions.FindDecision(r.Context(), r.PathValue("ref"))
	if err != nil {
		s.Error(w, r, err)
		return
	}
	if !bearing.CanEditDecision(bearing.UserFromContext(r.Context()), d) {
		s.Error(w, r, bearing.Errorf(bearing.EFORBIDDEN, "Only the driver, the owners and the DNA group may edit %s.", d.Key()))
		return
	}
	s.renderForm(w, r, http.StatusOK, &formPage{Key: d.Key(), F: formFromDecision(d)})
}

// handleDecisionUpdate serves POST /decisions/{ref}/edit. When someone else
// saved in the meantime, the form comes back with the user's text intact,
// the stored version beside it, and the differences listed.
func (s *Server) handleDecisionUpdate(w http.ResponseWriter, r *http.Request) {
	ref := r.PathValue("ref")
	f := parseDecisionForm(r)
	upd, err := f.update()
	if err == nil {
		var d *bearing.Decision
		if d, err = s.Decisions.UpdateDecision(r.Context(), ref, f.Version, upd); err == nil {
			http.Redirect(w, r, "/decisions/"+d.Key()+"?notice=Saved+version+"+itoa(d.Version), http.StatusSeeOther)
			return
		}
	}
	p := &formPage{Key: ref, F: f}
	if isStale(err) {
		cur, ferr := s.Decisions.FindDecision(r.Context(), ref)
		if ferr != nil {
			s.Error(w, r, ferr)
			return
		}
		mine := *cur
		upd.Apply(&mine)
		p.Key, p.Current, p.Conflict = cur.Key(), cur, bearing.DiffDecisions(cur, &mine)
		p.Message = "Someone else saved " + cur.Key() + " while you were editing (now version " + itoa(cur.Version) +
			"). Your text is kept below; the differences from the saved version are listed. Save again to replace it with yours."
		p.F.Version = cur.Version
		s.renderForm(w, r, http.StatusConflict, p)
		return
	}
	s.formError(w, r, p, err)
}

func isStale(err error) bool {
	if bearing.ErrorCode(err) != bearing.ECONFLICT {
		return false
	}
	for _, f := range bearing.ErrorFields(err) {
		if f.Field == "version" {
			return true
		}
	}
	return false
}

// formError re-renders the form with the error beside its field, or as a
// message above the form when it concerns no single field.
func (s *Server) formError(w http.ResponseWriter, r *http.Request, p *formPage, err error) {
	code := bearing.ErrorCode(err)
	if code == bearing.EINTERNAL || code == bearing.ENOTFOUND {
		s.Error(w, r, err)
		return
	}
	p.Errors = bearing.ErrorFields(err)
	if len(p.Errors) == 0 {
		p.Message = bearing.ErrorMessage(err)
	} else {
		p.Message = "Please correct the fields marked below."
	}
	s.renderForm(w, r, ErrorStatus(code), p)
}

func (s *Server) renderForm(w http.ResponseWriter, r *http.Request, status int, p *formPage) {
	teams, err := s.Users.FindTeams(r.Context())
	if err != nil {
		s.Error(w, r, err)
		return
	}
	p.Teams = teams
	p.F = p.F.padded()
	title := "New decision"
	if !p.New {
		title = "Edit " + p.Key
	}
	s.renderPage(w, r, status, "decision_form", &page{Title: title, Data: p})
}

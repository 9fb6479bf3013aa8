package http

import (
	"net/http"
	"net/url"
	"strconv"
	"strings"

	"github.com/bearingorg/bearing"
)

// handleDecisionStatus serves POST /decisions/{ref}/status.
func (s *Server) handleDecisionStatus(w http.ResponseWriter, r *http.Request) {
	version, _ := strconv.Atoi(r.PostFormValue("version"))
	to := bearing.Status(r.PostFormValue("status"))
	d, err := s.Decisions.SetDecisionStatus(r.Context(), r.PathValue("ref"), version, to, r.PostFormValue("reason"))
	s.afterAction(w, r, d, err, "Now "+string(to))
}

// handleDecisionOwnership serves POST /decisions/{ref}/ownership.
func (s *Server) handleDecisionOwnership(w http.ResponseWriter, r *http.Request) {
	d, err := s.Decisions.AcceptOwnership(r.Context(), r.PathValue("ref"))
	s.afterAction(w, r, d, err, "You signed as owner")
}

// handleDecisionSupersede serves POST /decisions/{ref}/supersede.
func (s *Server) handleDecisionSupersede(w http.ResponseWriter, r *http.Request) {
	by := strings.TrimSpace(r.PostFormValue("by"))
	if by == "" {
		s.afterAction(w, r, nil, &bearing.Error{Code: bearing.EINVALID, Message: "by: is required",
			Fields: []bearing.FieldError{{Field: "by", Message: "name the decision that replaces this one, e.g. DEC-42"}}}, "")
		return
	}
	d, err := s.Decisions.SupersedeDecision(r.Context(), r.PathValue("ref"), by, r.PostFormValue("reason"))
	s.afterAction(w, r, d, err, "Superseded by "+by)
}

// afterAction redirects to the decision with a notice, or shows the decision
// page again with the error beside the action that failed.
func (s *Server) afterAction(w http.ResponseWriter, r *http.Request, d *bearing.Decision, err error, notice string) {
	if err == nil {
		http.Redirect(w, r, "/decisions/"+d.Key()+"?notice="+url.QueryEscape(notice), http.StatusSeeOther)
		return
	}
	code := bearing.ErrorCode(err)
	cur, ferr := s.Decisions.FindDecision(r.Context(), r.PathValue("ref"))
	if ferr != nil || code == bearing.EINTERNAL {
		s.Error(w, r, err)
		return
	}
	p := s.decisionPage(r, cur)
	p.Errors = bearing.ErrorFields(err)
	if len(p.Errors) == 0 {
		p.Errors = []bearing.FieldError{{Field: "action", Message: bearing.ErrorMessage(err)}}
	}
	s.renderPage(w, r, ErrorStatus(code), "decision", &page{Title: cur.Key() + " " + cur.Title, Data: p})
}

func itoa(n int) string { return strconv.Itoa(n) }

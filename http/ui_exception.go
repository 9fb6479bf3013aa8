package http

import (
	"net/http"
	"strings"

	"github.com/bearingorg/bearing"
)

// exceptionsPage is the data of the exception list.
type exceptionsPage struct {
	Open, Active, Closed []*bearing.Exception
	Today                bearing.Date
}

// handleExceptions serves GET /exceptions: requests awaiting a decision,
// active exceptions (those expiring soon flagged) and the rest.
func (s *Server) handleExceptions(w http.ResponseWriter, r *http.Request) {
	es, err := s.Exceptions.FindExceptions(r.Context(), bearing.ExceptionFilter{Team: r.URL.Query().Get("team")})
	if err != nil {
		s.Error(w, r, err)
		return
	}
	p := &exceptionsPage{Today: bearing.DateOf(bearing.Now())}
	for _, e := range es {
		switch {
		case e.State == bearing.ExceptionRequested:
			p.Open = append(p.Open, e)
		case e.Active(p.Today):
			p.Active = append(p.Active, e)
		default:
			p.Closed = append(p.Closed, e)
		}
	}
	s.render(w, r, "exceptions", "Exceptions", p)
}

// exceptionForm is the request form as typed.
type exceptionForm struct {
	Team, Target, Scope, Justification, Risk, Compensating, ExpiresOn, RenewalOf string
}

// exceptionFormPage is the data of the request form.
type exceptionFormPage struct {
	F            exceptionForm
	Teams        []string
	Technologies []*bearing.Technology
	Guidelines   []*bearing.Guideline
	Errors       []bearing.FieldError
	Message      string
	MaxDate      string
}

// handleExceptionNew serves GET /exceptions/new (?technology=, ?guideline=, ?renew=).
func (s *Server) handleExceptionNew(w http.ResponseWriter, r *http.Request) {
	q := r.URL.Query()
	f := exceptionForm{RenewalOf: q.Get("renew")}
	if t := q.Get("technology"); t != "" {
		f.Target = "technology:" + t
	} else if g := q.Get("guideline"); g != "" {
		f.Target = "guideline:" + g
	}
	if f.RenewalOf != "" {
		if prev, err := s.Exceptions.FindException(r.Context(), f.RenewalOf); err == nil {
			f.Team, f.Scope, f.Justification, f.Risk, f.Compensating = prev.Team, strings.Join(prev.Scope, "\n"), prev.Justification, prev.Risk, prev.Compensating
			f.Target = "technology:" + prev.Technology
			if prev.Guideline != "" {
				f.Target = "guideline:" + prev.Guideline
			}
		}
	}
	if u := bearing.UserFromContext(r.Context()); f.Team == "" && len(u.Teams) > 0 {
		f.Team = u.Teams[0]
	}
	s.renderExceptionForm(w, r, http.StatusOK, &exceptionFormPage{F: f})
}

// handleExceptionCreate serves POST /exceptions.
func (s *Server) handleExceptionCreate(w http.ResponseWriter, r *http.Request) {
	f := exceptionForm{Team: r.PostFormValue("team"), Target: r.PostFormValue("target"), Scope: r.PostFormValue("scope"),
		Justification: r.PostFormValue("justification"), Risk: r.PostFormValue("risk"), Compensating: r.PostFormValue("compensating"),
		ExpiresOn: strings.TrimSpace(r.PostFormValue("expires_on")), RenewalOf: r.PostFormValue("renewal_of")}
	e := &bearing.Exception{Team: f.Team, Scope: splitList(f.Scope), Justification: f.Justification, Risk: f.Risk,
		Compensating: f.Compensating, RenewalOf: f.RenewalOf}
	kind, target, _ := strings.Cut(f.Target, ":")
	if kind == "guideline" {
		e.Guideline = target
	} else {
		e.Technology = target
	}
	var err error
	if e.ExpiresOn, err = bearing.ParseDate(f.ExpiresOn); err != nil {
		err = fieldError("expires_on", err.Error())
	} else if err = s.Exceptions.RequestException(r.Context(), e); err == nil {
		http.Redirect(w, r, "/exceptions/"+e.Key()+"?notice=Requested+"+e.Key(), http.StatusSeeOther)
		return
	}
	if c := bearing.ErrorCode(err); c != bearing.EINVALID {
		s.Error(w, r, err)
		return
	}
	p := &exceptionFormPage{F: f, Errors: bearing.ErrorFields(err), Message: "Please correct the fields marked below."}
	s.renderExceptionForm(w, r, http.StatusBadRequest, p)
}

func (s *Server) renderExceptionForm(w http.ResponseWriter, r *http.Request, status int, p *exceptionFormPage) {
	ctx := r.Context()
	var err error
	if p.Technologies, err = s.Technologies.FindTechnologies(ctx, bearing.TechnologyFilter{}); err != nil {
		s.Error(w, r, err)
		return
	}
	if p.Guidelines, err = s.Guidelines.FindGuidelines(ctx, bearing.GuidelineFilter{Status: []bearing.GuidelineStatus{bearing.GuidelinePublished}}); err != nil {
		s.Error(w, r, err)
		return
	}
	u := bearing.UserFromContext(ctx)
	p.Teams = u.Teams
	if u.Role.AtLeast(bearing.RoleDNA) {
		teams, err := s.Users.FindTeams(ctx)
		if err != nil {
			s.Error(w, r, err)
			return
		}
		p.Teams = nil
		for _, t := range teams {
			p.Teams = append(p.Teams, t.Slug)
		}
	}
	p.MaxDate = bearing.DateOf(bearing.Now()).AddDays(bearing.DefaultMaxExceptionDays).String()
	s.renderPage(w, r, status, "exception_form", &page{Title: "Request an exception", Data: p})
}

// exceptionPage is the data of one exception's page.
type exceptionPage struct {
	E         *bearing.Exception
	History   []*bearing.Event
	CanDecide bool
	CanRevoke bool
	Errors    []bearing.FieldError
	Today     bearing.Date
}

// handleException serves GET /exceptions/{key}.
func (s *Server) handleException(w http.ResponseWriter, r *http.Request) {
	p, err := s.exceptionPage(r)
	if err != nil {
		s.Error(w, r, err)
		return
	}
	s.render(w, r, "exception", p.E.Key(), p)
}

func (s *Server) exceptionPage(r *http.Request) (*exceptionPage, error) {
	e, err := s.Exceptions.FindException(r.Context(), r.PathValue("key"))
	if err != nil {
		return nil, err
	}
	h, err := s.Exceptions.ExceptionHistory(r.Context(), e.ID)
	if err != nil {
		return nil, err
	}
	u := bearing.UserFromContext(r.Context())
	return &exceptionPage{E: e, History: h, Today: bearing.DateOf(bearing.Now()),
		CanDecide: e.State == bearing.ExceptionRequested && bearing.CanDecideException(u, e) == nil,
		CanRevoke: e.State == bearing.ExceptionApproved && u.Role.AtLeast(bearing.RoleDNA)}, nil
}

// handleExceptionDecide serves POST /exceptions/{key}/decision and
// POST /exceptions/{key}/revoke.
func (s *Server) handleExceptionDecide(w http.ResponseWriter, r *http.Request) {
	var err error
	var e *bearing.Exception
	if strings.HasSuffix(r.URL.Path, "/revoke") {
		e, err = s.Exceptions.RevokeException(r.Context(), r.PathValue("key"), r.PostFormValue("reason"))
	} else {
		e, err = s.Exceptions.DecideException(r.Context(), r.PathValue("key"), r.PostFormValue("approve") == "true", r.PostFormValue("reason"))
	}
	if err == nil {
		http.Redirect(w, r, "/exceptions/"+e.Key()+"?notice=Now+"+string(e.State), http.StatusSeeOther)
		return
	}
	if c := bearing.ErrorCode(err); c == bearing.EINTERNAL || c == bearing.ENOTFOUND {
		s.Error(w, r, err)
		return
	}
	p, perr := s.exceptionPage(r)
	if perr != nil {
		s.Error(w, r, perr)
		return
	}
	p.Errors = bearing.ErrorFields(err)
	if len(p.Errors) == 0 {
		p.Errors = []bearing.FieldError{{Field: "action", Message: bearing.ErrorMessage(err)}}
	}
	s.renderPage(w, r, ErrorStatus(bearing.ErrorCode(err)), "exception", &page{Title: p.E.Key(), Data: p})
}

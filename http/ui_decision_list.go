package http

import (
	"net/http"
	"net/url"

	"github.com/bearingorg/bearing"
)

// decisionListPage is the data of the decision log page.
type decisionListPage struct {
	Filter   bearing.DecisionFilter
	Query    url.Values
	Page     *bearing.DecisionPage
	NextURL  string
	Statuses []bearing.Status
	Errors   []bearing.FieldError
}

// handleDecisionList serves GET /decisions: the log, searchable and filtered
// with the same parameters as the API.
func (s *Server) handleDecisionList(w http.ResponseWriter, r *http.Request) {
	data := &decisionListPage{Query: r.URL.Query(), Statuses: bearing.Statuses}
	f, err := decisionFilter(r)
	data.Filter = f
	if err != nil {
		data.Errors = bearing.ErrorFields(err)
		data.Page = &bearing.DecisionPage{}
		s.renderPage(w, r, http.StatusBadRequest, "decisions", &page{Title: "Decision log", Data: data})
		return
	}
	if data.Page, err = s.Decisions.FindDecisions(r.Context(), f); err != nil {
		if bearing.ErrorCode(err) == bearing.EINVALID {
			data.Errors = bearing.ErrorFields(err)
			data.Page = &bearing.DecisionPage{}
			s.renderPage(w, r, http.StatusBadRequest, "decisions", &page{Title: "Decision log", Data: data})
			return
		}
		s.Error(w, r, err)
		return
	}
	if data.Page.NextCursor != "" {
		q := r.URL.Query()
		q.Set("cursor", data.Page.NextCursor)
		data.NextURL = "/decisions?" + q.Encode()
	}
	s.render(w, r, "decisions", "Decision log", data)
}

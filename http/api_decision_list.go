package http

import (
	"net/http"
	"strconv"
	"strings"

	"github.com/bearingorg/bearing"
)

// decisionListJSON is a page of decisions.
type decisionListJSON struct {
	Decisions  []decisionJSON `json:"decisions"`
	Total      int            `json:"total"`
	NextCursor string         `json:"next_cursor,omitempty"`
}

// handleAPIDecisionList serves GET /api/v1/decisions.
func (s *Server) handleAPIDecisionList(w http.ResponseWriter, r *http.Request) {
	f, err := decisionFilter(r)
	if err != nil {
		s.Error(w, r, err)
		return
	}
	page, err := s.Decisions.FindDecisions(r.Context(), f)
	if err != nil {
		s.Error(w, r, err)
		return
	}
	out := decisionListJSON{Decisions: make([]decisionJSON, len(page.Decisions)), Total: page.Total, NextCursor: page.NextCursor}
	for i, d := range page.Decisions {
		out.Decisions[i] = toJSON(d)
	}
	writeJSON(w, http.StatusOK, out)
}

// decisionFilter reads the list filters shared by the API and the UI:
// q, status (repeatable or comma-separated), tag, owner, team, due,
// incomplete, limit, cursor.
func decisionFilter(r *http.Request) (bearing.DecisionFilter, error) {
	q := r.URL.Query()
	f := bearing.DecisionFilter{Query: strings.TrimSpace(q.Get("q")), Tag: q.Get("tag"), Owner: q.Get("owner"),
		Team: q.Get("team"), Cursor: q.Get("cursor")}
	var p bearing.Problems
	for _, v := range q["status"] {
		for _, s := range strings.Split(v, ",") {
			if s = strings.TrimSpace(s); s == "" {
				continue
			}
			if st := bearing.Status(s); st.Valid() {
				f.Status = append(f.Status, st)
			} else {
				p.Add("status", "%q is not a status", s)
			}
		}
	}
	if v := q.Get("due"); v != "" {
		b, err := strconv.ParseBool(v)
		if err != nil {
			p.Add("due", "must be true or false")
		}
		f.RevisitDue = b
	}
	if v := q.Get("incomplete"); v != "" {
		b, err := strconv.ParseBool(v)
		if err != nil {
			p.Add("incomplete", "must be true or false")
		}
		f.Incomplete = b
	}
	if v := q.Get("limit"); v != "" {
		n, err := strconv.Atoi(v)
		if err != nil || n < 1 || n > bearing.MaxPageSize {
			p.Add("limit", "must be a number from 1 to %d", bearing.MaxPageSize)
		}
		f.Limit = n
	}
	if len(f.Query) > 500 {
		p.Add("q", "is longer than 500 characters")
	}
	return f, p.Err()
}

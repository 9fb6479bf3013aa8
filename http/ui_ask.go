package http

import (
	"net/http"
	"strings"

	"github.com/bearingorg/bearing"
)

// handleAsk serves GET /ask?q=: the answer page behind the Ask box.
func (s *Server) handleAsk(w http.ResponseWriter, r *http.Request) {
	q := strings.TrimSpace(r.URL.Query().Get("q"))
	if q == "" {
		s.render(w, r, "ask", "Can I use…?", (*bearing.Answer)(nil))
		return
	}
	if len(q) > 200 {
		q = q[:200]
	}
	p, err := s.Policy.Policy(r.Context())
	if err != nil {
		s.Error(w, r, err)
		return
	}
	s.render(w, r, "ask", "Can I use "+q+"?", p.Ask(q, bearing.UserFromContext(r.Context()).Teams))
}

package http

import (
	"net/http"
	"sort"
	"strings"

	"github.com/bearingorg/bearing"
)

// adoptionPage is the data of the adoption page.
type adoptionPage struct {
	From, To bearing.Date
	Subjects []*bearing.Adoption
	Team     string
}

// handleAdoption serves GET /adoption: for every technology and guideline
// that repositories still depart from, how many are left, how many were a
// quarter ago, the trend, and which repositories and teams.
func (s *Server) handleAdoption(w http.ResponseWriter, r *http.Request) {
	from, to, step, err := adoptionRange(r)
	if err != nil {
		s.Error(w, r, err)
		return
	}
	ad, err := s.Reports.Adoption(r.Context(), from, to, step)
	if err != nil {
		s.Error(w, r, err)
		return
	}
	p := &adoptionPage{From: from, To: to, Team: r.URL.Query().Get("team")}
	for _, a := range ad {
		if p.Team != "" {
			a.Departures = filterTeam(a.Departures, p.Team)
		}
		if len(a.Departures) > 0 || anyDeparting(a.Trend) {
			p.Subjects = append(p.Subjects, a)
		}
	}
	sort.SliceStable(p.Subjects, func(i, j int) bool {
		ni, _ := p.Subjects[i].Left()
		nj, _ := p.Subjects[j].Left()
		return ni > nj
	})
	s.render(w, r, "adoption", "Adoption", p)
}

func filterTeam(ds []bearing.Departure, team string) []bearing.Departure {
	var out []bearing.Departure
	for _, d := range ds {
		if d.Team == team {
			out = append(out, d)
		}
	}
	return out
}

func anyDeparting(ps []bearing.TrendPoint) bool {
	for _, p := range ps {
		if p.Departing > 0 {
			return true
		}
	}
	return false
}

// teamPage is one team's view: its repositories' latest reports, what they
// still depart from, and its exceptions.
type teamPage struct {
	Team       *bearing.Team
	Reports    []*bearing.ReportSummary
	Exceptions []*bearing.Exception
	Open       []*bearing.Adoption
}

// handleTeam serves GET /teams/{slug}.
func (s *Server) handleTeam(w http.ResponseWriter, r *http.Request) {
	ctx := r.Context()
	slug := strings.ToLower(r.PathValue("slug"))
	teams, err := s.Users.FindTeams(ctx)
	if err != nil {
		s.Error(w, r, err)
		return
	}
	p := &teamPage{}
	for _, t := range teams {
		if t.Slug == slug {
			p.Team = t
		}
	}
	if p.Team == nil {
		s.Error(w, r, bearing.Errorf(bearing.ENOTFOUND, "No team %q.", slug))
		return
	}
	if p.Reports, err = s.Reports.LatestReports(ctx, slug); err != nil {
		s.Error(w, r, err)
		return
	}
	if p.Exceptions, err = s.Exceptions.FindExceptions(ctx, bearing.ExceptionFilter{Team: slug}); err != nil {
		s.Error(w, r, err)
		return
	}
	today := bearing.DateOf(bearing.Now())
	ad, err := s.Reports.Adoption(ctx, today, today, 1)
	if err != nil {
		s.Error(w, r, err)
		return
	}
	for _, a := range ad {
		if a.Departures = filterTeam(a.Departures, slug); len(a.Departures) > 0 {
			p.Open = append(p.Open, a)
		}
	}
	s.render(w, r, "team", p.Team.Name, p)
}

// handleTeams serves GET /teams.
func (s *Server) handleTeams(w http.ResponseWriter, r *http.Request) {
	teams, err := s.Users.FindTeams(r.Context())
	if err != nil {
		s.Error(w, r, err)
		return
	}
	s.render(w, r, "teams", "Teams", teams)
}

// handleRepoADRs serves GET /decisions/repos: the ADRs teams keep in their
// repositories, read-only, linked to their source.
func (s *Server) handleRepoADRs(w http.ResponseWriter, r *http.Request) {
	q := r.URL.Query()
	as, err := s.Reports.FindRepoADRs(r.Context(), q.Get("repo"), q.Get("q"))
	if err != nil {
		s.Error(w, r, err)
		return
	}
	s.render(w, r, "repo_adrs", "Decisions kept in repositories", map[string]any{"ADRs": as, "Q": q.Get("q"), "Repo": q.Get("repo")})
}

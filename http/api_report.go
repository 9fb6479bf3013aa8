package http

import (
	"encoding/csv"
	"fmt"
	"net/http"
	"strconv"

	"github.com/bearingorg/bearing"
	"github.com/bearingorg/bearing/adr"
)

// MaxReportBytes is the largest report accepted: an inventory of a big
// monorepo with its ADR files.
const MaxReportBytes = 64 << 20

// handleAPIReportCreate serves POST /api/v1/reports: what `bearing check
// --report` sends. 201 for a new report, 200 when this repository and
// commit were reported already.
func (s *Server) handleAPIReportCreate(w http.ResponseWriter, r *http.Request) {
	var rep bearing.Report
	r.Body = http.MaxBytesReader(w, r.Body, MaxReportBytes)
	if err := decodeJSONLimit(w, r, &rep, MaxReportBytes); err != nil {
		s.Error(w, r, err)
		return
	}
	for i := range rep.ADRs {
		a := &rep.ADRs[i]
		a.Title, a.Number, a.Status = "", 0, ""
		if d, err := adr.Parse(a.Path, []byte(a.Content)); err == nil {
			a.Title, a.Number, a.Status = d.Title, d.Number, d.Status
		}
	}
	created, err := s.Reports.SubmitReport(r.Context(), &rep)
	if err != nil {
		s.Error(w, r, err)
		return
	}
	status := http.StatusOK
	if created {
		status = http.StatusCreated
	}
	writeJSON(w, status, map[string]any{"id": rep.ID, "created": created, "repo": rep.Repo, "commit": rep.Commit})
}

// handleAPIReportList serves GET /api/v1/reports: the newest report of
// every repository (?team=).
func (s *Server) handleAPIReportList(w http.ResponseWriter, r *http.Request) {
	rs, err := s.Reports.LatestReports(r.Context(), r.URL.Query().Get("team"))
	if err != nil {
		s.Error(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, map[string]any{"reports": nonNil(rs)})
}

// adoptionRange reads from, to (dates) and step (days), defaulting to the
// last quarter by week.
func adoptionRange(r *http.Request) (from, to bearing.Date, step int, err error) {
	q := r.URL.Query()
	to = bearing.DateOf(bearing.Now())
	if v := q.Get("to"); v != "" {
		if to, err = bearing.ParseDate(v); err != nil {
			return from, to, 0, fieldError("to", err.Error())
		}
	}
	from = to.AddDays(-91)
	if v := q.Get("from"); v != "" {
		if from, err = bearing.ParseDate(v); err != nil {
			return from, to, 0, fieldError("from", err.Error())
		}
	}
	step = 7
	if v := q.Get("step"); v != "" {
		if step, err = strconv.Atoi(v); err != nil || step < 1 || step > 366 {
			return from, to, 0, fieldError("step", "must be a number of days from 1 to 366")
		}
	}
	if to.Before(from) || to.Time().Sub(from.Time()).Hours() > 24*3660 {
		return from, to, 0, fieldError("from", "must be before to, and at most ten years earlier")
	}
	return from, to, step, nil
}

// handleAPIAdoption serves GET /api/v1/adoption (from, to, step, format=csv):
// for every technology and guideline with findings, who departs now and the
// trend.
func (s *Server) handleAPIAdoption(w http.ResponseWriter, r *http.Request) {
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
	if r.URL.Query().Get("format") == "csv" {
		w.Header().Set("Content-Type", "text/csv; charset=utf-8")
		w.Header().Set("Content-Disposition", `attachment; filename="adoption.csv"`)
		cw := csv.NewWriter(w)
		cw.Write([]string{"subject", "name", "day", "departing", "reporting"})
		for _, a := range ad {
			for _, p := range a.Trend {
				cw.Write([]string{a.Subject, a.Name, p.Day.String(), fmt.Sprint(p.Departing), fmt.Sprint(p.Reporting)})
			}
		}
		cw.Flush()
		return
	}
	writeJSON(w, http.StatusOK, map[string]any{"from": from, "to": to, "step_days": step, "subjects": nonNil(ad)})
}

// handleAPIRepoADRs serves GET /api/v1/repo-adrs (repo, q): the ADR files
// teams keep in their repositories, as last reported.
func (s *Server) handleAPIRepoADRs(w http.ResponseWriter, r *http.Request) {
	as, err := s.Reports.FindRepoADRs(r.Context(), r.URL.Query().Get("repo"), r.URL.Query().Get("q"))
	if err != nil {
		s.Error(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, map[string]any{"adrs": nonNil(as)})
}

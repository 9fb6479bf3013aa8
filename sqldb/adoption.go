package sqldb

import (
	"context"
	"database/sql"
	"sort"
	"strings"
	"time"

	"github.com/bearingorg/bearing"
)

// reportHead is a report's identity, for replaying history.
type reportHead struct {
	id           int64
	repo, team   string
	commit       string
	at           time.Time
	open, silent map[string]int // findings per subject: unsuppressed, suppressed
}

// Adoption implements bearing.ReportService. It replays every report up to
// the end of the period: at each step day, each repository counts with its
// newest report so far.
func (s *ReportService) Adoption(ctx context.Context, from, to bearing.Date, stepDays int) ([]*bearing.Adoption, error) {
	if stepDays <= 0 {
		stepDays = 7
	}
	tx, err := s.db.BeginTx(ctx, false)
	if err != nil {
		return nil, err
	}
	defer tx.Rollback()
	end := to.AddDays(1).Time()
	heads, err := tx.reportHeads(ctx, end)
	if err != nil {
		return nil, err
	}
	subjects := map[string]*bearing.Adoption{}
	for _, h := range heads {
		for subj := range h.open {
			subjects[subj] = nil
		}
		for subj := range h.silent {
			subjects[subj] = nil
		}
	}
	if err := tx.describeSubjects(ctx, subjects); err != nil {
		return nil, err
	}
	for day := from; !to.Before(day); day = day.AddDays(stepDays) {
		latest, reporting := latestBy(heads, day.AddDays(1).Time())
		for subj, a := range subjects {
			n := 0
			for _, h := range latest {
				if h.open[subj] > 0 {
					n++
				}
			}
			a.Trend = append(a.Trend, bearing.TrendPoint{Day: day, Departing: n, Reporting: reporting})
		}
	}
	latest, _ := latestBy(heads, end)
	out := make([]*bearing.Adoption, 0, len(subjects))
	for subj, a := range subjects {
		for _, h := range latest {
			if h.open[subj]+h.silent[subj] > 0 {
				a.Departures = append(a.Departures, bearing.Departure{Repo: h.repo, Team: h.team, Findings: h.open[subj],
					Suppressed: h.silent[subj], Commit: h.commit, At: h.at})
			}
		}
		sort.Slice(a.Departures, func(i, j int) bool { return a.Departures[i].Repo < a.Departures[j].Repo })
		out = append(out, a)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Subject < out[j].Subject })
	return out, nil
}

// latestBy returns the newest report of each repository before t, and how
// many repositories had reported by then.
func latestBy(heads []*reportHead, t time.Time) (map[string]*reportHead, int) {
	latest := map[string]*reportHead{}
	for _, h := range heads { // heads are in time order
		if h.at.Before(t) {
			latest[h.repo] = h
		}
	}
	return latest, len(latest)
}

func (tx *Tx) reportHeads(ctx context.Context, end time.Time) ([]*reportHead, error) {
	var heads []*reportHead
	byID := map[int64]*reportHead{}
	err := tx.each(ctx, `SELECT id, repo, team, commit_sha, at FROM reports WHERE at < ? ORDER BY at, id`, []any{end}, func(r *sql.Rows) error {
		h := &reportHead{open: map[string]int{}, silent: map[string]int{}}
		if err := r.Scan(&h.id, &h.repo, &h.team, &h.commit, scanTime{&h.at}); err != nil {
			return err
		}
		heads = append(heads, h)
		byID[h.id] = h
		return nil
	})
	if err != nil {
		return nil, err
	}
	err = tx.each(ctx, `SELECT f.report_id, f.subject, f.suppressed, COUNT(*) FROM report_findings f JOIN reports r ON r.id = f.report_id
		WHERE r.at < ? AND f.subject <> '' GROUP BY f.report_id, f.subject, f.suppressed`, []any{end}, func(r *sql.Rows) error {
		var id int64
		var subj string
		var suppressed bool
		var n int
		if err := r.Scan(&id, &subj, &suppressed, &n); err != nil {
			return err
		}
		if h := byID[id]; h != nil {
			if suppressed {
				h.silent[subj] += n
			} else {
				h.open[subj] += n
			}
		}
		return nil
	})
	return heads, err
}

// describeSubjects fills in the name, ring or level and decisions of each
// technology and guideline named by findings.
func (tx *Tx) describeSubjects(ctx context.Context, subjects map[string]*bearing.Adoption) error {
	for subj := range subjects {
		a := &bearing.Adoption{Subject: subj, Departures: []bearing.Departure{}, Trend: []bearing.TrendPoint{}}
		kind, ref, _ := strings.Cut(subj, ":")
		a.Name = ref
		switch kind {
		case "technology":
			if t, err := tx.findTechnology(ctx, ref); err == nil {
				a.Name, a.Ring, a.Decisions = t.Name, t.Ring, t.Decisions
			}
		case "guideline":
			if g, err := tx.findGuideline(ctx, ref); err == nil {
				a.Name, a.Level, a.Decisions = g.Statement, g.Level, g.Decisions
			}
		}
		subjects[subj] = a
	}
	return nil
}

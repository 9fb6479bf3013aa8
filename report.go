package bearing

import (
	"context"
	"strings"
	"time"
)

// Report is what `bearing check --report` sends: one repository at one
// commit, its inventory and findings, and the ADR files it keeps. Reports
// are idempotent on repository and commit.
type Report struct {
	ID         int64     `json:"id"`
	Repo       string    `json:"repo"`
	Team       string    `json:"team"`
	Commit     string    `json:"commit"`
	At         time.Time `json:"at"`
	PolicyHash string    `json:"policy_hash,omitempty"`
	Items      []Item    `json:"items"`
	Findings   []Finding `json:"findings"`
	ADRs       []RepoADR `json:"adrs,omitempty"`
}

// RepoADR is an ADR file kept in a repository, sent with a report so the
// organisation sees every team's own decisions in one log.
type RepoADR struct {
	Path    string `json:"path"`
	Content string `json:"content"`
	// Filled by the server from the content, for lists and search.
	Number int    `json:"number,omitempty"`
	Title  string `json:"title,omitempty"`
	Status Status `json:"status,omitempty"`
	// Filled when read back: which repository and commit it came from.
	Repo   string    `json:"repo,omitempty"`
	Commit string    `json:"commit,omitempty"`
	Team   string    `json:"team,omitempty"`
	At     time.Time `json:"updated_at,omitempty"`
}

// Validate checks a report before it is stored.
func (r *Report) Validate() error {
	var p Problems
	r.Repo, r.Team, r.Commit = strings.TrimSpace(r.Repo), strings.ToLower(strings.TrimSpace(r.Team)), strings.TrimSpace(r.Commit)
	if r.Repo == "" || len(r.Repo) > 200 || strings.ContainsAny(r.Repo, " \t\n") {
		p.Add("repo", "is required: the repository's name, without spaces (at most 200 characters)")
	}
	if r.Commit == "" || len(r.Commit) > 100 {
		p.Add("commit", "is required: the commit the check ran on (at most 100 characters)")
	}
	if len(r.Items) > 200_000 || len(r.Findings) > 100_000 {
		p.Add("items", "too many items or findings in one report")
	}
	if len(r.ADRs) > 2_000 {
		p.Add("adrs", "more than 2,000 ADR files")
	}
	for i, a := range r.ADRs {
		if a.Path == "" || strings.Contains(a.Path, "..") || strings.HasPrefix(a.Path, "/") || len(a.Content) > MaxBodyLen {
			p.Add("adrs", "entry %d: a relative path inside the repository and at most %d characters", i, MaxBodyLen)
		}
	}
	return p.Err()
}

// Departure is one repository that still departs from a technology or
// guideline in its latest report.
type Departure struct {
	Repo       string    `json:"repo"`
	Team       string    `json:"team"`
	Findings   int       `json:"findings"`
	Suppressed int       `json:"suppressed"` // covered by an exception
	Commit     string    `json:"commit"`
	At         time.Time `json:"at"`
}

// TrendPoint is how many repositories departed on a day, among how many
// that had reported by then.
type TrendPoint struct {
	Day       Date `json:"day"`
	Departing int  `json:"departing"`
	Reporting int  `json:"reporting"`
}

// Adoption is how far the organisation is along one technology or
// guideline: who still departs from it now, and how that changed.
type Adoption struct {
	Subject    string       `json:"subject"` // "technology:mongodb" or "guideline:G-3"
	Name       string       `json:"name"`
	Ring       string       `json:"ring,omitempty"`
	Level      Level        `json:"level,omitempty"`
	Decisions  []string     `json:"decisions,omitempty"`
	Departures []Departure  `json:"departures"`
	Trend      []TrendPoint `json:"trend"`
}

// Left returns how many repositories departed on the last day of the trend,
// and on the first ("14 repositories left, 30 a quarter ago").
func (a *Adoption) Left() (now, then int) {
	if len(a.Trend) == 0 {
		return 0, 0
	}
	return a.Trend[len(a.Trend)-1].Departing, a.Trend[0].Departing
}

// ReportSummary is a report without its items, for lists.
type ReportSummary struct {
	ID         int64     `json:"id"`
	Repo       string    `json:"repo"`
	Team       string    `json:"team"`
	Commit     string    `json:"commit"`
	At         time.Time `json:"at"`
	Items      int       `json:"items"`
	Errors     int       `json:"errors"`
	Warnings   int       `json:"warnings"`
	Suppressed int       `json:"suppressed"`
}

// ReportService stores check reports and computes adoption from them.
type ReportService interface {
	// SubmitReport stores a report; a second report for the same repository
	// and commit changes nothing and returns created=false.
	SubmitReport(ctx context.Context, r *Report) (created bool, err error)
	// LatestReports lists the newest report of every repository (or of one team).
	LatestReports(ctx context.Context, team string) ([]*ReportSummary, error)
	// Adoption computes, for every technology and guideline with findings
	// in the period, the departures now and a trend with a point per step.
	Adoption(ctx context.Context, from, to Date, stepDays int) ([]*Adoption, error)
	// FindRepoADRs lists the ADR files repositories reported, matching q
	// in title or content when given.
	FindRepoADRs(ctx context.Context, repo, q string) ([]*RepoADR, error)
}

package sqldb

import (
	"context"
	"database/sql"
	"errors"
	"strings"

	"github.com/bearingorg/bearing"
)

// ReportService implements bearing.ReportService.
type ReportService struct{ db *DB }

// NewReportService returns the report store over db.
func NewReportService(db *DB) *ReportService { return &ReportService{db: db} }

var _ bearing.ReportService = (*ReportService)(nil)

// subject names what a finding is about, for adoption: a technology or a
// guideline; other findings (an expiring exception) have none.
func subject(f bearing.Finding) string {
	switch {
	case f.Technology != "":
		return "technology:" + f.Technology
	case f.Guideline != "":
		return "guideline:" + f.Guideline
	}
	return ""
}

// SubmitReport implements bearing.ReportService. Any signed-in member may
// report (CI tokens act for a user); the pair repository + commit is
// unique, so a retried CI job stores nothing twice.
func (s *ReportService) SubmitReport(ctx context.Context, r *bearing.Report) (created bool, err error) {
	defer wrap(&err, "submit report")
	if u := bearing.UserFromContext(ctx); !isSystem(ctx) && (u == nil || !u.Role.AtLeast(bearing.RoleMember)) {
		return false, bearing.Errorf(bearing.EFORBIDDEN, "Reports need a member's token.")
	}
	if err := r.Validate(); err != nil {
		return false, err
	}
	tx, err := s.db.BeginTx(ctx, true)
	if err != nil {
		return false, err
	}
	defer tx.Rollback()
	var existing int64
	err = tx.queryRow(ctx, `SELECT id FROM reports WHERE repo = ? AND commit_sha = ?`, r.Repo, r.Commit).Scan(&existing)
	if err == nil {
		r.ID = existing
		return false, nil
	} else if !errors.Is(err, sql.ErrNoRows) {
		return false, err
	}
	if r.At.IsZero() {
		r.At = tx.now
	}
	counts := map[bearing.Severity]int{}
	suppressed := 0
	for _, f := range r.Findings {
		if f.Suppressed != nil {
			suppressed++
		} else {
			counts[f.Severity]++
		}
	}
	if r.ID, err = tx.insertID(ctx, `INSERT INTO reports (repo, team, commit_sha, at, policy_hash, items, item_count, errors, warnings, suppressed)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`, r.Repo, r.Team, r.Commit, r.At.UTC(), r.PolicyHash, mustJSON(r.Items), len(r.Items),
		counts[bearing.SeverityError], counts[bearing.SeverityWarning], suppressed); err != nil {
		return false, err
	}
	for _, f := range r.Findings {
		if _, err := tx.exec(ctx, `INSERT INTO report_findings (report_id, subject, rule_id, severity, suppressed, path, line, message)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?)`, r.ID, subject(f), f.RuleID, string(f.Severity), f.Suppressed != nil,
			f.Location.Path, f.Location.Line, f.Message); err != nil {
			return false, err
		}
	}
	if err := tx.replaceRepoADRs(ctx, r); err != nil {
		return false, err
	}
	return true, tx.Commit()
}

// replaceRepoADRs makes the stored ADRs of the repository those of the
// newest report: updated files change, removed files disappear. An older
// report arriving late does not overwrite newer files.
func (tx *Tx) replaceRepoADRs(ctx context.Context, r *bearing.Report) error {
	var newer int
	if err := tx.queryRow(ctx, `SELECT COUNT(*) FROM reports WHERE repo = ? AND at > ?`, r.Repo, r.At.UTC()).Scan(&newer); err != nil {
		return err
	}
	if newer > 0 {
		return nil
	}
	if _, err := tx.exec(ctx, `DELETE FROM repo_adrs WHERE repo = ?`, r.Repo); err != nil {
		return err
	}
	for _, a := range r.ADRs {
		title := a.Title
		if title == "" {
			title = a.Path
		}
		if _, err := tx.exec(ctx, `INSERT INTO repo_adrs (repo, path, commit_sha, team, number, title, status, content, updated_at)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`, r.Repo, a.Path, r.Commit, r.Team, a.Number, title, string(a.Status), a.Content, r.At.UTC()); err != nil {
			return err
		}
	}
	return nil
}

// LatestReports implements bearing.ReportService.
func (s *ReportService) LatestReports(ctx context.Context, team string) ([]*bearing.ReportSummary, error) {
	tx, err := s.db.BeginTx(ctx, false)
	if err != nil {
		return nil, err
	}
	defer tx.Rollback()
	q := `SELECT r.id, r.repo, r.team, r.commit_sha, r.at, r.item_count, r.errors, r.warnings, r.suppressed FROM reports r
		WHERE r.at = (SELECT MAX(r2.at) FROM reports r2 WHERE r2.repo = r.repo)`
	args := []any{}
	if team != "" {
		q += ` AND r.team = ?`
		args = append(args, team)
	}
	var out []*bearing.ReportSummary
	err = tx.each(ctx, q+` ORDER BY r.repo`, args, func(rows *sql.Rows) error {
		var r bearing.ReportSummary
		if err := rows.Scan(&r.ID, &r.Repo, &r.Team, &r.Commit, scanTime{&r.At}, &r.Items, &r.Errors, &r.Warnings, &r.Suppressed); err != nil {
			return err
		}
		out = append(out, &r)
		return nil
	})
	return out, err
}

// FindRepoADRs implements bearing.ReportService.
func (s *ReportService) FindRepoADRs(ctx context.Context, repo, q string) ([]*bearing.RepoADR, error) {
	tx, err := s.db.BeginTx(ctx, false)
	if err != nil {
		return nil, err
	}
	defer tx.Rollback()
	b := &queryBuilder{}
	if repo != "" {
		b.where("repo = ?", repo)
	}
	for _, term := range searchTerms(q) {
		like := "%" + term + "%"
		b.where("(LOWER(title) LIKE ? OR LOWER(content) LIKE ?)", like, like)
	}
	var out []*bearing.RepoADR
	err = tx.each(ctx, `SELECT repo, path, commit_sha, team, number, title, status, content, updated_at FROM repo_adrs`+b.whereSQL()+
		` ORDER BY repo, number, path`, b.args, func(rows *sql.Rows) error {
		var a bearing.RepoADR
		var status string
		if err := rows.Scan(&a.Repo, &a.Path, &a.Commit, &a.Team, &a.Number, &a.Title, &status, &a.Content, scanTime{&a.At}); err != nil {
			return err
		}
		a.Status = bearing.Status(strings.TrimSpace(status))
		out = append(out, &a)
		return nil
	})
	return out, err
}

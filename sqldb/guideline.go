package sqldb

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"strings"

	"github.com/bearingorg/bearing"
)

// GuidelineService implements bearing.GuidelineService.
type GuidelineService struct{ db *DB }

// NewGuidelineService returns the guidelines over db.
func NewGuidelineService(db *DB) *GuidelineService { return &GuidelineService{db: db} }

var _ bearing.GuidelineService = (*GuidelineService)(nil)

const guidelineColumns = `id, number, statement, level, rationale, executive_summary, scope, do_examples, dont_examples,
	decisions, technologies, owners, rules, revisit_on, status, created_at, updated_at, version`

func scanGuideline(row interface{ Scan(...any) error }) (*bearing.Guideline, error) {
	var g bearing.Guideline
	var level, status, scope, dos, donts, decisions, techs, owners, rules string
	if err := row.Scan(&g.ID, &g.Number, &g.Statement, &level, &g.Rationale, &g.ExecutiveSummary, &scope, &dos, &donts,
		&decisions, &techs, &owners, &rules, scanDate{&g.RevisitOn}, &status, scanTime{&g.CreatedAt}, scanTime{&g.UpdatedAt}, &g.Version); err != nil {
		return nil, err
	}
	g.Level, g.Status = bearing.Level(level), bearing.GuidelineStatus(status)
	return &g, unmarshalAll([]string{scope, dos, donts, decisions, techs, owners, rules},
		&g.Scope, &g.DoExamples, &g.DontExamples, &g.Decisions, &g.Technologies, &g.Owners, &g.Rules)
}

func (tx *Tx) findGuideline(ctx context.Context, ref string) (*bearing.Guideline, error) {
	var row *sql.Row
	if n, ok := parseKey(ref, bearing.GuidelinePrefix); ok {
		row = tx.queryRow(ctx, `SELECT `+guidelineColumns+` FROM guidelines WHERE number = ?`, n)
	} else {
		row = tx.queryRow(ctx, `SELECT `+guidelineColumns+` FROM guidelines WHERE id = ?`, ref)
	}
	g, err := scanGuideline(row)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, bearing.Errorf(bearing.ENOTFOUND, "Guideline %s not found.", ref)
	}
	return g, err
}

// parseKey reads "G-12", "g-12" or "12" as 12.
func parseKey(ref, prefix string) (int, bool) {
	ref = strings.TrimSpace(ref)
	if len(ref) > len(prefix) && strings.EqualFold(ref[:len(prefix)], prefix) {
		ref = ref[len(prefix):]
	}
	var n int
	if _, err := fmt.Sscanf(ref, "%d", &n); err != nil || n <= 0 || fmt.Sprint(n) != ref {
		return 0, false
	}
	return n, true
}

// FindGuideline implements bearing.GuidelineService.
func (s *GuidelineService) FindGuideline(ctx context.Context, ref string) (*bearing.Guideline, error) {
	tx, err := s.db.BeginTx(ctx, false)
	if err != nil {
		return nil, err
	}
	defer tx.Rollback()
	return tx.findGuideline(ctx, ref)
}

// FindGuidelines implements bearing.GuidelineService.
func (s *GuidelineService) FindGuidelines(ctx context.Context, f bearing.GuidelineFilter) ([]*bearing.Guideline, error) {
	tx, err := s.db.BeginTx(ctx, false)
	if err != nil {
		return nil, err
	}
	defer tx.Rollback()
	return tx.findGuidelines(ctx, f)
}

func (tx *Tx) findGuidelines(ctx context.Context, f bearing.GuidelineFilter) ([]*bearing.Guideline, error) {
	q := &queryBuilder{}
	if len(f.Status) > 0 {
		args := make([]any, len(f.Status))
		for i, s := range f.Status {
			args[i] = string(s)
		}
		q.where("status IN ("+placeholders(len(args))+")", args...)
	}
	if f.Negative {
		q.where("level IN ('MUST NOT', 'SHOULD NOT')")
	}
	var out []*bearing.Guideline
	err := tx.each(ctx, `SELECT `+guidelineColumns+` FROM guidelines`+q.whereSQL()+` ORDER BY number`, q.args, func(r *sql.Rows) error {
		g, err := scanGuideline(r)
		if err == nil {
			out = append(out, g)
		}
		return err
	})
	return out, err
}

// checkGuidelineRefs verifies owners, decisions, technologies and teams.
func (tx *Tx) checkGuidelineRefs(ctx context.Context, g *bearing.Guideline) error {
	var p bearing.Problems
	p.Merge("", tx.checkRefs(ctx, g.Owners, g.Decisions))
	for i, slug := range g.Technologies {
		if _, err := tx.findTechnology(ctx, slug); err != nil {
			p.Add(fmt.Sprintf("technologies[%d]", i), "%q is not on the radar", slug)
		} else {
			g.Technologies[i] = bearing.Slugify(slug)
		}
	}
	for i, team := range g.Scope.Teams {
		var n int
		if err := tx.queryRow(ctx, `SELECT COUNT(*) FROM teams WHERE slug = ?`, team).Scan(&n); err != nil {
			return err
		} else if n == 0 {
			p.Add(fmt.Sprintf("scope.teams[%d]", i), "%q is not a team", team)
		}
	}
	return p.Err()
}

// CreateGuideline implements bearing.GuidelineService.
func (s *GuidelineService) CreateGuideline(ctx context.Context, g *bearing.Guideline) (err error) {
	defer wrap(&err, "create guideline")
	if err := requireDNA(ctx, "write guidelines"); err != nil {
		return err
	}
	if err := g.Validate(); err != nil {
		return err
	}
	tx, err := s.db.BeginTx(ctx, true)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	if err := tx.checkGuidelineRefs(ctx, g); err != nil {
		return err
	}
	if g.Number, err = tx.nextNumber(ctx, "guideline"); err != nil {
		return err
	}
	g.ID, g.CreatedAt, g.UpdatedAt, g.Version = newID(), tx.now, tx.now, 1
	if _, err := tx.exec(ctx, `INSERT INTO guidelines (`+guidelineColumns+`) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
		g.ID, g.Number, g.Statement, string(g.Level), g.Rationale, g.ExecutiveSummary, mustJSONObject(g.Scope), mustJSON(g.DoExamples),
		mustJSON(g.DontExamples), mustJSON(g.Decisions), mustJSON(g.Technologies), mustJSON(g.Owners), mustJSON(g.Rules),
		g.RevisitOn, string(g.Status), g.CreatedAt, g.UpdatedAt, g.Version); err != nil {
		return err
	}
	if err := tx.insertEvent(ctx, "guideline", g.ID, "created", "", diffGuideline(&bearing.Guideline{}, g)); err != nil {
		return err
	}
	if err := tx.bumpPolicy(ctx); err != nil {
		return err
	}
	return tx.Commit()
}

func mustJSONObject(v any) string {
	b, err := json.Marshal(v)
	if err != nil {
		panic(err)
	}
	return string(b)
}

// UpdateGuideline implements bearing.GuidelineService.
func (s *GuidelineService) UpdateGuideline(ctx context.Context, ref string, version int, upd bearing.GuidelineUpdate) (_ *bearing.Guideline, err error) {
	defer wrap(&err, "update guideline %s", ref)
	if err := requireDNA(ctx, "change guidelines"); err != nil {
		return nil, err
	}
	tx, err := s.db.BeginTx(ctx, true)
	if err != nil {
		return nil, err
	}
	defer tx.Rollback()
	g, err := tx.findGuideline(ctx, ref)
	if err != nil {
		return nil, err
	}
	if version != 0 && version != g.Version {
		return nil, staleError(g.Key(), version)
	}
	before := *g
	upd.Apply(g)
	if err := g.Validate(); err != nil {
		return nil, err
	}
	if err := tx.checkGuidelineRefs(ctx, g); err != nil {
		return nil, err
	}
	changes := diffGuideline(&before, g)
	if len(changes) == 0 {
		return g, nil
	}
	res, err := tx.exec(ctx, `UPDATE guidelines SET statement = ?, level = ?, rationale = ?, executive_summary = ?, scope = ?,
		do_examples = ?, dont_examples = ?, decisions = ?, technologies = ?, owners = ?, rules = ?, revisit_on = ?, status = ?,
		updated_at = ?, version = version + 1 WHERE id = ? AND version = ?`,
		g.Statement, string(g.Level), g.Rationale, g.ExecutiveSummary, mustJSONObject(g.Scope), mustJSON(g.DoExamples),
		mustJSON(g.DontExamples), mustJSON(g.Decisions), mustJSON(g.Technologies), mustJSON(g.Owners), mustJSON(g.Rules),
		g.RevisitOn, string(g.Status), tx.now, g.ID, before.Version)
	if err != nil {
		return nil, err
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return nil, staleError(g.Key(), before.Version)
	}
	if err := tx.insertEvent(ctx, "guideline", g.ID, "updated", "", changes); err != nil {
		return nil, err
	}
	if err := tx.bumpPolicy(ctx); err != nil {
		return nil, err
	}
	if g, err = tx.findGuideline(ctx, g.ID); err != nil {
		return nil, err
	}
	return g, tx.Commit()
}

// GuidelineHistory implements bearing.GuidelineService.
func (s *GuidelineService) GuidelineHistory(ctx context.Context, ref string) ([]*bearing.Event, error) {
	tx, err := s.db.BeginTx(ctx, false)
	if err != nil {
		return nil, err
	}
	defer tx.Rollback()
	g, err := tx.findGuideline(ctx, ref)
	if err != nil {
		return nil, err
	}
	return tx.findEvents(ctx, "guideline", g.ID)
}

func diffGuideline(a, b *bearing.Guideline) []bearing.Change {
	var out []bearing.Change
	add := func(f, x, y string) {
		if x != y {
			out = append(out, bearing.Change{Field: f, Old: x, New: y})
		}
	}
	j := func(ss []string) string { return strings.Join(ss, "\n") }
	rules := func(rs []bearing.Rule) string {
		parts := make([]string, len(rs))
		for i, r := range rs {
			parts[i] = r.String()
		}
		return j(parts)
	}
	add("statement", a.Statement, b.Statement)
	add("level", string(a.Level), string(b.Level))
	add("status", string(a.Status), string(b.Status))
	add("executive_summary", a.ExecutiveSummary, b.ExecutiveSummary)
	add("rationale", a.Rationale, b.Rationale)
	add("scope", mustJSONObject(a.Scope), mustJSONObject(b.Scope))
	add("do_examples", j(a.DoExamples), j(b.DoExamples))
	add("dont_examples", j(a.DontExamples), j(b.DontExamples))
	add("decisions", j(a.Decisions), j(b.Decisions))
	add("technologies", j(a.Technologies), j(b.Technologies))
	add("owners", j(a.Owners), j(b.Owners))
	add("rules", rules(a.Rules), rules(b.Rules))
	add("revisit_on", a.RevisitOn.String(), b.RevisitOn.String())
	return out
}

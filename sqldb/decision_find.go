package sqldb

import (
	"context"
	"database/sql"
	"encoding/base64"
	"encoding/json"
	"errors"
	"strconv"
	"strings"
	"unicode"

	"github.com/bearingorg/bearing"
)

const decisionColumns = `d.id, d.number, d.title, d.status, d.context, d.options, d.body, d.consequences,
	d.dos, d.donts, d.executive_summary, d.deciders, d.consulted, d.informed, d.revisit_on,
	COALESCE(t.slug, ''), COALESCE(drv.email, ''), d.source, d.created_at, d.updated_at, d.version`

const decisionFrom = ` FROM decisions d LEFT JOIN teams t ON t.id = d.team_id LEFT JOIN users drv ON drv.id = d.driver_id`

func scanDecision(row interface{ Scan(...any) error }) (*bearing.Decision, error) {
	var d bearing.Decision
	var status, options, dos, donts, deciders, consulted, informed string
	if err := row.Scan(&d.ID, &d.Number, &d.Title, &status, &d.Context, &options, &d.Body, &d.Consequences,
		&dos, &donts, &d.ExecutiveSummary, &deciders, &consulted, &informed, scanDate{&d.RevisitOn},
		&d.Team, &d.Driver, &d.Source, scanTime{&d.CreatedAt}, scanTime{&d.UpdatedAt}, &d.Version); err != nil {
		return nil, err
	}
	d.Status = bearing.Status(status)
	for _, f := range []struct {
		src string
		dst any
	}{{options, &d.Options}, {dos, &d.Dos}, {donts, &d.Donts}, {deciders, &d.Deciders},
		{consulted, &d.Consulted}, {informed, &d.Informed}} {
		if err := json.Unmarshal([]byte(f.src), f.dst); err != nil {
			return nil, err
		}
	}
	return &d, nil
}

// resolveDecisionID turns a reference (id, DEC-n or n) into the stable id.
func (tx *Tx) resolveDecisionID(ctx context.Context, ref string) (string, error) {
	var id string
	var err error
	if n, ok := bearing.ParseDecisionKey(ref); ok {
		err = tx.queryRow(ctx, `SELECT id FROM decisions WHERE number = ?`, n).Scan(&id)
	} else {
		err = tx.queryRow(ctx, `SELECT id FROM decisions WHERE id = ?`, ref).Scan(&id)
	}
	if errors.Is(err, sql.ErrNoRows) {
		return "", bearing.Errorf(bearing.ENOTFOUND, "Decision %s not found.", ref)
	}
	return id, err
}

// findDecision loads one decision with everything attached to it.
func (tx *Tx) findDecision(ctx context.Context, ref string) (*bearing.Decision, error) {
	var row *sql.Row
	if n, ok := bearing.ParseDecisionKey(ref); ok {
		row = tx.queryRow(ctx, `SELECT `+decisionColumns+decisionFrom+` WHERE d.number = ?`, n)
	} else {
		row = tx.queryRow(ctx, `SELECT `+decisionColumns+decisionFrom+` WHERE d.id = ?`, ref)
	}
	d, err := scanDecision(row)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, bearing.Errorf(bearing.ENOTFOUND, "Decision %s not found.", ref)
	} else if err != nil {
		return nil, err
	}
	return d, tx.attach(ctx, []*bearing.Decision{d})
}

// attach fills tags, owners, action items and supersede links of ds in four
// queries, however many decisions there are.
func (tx *Tx) attach(ctx context.Context, ds []*bearing.Decision) error {
	if len(ds) == 0 {
		return nil
	}
	byID := make(map[string]*bearing.Decision, len(ds))
	ids := make([]any, len(ds))
	for i, d := range ds {
		byID[d.ID] = d
		ids[i] = d.ID
		d.Tags, d.Owners, d.ActionItems, d.Supersedes, d.SupersededBy = []string{}, []bearing.Owner{}, []bearing.ActionItem{}, []string{}, []string{}
	}
	in := "(" + placeholders(len(ids)) + ")"
	err := tx.each(ctx, `SELECT decision_id, tag FROM decision_tags WHERE decision_id IN `+in+` ORDER BY tag`, ids, func(r *sql.Rows) error {
		var id, tag string
		if err := r.Scan(&id, &tag); err != nil {
			return err
		}
		byID[id].Tags = append(byID[id].Tags, tag)
		return nil
	})
	if err != nil {
		return err
	}
	err = tx.each(ctx, `SELECT o.decision_id, u.email, u.name, o.accepted_at FROM decision_owners o JOIN users u ON u.id = o.user_id
		WHERE o.decision_id IN `+in+` ORDER BY o.position`, ids, func(r *sql.Rows) error {
		var id string
		var o bearing.Owner
		if err := r.Scan(&id, &o.Email, &o.Name, scanNullTime{&o.AcceptedAt}); err != nil {
			return err
		}
		byID[id].Owners = append(byID[id].Owners, o)
		return nil
	})
	if err != nil {
		return err
	}
	err = tx.each(ctx, `SELECT a.decision_id, a.text, u.email, a.due, a.done FROM action_items a JOIN users u ON u.id = a.owner_id
		WHERE a.decision_id IN `+in+` ORDER BY a.position`, ids, func(r *sql.Rows) error {
		var id string
		var a bearing.ActionItem
		if err := r.Scan(&id, &a.Text, &a.Owner, scanDate{&a.Due}, &a.Done); err != nil {
			return err
		}
		byID[id].ActionItems = append(byID[id].ActionItems, a)
		return nil
	})
	if err != nil {
		return err
	}
	return tx.each(ctx, `SELECT s.old_id, o.number, s.new_id, n.number FROM supersessions s
		JOIN decisions o ON o.id = s.old_id JOIN decisions n ON n.id = s.new_id
		WHERE s.old_id IN `+in+` OR s.new_id IN `+in+` ORDER BY n.number, o.number`, append(ids, ids...), func(r *sql.Rows) error {
		var oldID, newID string
		var oldN, newN int
		if err := r.Scan(&oldID, &oldN, &newID, &newN); err != nil {
			return err
		}
		if d := byID[oldID]; d != nil {
			d.SupersededBy = append(d.SupersededBy, bearing.DecisionKey(newN))
		}
		if d := byID[newID]; d != nil {
			d.Supersedes = append(d.Supersedes, bearing.DecisionKey(oldN))
		}
		return nil
	})
}

// each runs a query and calls fn for every row.
func (tx *Tx) each(ctx context.Context, query string, args []any, fn func(*sql.Rows) error) error {
	rows, err := tx.query(ctx, query, args...)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		if err := fn(rows); err != nil {
			return err
		}
	}
	return rows.Err()
}

// FindDecision implements bearing.DecisionService.
func (s *DecisionService) FindDecision(ctx context.Context, ref string) (*bearing.Decision, error) {
	tx, err := s.db.BeginTx(ctx, false)
	if err != nil {
		return nil, err
	}
	defer tx.Rollback()
	return tx.findDecision(ctx, ref)
}

// FindDecisions implements bearing.DecisionService.
func (s *DecisionService) FindDecisions(ctx context.Context, f bearing.DecisionFilter) (_ *bearing.DecisionPage, err error) {
	defer wrap(&err, "find decisions")
	tx, err := s.db.BeginTx(ctx, false)
	if err != nil {
		return nil, err
	}
	defer tx.Rollback()
	return tx.findDecisions(ctx, f)
}

func (tx *Tx) findDecisions(ctx context.Context, f bearing.DecisionFilter) (*bearing.DecisionPage, error) {
	limit := f.Limit
	if limit <= 0 {
		limit = bearing.DefaultPageSize
	}
	limit = min(limit, bearing.MaxPageSize)
	cur, err := parseCursor(f.Cursor)
	if err != nil {
		return nil, err
	}
	q := &queryBuilder{}
	terms := searchTerms(f.Query)
	search := tx.db.dialect.search(terms)
	q.from = decisionFrom + search.join
	if search.where != "" {
		q.where(search.where, search.args...)
	}
	tx.filterDecisions(q, f)

	page := &bearing.DecisionPage{}
	if err := tx.queryRow(ctx, `SELECT COUNT(*)`+q.from+q.whereSQL(), q.args...).Scan(&page.Total); err != nil {
		return nil, err
	}
	order := " ORDER BY d.number DESC"
	if search.order != "" {
		order = " ORDER BY " + search.order + ", d.number DESC"
	} else if cur.kind == 'n' {
		q.where("d.number < ?", cur.value)
	}
	args := append(append([]any{}, q.args...), search.orderArgs...)
	sqlText := `SELECT ` + decisionColumns + q.from + q.whereSQL() + order + ` LIMIT ?`
	args = append(args, limit+1)
	if search.order != "" && cur.kind == 'o' {
		sqlText += ` OFFSET ?`
		args = append(args, cur.value)
	}
	err = tx.each(ctx, sqlText, args, func(r *sql.Rows) error {
		d, err := scanDecision(r)
		if err == nil {
			page.Decisions = append(page.Decisions, d)
		}
		return err
	})
	if err != nil {
		return nil, err
	}
	if len(page.Decisions) > limit {
		page.Decisions = page.Decisions[:limit]
		if search.order != "" {
			page.NextCursor = formatCursor('o', cur.value+limit)
		} else {
			page.NextCursor = formatCursor('n', page.Decisions[limit-1].Number)
		}
	}
	return page, tx.attach(ctx, page.Decisions)
}

func (tx *Tx) filterDecisions(q *queryBuilder, f bearing.DecisionFilter) {
	if len(f.Status) > 0 {
		args := make([]any, len(f.Status))
		for i, s := range f.Status {
			args[i] = string(s)
		}
		q.where("d.status IN ("+placeholders(len(args))+")", args...)
	}
	if f.Tag != "" {
		q.where("EXISTS (SELECT 1 FROM decision_tags dt WHERE dt.decision_id = d.id AND dt.tag = ?)", strings.ToLower(f.Tag))
	}
	if f.Owner != "" {
		q.where(`EXISTS (SELECT 1 FROM decision_owners o JOIN users ou ON ou.id = o.user_id
			WHERE o.decision_id = d.id AND ou.email = ?)`, bearing.NormalizeEmail(f.Owner))
	}
	if f.Team != "" {
		q.where("t.slug = ?", f.Team)
	}
	if f.Incomplete {
		q.where(`d.status = 'accepted' AND (NOT EXISTS (SELECT 1 FROM decision_owners o WHERE o.decision_id = d.id)
			OR EXISTS (SELECT 1 FROM decision_owners o WHERE o.decision_id = d.id AND o.accepted_at IS NULL))`)
	}
	if f.RevisitDue {
		q.where("d.revisit_on IS NOT NULL AND d.revisit_on <= ? AND d.status IN ('draft', 'proposed', 'accepted')",
			bearing.DateOf(tx.now))
	}
}

// queryBuilder collects WHERE clauses and their arguments in order.
type queryBuilder struct {
	from    string
	clauses []string
	args    []any
}

func (q *queryBuilder) where(clause string, args ...any) {
	q.clauses = append(q.clauses, clause)
	q.args = append(q.args, args...)
}

func (q *queryBuilder) whereSQL() string {
	if len(q.clauses) == 0 {
		return ""
	}
	return " WHERE " + strings.Join(q.clauses, " AND ")
}

// searchTerms splits a free-text query into words of letters and digits, so
// no user input ever reaches the full-text query syntax of either engine.
func searchTerms(q string) []string {
	words := strings.FieldsFunc(strings.ToLower(q), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r)
	})
	if len(words) > 12 {
		words = words[:12]
	}
	return words
}

// cursor is a position in a list: after decision number n ('n'), or at an
// offset into ranked search results ('o').
type cursor struct {
	kind  byte
	value int
}

func formatCursor(kind byte, v int) string {
	return base64.RawURLEncoding.EncodeToString([]byte(string(kind) + ":" + strconv.Itoa(v)))
}

func parseCursor(s string) (cursor, error) {
	if s == "" {
		return cursor{}, nil
	}
	b, err := base64.RawURLEncoding.DecodeString(s)
	if err == nil && len(b) > 2 && (b[0] == 'n' || b[0] == 'o') && b[1] == ':' {
		if v, err := strconv.Atoi(string(b[2:])); err == nil && v >= 0 {
			return cursor{kind: b[0], value: v}, nil
		}
	}
	return cursor{}, &bearing.Error{Code: bearing.EINVALID, Message: "cursor: is not a cursor from a previous page",
		Fields: []bearing.FieldError{{Field: "cursor", Message: "is not a cursor from a previous page"}}}
}

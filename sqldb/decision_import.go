package sqldb

import (
	"context"
	"fmt"
	"sort"
	"strings"

	"github.com/bearingorg/bearing"
)

// ImportDecisions implements bearing.DecisionService. Records keep their
// numbers, statuses and dates; supersede links may point at records in the
// same batch or already in the log. Everything is stored, or nothing.
func (s *DecisionService) ImportDecisions(ctx context.Context, ds []*bearing.Decision) (err error) {
	defer wrap(&err, "import decisions")
	if u := bearing.UserFromContext(ctx); !isSystem(ctx) && (u == nil || !u.Role.AtLeast(bearing.RoleDNA)) {
		return bearing.Errorf(bearing.EFORBIDDEN, "Only the DNA group and admins may import decisions.")
	}
	var p bearing.Problems
	for _, d := range ds {
		if d.Number <= 0 {
			p.Add(d.Source, "has no number")
		}
		p.Merge(d.Source, d.Validate())
	}
	if err := p.Err(); err != nil {
		return err
	}
	tx, err := s.db.BeginTx(ctx, true)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	if err := tx.checkNumbersFree(ctx, ds); err != nil {
		return err
	}
	byKey := map[string]*bearing.Decision{}
	for _, d := range ds {
		created, updated := d.CreatedAt, d.UpdatedAt
		if err := tx.insertDecision(ctx, d, d.Number); err != nil {
			return fmt.Errorf("%s: %w", d.Source, err)
		}
		if !created.IsZero() {
			if updated.IsZero() {
				updated = created
			}
			d.CreatedAt, d.UpdatedAt = created, updated
			if _, err := tx.exec(ctx, `UPDATE decisions SET created_at = ?, updated_at = ? WHERE id = ?`, created, updated, d.ID); err != nil {
				return err
			}
		}
		byKey[d.Key()] = d
		if err := tx.insertEvent(ctx, "decision", d.ID, "imported", d.Source, bearing.DiffDecisions(&bearing.Decision{}, d)); err != nil {
			return err
		}
	}
	if err := tx.importLinks(ctx, ds, byKey); err != nil {
		return err
	}
	return tx.Commit()
}

func (tx *Tx) checkNumbersFree(ctx context.Context, ds []*bearing.Decision) error {
	seen := map[int]string{}
	var clashes []string
	for _, d := range ds {
		if prev, ok := seen[d.Number]; ok {
			clashes = append(clashes, fmt.Sprintf("%s (in %s and %s)", d.Key(), prev, d.Source))
			continue
		}
		seen[d.Number] = d.Source
		var n int
		if err := tx.queryRow(ctx, `SELECT COUNT(*) FROM decisions WHERE number = ?`, d.Number).Scan(&n); err != nil {
			return err
		} else if n > 0 {
			clashes = append(clashes, fmt.Sprintf("%s (%s)", d.Key(), d.Source))
		}
	}
	if len(clashes) > 0 {
		sort.Strings(clashes)
		return bearing.Errorf(bearing.ECONFLICT, "These numbers are already taken in the decision log: %s. Import into an empty log, or renumber the files.", strings.Join(clashes, ", "))
	}
	return nil
}

// importLinks stores the supersede links named by imported records, in
// either direction, once each.
func (tx *Tx) importLinks(ctx context.Context, ds []*bearing.Decision, byKey map[string]*bearing.Decision) error {
	resolve := func(key string) (string, error) {
		if d, ok := byKey[key]; ok {
			return d.ID, nil
		}
		return tx.resolveDecisionID(ctx, key)
	}
	done := map[[2]string]bool{}
	link := func(src, oldKey, newKey string) error {
		oldID, err := resolve(oldKey)
		if err != nil {
			return fmt.Errorf("%s: links to %s, which is neither in the import nor in the log", src, oldKey)
		}
		newID, err := resolve(newKey)
		if err != nil {
			return fmt.Errorf("%s: links to %s, which is neither in the import nor in the log", src, newKey)
		}
		if done[[2]string{oldID, newID}] {
			return nil
		}
		done[[2]string{oldID, newID}] = true
		_, err = tx.exec(ctx, `INSERT INTO supersessions (old_id, new_id) VALUES (?, ?) ON CONFLICT DO NOTHING`, oldID, newID)
		return err
	}
	for _, d := range ds {
		for _, k := range d.Supersedes {
			if err := link(d.Source, k, d.Key()); err != nil {
				return bearing.Errorf(bearing.EINVALID, "%v", err)
			}
		}
		for _, k := range d.SupersededBy {
			if err := link(d.Source, d.Key(), k); err != nil {
				return bearing.Errorf(bearing.EINVALID, "%v", err)
			}
		}
	}
	return nil
}

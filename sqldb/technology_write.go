package sqldb

import (
	"context"
	"strings"

	"github.com/bearingorg/bearing"
)

// CreateTechnology implements bearing.TechnologyService.
func (s *TechnologyService) CreateTechnology(ctx context.Context, t *bearing.Technology, reason string) (err error) {
	defer wrap(&err, "create technology")
	if err := requireDNA(ctx, "add technologies to the radar"); err != nil {
		return err
	}
	tx, err := s.db.BeginTx(ctx, true)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	cfg, err := tx.radarConfig(ctx)
	if err != nil {
		return err
	}
	if err := t.Validate(cfg); err != nil {
		return err
	}
	if err := tx.checkRefs(ctx, t.Owners, t.Decisions); err != nil {
		return err
	}
	if len(t.Moves) == 0 {
		t.Moves = []bearing.RingMove{{At: tx.now, To: t.Ring, Reason: strings.TrimSpace(reason)}}
	}
	if err := tx.insertTechnology(ctx, t, "created", reason); err != nil {
		return err
	}
	if err := tx.bumpPolicy(ctx); err != nil {
		return err
	}
	saved, err := tx.findTechnology(ctx, t.ID)
	if err != nil {
		return err
	}
	*t = *saved
	return tx.Commit()
}

func (tx *Tx) insertMoves(ctx context.Context, t *bearing.Technology, moves []bearing.RingMove) error {
	var actor any
	if u := bearing.UserFromContext(ctx); u != nil && u.ID != 0 {
		actor = u.ID
	}
	for _, m := range moves {
		if m.At.IsZero() {
			m.At = tx.now
		}
		if _, err := tx.exec(ctx, `INSERT INTO ring_moves (technology_id, at, from_ring, to_ring, reason, decision, actor_id)
			VALUES (?, ?, ?, ?, ?, ?, ?)`, t.ID, m.At, m.From, m.To, m.Reason, m.Decision, actor); err != nil {
			return err
		}
	}
	return nil
}

// UpdateTechnology implements bearing.TechnologyService.
func (s *TechnologyService) UpdateTechnology(ctx context.Context, ref string, version int, upd bearing.TechnologyUpdate) (_ *bearing.Technology, err error) {
	defer wrap(&err, "update technology %s", ref)
	return s.changeTechnology(ctx, ref, version, "updated", "", func(tx *Tx, t *bearing.Technology, cfg *bearing.RadarConfig) error {
		upd.Apply(t)
		if err := t.Validate(cfg); err != nil {
			return err
		}
		return tx.checkRefs(ctx, t.Owners, t.Decisions)
	})
}

// MoveTechnology implements bearing.TechnologyService.
func (s *TechnologyService) MoveTechnology(ctx context.Context, ref, ring, reason, decision string) (_ *bearing.Technology, err error) {
	defer wrap(&err, "move technology %s", ref)
	return s.changeTechnology(ctx, ref, 0, "moved", reason, func(tx *Tx, t *bearing.Technology, cfg *bearing.RadarConfig) error {
		var p bearing.Problems
		ring = strings.ToLower(strings.TrimSpace(ring))
		if _, ok := cfg.Ring(ring); !ok {
			p.Add("ring", "%q is not a ring; use one of %s", ring, cfg.RingNames())
		} else if ring == t.Ring {
			p.Add("ring", "%s is already in %s", t.Name, ring)
		}
		if strings.TrimSpace(reason) == "" {
			p.Add("reason", "is required: say why it moves")
		}
		if decision != "" {
			if n, ok := bearing.ParseDecisionKey(decision); !ok {
				p.Add("decision", "%q is not a decision key like DEC-42", decision)
			} else if decision = bearing.DecisionKey(n); tx.checkRefs(ctx, nil, []string{decision}) != nil {
				p.Add("decision", "%s does not exist", decision)
			}
		}
		if err := p.Err(); err != nil {
			return err
		}
		m := bearing.RingMove{At: tx.now, From: t.Ring, To: ring, Reason: strings.TrimSpace(reason), Decision: decision}
		t.Ring = ring
		if decision != "" && !contains(t.Decisions, decision) {
			t.Decisions = append(t.Decisions, decision)
		}
		return tx.insertMoves(ctx, t, []bearing.RingMove{m})
	})
}

func contains(ss []string, s string) bool {
	for _, x := range ss {
		if x == s {
			return true
		}
	}
	return false
}

// changeTechnology loads an entry, lets fn change it, and saves it at the
// loaded version with an event, in one transaction.
func (s *TechnologyService) changeTechnology(ctx context.Context, ref string, version int, action, reason string,
	fn func(tx *Tx, t *bearing.Technology, cfg *bearing.RadarConfig) error) (*bearing.Technology, error) {
	if err := requireDNA(ctx, "change the radar"); err != nil {
		return nil, err
	}
	tx, err := s.db.BeginTx(ctx, true)
	if err != nil {
		return nil, err
	}
	defer tx.Rollback()
	t, err := tx.findTechnology(ctx, ref)
	if err != nil {
		return nil, err
	}
	if version != 0 && version != t.Version {
		return nil, staleError(t.Name, version)
	}
	cfg, err := tx.radarConfig(ctx)
	if err != nil {
		return nil, err
	}
	before := *t
	if err := fn(tx, t, cfg); err != nil {
		return nil, err
	}
	changes := diffTechnology(&before, t)
	if len(changes) == 0 {
		return t, nil
	}
	res, err := tx.exec(ctx, `UPDATE technologies SET slug = ?, name = ?, aliases = ?, quadrant = ?, ring = ?, description = ?,
		rationale = ?, executive_summary = ?, owners = ?, decisions = ?, identifiers = ?, alternatives = ?, revisit_on = ?,
		updated_at = ?, version = version + 1 WHERE id = ? AND version = ?`,
		t.Slug, t.Name, mustJSON(t.Aliases), t.Quadrant, t.Ring, t.Description, t.Rationale, t.ExecutiveSummary,
		mustJSON(t.Owners), mustJSON(t.Decisions), mustJSON(t.Identifiers), mustJSON(t.Alternatives), t.RevisitOn,
		tx.now, t.ID, before.Version)
	if bearing.ErrorCode(err) == bearing.ECONFLICT {
		return nil, &bearing.Error{Code: bearing.ECONFLICT, Message: "name: another entry is called " + t.Name,
			Fields: []bearing.FieldError{{Field: "name", Message: "another entry is called " + t.Name}}}
	} else if err != nil {
		return nil, err
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return nil, staleError(t.Name, before.Version)
	}
	if err := tx.insertEvent(ctx, "technology", t.ID, action, reason, changes); err != nil {
		return nil, err
	}
	if err := tx.bumpPolicy(ctx); err != nil {
		return nil, err
	}
	if t, err = tx.findTechnology(ctx, t.ID); err != nil {
		return nil, err
	}
	return t, tx.Commit()
}

// TechnologyHistory implements bearing.TechnologyService.
func (s *TechnologyService) TechnologyHistory(ctx context.Context, ref string) ([]*bearing.Event, error) {
	tx, err := s.db.BeginTx(ctx, false)
	if err != nil {
		return nil, err
	}
	defer tx.Rollback()
	t, err := tx.findTechnology(ctx, ref)
	if err != nil {
		return nil, err
	}
	return tx.findEvents(ctx, "technology", t.ID)
}

// diffTechnology lists what differs between two versions of an entry.
func diffTechnology(a, b *bearing.Technology) []bearing.Change {
	var out []bearing.Change
	add := func(f, x, y string) {
		if x != y {
			out = append(out, bearing.Change{Field: f, Old: x, New: y})
		}
	}
	j := func(ss []string) string { return strings.Join(ss, "\n") }
	add("name", a.Name, b.Name)
	add("quadrant", a.Quadrant, b.Quadrant)
	add("ring", a.Ring, b.Ring)
	add("aliases", j(a.Aliases), j(b.Aliases))
	add("executive_summary", a.ExecutiveSummary, b.ExecutiveSummary)
	add("description", a.Description, b.Description)
	add("rationale", a.Rationale, b.Rationale)
	add("identifiers", j(a.Identifiers), j(b.Identifiers))
	add("decisions", j(a.Decisions), j(b.Decisions))
	add("owners", j(a.Owners), j(b.Owners))
	add("alternatives", j(a.Alternatives), j(b.Alternatives))
	add("revisit_on", a.RevisitOn.String(), b.RevisitOn.String())
	return out
}

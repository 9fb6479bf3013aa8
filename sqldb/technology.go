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

// TechnologyService implements bearing.TechnologyService.
type TechnologyService struct{ db *DB }

// NewTechnologyService returns the radar over db.
func NewTechnologyService(db *DB) *TechnologyService { return &TechnologyService{db: db} }

var _ bearing.TechnologyService = (*TechnologyService)(nil)

// requireDNA refuses writes by anyone outside the DNA group (and the
// system context of the command line).
func requireDNA(ctx context.Context, what string) error {
	if isSystem(ctx) {
		return nil
	}
	u := bearing.UserFromContext(ctx)
	if u == nil {
		return bearing.Errorf(bearing.EUNAUTHORIZED, "Sign in first.")
	}
	if !u.Role.AtLeast(bearing.RoleDNA) {
		return bearing.Errorf(bearing.EFORBIDDEN, "Only the DNA group may %s.", what)
	}
	return nil
}

// RadarConfig implements bearing.TechnologyService.
func (s *TechnologyService) RadarConfig(ctx context.Context) (*bearing.RadarConfig, error) {
	tx, err := s.db.BeginTx(ctx, false)
	if err != nil {
		return nil, err
	}
	defer tx.Rollback()
	return tx.radarConfig(ctx)
}

func (tx *Tx) radarConfig(ctx context.Context) (*bearing.RadarConfig, error) {
	var raw string
	err := tx.queryRow(ctx, `SELECT config FROM radar_config WHERE id = 1`).Scan(&raw)
	if errors.Is(err, sql.ErrNoRows) {
		cfg := bearing.DefaultRadarConfig()
		return &cfg, nil
	} else if err != nil {
		return nil, err
	}
	var cfg bearing.RadarConfig
	return &cfg, json.Unmarshal([]byte(raw), &cfg)
}

// SetRadarConfig implements bearing.TechnologyService.
func (s *TechnologyService) SetRadarConfig(ctx context.Context, cfg *bearing.RadarConfig) error {
	if err := requireDNA(ctx, "change the radar's rings and quadrants"); err != nil {
		return err
	}
	if err := cfg.Validate(); err != nil {
		return err
	}
	tx, err := s.db.BeginTx(ctx, true)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	var p bearing.Problems
	err = tx.each(ctx, `SELECT name, quadrant, ring FROM technologies ORDER BY name`, nil, func(r *sql.Rows) error {
		var name, q, ring string
		if err := r.Scan(&name, &q, &ring); err != nil {
			return err
		}
		if _, ok := cfg.Quadrant(q); !ok {
			p.Add("quadrants", "%s is in quadrant %q, which the new radar lacks; move it first", name, q)
		}
		if _, ok := cfg.Ring(ring); !ok {
			p.Add("rings", "%s is in ring %q, which the new radar lacks; move it first", name, ring)
		}
		return nil
	})
	if err != nil {
		return err
	}
	if err := p.Err(); err != nil {
		return err
	}
	old, err := tx.radarConfig(ctx)
	if err != nil {
		return err
	}
	if _, err := tx.exec(ctx, `INSERT INTO radar_config (id, config) VALUES (1, ?) ON CONFLICT (id) DO UPDATE SET config = excluded.config`, mustJSON(cfg)); err != nil {
		return err
	}
	if err := tx.insertEvent(ctx, "radar", "config", "updated", "", []bearing.Change{{Field: "config", Old: mustJSON(old), New: mustJSON(cfg)}}); err != nil {
		return err
	}
	if err := tx.bumpPolicy(ctx); err != nil {
		return err
	}
	return tx.Commit()
}

const technologyColumns = `id, slug, name, aliases, quadrant, ring, description, rationale, executive_summary, owners,
	decisions, identifiers, alternatives, revisit_on, created_at, updated_at, version`

func scanTechnology(row interface{ Scan(...any) error }) (*bearing.Technology, error) {
	var t bearing.Technology
	var aliases, owners, decisions, identifiers, alternatives string
	if err := row.Scan(&t.ID, &t.Slug, &t.Name, &aliases, &t.Quadrant, &t.Ring, &t.Description, &t.Rationale,
		&t.ExecutiveSummary, &owners, &decisions, &identifiers, &alternatives, scanDate{&t.RevisitOn},
		scanTime{&t.CreatedAt}, scanTime{&t.UpdatedAt}, &t.Version); err != nil {
		return nil, err
	}
	return &t, unmarshalAll([]string{aliases, owners, decisions, identifiers, alternatives},
		&t.Aliases, &t.Owners, &t.Decisions, &t.Identifiers, &t.Alternatives)
}

// unmarshalAll decodes JSON columns into their fields, in order.
func unmarshalAll(srcs []string, dsts ...any) error {
	for i, src := range srcs {
		if err := json.Unmarshal([]byte(src), dsts[i]); err != nil {
			return err
		}
	}
	return nil
}

func (tx *Tx) findTechnology(ctx context.Context, ref string) (*bearing.Technology, error) {
	t, err := scanTechnology(tx.queryRow(ctx, `SELECT `+technologyColumns+` FROM technologies WHERE id = ? OR slug = ?`,
		ref, bearing.Slugify(ref)))
	if errors.Is(err, sql.ErrNoRows) {
		return nil, bearing.Errorf(bearing.ENOTFOUND, "Technology %q is not on the radar.", ref)
	} else if err != nil {
		return nil, err
	}
	return t, tx.loadMoves(ctx, []*bearing.Technology{t})
}

func (tx *Tx) loadMoves(ctx context.Context, ts []*bearing.Technology) error {
	if len(ts) == 0 {
		return nil
	}
	byID := map[string]*bearing.Technology{}
	ids := make([]any, len(ts))
	for i, t := range ts {
		byID[t.ID], ids[i] = t, t.ID
		t.Moves = []bearing.RingMove{}
	}
	return tx.each(ctx, `SELECT m.technology_id, m.at, m.from_ring, m.to_ring, m.reason, m.decision, COALESCE(u.email, '')
		FROM ring_moves m LEFT JOIN users u ON u.id = m.actor_id
		WHERE m.technology_id IN (`+placeholders(len(ids))+`) ORDER BY m.id`, ids, func(r *sql.Rows) error {
		var id string
		var m bearing.RingMove
		if err := r.Scan(&id, scanTime{&m.At}, &m.From, &m.To, &m.Reason, &m.Decision, &m.Actor); err != nil {
			return err
		}
		byID[id].Moves = append(byID[id].Moves, m)
		return nil
	})
}

// FindTechnology implements bearing.TechnologyService.
func (s *TechnologyService) FindTechnology(ctx context.Context, ref string) (*bearing.Technology, error) {
	tx, err := s.db.BeginTx(ctx, false)
	if err != nil {
		return nil, err
	}
	defer tx.Rollback()
	return tx.findTechnology(ctx, ref)
}

// FindTechnologies implements bearing.TechnologyService.
func (s *TechnologyService) FindTechnologies(ctx context.Context, f bearing.TechnologyFilter) ([]*bearing.Technology, error) {
	tx, err := s.db.BeginTx(ctx, false)
	if err != nil {
		return nil, err
	}
	defer tx.Rollback()
	return tx.findTechnologies(ctx, f)
}

func (tx *Tx) findTechnologies(ctx context.Context, f bearing.TechnologyFilter) ([]*bearing.Technology, error) {
	q := &queryBuilder{}
	if f.Ring != "" {
		q.where("ring = ?", strings.ToLower(f.Ring))
	}
	if f.Quadrant != "" {
		q.where("LOWER(quadrant) = ?", strings.ToLower(f.Quadrant))
	}
	if f.Query != "" {
		like := "%" + strings.ToLower(strings.NewReplacer("%", "", "_", "").Replace(f.Query)) + "%"
		q.where("(LOWER(name) LIKE ? OR LOWER(aliases) LIKE ? OR LOWER(identifiers) LIKE ?)", like, like, like)
	}
	var out []*bearing.Technology
	err := tx.each(ctx, `SELECT `+technologyColumns+` FROM technologies`+q.whereSQL()+` ORDER BY name, id`, q.args, func(r *sql.Rows) error {
		t, err := scanTechnology(r)
		if err == nil {
			out = append(out, t)
		}
		return err
	})
	if err != nil {
		return nil, err
	}
	return out, tx.loadMoves(ctx, out)
}

// checkRefs verifies that owners are users and decisions exist.
func (tx *Tx) checkRefs(ctx context.Context, owners, decisions []string) error {
	var p bearing.Problems
	for i, e := range owners {
		var n int
		if err := tx.queryRow(ctx, `SELECT COUNT(*) FROM users WHERE email = ?`, e).Scan(&n); err != nil {
			return err
		} else if n == 0 {
			p.Add(fmt.Sprintf("owners[%d]", i), "%s is not a user of Bearing", e)
		}
	}
	for i, k := range decisions {
		if _, err := tx.resolveDecisionID(ctx, k); bearing.ErrorCode(err) == bearing.ENOTFOUND {
			p.Add(fmt.Sprintf("decisions[%d]", i), "%s does not exist", k)
		} else if err != nil {
			return err
		}
	}
	return p.Err()
}

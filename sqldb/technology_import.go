package sqldb

import (
	"context"
	"fmt"

	"github.com/bearingorg/bearing"
)

// ImportTechnologies adds many entries, with their own ring histories, in
// one transaction: all of them or, on the first problem, none. Entries
// whose rings or quadrants the radar lacks are reported with their names.
func (s *TechnologyService) ImportTechnologies(ctx context.Context, ts []*bearing.Technology) (err error) {
	defer wrap(&err, "import technologies")
	if err := requireDNA(ctx, "import radar entries"); err != nil {
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
	var p bearing.Problems
	for _, t := range ts {
		if err := t.Validate(cfg); err != nil {
			p.Merge(t.Name, err)
		}
	}
	if err := p.Err(); err != nil {
		return err
	}
	for _, t := range ts {
		if err := tx.insertTechnology(ctx, t, "imported", ""); err != nil {
			return fmt.Errorf("%s: %w", t.Name, err)
		}
	}
	if err := tx.bumpPolicy(ctx); err != nil {
		return err
	}
	return tx.Commit()
}

// insertTechnology stores a validated entry with its moves (or a first move
// into its ring) and the event that says how it came.
func (tx *Tx) insertTechnology(ctx context.Context, t *bearing.Technology, action, reason string) error {
	t.ID, t.Version = newID(), 1
	if t.CreatedAt.IsZero() {
		t.CreatedAt = tx.now
	}
	t.UpdatedAt = tx.now
	_, err := tx.exec(ctx, `INSERT INTO technologies (`+technologyColumns+`) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
		t.ID, t.Slug, t.Name, mustJSON(t.Aliases), t.Quadrant, t.Ring, t.Description, t.Rationale, t.ExecutiveSummary,
		mustJSON(t.Owners), mustJSON(t.Decisions), mustJSON(t.Identifiers), mustJSON(t.Alternatives), t.RevisitOn,
		t.CreatedAt, t.UpdatedAt, t.Version)
	if bearing.ErrorCode(err) == bearing.ECONFLICT {
		return &bearing.Error{Code: bearing.ECONFLICT, Message: "name: " + t.Name + " is already on the radar",
			Fields: []bearing.FieldError{{Field: "name", Message: t.Name + " is already on the radar (as " + t.Slug + ")"}}}
	} else if err != nil {
		return err
	}
	moves := t.Moves
	if len(moves) == 0 {
		moves = []bearing.RingMove{{At: t.CreatedAt, To: t.Ring, Reason: "Imported."}}
	}
	if err := tx.insertMoves(ctx, t, moves); err != nil {
		return err
	}
	return tx.insertEvent(ctx, "technology", t.ID, action, reason, diffTechnology(&bearing.Technology{}, t))
}

package sqldb

import (
	"context"
	"database/sql"
	"errors"
	"strconv"
	"strings"

	"github.com/bearingorg/bearing"
)

// PublishEdition implements bearing.TechnologyService: it copies every
// entry's quadrant and ring into a dated edition.
func (s *TechnologyService) PublishEdition(ctx context.Context, name string) (_ *bearing.Edition, err error) {
	defer wrap(&err, "publish edition")
	if err := requireDNA(ctx, "publish radar editions"); err != nil {
		return nil, err
	}
	name = strings.TrimSpace(name)
	if name == "" || len(name) > 100 {
		return nil, &bearing.Error{Code: bearing.EINVALID, Message: "name: is required (at most 100 characters)",
			Fields: []bearing.FieldError{{Field: "name", Message: "is required (at most 100 characters), e.g. \"2026 Q4\""}}}
	}
	tx, err := s.db.BeginTx(ctx, true)
	if err != nil {
		return nil, err
	}
	defer tx.Rollback()
	e := &bearing.Edition{Name: name, PublishedAt: tx.now}
	if e.ID, err = tx.insertID(ctx, `INSERT INTO editions (name, published_at) VALUES (?, ?)`, name, tx.now); err != nil {
		return nil, err
	}
	if _, err := tx.exec(ctx, `INSERT INTO edition_entries (edition_id, technology_id, slug, name, quadrant, ring)
		SELECT ?, id, slug, name, quadrant, ring FROM technologies`, e.ID); err != nil {
		return nil, err
	}
	if err := tx.insertEvent(ctx, "radar", "edition", "published", "", []bearing.Change{{Field: "edition", New: name}}); err != nil {
		return nil, err
	}
	if e, err = tx.findEdition(ctx, e.ID); err != nil {
		return nil, err
	}
	return e, tx.Commit()
}

// FindEditions implements bearing.TechnologyService.
func (s *TechnologyService) FindEditions(ctx context.Context) ([]*bearing.Edition, error) {
	tx, err := s.db.BeginTx(ctx, false)
	if err != nil {
		return nil, err
	}
	defer tx.Rollback()
	var out []*bearing.Edition
	err = tx.each(ctx, `SELECT id, name, published_at FROM editions ORDER BY published_at DESC, id DESC`, nil, func(r *sql.Rows) error {
		var e bearing.Edition
		if err := r.Scan(&e.ID, &e.Name, scanTime{&e.PublishedAt}); err != nil {
			return err
		}
		out = append(out, &e)
		return nil
	})
	return out, err
}

// FindEdition implements bearing.TechnologyService.
func (s *TechnologyService) FindEdition(ctx context.Context, id int64) (*bearing.Edition, error) {
	tx, err := s.db.BeginTx(ctx, false)
	if err != nil {
		return nil, err
	}
	defer tx.Rollback()
	return tx.findEdition(ctx, id)
}

func (tx *Tx) findEdition(ctx context.Context, id int64) (*bearing.Edition, error) {
	var e bearing.Edition
	err := tx.queryRow(ctx, `SELECT id, name, published_at FROM editions WHERE id = ?`, id).Scan(&e.ID, &e.Name, scanTime{&e.PublishedAt})
	if errors.Is(err, sql.ErrNoRows) {
		return nil, bearing.Errorf(bearing.ENOTFOUND, "No radar edition %s.", strconv.FormatInt(id, 10))
	} else if err != nil {
		return nil, err
	}
	err = tx.each(ctx, `SELECT technology_id, slug, name, quadrant, ring FROM edition_entries WHERE edition_id = ? ORDER BY name`,
		[]any{id}, func(r *sql.Rows) error {
			var en bearing.EditionEntry
			if err := r.Scan(&en.TechnologyID, &en.Slug, &en.Name, &en.Quadrant, &en.Ring); err != nil {
				return err
			}
			e.Entries = append(e.Entries, en)
			return nil
		})
	return &e, err
}

// ImportEdition stores an edition from a radar file with its own date and
// entries (editions of an AOE radar), keeping the given entries as they were.
func (s *TechnologyService) ImportEdition(ctx context.Context, e *bearing.Edition) error {
	if err := requireDNA(ctx, "import radar editions"); err != nil {
		return err
	}
	tx, err := s.db.BeginTx(ctx, true)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	if e.ID, err = tx.insertID(ctx, `INSERT INTO editions (name, published_at) VALUES (?, ?)`, e.Name, e.PublishedAt); err != nil {
		return err
	}
	for _, en := range e.Entries {
		t, err := tx.findTechnology(ctx, en.Slug)
		if err != nil {
			return err
		}
		if _, err := tx.exec(ctx, `INSERT INTO edition_entries (edition_id, technology_id, slug, name, quadrant, ring) VALUES (?, ?, ?, ?, ?, ?)`,
			e.ID, t.ID, t.Slug, en.Name, en.Quadrant, en.Ring); err != nil {
			return err
		}
	}
	return tx.Commit()
}

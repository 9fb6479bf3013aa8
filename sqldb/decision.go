package sqldb

import (
	"context"
	"crypto/rand"
	"encoding/json"
	"fmt"
	"slices"
	"strings"

	"github.com/bearingorg/bearing"
)

// DecisionService implements bearing.DecisionService.
type DecisionService struct{ db *DB }

// NewDecisionService returns the decision log over db.
func NewDecisionService(db *DB) *DecisionService { return &DecisionService{db: db} }

var _ bearing.DecisionService = (*DecisionService)(nil)

func actor(ctx context.Context) (*bearing.User, error) {
	if u := bearing.UserFromContext(ctx); u != nil {
		return u, nil
	}
	return nil, bearing.Errorf(bearing.EUNAUTHORIZED, "Sign in first.")
}

// CreateDecision implements bearing.DecisionService.
func (s *DecisionService) CreateDecision(ctx context.Context, d *bearing.Decision) (err error) {
	defer wrap(&err, "create decision")
	u, err := actor(ctx)
	if err != nil {
		return err
	}
	if !bearing.CanCreateDecision(u) {
		return bearing.Errorf(bearing.EFORBIDDEN, "Viewers cannot create decisions; ask an admin for the member role.")
	}
	if d.Status == "" {
		d.Status = bearing.StatusDraft
	}
	if d.Status != bearing.StatusDraft && d.Status != bearing.StatusProposed {
		return &bearing.Error{Code: bearing.EINVALID, Message: "status: a new decision starts as draft or proposed",
			Fields: []bearing.FieldError{{Field: "status", Message: "a new decision starts as draft or proposed; accept it afterwards"}}}
	}
	if err := d.Validate(); err != nil {
		return err
	}
	tx, err := s.db.BeginTx(ctx, true)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	if d.Driver == "" {
		d.Driver = u.Email
	}
	if err := tx.insertDecision(ctx, d, 0); err != nil {
		return err
	}
	if err := tx.insertEvent(ctx, "decision", d.ID, "created", "", bearing.DiffDecisions(&bearing.Decision{}, d)); err != nil {
		return err
	}
	saved, err := tx.findDecision(ctx, d.ID) // as stored: names resolved, lists normalised
	if err != nil {
		return err
	}
	*d = *saved
	return tx.Commit()
}

// insertDecision stores a new decision; number 0 takes the next free number.
func (tx *Tx) insertDecision(ctx context.Context, d *bearing.Decision, number int) error {
	var err error
	if number == 0 {
		if d.Number, err = tx.nextNumber(ctx, "decision"); err != nil {
			return err
		}
	} else {
		d.Number = number
		if err := tx.raiseNumber(ctx, "decision", number); err != nil {
			return err
		}
	}
	d.ID = newID()
	d.CreatedAt, d.UpdatedAt, d.Version = tx.now, tx.now, 1
	refs, err := tx.decisionRefs(ctx, d)
	if err != nil {
		return err
	}
	_, err = tx.exec(ctx, `INSERT INTO decisions (id, number, title, status, context, options, body, consequences, dos, donts,
		executive_summary, deciders, consulted, informed, revisit_on, team_id, driver_id, source, created_at, updated_at, version)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
		d.ID, d.Number, d.Title, string(d.Status), d.Context, mustJSON(d.Options), d.Body, d.Consequences,
		mustJSON(d.Dos), mustJSON(d.Donts), d.ExecutiveSummary, mustJSON(d.Deciders), mustJSON(d.Consulted),
		mustJSON(d.Informed), d.RevisitOn, refs.team, refs.driver, d.Source, d.CreatedAt, d.UpdatedAt, d.Version)
	if bearing.ErrorCode(err) == bearing.ECONFLICT {
		return bearing.Errorf(bearing.ECONFLICT, "Decision number %s is already taken.", d.Key())
	} else if err != nil {
		return err
	}
	return tx.writeChildren(ctx, d, refs)
}

// refs are the user and team ids a decision's e-mails and slugs resolve to.
type refs struct {
	team, driver any
	users        map[string]int64
}

// decisionRefs resolves every e-mail and slug in d, reporting each unknown
// one against its field.
func (tx *Tx) decisionRefs(ctx context.Context, d *bearing.Decision) (refs, error) {
	r := refs{users: map[string]int64{}}
	var p bearing.Problems
	lookup := func(field, email string) any {
		if email == "" {
			return nil
		}
		if id, ok := r.users[email]; ok {
			return id
		}
		var id int64
		if err := tx.queryRow(ctx, `SELECT id FROM users WHERE email = ?`, email).Scan(&id); err != nil {
			p.Add(field, "%s is not a user of Bearing", email)
			return nil
		}
		r.users[email] = id
		return id
	}
	for i, o := range d.Owners {
		lookup(fmt.Sprintf("owners[%d]", i), o.Email)
	}
	for i, a := range d.ActionItems {
		lookup(fmt.Sprintf("action_items[%d].owner", i), a.Owner)
	}
	r.driver = lookup("driver", bearing.NormalizeEmail(d.Driver))
	if d.Team != "" {
		var id int64
		if err := tx.queryRow(ctx, `SELECT id FROM teams WHERE slug = ?`, d.Team).Scan(&id); err != nil {
			p.Add("team", "%q is not a team", d.Team)
		} else {
			r.team = id
		}
	}
	return r, p.Err()
}

// writeChildren replaces the tags, owners and action items of d and updates
// the full-text index.
func (tx *Tx) writeChildren(ctx context.Context, d *bearing.Decision, r refs) error {
	for _, table := range []string{"decision_tags", "decision_owners", "action_items"} {
		if _, err := tx.exec(ctx, `DELETE FROM `+table+` WHERE decision_id = ?`, d.ID); err != nil {
			return err
		}
	}
	for _, t := range d.Tags {
		if _, err := tx.exec(ctx, `INSERT INTO decision_tags (decision_id, tag) VALUES (?, ?)`, d.ID, t); err != nil {
			return err
		}
	}
	for i, o := range d.Owners {
		if _, err := tx.exec(ctx, `INSERT INTO decision_owners (decision_id, user_id, position, accepted_at) VALUES (?, ?, ?, ?)`,
			d.ID, r.users[o.Email], i, o.AcceptedAt); err != nil {
			return err
		}
	}
	for i, a := range d.ActionItems {
		if _, err := tx.exec(ctx, `INSERT INTO action_items (decision_id, position, text, owner_id, due, done) VALUES (?, ?, ?, ?, ?, ?)`,
			d.ID, i, a.Text, r.users[a.Owner], a.Due, a.Done); err != nil {
			return err
		}
	}
	return tx.db.dialect.indexDecision(ctx, tx, d)
}

// saveDecision writes d's row and children if d is still at version, bumping
// the version; a concurrent change makes it fail with ECONFLICT.
func (tx *Tx) saveDecision(ctx context.Context, d *bearing.Decision, version int) error {
	refs, err := tx.decisionRefs(ctx, d)
	if err != nil {
		return err
	}
	res, err := tx.exec(ctx, `UPDATE decisions SET title = ?, status = ?, context = ?, options = ?, body = ?, consequences = ?,
		dos = ?, donts = ?, executive_summary = ?, deciders = ?, consulted = ?, informed = ?, revisit_on = ?, team_id = ?,
		driver_id = ?, updated_at = ?, version = version + 1 WHERE id = ? AND version = ?`,
		d.Title, string(d.Status), d.Context, mustJSON(d.Options), d.Body, d.Consequences, mustJSON(d.Dos), mustJSON(d.Donts),
		d.ExecutiveSummary, mustJSON(d.Deciders), mustJSON(d.Consulted), mustJSON(d.Informed), d.RevisitOn, refs.team,
		refs.driver, tx.now, d.ID, version)
	if err != nil {
		return err
	}
	if n, err := res.RowsAffected(); err != nil {
		return err
	} else if n == 0 {
		return staleError(d.Key(), version)
	}
	d.Version = version + 1
	d.UpdatedAt = tx.now
	return tx.writeChildren(ctx, d, refs)
}

func staleError(key string, version int) error {
	return &bearing.Error{Code: bearing.ECONFLICT,
		Message: fmt.Sprintf("%s was changed by someone else after version %d; reload it and apply your change again.", key, version),
		Fields:  []bearing.FieldError{{Field: "version", Message: fmt.Sprintf("version %d is no longer current", version)}}}
}

// UpdateDecision implements bearing.DecisionService.
func (s *DecisionService) UpdateDecision(ctx context.Context, ref string, version int, upd bearing.DecisionUpdate) (_ *bearing.Decision, err error) {
	defer wrap(&err, "update decision %s", ref)
	return s.change(ctx, ref, version, "updated", "", func(u *bearing.User, d *bearing.Decision) error {
		if !bearing.CanEditDecision(u, d) {
			return bearing.Errorf(bearing.EFORBIDDEN, "Only the driver, the owners and the DNA group may edit %s.", d.Key())
		}
		upd.Apply(d)
		return d.Validate()
	})
}

// change loads a decision, lets fn modify it, saves it at the loaded version
// and records the difference, all in one transaction.
func (s *DecisionService) change(ctx context.Context, ref string, version int, action, reason string,
	fn func(u *bearing.User, d *bearing.Decision) error) (*bearing.Decision, error) {
	u, err := actor(ctx)
	if err != nil {
		return nil, err
	}
	tx, err := s.db.BeginTx(ctx, true)
	if err != nil {
		return nil, err
	}
	defer tx.Rollback()
	d, err := tx.findDecision(ctx, ref)
	if err != nil {
		return nil, err
	}
	if version != 0 && version != d.Version {
		return nil, staleError(d.Key(), version)
	}
	before := *d
	if err := fn(u, d); err != nil {
		return nil, err
	}
	changes := bearing.DiffDecisions(&before, d)
	if action == "ownership" {
		changes = append(changes, bearing.Change{Field: "signed", New: u.Email})
	} else if len(changes) == 0 {
		return d, nil // nothing changed: no new version, no event
	}
	if err := tx.saveDecision(ctx, d, before.Version); err != nil {
		return nil, err
	}
	if err := tx.insertEvent(ctx, "decision", d.ID, action, reason, changes); err != nil {
		return nil, err
	}
	if err := tx.bumpPolicy(ctx); err != nil {
		return nil, err
	}
	if d, err = tx.findDecision(ctx, d.ID); err != nil {
		return nil, err
	}
	return d, tx.Commit()
}

// SetDecisionStatus implements bearing.DecisionService.
func (s *DecisionService) SetDecisionStatus(ctx context.Context, ref string, version int, to bearing.Status, reason string) (_ *bearing.Decision, err error) {
	defer wrap(&err, "set status of %s", ref)
	if to == bearing.StatusSuperseded {
		return nil, &bearing.Error{Code: bearing.EINVALID, Message: "status: superseding needs the successor",
			Fields: []bearing.FieldError{{Field: "status", Message: "superseding needs the successor: use the supersede action with the decision that replaces it"}}}
	}
	return s.change(ctx, ref, version, "status", strings.TrimSpace(reason), func(u *bearing.User, d *bearing.Decision) error {
		if err := d.Status.CheckTransition(to); err != nil {
			return err
		}
		if !bearing.CanSetStatus(u, d, to) {
			return bearing.Errorf(bearing.EFORBIDDEN, "Only the DNA group may make a decision %s.", to)
		}
		d.Status = to
		return nil
	})
}

// SupersedeDecision implements bearing.DecisionService.
func (s *DecisionService) SupersedeDecision(ctx context.Context, ref, byRef, reason string) (_ *bearing.Decision, err error) {
	defer wrap(&err, "supersede %s", ref)
	u, err := actor(ctx)
	if err != nil {
		return nil, err
	}
	if !u.Role.AtLeast(bearing.RoleDNA) {
		return nil, bearing.Errorf(bearing.EFORBIDDEN, "Only the DNA group may supersede a decision.")
	}
	tx, err := s.db.BeginTx(ctx, true)
	if err != nil {
		return nil, err
	}
	defer tx.Rollback()
	old, err := tx.findDecision(ctx, ref)
	if err != nil {
		return nil, err
	}
	succ, err := tx.findDecision(ctx, byRef)
	if bearing.ErrorCode(err) == bearing.ENOTFOUND {
		return nil, &bearing.Error{Code: bearing.EINVALID, Message: "by: no such decision",
			Fields: []bearing.FieldError{{Field: "by", Message: fmt.Sprintf("decision %s does not exist", byRef)}}}
	} else if err != nil {
		return nil, err
	}
	if err := checkSupersede(old, succ); err != nil {
		return nil, err
	}
	if err := tx.linkSupersede(ctx, old, succ); err != nil {
		return nil, err
	}
	before := *old
	old.Status = bearing.StatusSuperseded
	old.SupersededBy = append(slices.Clone(old.SupersededBy), succ.Key())
	if err := tx.saveDecision(ctx, old, before.Version); err != nil {
		return nil, err
	}
	if err := tx.insertEvent(ctx, "decision", old.ID, "superseded", reason, bearing.DiffDecisions(&before, old)); err != nil {
		return nil, err
	}
	if err := tx.bumpPolicy(ctx); err != nil {
		return nil, err
	}
	if old, err = tx.findDecision(ctx, old.ID); err != nil {
		return nil, err
	}
	if err := tx.insertEvent(ctx, "decision", succ.ID, "supersedes", reason,
		[]bearing.Change{{Field: "supersedes", Old: strings.Join(succ.Supersedes, "\n"),
			New: strings.Join(append(slices.Clone(succ.Supersedes), old.Key()), "\n")}}); err != nil {
		return nil, err
	}
	return old, tx.Commit()
}

func checkSupersede(old, succ *bearing.Decision) error {
	var p bearing.Problems
	switch {
	case old.ID == succ.ID:
		p.Add("by", "a decision cannot supersede itself")
	case old.Status != bearing.StatusAccepted && old.Status != bearing.StatusSuperseded:
		p.Add("status", "a %s decision cannot be superseded; only accepted ones can", old.Status)
	case slices.Contains(old.SupersededBy, succ.Key()):
		p.Add("by", "%s already supersedes %s", succ.Key(), old.Key())
	case slices.Contains(old.Supersedes, succ.Key()):
		p.Add("by", "%s is superseded by %s; the link would go in a circle", succ.Key(), old.Key())
	case succ.Status == bearing.StatusRejected || succ.Status == bearing.StatusWithdrawn:
		p.Add("by", "%s is %s and cannot replace anything", succ.Key(), succ.Status)
	}
	return p.Err()
}

func (tx *Tx) linkSupersede(ctx context.Context, old, succ *bearing.Decision) error {
	_, err := tx.exec(ctx, `INSERT INTO supersessions (old_id, new_id) VALUES (?, ?)`, old.ID, succ.ID)
	return err
}

// AcceptOwnership implements bearing.DecisionService.
func (s *DecisionService) AcceptOwnership(ctx context.Context, ref string) (_ *bearing.Decision, err error) {
	defer wrap(&err, "accept ownership of %s", ref)
	return s.change(ctx, ref, 0, "ownership", "", func(u *bearing.User, d *bearing.Decision) error {
		for i := range d.Owners {
			if d.Owners[i].Email != u.Email {
				continue
			}
			if d.Owners[i].AcceptedAt != nil {
				return bearing.Errorf(bearing.ECONFLICT, "You signed as owner of %s on %s already.", d.Key(),
					d.Owners[i].AcceptedAt.Format("2006-01-02"))
			}
			now := s.db.Now().UTC()
			d.Owners[i].AcceptedAt = &now
			return nil
		}
		return bearing.Errorf(bearing.EFORBIDDEN, "You are not an owner of %s; only its owners can sign.", d.Key())
	})
}

// DecisionHistory implements bearing.DecisionService.
func (s *DecisionService) DecisionHistory(ctx context.Context, ref string) ([]*bearing.Event, error) {
	tx, err := s.db.BeginTx(ctx, false)
	if err != nil {
		return nil, err
	}
	defer tx.Rollback()
	id, err := tx.resolveDecisionID(ctx, ref)
	if err != nil {
		return nil, err
	}
	return tx.findEvents(ctx, "decision", id)
}

func mustJSON(v any) string {
	b, err := json.Marshal(v)
	if err != nil {
		panic(err) // only plain strings and structs of strings are marshalled here
	}
	if string(b) == "null" {
		return "[]"
	}
	return string(b)
}

// newID returns a random UUID (version 4), the stable id of a record.
func newID() string {
	var b [16]byte
	if _, err := rand.Read(b[:]); err != nil {
		panic(err)
	}
	b[6] = b[6]&0x0f | 0x40
	b[8] = b[8]&0x3f | 0x80
	return fmt.Sprintf("%x-%x-%x-%x-%x", b[0:4], b[4:6], b[6:8], b[8:10], b[10:16])
}

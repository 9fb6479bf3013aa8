package sqldb

import (
	"context"
	"database/sql"
	"errors"
	"slices"
	"strings"

	"github.com/bearingorg/bearing"
)

// ExceptionService implements bearing.ExceptionService.
type ExceptionService struct {
	db *DB
	// MaxDays is how far ahead an exception may expire.
	MaxDays int
}

// NewExceptionService returns the exceptions over db with the default
// maximum duration.
func NewExceptionService(db *DB) *ExceptionService {
	return &ExceptionService{db: db, MaxDays: bearing.DefaultMaxExceptionDays}
}

var _ bearing.ExceptionService = (*ExceptionService)(nil)

const exceptionColumns = `e.id, e.number, t.slug, e.guideline, e.technology, e.scope, e.justification, e.risk, e.compensating,
	e.expires_on, e.state, req.email, COALESCE(dec.email, ''), e.decided_at, e.reason, COALESCE(prev.number, 0), e.renewals,
	e.created_at, e.updated_at, e.version`

const exceptionFrom = ` FROM exceptions e JOIN teams t ON t.id = e.team_id JOIN users req ON req.id = e.requested_by
	LEFT JOIN users dec ON dec.id = e.decided_by LEFT JOIN exceptions prev ON prev.id = e.renewal_of`

func scanException(row interface{ Scan(...any) error }) (*bearing.Exception, error) {
	var e bearing.Exception
	var scope, state string
	var prev int
	if err := row.Scan(&e.ID, &e.Number, &e.Team, &e.Guideline, &e.Technology, &scope, &e.Justification, &e.Risk, &e.Compensating,
		scanDate{&e.ExpiresOn}, &state, &e.RequestedBy, &e.DecidedBy, scanNullTime{&e.DecidedAt}, &e.Reason, &prev, &e.Renewals,
		scanTime{&e.CreatedAt}, scanTime{&e.UpdatedAt}, &e.Version); err != nil {
		return nil, err
	}
	e.State = bearing.ExceptionState(state)
	if prev > 0 {
		e.RenewalOf = (&bearing.Exception{Number: prev}).Key()
	}
	return &e, unmarshalAll([]string{scope}, &e.Scope)
}

func (tx *Tx) findException(ctx context.Context, ref string) (*bearing.Exception, error) {
	var row *sql.Row
	if n, ok := parseKey(ref, "EXC-"); ok {
		row = tx.queryRow(ctx, `SELECT `+exceptionColumns+exceptionFrom+` WHERE e.number = ?`, n)
	} else {
		row = tx.queryRow(ctx, `SELECT `+exceptionColumns+exceptionFrom+` WHERE e.id = ?`, ref)
	}
	e, err := scanException(row)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, bearing.Errorf(bearing.ENOTFOUND, "Exception %s not found.", ref)
	}
	return e, err
}

// FindException implements bearing.ExceptionService.
func (s *ExceptionService) FindException(ctx context.Context, ref string) (*bearing.Exception, error) {
	tx, err := s.db.BeginTx(ctx, false)
	if err != nil {
		return nil, err
	}
	defer tx.Rollback()
	return tx.findException(ctx, ref)
}

// FindExceptions implements bearing.ExceptionService.
func (s *ExceptionService) FindExceptions(ctx context.Context, f bearing.ExceptionFilter) ([]*bearing.Exception, error) {
	tx, err := s.db.BeginTx(ctx, false)
	if err != nil {
		return nil, err
	}
	defer tx.Rollback()
	return tx.findExceptions(ctx, f)
}

func (tx *Tx) findExceptions(ctx context.Context, f bearing.ExceptionFilter) ([]*bearing.Exception, error) {
	q := &queryBuilder{}
	if len(f.State) > 0 {
		args := make([]any, len(f.State))
		for i, s := range f.State {
			args[i] = string(s)
		}
		q.where("e.state IN ("+placeholders(len(args))+")", args...)
	}
	if f.Team != "" {
		q.where("t.slug = ?", f.Team)
	}
	var out []*bearing.Exception
	err := tx.each(ctx, `SELECT `+exceptionColumns+exceptionFrom+q.whereSQL()+` ORDER BY e.number DESC`, q.args, func(r *sql.Rows) error {
		e, err := scanException(r)
		if err == nil {
			out = append(out, e)
		}
		return err
	})
	return out, err
}

// RequestException implements bearing.ExceptionService. Members ask for
// their own teams; the DNA group and admins for any team. A request naming
// RenewalOf continues that exception and counts its renewals.
func (s *ExceptionService) RequestException(ctx context.Context, e *bearing.Exception) (err error) {
	defer wrap(&err, "request exception")
	u, err := actor(ctx)
	if err != nil {
		return err
	}
	if !u.Role.AtLeast(bearing.RoleMember) {
		return bearing.Errorf(bearing.EFORBIDDEN, "Viewers cannot request exceptions.")
	}
	tx, err := s.db.BeginTx(ctx, true)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	today := bearing.DateOf(tx.now)
	if err := e.Validate(today, s.MaxDays); err != nil {
		return err
	}
	var p bearing.Problems
	var teamID int64
	if err := tx.queryRow(ctx, `SELECT id FROM teams WHERE slug = ?`, e.Team).Scan(&teamID); err != nil {
		p.Add("team", "%q is not a team", e.Team)
	} else if !u.Role.AtLeast(bearing.RoleDNA) && !slices.Contains(u.Teams, e.Team) {
		p.Add("team", "you are not a member of %s; ask for your own team", e.Team)
	}
	if e.Guideline != "" {
		if g, err := tx.findGuideline(ctx, e.Guideline); err != nil {
			p.Add("guideline", "%s does not exist", e.Guideline)
		} else {
			e.Guideline = g.Key()
		}
	}
	if e.Technology != "" {
		if t, err := tx.findTechnology(ctx, e.Technology); err != nil {
			p.Add("technology", "%q is not on the radar", e.Technology)
		} else {
			e.Technology = t.Slug
		}
	}
	var renewalOf any
	if e.RenewalOf != "" {
		prev, err := tx.findException(ctx, e.RenewalOf)
		if err != nil {
			p.Add("renewal_of", "%s does not exist", e.RenewalOf)
		} else {
			renewalOf, e.Renewals, e.RenewalOf = prev.ID, prev.Renewals+1, prev.Key()
		}
	}
	if err := p.Err(); err != nil {
		return err
	}
	if e.Number, err = tx.nextNumber(ctx, "exception"); err != nil {
		return err
	}
	e.ID, e.State, e.RequestedBy, e.CreatedAt, e.UpdatedAt, e.Version = newID(), bearing.ExceptionRequested, u.Email, tx.now, tx.now, 1
	if _, err := tx.exec(ctx, `INSERT INTO exceptions (id, number, team_id, guideline, technology, scope, justification, risk,
		compensating, expires_on, state, requested_by, renewal_of, renewals, created_at, updated_at, version)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`, e.ID, e.Number, teamID, e.Guideline, e.Technology,
		mustJSON(e.Scope), e.Justification, e.Risk, e.Compensating, e.ExpiresOn, string(e.State), u.ID, renewalOf,
		e.Renewals, tx.now, tx.now, 1); err != nil {
		return err
	}
	changes := []bearing.Change{{Field: "state", New: string(e.State)}, {Field: "scope", New: strings.Join(e.Scope, "\n")},
		{Field: "expires_on", New: e.ExpiresOn.String()}, {Field: "justification", New: e.Justification}}
	if err := tx.insertEvent(ctx, "exception", e.ID, "requested", "", changes); err != nil {
		return err
	}
	return tx.Commit()
}

// DecideException implements bearing.ExceptionService.
func (s *ExceptionService) DecideException(ctx context.Context, ref string, approve bool, reason string) (*bearing.Exception, error) {
	to := bearing.ExceptionRejected
	if approve {
		to = bearing.ExceptionApproved
	}
	return s.move(ctx, ref, to, reason, true)
}

// RevokeException implements bearing.ExceptionService.
func (s *ExceptionService) RevokeException(ctx context.Context, ref, reason string) (*bearing.Exception, error) {
	return s.move(ctx, ref, bearing.ExceptionRevoked, reason, false)
}

// move changes an exception's state with a reason, checking who may.
func (s *ExceptionService) move(ctx context.Context, ref string, to bearing.ExceptionState, reason string, decision bool) (_ *bearing.Exception, err error) {
	defer wrap(&err, "%s exception %s", to, ref)
	u, err := actor(ctx)
	if err != nil {
		return nil, err
	}
	tx, err := s.db.BeginTx(ctx, true)
	if err != nil {
		return nil, err
	}
	defer tx.Rollback()
	e, err := tx.findException(ctx, ref)
	if err != nil {
		return nil, err
	}
	if err := bearing.CanDecideException(u, e); err != nil && decision {
		return nil, err
	} else if !decision && !u.Role.AtLeast(bearing.RoleDNA) {
		return nil, bearing.Errorf(bearing.EFORBIDDEN, "Only the DNA group revokes exceptions.")
	}
	if err := bearing.CheckExceptionMove(e.State, to); err != nil {
		return nil, err
	}
	if reason = strings.TrimSpace(reason); reason == "" {
		return nil, &bearing.Error{Code: bearing.EINVALID, Message: "reason: is required",
			Fields: []bearing.FieldError{{Field: "reason", Message: "is required: say why, for the team and the history"}}}
	}
	res, err := tx.exec(ctx, `UPDATE exceptions SET state = ?, decided_by = ?, decided_at = ?, reason = ?, updated_at = ?,
		version = version + 1 WHERE id = ? AND version = ?`, string(to), u.ID, tx.now, reason, tx.now, e.ID, e.Version)
	if err != nil {
		return nil, err
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return nil, staleError(e.Key(), e.Version)
	}
	if err := tx.insertEvent(ctx, "exception", e.ID, string(to), reason, []bearing.Change{{Field: "state", Old: string(e.State), New: string(to)}}); err != nil {
		return nil, err
	}
	if err := tx.bumpPolicy(ctx); err != nil {
		return nil, err
	}
	if e, err = tx.findException(ctx, e.ID); err != nil {
		return nil, err
	}
	return e, tx.Commit()
}

// ExpireExceptions implements bearing.ExceptionService. The UPDATE only
// touches rows still approved, so instances running it at once expire each
// exception once and record it once.
func (s *ExceptionService) ExpireExceptions(ctx context.Context) (int, error) {
	tx, err := s.db.BeginTx(ctx, true)
	if err != nil {
		return 0, err
	}
	defer tx.Rollback()
	today := bearing.DateOf(tx.now)
	var ids []string
	err = tx.each(ctx, `UPDATE exceptions SET state = 'expired', reason = 'Reached its expiry date.', updated_at = ?, version = version + 1
		WHERE state = 'approved' AND expires_on < ? RETURNING id`, []any{tx.now, today}, func(r *sql.Rows) error {
		var id string
		err := r.Scan(&id)
		ids = append(ids, id)
		return err
	})
	if err != nil {
		return 0, err
	}
	for _, id := range ids {
		if err := tx.insertEvent(ctx, "exception", id, "expired", "Reached its expiry date.",
			[]bearing.Change{{Field: "state", Old: "approved", New: "expired"}}); err != nil {
			return 0, err
		}
	}
	if len(ids) > 0 {
		if err := tx.bumpPolicy(ctx); err != nil {
			return 0, err
		}
	}
	return len(ids), tx.Commit()
}

// ExceptionHistory implements bearing.ExceptionService.
func (s *ExceptionService) ExceptionHistory(ctx context.Context, ref string) ([]*bearing.Event, error) {
	tx, err := s.db.BeginTx(ctx, false)
	if err != nil {
		return nil, err
	}
	defer tx.Rollback()
	e, err := tx.findException(ctx, ref)
	if err != nil {
		return nil, err
	}
	return tx.findEvents(ctx, "exception", e.ID)
}

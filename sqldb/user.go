package sqldb

import (
	"context"
	"database/sql"
	"errors"
	"strconv"
	"strings"
	"time"

	"github.com/bearingorg/bearing"
	"github.com/bearingorg/bearing/auth"
)

// UserService implements bearing.UserService.
type UserService struct{ db *DB }

// NewUserService returns the user service over db.
func NewUserService(db *DB) *UserService { return &UserService{db: db} }

var _ bearing.UserService = (*UserService)(nil)

func requireAdmin(ctx context.Context) error {
	u := bearing.UserFromContext(ctx)
	if u == nil {
		return bearing.Errorf(bearing.EUNAUTHORIZED, "Sign in first.")
	}
	if !u.Role.AtLeast(bearing.RoleAdmin) {
		return bearing.Errorf(bearing.EFORBIDDEN, "Only admins manage people and teams.")
	}
	return nil
}

// CreateUser implements bearing.UserService. Admins only, except for the
// very first user, who becomes the organisation's first admin.
func (s *UserService) CreateUser(ctx context.Context, u *bearing.User, password string) (err error) {
	defer wrap(&err, "create user")
	if err := u.Validate(); err != nil {
		return err
	}
	if password != "" && len(password) < auth.MinPasswordLen {
		return &bearing.Error{Code: bearing.EINVALID, Message: "password: too short",
			Fields: []bearing.FieldError{{Field: "password", Message: "must be at least " + strconv.Itoa(auth.MinPasswordLen) + " characters"}}}
	}
	hash := ""
	if password != "" {
		if hash, err = auth.HashPassword(password); err != nil {
			return err
		}
	}
	tx, err := s.db.BeginTx(ctx, true)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	if err := requireAdmin(ctx); err != nil && !isSystem(ctx) {
		return err
	}
	u.CreatedAt = tx.now
	u.ID, err = tx.insertID(ctx, `INSERT INTO users (email, name, role, password_hash, created_at) VALUES (?, ?, ?, ?, ?)`,
		u.Email, u.Name, string(u.Role), hash, u.CreatedAt)
	if bearing.ErrorCode(err) == bearing.ECONFLICT {
		return &bearing.Error{Code: bearing.ECONFLICT, Message: "A user with that e-mail already exists.",
			Fields: []bearing.FieldError{{Field: "email", Message: u.Email + " is taken"}}}
	} else if err != nil {
		return err
	}
	if err := tx.insertEvent(ctx, "user", strconv.FormatInt(u.ID, 10), "created", "", []bearing.Change{
		{Field: "email", New: u.Email}, {Field: "name", New: u.Name}, {Field: "role", New: string(u.Role)}}); err != nil {
		return err
	}
	return tx.Commit()
}

// systemKey marks a context as acting for the system itself (the CLI on the
// server's own database, the demo seeder), which bypasses role checks that
// protect the network-facing API.
type systemKey struct{}

// SystemContext returns a context that may perform administrative writes
// without a signed-in admin: for the command line, which already has the
// database file, and for seeding.
func SystemContext(ctx context.Context) context.Context {
	return context.WithValue(ctx, systemKey{}, true)
}

func isSystem(ctx context.Context) bool { v, _ := ctx.Value(systemKey{}).(bool); return v }

const userColumns = `u.id, u.email, u.name, u.role, u.created_at`

func scanUser(row interface{ Scan(...any) error }) (*bearing.User, error) {
	var u bearing.User
	var role string
	if err := row.Scan(&u.ID, &u.Email, &u.Name, &role, scanTime{&u.CreatedAt}); err != nil {
		return nil, err
	}
	u.Role = bearing.Role(role)
	return &u, nil
}

func (tx *Tx) findUser(ctx context.Context, where string, arg any) (*bearing.User, error) {
	u, err := scanUser(tx.queryRow(ctx, `SELECT `+userColumns+` FROM users u WHERE `+where, arg))
	if errors.Is(err, sql.ErrNoRows) {
		return nil, bearing.Errorf(bearing.ENOTFOUND, "No such user.")
	} else if err != nil {
		return nil, err
	}
	return u, tx.loadUserTeams(ctx, u)
}

func (tx *Tx) loadUserTeams(ctx context.Context, u *bearing.User) error {
	rows, err := tx.query(ctx, `SELECT t.slug FROM teams t JOIN team_members m ON m.team_id = t.id WHERE m.user_id = ? ORDER BY t.slug`, u.ID)
	if err != nil {
		return err
	}
	defer rows.Close()
	u.Teams = nil
	for rows.Next() {
		var s string
		if err := rows.Scan(&s); err != nil {
			return err
		}
		u.Teams = append(u.Teams, s)
	}
	return rows.Err()
}

// FindUserByEmail implements bearing.UserService.
func (s *UserService) FindUserByEmail(ctx context.Context, email string) (*bearing.User, error) {
	tx, err := s.db.BeginTx(ctx, false)
	if err != nil {
		return nil, err
	}
	defer tx.Rollback()
	return tx.findUser(ctx, "u.email = ?", bearing.NormalizeEmail(email))
}

// FindUserByID implements bearing.UserService.
func (s *UserService) FindUserByID(ctx context.Context, id int64) (*bearing.User, error) {
	tx, err := s.db.BeginTx(ctx, false)
	if err != nil {
		return nil, err
	}
	defer tx.Rollback()
	return tx.findUser(ctx, "u.id = ?", id)
}

// FindUsers implements bearing.UserService.
func (s *UserService) FindUsers(ctx context.Context) ([]*bearing.User, error) {
	tx, err := s.db.BeginTx(ctx, false)
	if err != nil {
		return nil, err
	}
	defer tx.Rollback()
	rows, err := tx.query(ctx, `SELECT `+userColumns+` FROM users u ORDER BY u.name, u.email`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []*bearing.User
	for rows.Next() {
		u, err := scanUser(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, u)
	}
	return out, rows.Err()
}

// Authenticate implements bearing.UserService. An unknown address costs as
// much time as a wrong password, so timing does not reveal who has an account.
func (s *UserService) Authenticate(ctx context.Context, email, password string) (*bearing.User, error) {
	fail := bearing.Errorf(bearing.EUNAUTHORIZED, "Wrong e-mail or password.")
	var id int64
	var hash string
	err := s.db.read.QueryRowContext(ctx, s.db.dialect.rebind(`SELECT id, password_hash FROM users WHERE email = ?`),
		bearing.NormalizeEmail(email)).Scan(&id, &hash)
	if errors.Is(err, sql.ErrNoRows) || (err == nil && hash == "") {
		auth.DummyCheck(password)
		return nil, fail
	} else if err != nil {
		return nil, err
	}
	if err := auth.CheckPassword(hash, password); err != nil {
		return nil, fail
	}
	return s.FindUserByID(ctx, id)
}

// CreateTeam implements bearing.UserService.
func (s *UserService) CreateTeam(ctx context.Context, t *bearing.Team) (err error) {
	defer wrap(&err, "create team")
	if err := t.Validate(); err != nil {
		return err
	}
	if err := requireAdmin(ctx); err != nil && !isSystem(ctx) {
		return err
	}
	tx, err := s.db.BeginTx(ctx, true)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	t.ID, err = tx.insertID(ctx, `INSERT INTO teams (slug, name) VALUES (?, ?)`, t.Slug, t.Name)
	if bearing.ErrorCode(err) == bearing.ECONFLICT {
		return &bearing.Error{Code: bearing.ECONFLICT, Message: "A team with that slug already exists.",
			Fields: []bearing.FieldError{{Field: "slug", Message: t.Slug + " is taken"}}}
	} else if err != nil {
		return err
	}
	if err := tx.insertEvent(ctx, "team", t.Slug, "created", "", []bearing.Change{{Field: "name", New: t.Name}}); err != nil {
		return err
	}
	return tx.Commit()
}

// AddTeamMember implements bearing.UserService.
func (s *UserService) AddTeamMember(ctx context.Context, slug, email string) error {
	if err := requireAdmin(ctx); err != nil && !isSystem(ctx) {
		return err
	}
	tx, err := s.db.BeginTx(ctx, true)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	var teamID int64
	if err := tx.queryRow(ctx, `SELECT id FROM teams WHERE slug = ?`, slug).Scan(&teamID); errors.Is(err, sql.ErrNoRows) {
		return bearing.Errorf(bearing.ENOTFOUND, "No team %q.", slug)
	} else if err != nil {
		return err
	}
	u, err := tx.findUser(ctx, "u.email = ?", bearing.NormalizeEmail(email))
	if err != nil {
		return err
	}
	if _, err := tx.exec(ctx, `INSERT INTO team_members (team_id, user_id) VALUES (?, ?) ON CONFLICT DO NOTHING`, teamID, u.ID); err != nil {
		return err
	}
	if err := tx.insertEvent(ctx, "team", slug, "member_added", "", []bearing.Change{{Field: "members", New: u.Email}}); err != nil {
		return err
	}
	return tx.Commit()
}

// FindTeams implements bearing.UserService.
func (s *UserService) FindTeams(ctx context.Context) ([]*bearing.Team, error) {
	tx, err := s.db.BeginTx(ctx, false)
	if err != nil {
		return nil, err
	}
	defer tx.Rollback()
	rows, err := tx.query(ctx, `SELECT t.id, t.slug, t.name, COALESCE(u.email, '') FROM teams t
		LEFT JOIN team_members m ON m.team_id = t.id LEFT JOIN users u ON u.id = m.user_id ORDER BY t.name, t.id, u.email`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []*bearing.Team
	for rows.Next() {
		var t bearing.Team
		var email string
		if err := rows.Scan(&t.ID, &t.Slug, &t.Name, &email); err != nil {
			return nil, err
		}
		if n := len(out); n == 0 || out[n-1].ID != t.ID {
			out = append(out, &t)
		}
		if email != "" {
			last := out[len(out)-1]
			last.Members = append(last.Members, email)
		}
	}
	return out, rows.Err()
}

// CreateSession implements bearing.UserService; expired sessions are swept
// on the way.
func (s *UserService) CreateSession(ctx context.Context, userID int64, ttl time.Duration) (string, error) {
	tx, err := s.db.BeginTx(ctx, true)
	if err != nil {
		return "", err
	}
	defer tx.Rollback()
	secret := auth.NewSecret("bst_")
	if _, err := tx.exec(ctx, `DELETE FROM sessions WHERE expires_at < ?`, tx.now); err != nil {
		return "", err
	}
	if _, err := tx.exec(ctx, `INSERT INTO sessions (hash, user_id, created_at, expires_at) VALUES (?, ?, ?, ?)`,
		auth.HashSecret(secret), userID, tx.now, tx.now.Add(ttl)); err != nil {
		return "", err
	}
	return secret, tx.Commit()
}

// FindSessionUser implements bearing.UserService.
func (s *UserService) FindSessionUser(ctx context.Context, secret string) (*bearing.User, error) {
	return s.findSecretUser(ctx, `SELECT `+userColumns+` FROM sessions s JOIN users u ON u.id = s.user_id
		WHERE s.hash = ? AND s.expires_at > ?`, auth.HashSecret(secret), s.db.Now())
}

func (s *UserService) findSecretUser(ctx context.Context, query string, args ...any) (*bearing.User, error) {
	tx, err := s.db.BeginTx(ctx, false)
	if err != nil {
		return nil, err
	}
	defer tx.Rollback()
	u, err := scanUser(tx.queryRow(ctx, query, args...))
	if errors.Is(err, sql.ErrNoRows) {
		return nil, bearing.Errorf(bearing.EUNAUTHORIZED, "Your session or token is invalid or has expired; sign in again.")
	} else if err != nil {
		return nil, err
	}
	return u, tx.loadUserTeams(ctx, u)
}

// DeleteSession implements bearing.UserService.
func (s *UserService) DeleteSession(ctx context.Context, secret string) error {
	_, err := s.db.write.ExecContext(ctx, s.db.dialect.rebind(`DELETE FROM sessions WHERE hash = ?`), auth.HashSecret(secret))
	return err
}

// CreateToken implements bearing.UserService. Users create their own tokens;
// admins (and the command line) create tokens for anyone.
func (s *UserService) CreateToken(ctx context.Context, userID int64, name string) (string, *bearing.Token, error) {
	name = strings.TrimSpace(name)
	if name == "" || len(name) > 100 {
		return "", nil, &bearing.Error{Code: bearing.EINVALID, Message: "name: is required (at most 100 characters)",
			Fields: []bearing.FieldError{{Field: "name", Message: "is required (at most 100 characters)"}}}
	}
	if u := bearing.UserFromContext(ctx); !isSystem(ctx) && (u == nil || (u.ID != userID && !u.Role.AtLeast(bearing.RoleAdmin))) {
		return "", nil, bearing.Errorf(bearing.EFORBIDDEN, "You may only create tokens for yourself.")
	}
	tx, err := s.db.BeginTx(ctx, true)
	if err != nil {
		return "", nil, err
	}
	defer tx.Rollback()
	secret := auth.NewSecret("brt_")
	t := &bearing.Token{UserID: userID, Name: name, CreatedAt: tx.now}
	if t.ID, err = tx.insertID(ctx, `INSERT INTO tokens (user_id, name, hash, created_at) VALUES (?, ?, ?, ?)`,
		userID, name, auth.HashSecret(secret), tx.now); err != nil {
		return "", nil, err
	}
	if err := tx.insertEvent(ctx, "token", strconv.FormatInt(t.ID, 10), "created", "",
		[]bearing.Change{{Field: "name", New: name}, {Field: "user_id", New: strconv.FormatInt(userID, 10)}}); err != nil {
		return "", nil, err
	}
	return secret, t, tx.Commit()
}

// FindTokenUser implements bearing.UserService. It records when a token was
// last used, at most once a minute, so admins can spot unused tokens without
// every API call becoming a write.
func (s *UserService) FindTokenUser(ctx context.Context, secret string) (*bearing.User, error) {
	hash := auth.HashSecret(secret)
	u, err := s.findSecretUser(ctx, `SELECT `+userColumns+` FROM tokens t JOIN users u ON u.id = t.user_id
		WHERE t.hash = ? AND t.revoked_at IS NULL`, hash)
	if err != nil {
		return nil, err
	}
	now := s.db.Now().UTC()
	q := s.db.dialect.rebind(`UPDATE tokens SET last_used_at = ? WHERE hash = ? AND (last_used_at IS NULL OR last_used_at < ?)`)
	if _, err := s.db.write.ExecContext(ctx, q, s.db.dialect.args([]any{now, hash, now.Add(-time.Minute)})...); err != nil {
		return nil, err
	}
	return u, nil
}

// FindTokens implements bearing.UserService.
func (s *UserService) FindTokens(ctx context.Context, userID int64) ([]*bearing.Token, error) {
	rows, err := s.db.read.QueryContext(ctx, s.db.dialect.rebind(`SELECT id, user_id, name, created_at, last_used_at, revoked_at
		FROM tokens WHERE user_id = ? ORDER BY id DESC`), userID)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []*bearing.Token
	for rows.Next() {
		var t bearing.Token
		if err := rows.Scan(&t.ID, &t.UserID, &t.Name, scanTime{&t.CreatedAt}, scanNullTime{&t.LastUsedAt}, scanNullTime{&t.RevokedAt}); err != nil {
			return nil, err
		}
		out = append(out, &t)
	}
	return out, rows.Err()
}

// RevokeToken implements bearing.UserService.
func (s *UserService) RevokeToken(ctx context.Context, id int64) error {
	tx, err := s.db.BeginTx(ctx, true)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	var owner int64
	if err := tx.queryRow(ctx, `SELECT user_id FROM tokens WHERE id = ?`, id).Scan(&owner); errors.Is(err, sql.ErrNoRows) {
		return bearing.Errorf(bearing.ENOTFOUND, "No token %d.", id)
	} else if err != nil {
		return err
	}
	if u := bearing.UserFromContext(ctx); !isSystem(ctx) && (u == nil || (u.ID != owner && !u.Role.AtLeast(bearing.RoleAdmin))) {
		return bearing.Errorf(bearing.ENOTFOUND, "No token %d.", id)
	}
	if _, err := tx.exec(ctx, `UPDATE tokens SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL`, tx.now, id); err != nil {
		return err
	}
	if err := tx.insertEvent(ctx, "token", strconv.FormatInt(id, 10), "revoked", "", nil); err != nil {
		return err
	}
	return tx.Commit()
}

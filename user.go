package bearing

import (
	"context"
	"net/mail"
	"strings"
	"time"
)

// Role is what a user may do across the organisation. Roles are ordered: each
// one may do everything the ones before it may.
type Role string

// The roles, weakest first.
const (
	RoleViewer Role = "viewer" // reads everything
	RoleMember Role = "member" // also writes the decisions they drive
	RoleDNA    Role = "dna"    // the design & architecture group: decides and edits anything
	RoleAdmin  Role = "admin"  // also manages people, teams and tokens
)

// Roles lists the valid roles, weakest first, for forms and help texts.
var Roles = []Role{RoleViewer, RoleMember, RoleDNA, RoleAdmin}

func (r Role) rank() int {
	for i, x := range Roles {
		if x == r {
			return i + 1
		}
	}
	return 0
}

// Valid reports whether r is one of Roles.
func (r Role) Valid() bool { return r.rank() > 0 }

// AtLeast reports whether r is as strong as min, so checks read
// `u.Role.AtLeast(RoleDNA)`.
func (r Role) AtLeast(min Role) bool { return r.rank() >= min.rank() && r.Valid() }

// User is a person (or a CI robot) known to Bearing.
type User struct {
	ID        int64     `json:"id"`
	Email     string    `json:"email"`
	Name      string    `json:"name"`
	Role      Role      `json:"role"`
	Teams     []string  `json:"teams,omitempty"` // team slugs
	CreatedAt time.Time `json:"created_at"`
}

// Validate normalises the e-mail address and checks every field.
func (u *User) Validate() error {
	var p Problems
	u.Email = NormalizeEmail(u.Email)
	u.Name = strings.TrimSpace(u.Name)
	if u.Email == "" {
		p.Add("email", "is required")
	} else if a, err := mail.ParseAddress(u.Email); err != nil || a.Address != u.Email {
		p.Add("email", "%q is not an e-mail address", u.Email)
	}
	if u.Name == "" {
		p.Add("name", "is required")
	} else if len(u.Name) > 200 {
		p.Add("name", "is longer than 200 characters")
	}
	if !u.Role.Valid() {
		p.Add("role", "%q is not a role; use one of viewer, member, dna, admin", u.Role)
	}
	return p.Err()
}

// NormalizeEmail lower-cases and trims an address so that look-ups never
// depend on how someone typed it.
func NormalizeEmail(s string) string { return strings.ToLower(strings.TrimSpace(s)) }

// Team is a group of users that owns repositories and decisions.
type Team struct {
	ID      int64    `json:"id"`
	Slug    string   `json:"slug"`
	Name    string   `json:"name"`
	Members []string `json:"members,omitempty"` // e-mail addresses
}

// Validate checks the slug and name.
func (t *Team) Validate() error {
	var p Problems
	t.Slug = strings.ToLower(strings.TrimSpace(t.Slug))
	t.Name = strings.TrimSpace(t.Name)
	if !validSlug(t.Slug) {
		p.Add("slug", "%q must be 1–64 lower-case letters, digits or dashes", t.Slug)
	}
	if t.Name == "" {
		p.Add("name", "is required")
	}
	return p.Err()
}

func validSlug(s string) bool {
	if s == "" || len(s) > 64 {
		return false
	}
	for _, r := range s {
		if !(r >= 'a' && r <= 'z' || r >= '0' && r <= '9' || r == '-') {
			return false
		}
	}
	return true
}

// Token is an API token's metadata; the secret itself is shown once, at
// creation, and only its hash is stored.
type Token struct {
	ID         int64      `json:"id"`
	UserID     int64      `json:"user_id"`
	Name       string     `json:"name"`
	CreatedAt  time.Time  `json:"created_at"`
	LastUsedAt *time.Time `json:"last_used_at,omitempty"`
	RevokedAt  *time.Time `json:"revoked_at,omitempty"`
}

// UserService manages people, teams, sessions and tokens.
type UserService interface {
	// CreateUser stores u with the given password (may be empty for a user
	// who signs in only with a token). Returns ECONFLICT if the e-mail is taken.
	CreateUser(ctx context.Context, u *User, password string) error
	// FindUserByEmail returns ENOTFOUND if no user has that address.
	FindUserByEmail(ctx context.Context, email string) (*User, error)
	// FindUserByID returns ENOTFOUND if no user has that id.
	FindUserByID(ctx context.Context, id int64) (*User, error)
	// FindUsers lists every user, by name.
	FindUsers(ctx context.Context) ([]*User, error)
	// Authenticate returns the user whose e-mail and password match, or
	// EUNAUTHORIZED without saying which of the two was wrong.
	Authenticate(ctx context.Context, email, password string) (*User, error)

	// CreateTeam stores t; ECONFLICT if the slug is taken.
	CreateTeam(ctx context.Context, t *Team) error
	// AddTeamMember adds the user to the team; adding twice is not an error.
	AddTeamMember(ctx context.Context, slug, email string) error
	// FindTeams lists every team with its members.
	FindTeams(ctx context.Context) ([]*Team, error)

	// CreateSession starts a session for the user and returns its secret.
	CreateSession(ctx context.Context, userID int64, ttl time.Duration) (string, error)
	// FindSessionUser returns the user of an unexpired session, or EUNAUTHORIZED.
	FindSessionUser(ctx context.Context, secret string) (*User, error)
	// DeleteSession ends a session; ending an unknown one is not an error.
	DeleteSession(ctx context.Context, secret string) error

	// CreateToken issues an API token for the user and returns its secret,
	// which is never stored.
	CreateToken(ctx context.Context, userID int64, name string) (string, *Token, error)
	// FindTokenUser returns the user of an unrevoked token, or EUNAUTHORIZED.
	FindTokenUser(ctx context.Context, secret string) (*User, error)
	// FindTokens lists a user's tokens, newest first.
	FindTokens(ctx context.Context, userID int64) ([]*Token, error)
	// RevokeToken revokes one of the caller's tokens (any token for admins).
	RevokeToken(ctx context.Context, id int64) error
}

type contextKey int

const userContextKey contextKey = 1

// NewContextWithUser returns ctx carrying the user on whose behalf work is
// done; services read it to check permissions and to record who changed what.
func NewContextWithUser(ctx context.Context, u *User) context.Context {
	return context.WithValue(ctx, userContextKey, u)
}

// UserFromContext returns the acting user, or nil for an anonymous caller.
func UserFromContext(ctx context.Context) *User {
	u, _ := ctx.Value(userContextKey).(*User)
	return u
}

package sqldb_test

import (
	"context"
	"os"
	"testing"
	"time"

	"github.com/bearingorg/bearing"
	"github.com/bearingorg/bearing/sqldb"
	"github.com/bearingorg/bearing/sqldb/sqldbtest"
)

func TestMain(m *testing.M) {
	code := m.Run()
	sqldbtest.Cleanup()
	os.Exit(code)
}

// fixture is a database with an admin, a DNA reviewer, a member and a viewer.
type fixture struct {
	db                         *sqldb.DB
	users                      *sqldb.UserService
	decisions                  *sqldb.DecisionService
	admin, dna, member, viewer *bearing.User
}

func newFixture(t *testing.T, db *sqldb.DB) *fixture {
	t.Helper()
	f := &fixture{db: db, users: sqldb.NewUserService(db), decisions: sqldb.NewDecisionService(db)}
	sys := sqldb.SystemContext(context.Background())
	mk := func(email, name string, role bearing.Role) *bearing.User {
		u := &bearing.User{Email: email, Name: name, Role: role}
		if err := f.users.CreateUser(sys, u, "password-"+email); err != nil {
			t.Fatalf("create %s: %v", email, err)
		}
		return u
	}
	f.admin = mk("ada@example.com", "Ada Admin", bearing.RoleAdmin)
	f.dna = mk("dan@example.com", "Dan Architect", bearing.RoleDNA)
	f.member = mk("mia@example.com", "Mia Member", bearing.RoleMember)
	f.viewer = mk("vic@example.com", "Vic Viewer", bearing.RoleViewer)
	if err := f.users.CreateTeam(sys, &bearing.Team{Slug: "payments", Name: "Payments"}); err != nil {
		t.Fatal(err)
	}
	if err := f.users.AddTeamMember(sys, "payments", f.member.Email); err != nil {
		t.Fatal(err)
	}
	return f
}

func as(u *bearing.User) context.Context {
	return bearing.NewContextWithUser(context.Background(), u)
}

func (f *fixture) create(t *testing.T, u *bearing.User, d *bearing.Decision) *bearing.Decision {
	t.Helper()
	if err := f.decisions.CreateDecision(as(u), d); err != nil {
		t.Fatalf("create %q: %v", d.Title, err)
	}
	return d
}

func wantCode(t *testing.T, err error, code string) {
	t.Helper()
	if got := bearing.ErrorCode(err); got != code {
		t.Fatalf("error code = %q (%v), want %q", got, err, code)
	}
}

func TestUsers(t *testing.T) {
	sqldbtest.Each(t, func(t *testing.T, db *sqldb.DB) {
		f := newFixture(t, db)
		ctx := context.Background()
		t.Run("DuplicateEmail", func(t *testing.T) {
			err := f.users.CreateUser(as(f.admin), &bearing.User{Email: "ADA@example.com ", Name: "Other", Role: bearing.RoleViewer}, "")
			wantCode(t, err, bearing.ECONFLICT)
		})
		t.Run("OnlyAdminsCreateUsers", func(t *testing.T) {
			err := f.users.CreateUser(as(f.dna), &bearing.User{Email: "new@example.com", Name: "New", Role: bearing.RoleAdmin}, "")
			wantCode(t, err, bearing.EFORBIDDEN)
		})
		t.Run("Authenticate", func(t *testing.T) {
			u, err := f.users.Authenticate(ctx, "Mia@Example.com", "password-mia@example.com")
			if err != nil || u.ID != f.member.ID || len(u.Teams) != 1 || u.Teams[0] != "payments" {
				t.Fatalf("Authenticate = %+v, %v", u, err)
			}
			_, err = f.users.Authenticate(ctx, "mia@example.com", "wrong password")
			wantCode(t, err, bearing.EUNAUTHORIZED)
			_, err = f.users.Authenticate(ctx, "nobody@example.com", "whatever")
			wantCode(t, err, bearing.EUNAUTHORIZED)
		})
		t.Run("Sessions", func(t *testing.T) {
			secret, err := f.users.CreateSession(ctx, f.member.ID, time.Hour)
			if err != nil {
				t.Fatal(err)
			}
			if u, err := f.users.FindSessionUser(ctx, secret); err != nil || u.Email != f.member.Email {
				t.Fatalf("FindSessionUser = %v, %v", u, err)
			}
			if err := f.users.DeleteSession(ctx, secret); err != nil {
				t.Fatal(err)
			}
			_, err = f.users.FindSessionUser(ctx, secret)
			wantCode(t, err, bearing.EUNAUTHORIZED)
			expired, _ := f.users.CreateSession(ctx, f.member.ID, -time.Minute)
			_, err = f.users.FindSessionUser(ctx, expired)
			wantCode(t, err, bearing.EUNAUTHORIZED)
		})
		t.Run("Tokens", func(t *testing.T) {
			secret, tok, err := f.users.CreateToken(as(f.member), f.member.ID, "ci")
			if err != nil {
				t.Fatal(err)
			}
			if u, err := f.users.FindTokenUser(ctx, secret); err != nil || u.ID != f.member.ID {
				t.Fatalf("FindTokenUser = %v, %v", u, err)
			}
			if toks, _ := f.users.FindTokens(ctx, f.member.ID); len(toks) != 1 || toks[0].LastUsedAt == nil {
				t.Fatalf("last use not recorded: %+v", toks)
			}
			_, _, err = f.users.CreateToken(as(f.member), f.dna.ID, "steal")
			wantCode(t, err, bearing.EFORBIDDEN)
			wantCode(t, f.users.RevokeToken(as(f.viewer), tok.ID), bearing.ENOTFOUND)
			if err := f.users.RevokeToken(as(f.member), tok.ID); err != nil {
				t.Fatal(err)
			}
			_, err = f.users.FindTokenUser(ctx, secret)
			wantCode(t, err, bearing.EUNAUTHORIZED)
			toks, _ := f.users.FindTokens(ctx, f.member.ID)
			if len(toks) != 1 || toks[0].RevokedAt == nil {
				t.Fatalf("tokens after revoke = %+v", toks)
			}
		})
		t.Run("Teams", func(t *testing.T) {
			teams, err := f.users.FindTeams(ctx)
			if err != nil || len(teams) != 1 || len(teams[0].Members) != 1 || teams[0].Members[0] != f.member.Email {
				t.Fatalf("FindTeams = %+v, %v", teams, err)
			}
		})
	})
}

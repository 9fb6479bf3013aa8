package demo_test

import (
	"context"
	"os"
	"testing"
	"time"

	"github.com/bearingorg/bearing"
	"github.com/bearingorg/bearing/demo"
	"github.com/bearingorg/bearing/sqldb"
	"github.com/bearingorg/bearing/sqldb/sqldbtest"
)

func TestMain(m *testing.M) {
	code := m.Run()
	sqldbtest.Cleanup()
	os.Exit(code)
}

// services returns the demo's services over db, with SetClock driving the
// database's clock the way `bearing serve --demo` does.
func services(db *sqldb.DB) demo.Services {
	return demo.Services{
		Users:        sqldb.NewUserService(db),
		Decisions:    sqldb.NewDecisionService(db),
		Technologies: sqldb.NewTechnologyService(db),
		Guidelines:   sqldb.NewGuidelineService(db),
		Exceptions:   sqldb.NewExceptionService(db),
		SetClock: func(t time.Time) {
			db.Now = func() time.Time {
				if t.IsZero() {
					return bearing.Now()
				}
				return t
			}
		},
	}
}

func TestSeed(t *testing.T) {
	sqldbtest.Each(t, func(t *testing.T, db *sqldb.DB) {
		ctx := sqldb.SystemContext(context.Background())
		svc := services(db)
		now := time.Now().UTC()
		start := time.Now()
		res, err := demo.Seed(ctx, svc, now)
		if err != nil {
			t.Fatal(err)
		}
		t.Logf("seeded %d users, %d teams, %d decisions, %d technologies, %d editions, %d guidelines, %d exceptions in %v",
			res.Users, res.Teams, res.Decisions, res.Technologies, res.Editions, res.Guidelines, res.Exceptions, time.Since(start))
		if db.Now().Sub(now) < 0 || db.Now().Sub(now) > time.Minute {
			t.Errorf("the clock was not restored: db.Now() = %v", db.Now())
		}

		t.Run("SignIn", func(t *testing.T) {
			u, err := svc.Users.Authenticate(ctx, res.AdminEmail, demo.Password)
			if err != nil || u.Role != bearing.RoleAdmin || res.AdminPassword != demo.Password {
				t.Fatalf("Authenticate(%s) = %+v, %v", res.AdminEmail, u, err)
			}
			if u, err := svc.Users.FindTokenUser(ctx, res.Token); err != nil || u.Email != res.AdminEmail {
				t.Fatalf("FindTokenUser = %+v, %v", u, err)
			}
			users, _ := svc.Users.FindUsers(ctx)
			teams, _ := svc.Users.FindTeams(ctx)
			if len(users) != res.Users || len(users) < 20 || len(teams) != res.Teams || len(teams) < 5 {
				t.Fatalf("%d users and %d teams stored, result says %d and %d", len(users), len(teams), res.Users, res.Teams)
			}
		})

		page, err := svc.Decisions.FindDecisions(ctx, bearing.DecisionFilter{Limit: bearing.MaxPageSize})
		if err != nil {
			t.Fatal(err)
		}
		ds := page.Decisions
		byKey := map[string]*bearing.Decision{}
		for _, d := range ds {
			byKey[d.Key()] = d
		}

		t.Run("Decisions", func(t *testing.T) {
			if len(ds) < 40 || page.Total != len(ds) || res.Decisions != len(ds) {
				t.Fatalf("%d decisions (total %d), result says %d; want at least 40", len(ds), page.Total, res.Decisions)
			}
			seen := map[bearing.Status]int{}
			oldest, newest := now, time.Time{}
			incomplete, overdue := 0, 0
			for _, d := range ds {
				seen[d.Status]++
				if d.CreatedAt.Before(oldest) {
					oldest = d.CreatedAt
				}
				if d.CreatedAt.After(newest) {
					newest = d.CreatedAt
				}
				if d.Incomplete() != "" {
					incomplete++
				}
				if d.RevisitDue(bearing.DateOf(now)) {
					overdue++
				}
				if d.ExecutiveSummary == "" || d.Context == "" || len(d.Options) < 2 || len(d.Tags) == 0 {
					t.Errorf("%s %q lacks content", d.Key(), d.Title)
				}
				if d.UpdatedAt.After(now) || d.UpdatedAt.Before(d.CreatedAt) {
					t.Errorf("%s updated at %v, created at %v", d.Key(), d.UpdatedAt, d.CreatedAt)
				}
			}
			for _, s := range bearing.Statuses {
				if seen[s] == 0 {
					t.Errorf("no %s decision", s)
				}
			}
			t.Logf("statuses: %v; %d incomplete, %d due for review", seen, incomplete, overdue)
			if incomplete == 0 {
				t.Error("no accepted decision is missing a sign-off")
			}
			if overdue == 0 {
				t.Error("no decision is due for review")
			}
			if span := newest.Sub(oldest); span < 912*24*time.Hour {
				t.Errorf("decisions span only %v", span)
			}
			if seen[bearing.StatusAccepted] < 2*incomplete {
				t.Errorf("%d of %d accepted decisions are incomplete; most should be signed", incomplete, seen[bearing.StatusAccepted])
			}
		})

		t.Run("SupersedeChains", func(t *testing.T) {
			longest := 0
			for _, d := range ds {
				if len(d.Supersedes) > 0 {
					continue // not the start of a chain
				}
				n := 0
				for cur := d; len(cur.SupersededBy) > 0; cur = byKey[cur.SupersededBy[0]] {
					n++
					if cur.Status != bearing.StatusSuperseded {
						t.Errorf("%s is superseded by %v but %s", cur.Key(), cur.SupersededBy, cur.Status)
					}
				}
				longest = max(longest, n)
			}
			if longest < 3 {
				t.Errorf("longest supersede chain has %d supersessions, want 3", longest)
			}
		})

		t.Run("History", func(t *testing.T) {
			for _, d := range ds {
				if d.Status != bearing.StatusAccepted || d.Incomplete() != "" {
					continue
				}
				for _, o := range d.Owners {
					if o.AcceptedAt == nil || o.AcceptedAt.Before(d.CreatedAt) || o.AcceptedAt.After(now) {
						t.Errorf("%s: %s signed at %v", d.Key(), o.Email, o.AcceptedAt)
					}
				}
				evs, err := svc.Decisions.DecisionHistory(ctx, d.Key())
				if err != nil {
					t.Fatal(err)
				}
				if len(evs) < 3 {
					t.Errorf("%s has %d events, want creation, acceptance and sign-offs", d.Key(), len(evs))
				}
				for i := 1; i < len(evs); i++ {
					if evs[i].At.Before(evs[i-1].At) {
						t.Errorf("%s: event %d at %v precedes event %d at %v", d.Key(), i, evs[i].At, i-1, evs[i-1].At)
					}
				}
			}
		})

		t.Run("Radar", func(t *testing.T) { testRadar(t, ctx, svc, res) })
		t.Run("Guidelines", func(t *testing.T) { testGuidelines(t, ctx, svc, res) })
		t.Run("Exceptions", func(t *testing.T) { testExceptions(t, ctx, svc, res, now) })
		t.Run("Policy", func(t *testing.T) { testPolicy(t, ctx, db) })

		t.Run("SecondSeedConflicts", func(t *testing.T) {
			_, err := demo.Seed(ctx, svc, now)
			if bearing.ErrorCode(err) != bearing.ECONFLICT {
				t.Fatalf("second Seed = %v, want a conflict", err)
			}
		})
	})
}

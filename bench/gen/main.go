// Command gen fills a Bearing database with realistic-looking decisions for
// benchmarks: varied titles and bodies, statuses, tags, owners among about
// 200 generated people, revisit dates and supersede links.
//
//	go run ./bench/gen --database bench.db --decisions 100000 [--seed 1]
//
// It writes through the storage layer (DecisionService.ImportDecisions, one
// transaction per batch of 1,000) and continues numbering after the highest
// existing decision, so it can add to a database that already has data. It
// also creates the admin bench@example.com (password bench-password) and
// prints a fresh API token for it on the last line of stdout.
package main

import (
	"context"
	"flag"
	"fmt"
	"math/rand/v2"
	"os"
	"time"

	"github.com/bearingorg/bearing"
	"github.com/bearingorg/bearing/bench/internal/vocab"
	"github.com/bearingorg/bearing/sqldb"
)

// The admin whose token the benchmarks use.
const (
	AdminEmail    = "bench@example.com"
	AdminPassword = "bench-password"
)

func main() {
	database := flag.String("database", "bearing.db", "SQLite file path or postgres:// URL")
	count := flag.Int("decisions", 100_000, "how many decisions to add")
	seed := flag.Uint64("seed", 1, "random seed; the same seed writes the same records")
	users := flag.Int("users", 200, "how many people to generate")
	batch := flag.Int("batch", 1000, "decisions per transaction")
	flag.Parse()
	if *count < 0 || *batch < 1 || *users < 1 {
		fmt.Fprintln(os.Stderr, "gen: --decisions must be ≥ 0, --batch and --users ≥ 1")
		os.Exit(2)
	}
	if err := run(context.Background(), *database, *count, *users, *batch, *seed); err != nil {
		fmt.Fprintln(os.Stderr, "gen:", err)
		os.Exit(1)
	}
}

func run(ctx context.Context, dsn string, count, nUsers, batch int, seed uint64) error {
	db := sqldb.New(dsn)
	if err := db.Open(ctx); err != nil {
		return err
	}
	defer db.Close()
	sys := sqldb.SystemContext(ctx)
	userSvc, decSvc := sqldb.NewUserService(db), sqldb.NewDecisionService(db)
	rng := rand.New(rand.NewPCG(seed, seed^0x9e3779b97f4a7c15))

	start := time.Now()
	people, err := createPeople(sys, userSvc, rng, nUsers)
	if err != nil {
		return err
	}
	fmt.Printf("%d people in %d teams ready in %s\n", len(people), len(vocab.Teams), time.Since(start).Round(time.Millisecond))

	page, err := decSvc.FindDecisions(sys, bearing.DecisionFilter{Limit: 1})
	if err != nil {
		return err
	}
	first := 1
	if len(page.Decisions) > 0 {
		first = page.Decisions[0].Number + 1
	}
	m := &maker{rng: rng, people: people}
	for _, p := range people {
		if p.role == bearing.RoleDNA {
			m.dna = append(m.dna, p)
		}
	}
	fmt.Printf("adding %d decisions from DEC-%d in batches of %d\n", count, first, batch)
	start = time.Now()
	last := start
	for done := 0; done < count; {
		n := min(batch, count-done)
		if err := decSvc.ImportDecisions(sys, m.batch(first+done, n)); err != nil {
			return fmt.Errorf("batch at DEC-%d: %w", first+done, err)
		}
		done += n
		if time.Since(last) >= 2*time.Second || done == count {
			last = time.Now()
			el := time.Since(start)
			fmt.Printf("  %7d / %d decisions  %6.1fs  %6.0f/s\n", done, count, el.Seconds(), float64(done)/el.Seconds())
		}
	}
	el := time.Since(start)
	fmt.Printf("generated %d decisions (DEC-%d..DEC-%d) in %.1fs: %.0f decisions/s\n",
		count, first, first+count-1, el.Seconds(), float64(count)/max(el.Seconds(), 1e-9))

	token, err := adminToken(sys, userSvc)
	if err != nil {
		return err
	}
	fmt.Printf("admin: %s / %s; API token on the next line\n", AdminEmail, AdminPassword)
	fmt.Println(token)
	return nil
}

// createPeople creates the teams and n people (without passwords, so no
// hashing), each in one team. People and teams that exist already, from an
// earlier run with the same seed, are reused.
func createPeople(ctx context.Context, users bearing.UserService, rng *rand.Rand, n int) ([]person, error) {
	for _, t := range vocab.Teams {
		err := users.CreateTeam(ctx, &bearing.Team{Slug: t[0], Name: t[1]})
		if err != nil && bearing.ErrorCode(err) != bearing.ECONFLICT {
			return nil, err
		}
	}
	seen := map[string]bool{}
	people := make([]person, 0, n)
	for i := 0; len(people) < n; i++ {
		first, last := pick(rng, vocab.FirstNames), pick(rng, vocab.LastNames)
		email := first + "." + last + "@example.com"
		if seen[email] {
			email = fmt.Sprintf("%s.%s%d@example.com", first, last, i)
		}
		seen[email] = true
		p := person{email: email, name: capital(first) + " " + capital(last), role: bearing.RoleMember}
		switch x := rng.IntN(100); {
		case x < 12:
			p.role = bearing.RoleDNA
		case x < 18:
			p.role = bearing.RoleViewer
		}
		if len(people) == 0 {
			p.role = bearing.RoleDNA // deciders need at least one
		}
		team := pick(rng, vocab.Teams)[0]
		err := users.CreateUser(ctx, &bearing.User{Email: p.email, Name: p.name, Role: p.role}, "")
		if err != nil && bearing.ErrorCode(err) != bearing.ECONFLICT {
			return nil, err
		}
		if err == nil {
			if err := users.AddTeamMember(ctx, team, p.email); err != nil {
				return nil, err
			}
		}
		people = append(people, p)
	}
	return people, nil
}

// adminToken makes sure the bench admin exists and issues a new token.
func adminToken(ctx context.Context, users bearing.UserService) (string, error) {
	u := &bearing.User{Email: AdminEmail, Name: "Bench Admin", Role: bearing.RoleAdmin}
	err := users.CreateUser(ctx, u, AdminPassword)
	if bearing.ErrorCode(err) == bearing.ECONFLICT {
		if u, err = users.FindUserByEmail(ctx, AdminEmail); err != nil {
			return "", err
		}
	} else if err != nil {
		return "", err
	}
	token, _, err := users.CreateToken(ctx, u.ID, "bench "+time.Now().UTC().Format(time.RFC3339))
	return token, err
}

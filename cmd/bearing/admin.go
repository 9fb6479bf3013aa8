package main

import (
	"bufio"
	"context"
	"fmt"
	"sort"
	"strings"

	"github.com/bearingorg/bearing"
	"github.com/bearingorg/bearing/auth"
	"github.com/bearingorg/bearing/sqldb"
)

// openDB opens (and migrates) the database a command works on directly.
func openDB(ctx context.Context, dsn string) (*sqldb.DB, error) {
	db := sqldb.New(dsn)
	if err := db.Open(ctx); err != nil {
		return nil, fmt.Errorf("open %s: %w", redact(dsn), err)
	}
	return db, nil
}

func runMigrate(ctx context.Context, env *Env, args []string) error {
	fs := newFlagSet(env, "migrate")
	database := databaseFlag(fs, env)
	status := fs.Bool("status", false, "list migrations and whether each is applied, without applying any")
	if err := parse(fs, args); err != nil {
		return err
	}
	db := sqldb.New(*database)
	if err := db.Connect(ctx); err != nil {
		return err
	}
	defer db.Close()
	if !*status {
		if err := db.Migrate(ctx); err != nil {
			return err
		}
	}
	st, err := db.MigrationStatus(ctx)
	if err != nil {
		return err
	}
	names := make([]string, 0, len(st))
	for n := range st {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, n := range names {
		mark := "applied"
		if !st[n] {
			mark = "pending"
		}
		fmt.Fprintf(env.Stdout, "%-8s %s\n", mark, n)
	}
	return nil
}

func runUserCreate(ctx context.Context, env *Env, args []string) error {
	fs := newFlagSet(env, "user create")
	database := databaseFlag(fs, env)
	email := fs.String("email", "", "e-mail address (required)")
	name := fs.String("name", "", "display name (required)")
	role := fs.String("role", "member", "viewer, member, dna or admin")
	team := fs.String("team", "", "slug of a team to add the user to (created if missing)")
	if err := parse(fs, args); err != nil {
		return err
	}
	if *email == "" || *name == "" {
		return usagef("--email and --name are required")
	}
	password, generated, err := readPassword(env)
	if err != nil {
		return err
	}
	db, err := openDB(ctx, *database)
	if err != nil {
		return err
	}
	defer db.Close()
	users := sqldb.NewUserService(db)
	sys := sqldb.SystemContext(ctx)
	u := &bearing.User{Email: *email, Name: *name, Role: bearing.Role(*role)}
	if err := users.CreateUser(sys, u, password); err != nil {
		return err
	}
	if *team != "" {
		t := &bearing.Team{Slug: *team, Name: *team}
		if err := users.CreateTeam(sys, t); err != nil && bearing.ErrorCode(err) != bearing.ECONFLICT {
			return err
		}
		if err := users.AddTeamMember(sys, *team, u.Email); err != nil {
			return err
		}
	}
	fmt.Fprintf(env.Stderr, "Created %s <%s> as %s.\n", u.Name, u.Email, u.Role)
	if generated {
		fmt.Fprintf(env.Stderr, "Generated password (shown once):\n")
		fmt.Fprintln(env.Stdout, password)
	}
	return nil
}

// readPassword takes the password from the first line of stdin when stdin is
// not a terminal, and otherwise generates one.
func readPassword(env *Env) (password string, generated bool, err error) {
	if isTerminal(env.Stdin) || env.Stdin == nil {
		return auth.GeneratePassword(), true, nil
	}
	line, err := bufio.NewReader(env.Stdin).ReadString('\n')
	if err != nil && line == "" {
		return auth.GeneratePassword(), true, nil
	}
	return strings.TrimRight(line, "\r\n"), false, nil
}

func runTokenCreate(ctx context.Context, env *Env, args []string) error {
	fs := newFlagSet(env, "token create")
	database := databaseFlag(fs, env)
	email := fs.String("user", "", "e-mail of the user the token acts for (required)")
	name := fs.String("name", "", "what the token is for, e.g. \"ci-payments\" (required)")
	if err := parse(fs, args); err != nil {
		return err
	}
	if *email == "" || *name == "" {
		return usagef("--user and --name are required")
	}
	db, err := openDB(ctx, *database)
	if err != nil {
		return err
	}
	defer db.Close()
	users := sqldb.NewUserService(db)
	u, err := users.FindUserByEmail(ctx, *email)
	if err != nil {
		return err
	}
	secret, _, err := users.CreateToken(sqldb.SystemContext(ctx), u.ID, *name)
	if err != nil {
		return err
	}
	fmt.Fprintln(env.Stdout, secret)
	return nil
}

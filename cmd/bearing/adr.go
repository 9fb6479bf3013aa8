package main

import (
	"context"
	"fmt"
	"time"

	"github.com/bearingorg/bearing"
	"github.com/bearingorg/bearing/adr"
	"github.com/bearingorg/bearing/sqldb"
)

func runImportADR(ctx context.Context, env *Env, args []string) error {
	fs := newFlagSet(env, "import adr")
	database := databaseFlag(fs, env)
	dryRun := fs.Bool("dry-run", false, "parse and report, change nothing")
	if err := parse(fs, reorder(args)); err != nil {
		return err
	}
	if fs.NArg() != 1 {
		return usagef("name the directory that holds the ADR files")
	}
	start := time.Now()
	ds, problems, err := adr.ReadDir(fs.Arg(0))
	if err != nil {
		return err
	}
	for _, p := range problems {
		fmt.Fprintln(env.Stderr, p.Error())
	}
	if *dryRun {
		for _, d := range ds {
			fmt.Fprintf(env.Stdout, "would import %-8s %-10s %s (%s)\n", d.Key(), d.Status, d.Title, d.Source)
		}
		fmt.Fprintf(env.Stderr, "Dry run: %d records would be imported, %d files skipped.\n", len(ds), len(problems))
		return skipped(problems)
	}
	db, err := openDB(ctx, *database)
	if err != nil {
		return err
	}
	defer db.Close()
	if len(ds) > 0 {
		if err := sqldb.NewDecisionService(db).ImportDecisions(sqldb.SystemContext(ctx), ds); err != nil {
			return err
		}
	}
	fmt.Fprintf(env.Stderr, "Imported %d decisions in %s; %d files skipped.\n", len(ds), time.Since(start).Round(time.Millisecond), len(problems))
	return skipped(problems)
}

// skipped fails the command when some files could not be read, after the
// rest were handled, so scripts notice.
func skipped(problems []adr.Problem) error {
	if len(problems) > 0 {
		return fmt.Errorf("%d files were skipped (see above)", len(problems))
	}
	return nil
}

func runExportADR(ctx context.Context, env *Env, args []string) error {
	fs := newFlagSet(env, "export adr")
	database := databaseFlag(fs, env)
	if err := parse(fs, reorder(args)); err != nil {
		return err
	}
	if fs.NArg() != 1 {
		return usagef("name the directory to write the ADR files into")
	}
	db, err := openDB(ctx, *database)
	if err != nil {
		return err
	}
	defer db.Close()
	ds, err := allDecisions(ctx, sqldb.NewDecisionService(db))
	if err != nil {
		return err
	}
	paths, err := adr.WriteDir(fs.Arg(0), ds)
	if err != nil {
		return err
	}
	fmt.Fprintf(env.Stderr, "Wrote %d MADR files to %s.\n", len(paths), fs.Arg(0))
	return nil
}

// allDecisions pages through the whole log.
func allDecisions(ctx context.Context, svc bearing.DecisionService) ([]*bearing.Decision, error) {
	var out []*bearing.Decision
	f := bearing.DecisionFilter{Limit: bearing.MaxPageSize}
	for {
		page, err := svc.FindDecisions(ctx, f)
		if err != nil {
			return nil, err
		}
		out = append(out, page.Decisions...)
		if page.NextCursor == "" {
			return out, nil
		}
		f.Cursor = page.NextCursor
	}
}

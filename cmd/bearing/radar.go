package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/bearingorg/bearing"
	"github.com/bearingorg/bearing/radarfmt"
	"github.com/bearingorg/bearing/sqldb"
)

func formatFlagHelp() string {
	return "one of " + strings.Join(radarfmt.Formats, ", ")
}

// readRadar reads a radar file (or, for aoe, a folder) in the given format.
func readRadar(format, path string) (*radarfmt.Radar, error) {
	if format == "aoe" {
		return radarfmt.ReadAOE(os.DirFS(path))
	}
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	read := map[string]func(io.Reader) (*radarfmt.Radar, error){"zalando": radarfmt.ReadZalando, "byor-csv": radarfmt.ReadBYORCSV,
		"byor-json": radarfmt.ReadBYORJSON, "backstage": radarfmt.ReadBackstage}[format]
	if read == nil {
		return nil, usagef("--format %q: use %s", format, formatFlagHelp())
	}
	rd, err := read(f)
	if p, ok := err.(radarfmt.Problem); ok && p.Path == "" {
		p.Path = path
		return nil, p
	}
	return rd, err
}

func runImportRadar(ctx context.Context, env *Env, args []string) error {
	fs := newFlagSet(env, "import radar")
	database := databaseFlag(fs, env)
	format := fs.String("format", "", "file format: "+formatFlagHelp()+" (required)")
	dryRun := fs.Bool("dry-run", false, "read and report, change nothing")
	if err := parse(fs, reorder(args)); err != nil {
		return err
	}
	if fs.NArg() != 1 || *format == "" {
		return usagef("name the file (or, for aoe, the folder) and its --format")
	}
	rd, err := readRadar(*format, fs.Arg(0))
	if err != nil {
		return err
	}
	if *dryRun {
		for _, t := range rd.Technologies {
			fmt.Fprintf(env.Stdout, "would import %-30s %-28s %-8s (%d moves)\n", t.Name, t.Quadrant, t.Ring, len(t.Moves))
		}
		fmt.Fprintf(env.Stderr, "Dry run: %d technologies, %d editions.\n", len(rd.Technologies), len(rd.Editions))
		return nil
	}
	db, err := openDB(ctx, *database)
	if err != nil {
		return err
	}
	defer db.Close()
	svc, sys := sqldb.NewTechnologyService(db), sqldb.SystemContext(ctx)
	existing, err := svc.FindTechnologies(ctx, bearing.TechnologyFilter{})
	if err != nil {
		return err
	}
	if len(existing) == 0 { // an empty radar takes the file's rings and quadrants
		if err := svc.SetRadarConfig(sys, &rd.Config); err != nil {
			return err
		}
	}
	if err := svc.ImportTechnologies(sys, rd.Technologies); err != nil {
		return err
	}
	for _, e := range rd.Editions {
		if err := svc.ImportEdition(sys, e); err != nil {
			return fmt.Errorf("edition %s: %w", e.Name, err)
		}
	}
	fmt.Fprintf(env.Stderr, "Imported %d technologies and %d editions.\n", len(rd.Technologies), len(rd.Editions))
	return nil
}

func runExportRadar(ctx context.Context, env *Env, args []string) error {
	fs := newFlagSet(env, "export radar")
	database := databaseFlag(fs, env)
	format := fs.String("format", "", "file format: "+formatFlagHelp()+" (required)")
	if err := parse(fs, reorder(args)); err != nil {
		return err
	}
	if fs.NArg() != 1 || *format == "" {
		return usagef("name the file (or, for aoe, the folder; - for stdout) and its --format")
	}
	db, err := openDB(ctx, *database)
	if err != nil {
		return err
	}
	defer db.Close()
	rd, err := radarfmt.Load(ctx, sqldb.NewTechnologyService(db))
	if err != nil {
		return err
	}
	if *format == "aoe" {
		return radarfmt.WriteAOE(fs.Arg(0), rd)
	}
	write := map[string]func(io.Writer, *radarfmt.Radar) error{"zalando": radarfmt.WriteZalando, "byor-csv": radarfmt.WriteBYORCSV,
		"byor-json": radarfmt.WriteBYORJSON, "backstage": radarfmt.WriteBackstage}[*format]
	if write == nil {
		return usagef("--format %q: use %s", *format, formatFlagHelp())
	}
	w := env.Stdout
	if fs.Arg(0) != "-" {
		f, err := os.Create(fs.Arg(0))
		if err != nil {
			return err
		}
		defer f.Close()
		w = f
	}
	return write(w, rd)
}

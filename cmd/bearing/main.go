// Command bearing is Bearing in one binary: the server (`bearing serve`),
// its administration on the database file (`migrate`, `user`, `token`,
// `import`, `export`) and the client teams use from their terminals and CI
// (`decision`).
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"sort"
	"strings"
	"syscall"

	"github.com/bearingorg/bearing"
)

// command is one subcommand: its usage line, a one-line summary for
// `bearing help`, and the function that runs it.
type command struct {
	usage   string
	summary string
	run     func(ctx context.Context, env *Env, args []string) error
}

// Env is what a command reads and writes besides its arguments, so tests
// can run the real program without a shell.
type Env struct {
	Stdin          io.Reader
	Stdout, Stderr io.Writer
	Getenv         func(string) string
}

// commands is filled in init, because the commands' own help reads it.
var commands map[string]command

func init() {
	commands = map[string]command{
		"serve":         {"serve [flags]", "run the web application and API", runServe},
		"migrate":       {"migrate [flags]", "apply pending database migrations", runMigrate},
		"user create":   {"user create --email E --name N --role R [flags]", "create a user (password from stdin, or generated)", runUserCreate},
		"token create":  {"token create --user EMAIL --name NAME [flags]", "issue an API token; prints only the token", runTokenCreate},
		"decision list": {"decision list [--q TEXT] [--status S] [--tag T] [--owner E] [flags]", "list or search decisions on a server", runDecisionList},
		"decision show": {"decision show DEC-N [flags]", "show one decision", runDecisionShow},
		"decision new":  {"decision new --title T [flags]", "create a decision (fields from flags or a JSON file)", runDecisionNew},
		"import adr":    {"import adr DIR [--dry-run] [flags]", "import ADR Markdown files (MADR, Nygard/adr-tools, log4brains)", runImportADR},
		"export adr":    {"export adr DIR [flags]", "export every decision as MADR 4 files", runExportADR},
		"check":         {"check [DIR] [flags]", "check a repository against the radar, guidelines and exceptions (for CI)", runCheck},
		"ask":           {"ask X [--policy FILE] [flags]", "can I use X? answered from the radar, guidelines and decisions", runAsk},
		"policy export": {"policy export [--output FILE] [flags]", "write the policy document for offline check and ask", runPolicyExport},
		"import radar":  {"import radar --format F PATH [--dry-run] [flags]", "import a radar: Zalando, Thoughtworks BYOR, Backstage or AOE", runImportRadar},
		"export radar":  {"export radar --format F PATH [flags]", "export the radar with its history in one of those formats", runExportRadar},
		"version":       {"version", "print the version", runVersion},
	}
}

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	env := &Env{Stdin: os.Stdin, Stdout: os.Stdout, Stderr: os.Stderr, Getenv: os.Getenv}
	os.Exit(Run(ctx, env, os.Args[1:]))
}

// Run runs the command line args and returns the exit code: 0 success,
// 1 failure, 2 usage error.
func Run(ctx context.Context, env *Env, args []string) int {
	if len(args) == 0 || args[0] == "help" || args[0] == "-h" || args[0] == "--help" {
		if len(args) > 1 {
			return Run(ctx, env, append(args[1:], "--help"))
		}
		usage(env.Stdout)
		return 0
	}
	name, rest := args[0], args[1:]
	if _, ok := commands[name]; !ok && len(args) > 1 {
		name, rest = args[0]+" "+args[1], args[2:]
	}
	cmd, ok := commands[name]
	if !ok {
		fmt.Fprintf(env.Stderr, "bearing: unknown command %q\n\n", strings.Join(args[:min(2, len(args))], " "))
		usage(env.Stderr)
		return 2
	}
	err := cmd.run(ctx, env, rest)
	var ee exitError
	if errors.As(err, &ee) {
		if ee.err != nil {
			fmt.Fprintf(env.Stderr, "bearing %s: %s\n", name, describe(ee.err))
		}
		return ee.code
	}
	switch {
	case err == nil:
		return 0
	case errors.Is(err, flag.ErrHelp):
		return 0
	case errors.As(err, new(usageError)):
		fmt.Fprintf(env.Stderr, "bearing %s: %v\nUsage: bearing %s\nRun 'bearing %s --help' for the flags.\n", name, err, cmd.usage, name)
		return 2
	}
	fmt.Fprintf(env.Stderr, "bearing %s: %s\n", name, describe(err))
	return 1
}

// describe renders an error for a person: the domain message and every field
// error on its own line.
func describe(err error) string {
	var be *bearing.Error
	if !errors.As(err, &be) {
		return err.Error()
	}
	var b strings.Builder
	b.WriteString(be.Message)
	if len(be.Fields) > 1 || (len(be.Fields) == 1 && !strings.HasPrefix(be.Message, be.Fields[0].Field+":")) {
		for _, f := range be.Fields {
			fmt.Fprintf(&b, "\n  %s: %s", f.Field, f.Message)
		}
	}
	return b.String()
}

// usageError is a mistake in how a command was called (exit code 2).
type usageError struct{ msg string }

func (e usageError) Error() string { return e.msg }

func usagef(format string, args ...any) error { return usageError{fmt.Sprintf(format, args...)} }

func usage(w io.Writer) {
	fmt.Fprintln(w, "Bearing: your organisation's technical strategy, from decision log to CI.")
	fmt.Fprintln(w, "\nUsage: bearing COMMAND [flags]\n\nCommands:")
	names := make([]string, 0, len(commands))
	for n := range commands {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, n := range names {
		fmt.Fprintf(w, "  %-16s %s\n", n, commands[n].summary)
	}
	fmt.Fprintln(w, "\nRun 'bearing COMMAND --help' for a command's flags. Every flag can also be set with")
	fmt.Fprintln(w, "the BEARING_* environment variable named in its help (see docs/configuration.md).")
}

// newFlagSet returns a flag set whose --help prints the command's usage and
// flags to stdout.
func newFlagSet(env *Env, name string) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(env.Stderr)
	fs.Usage = func() {
		fs.SetOutput(env.Stdout)
		fmt.Fprintf(env.Stdout, "Usage: bearing %s\n\n%s.\n\nFlags:\n", commands[name].usage, capitalise(commands[name].summary))
		fs.PrintDefaults()
	}
	return fs
}

// parse parses flags, turning flag errors into usage errors.
func parse(fs *flag.FlagSet, args []string) error {
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return err
		}
		return usageError{err.Error()}
	}
	return nil
}

func capitalise(s string) string {
	if s == "" {
		return s
	}
	return strings.ToUpper(s[:1]) + s[1:]
}

func runVersion(ctx context.Context, env *Env, args []string) error {
	fs := newFlagSet(env, "version")
	if err := parse(fs, args); err != nil {
		return err
	}
	fmt.Fprintf(env.Stdout, "bearing %s\n", buildVersion())
	return nil
}

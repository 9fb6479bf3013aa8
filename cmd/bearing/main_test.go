package main

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/bearingorg/bearing/sqldb/sqldbtest"
)

func TestMain(m *testing.M) {
	code := m.Run()
	sqldbtest.Cleanup()
	os.Exit(code)
}

// run runs the program with the given arguments, stdin and environment.
func run(t *testing.T, stdin string, env map[string]string, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	var out, errb bytes.Buffer
	e := &Env{Stdin: strings.NewReader(stdin), Stdout: &out, Stderr: &errb, Getenv: func(k string) string { return env[k] }}
	code = Run(context.Background(), e, args)
	return code, out.String(), errb.String()
}

func TestHelpAndUsage(t *testing.T) {
	code, out, _ := run(t, "", nil, "help")
	if code != 0 || !strings.Contains(out, "decision list") || !strings.Contains(out, "token create") {
		t.Fatalf("help: %d %s", code, out)
	}
	code, out, _ = run(t, "", nil, "serve", "--help")
	if code != 0 || !strings.Contains(out, "BEARING_DATABASE") || !strings.Contains(out, "-demo") {
		t.Fatalf("serve --help: %d %s", code, out)
	}
	code, _, errs := run(t, "", nil, "frobnicate")
	if code != 2 || !strings.Contains(errs, `unknown command "frobnicate"`) {
		t.Fatalf("unknown command: %d %s", code, errs)
	}
	code, _, errs = run(t, "", nil, "user", "create", "--email", "a@example.com")
	if code != 2 || !strings.Contains(errs, "--email and --name are required") {
		t.Fatalf("missing flags: %d %s", code, errs)
	}
	code, _, errs = run(t, "", nil, "serve", "--log-level", "loud")
	if code != 2 || !strings.Contains(errs, "--log-level") {
		t.Fatalf("bad log level: %d %s", code, errs)
	}
	code, out, _ = run(t, "", nil, "version")
	if code != 0 || !strings.HasPrefix(out, "bearing ") {
		t.Fatalf("version: %d %q", code, out)
	}
}

// TestCommandLine drives the real program on both engines: create users and
// a token on the database, start the server, then use the client commands.
func TestCommandLine(t *testing.T) {
	for _, engine := range sqldbtest.Engines {
		t.Run(engine, func(t *testing.T) {
			dsn := sqldbtest.DSN(t, engine)
			env := map[string]string{"BEARING_DATABASE": dsn}
			if code, _, errs := run(t, "correct-horse-battery\n", env, "user", "create", "--email", "Ana@Example.com", "--name", "Ana", "--role", "dna", "--team", "platform"); code != 0 {
				t.Fatalf("user create: %s", errs)
			}
			code, out, errs := run(t, "", env, "user", "create", "--email", "bo@example.com", "--name", "Bo", "--role", "member")
			if code != 0 || len(strings.TrimSpace(out)) < 12 || !strings.Contains(errs, "Generated password") {
				t.Fatalf("generated password: %d %q %s", code, out, errs)
			}
			if code, _, errs := run(t, "", env, "user", "create", "--email", "ana@example.com", "--name", "Again"); code != 1 || !strings.Contains(errs, "already exists") {
				t.Fatalf("duplicate user: %d %s", code, errs)
			}
			if code, _, errs := run(t, "", env, "user", "create", "--email", "x@example.com", "--name", "X", "--role", "boss"); code != 1 || !strings.Contains(errs, `"boss" is not a role`) {
				t.Fatalf("bad role: %d %s", code, errs)
			}
			code, out, _ = run(t, "", env, "token", "create", "--user", "ana@example.com", "--name", "ci")
			token := strings.TrimSpace(out)
			if code != 0 || !strings.HasPrefix(token, "brt_") || strings.Contains(token, "\n") {
				t.Fatalf("token create printed %q", out)
			}

			p, err := StartProgram(context.Background(), &Env{Stdout: os.Stdout, Stderr: os.Stderr, Getenv: os.Getenv},
				ServeConfig{Addr: "127.0.0.1:0", Database: dsn, LogLevel: "error", LogFormat: "text", SessionTTL: 3600e9})
			if err != nil {
				t.Fatal(err)
			}
			defer p.Close()
			client := map[string]string{"BEARING_SERVER": p.Server.URL(), "BEARING_TOKEN": token}

			code, out, errs = run(t, "", client, "decision", "new", "--title", "Kafka for domain events", "--summary", "One bus.",
				"--status", "proposed", "--tags", "events,platform", "--owners", "ana@example.com", "--revisit-on", "2027-01-01")
			if code != 0 || strings.TrimSpace(out) != "DEC-1" {
				t.Fatalf("decision new: %d %q %s", code, out, errs)
			}
			if code, _, errs = run(t, "", client, "decision", "new", "--title", "x", "--revisit-on", "someday"); code != 1 || !strings.Contains(errs, "revisit_on") {
				t.Fatalf("bad date: %d %s", code, errs)
			}
			code, out, _ = run(t, "", client, "decision", "list", "--q", "kafka")
			if code != 0 || !strings.Contains(out, "DEC-1") || !strings.Contains(out, "Kafka for domain events") {
				t.Fatalf("decision list: %d %s", code, out)
			}
			code, out, _ = run(t, "", client, "decision", "show", "DEC-1")
			if code != 0 || !strings.Contains(out, "Owner: ana@example.com (not signed)") || !strings.Contains(out, "One bus.") {
				t.Fatalf("decision show: %d %s", code, out)
			}
			if code, _, errs = run(t, "", client, "decision", "show", "DEC-9"); code != 1 || !strings.Contains(errs, "not found") {
				t.Fatalf("missing decision: %d %s", code, errs)
			}
			bad := map[string]string{"BEARING_SERVER": p.Server.URL(), "BEARING_TOKEN": "brt_wrong"}
			if code, _, errs = run(t, "", bad, "decision", "list"); code != 1 || !strings.Contains(errs, "invalid") {
				t.Fatalf("bad token: %d %s", code, errs)
			}

			code, out, _ = run(t, "", env, "migrate", "--status")
			if code != 0 || !strings.Contains(out, "applied") || strings.Contains(out, "pending") {
				t.Fatalf("migrate --status: %s", out)
			}
		})
	}
}

func TestServeRefusesBadDatabase(t *testing.T) {
	dir := t.TempDir()
	_, err := StartProgram(context.Background(), &Env{Stdout: os.Stdout, Stderr: os.Stderr, Getenv: os.Getenv},
		ServeConfig{Addr: "127.0.0.1:0", Database: filepath.Join(dir, "missing", "dir", "x.db"), LogLevel: "info", LogFormat: "text"})
	if err == nil {
		t.Fatal("serve started on a database in a missing directory")
	}
}

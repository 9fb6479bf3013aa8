package main

import (
	"flag"
	"fmt"
	"runtime/debug"
	"strings"

	"github.com/bearingorg/bearing"
)

// DefaultDatabase is where `bearing serve` keeps its data when told nothing:
// a SQLite file in the working directory.
const DefaultDatabase = "bearing.db"

// DefaultServer is the server the client commands talk to by default.
const DefaultServer = "http://127.0.0.1:8080"

// stringFlag defines a string flag whose default comes from an environment
// variable, and says so in the help.
func stringFlag(fs *flag.FlagSet, env *Env, name, envVar, def, help string) *string {
	if v := env.Getenv(envVar); v != "" {
		def = v
	}
	return fs.String(name, def, fmt.Sprintf("%s (env %s)", help, envVar))
}

// databaseFlag is the --database flag every command that opens the database
// itself shares, with the same default as `bearing serve`.
func databaseFlag(fs *flag.FlagSet, env *Env) *string {
	return stringFlag(fs, env, "database", "BEARING_DATABASE", DefaultDatabase,
		"SQLite file path, or postgres://user@host/db for PostgreSQL")
}

// clientFlags are the flags of commands that talk to a server.
type clientFlags struct{ server, token *string }

func addClientFlags(fs *flag.FlagSet, env *Env) clientFlags {
	return clientFlags{
		server: stringFlag(fs, env, "server", "BEARING_SERVER", DefaultServer, "URL of the Bearing server"),
		token:  stringFlag(fs, env, "token", "BEARING_TOKEN", "", "API token (create one with 'bearing token create')"),
	}
}

func buildVersion() string {
	v := bearing.Version
	if info, ok := debug.ReadBuildInfo(); ok {
		if v == "dev" && info.Main.Version != "" && info.Main.Version != "(devel)" {
			v = info.Main.Version
		}
		for _, s := range info.Settings {
			if s.Key == "vcs.revision" && len(s.Value) >= 12 {
				v += " (" + s.Value[:12] + ")"
			}
		}
		v += " " + strings.TrimPrefix(info.GoVersion, "go")
	}
	return v
}

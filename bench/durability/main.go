// Command durability is the Go half of bench/durability.sh, the test that
// Bearing never loses an acknowledged write when the server is killed with
// SIGKILL mid-stream. The script starts and kills servers; this program
// does the rest:
//
//	durability write  --url U --token T --acks FILE [--writers 4]
//	    POSTs decisions from concurrent writers until SIGTERM, appending the
//	    key and title of every one answered 201 Created to FILE (fsynced
//	    line by line); errors while the server is down are expected and only
//	    counted.
//	durability verify --url U --token T --acks FILE --database DSN
//	    checks that every acknowledged key exists with its title at version
//	    1, and that the database is intact; exits 1 on any loss.
//	durability wait   --url U [--timeout 30s]   waits until /readyz answers 200
//	durability freeport                         prints a free port on 127.0.0.1
//	durability createdb --admin URL             creates a throwaway PostgreSQL
//	    database and prints its name and URL on one line
//	durability dropdb --admin URL --name NAME   drops it again
package main

import (
	"context"
	"crypto/rand"
	"database/sql"
	"encoding/hex"
	"errors"
	"flag"
	"fmt"
	"net"
	"net/http"
	"net/url"
	"os"
	"regexp"
	"time"

	_ "github.com/jackc/pgx/v5/stdlib" // the "pgx" driver
)

func main() {
	if len(os.Args) < 2 {
		fmt.Fprintln(os.Stderr, "usage: durability write|verify|wait|freeport|createdb|dropdb [flags]")
		os.Exit(2)
	}
	cmds := map[string]func(args []string) error{
		"write": runWrite, "verify": runVerify, "wait": runWait,
		"freeport": runFreePort, "createdb": runCreateDB, "dropdb": runDropDB,
	}
	run, ok := cmds[os.Args[1]]
	if !ok {
		fmt.Fprintf(os.Stderr, "durability: unknown command %q\n", os.Args[1])
		os.Exit(2)
	}
	if err := run(os.Args[2:]); err != nil {
		fmt.Fprintf(os.Stderr, "durability %s: %v\n", os.Args[1], err)
		os.Exit(1)
	}
}

func newFlags(name string) *flag.FlagSet {
	return flag.NewFlagSet("durability "+name, flag.ExitOnError)
}

// runWait polls /readyz until the server answers 200 or the time is up.
func runWait(args []string) error {
	fs := newFlags("wait")
	base := fs.String("url", "", "server URL")
	timeout := fs.Duration("timeout", 30*time.Second, "how long to wait")
	fs.Parse(args)
	client := &http.Client{Timeout: time.Second}
	deadline := time.Now().Add(*timeout)
	for {
		resp, err := client.Get(*base + "/readyz")
		if err == nil {
			resp.Body.Close()
			if resp.StatusCode == http.StatusOK {
				return nil
			}
		}
		if time.Now().After(deadline) {
			return fmt.Errorf("%s not ready after %s (last error: %v)", *base, *timeout, err)
		}
		time.Sleep(50 * time.Millisecond)
	}
}

// runFreePort prints a port on 127.0.0.1 that nothing listens on, for a
// server that must come back on the same address after each kill.
func runFreePort(args []string) error {
	newFlags("freeport").Parse(args)
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return err
	}
	defer ln.Close()
	fmt.Println(ln.Addr().(*net.TCPAddr).Port)
	return nil
}

// throwaway is the shape of the databases createdb makes and dropdb drops,
// so dropdb cannot be pointed at anything else.
var throwaway = regexp.MustCompile(`^bearing_durability_[0-9a-f]{12}$`)

// runCreateDB creates bearing_durability_<random> and prints
// "NAME URL", the URL being the admin URL with the database replaced.
func runCreateDB(args []string) error {
	fs := newFlags("createdb")
	admin := fs.String("admin", "", "URL of an existing database to connect to, e.g. postgres://postgres@127.0.0.1:5432/postgres")
	fs.Parse(args)
	u, err := url.Parse(*admin)
	if err != nil || (u.Scheme != "postgres" && u.Scheme != "postgresql") {
		return fmt.Errorf("--admin %q is not a postgres:// URL", *admin)
	}
	b := make([]byte, 6)
	rand.Read(b)
	name := "bearing_durability_" + hex.EncodeToString(b)
	if err := adminExec(*admin, `CREATE DATABASE `+name); err != nil {
		return err
	}
	u.Path = "/" + name
	fmt.Println(name, u.String())
	return nil
}

// runDropDB drops a database that createdb made, cutting off any sessions
// a killed server left behind.
func runDropDB(args []string) error {
	fs := newFlags("dropdb")
	admin := fs.String("admin", "", "URL of another database on the same server")
	name := fs.String("name", "", "database to drop (bearing_durability_…)")
	fs.Parse(args)
	if !throwaway.MatchString(*name) {
		return fmt.Errorf("--name %q is not a database this tool created", *name)
	}
	return adminExec(*admin, `DROP DATABASE IF EXISTS `+*name+` WITH (FORCE)`)
}

func adminExec(dsn, stmt string) error {
	db, err := sql.Open("pgx", dsn)
	if err != nil {
		return err
	}
	defer db.Close()
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	if _, err := db.ExecContext(ctx, stmt); err != nil {
		return errors.New(stmt + ": " + err.Error())
	}
	return nil
}

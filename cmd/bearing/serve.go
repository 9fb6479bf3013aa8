package main

import (
	"context"
	"fmt"
	"log/slog"
	"strings"
	"time"

	"github.com/bearingorg/bearing"
	"github.com/bearingorg/bearing/demo"
	bhttp "github.com/bearingorg/bearing/http"
	"github.com/bearingorg/bearing/sqldb"
)

// Program is a running Bearing server: the database, the services and the
// HTTP server, built from flags. Tests start one without a shell.
type Program struct {
	DB     *sqldb.DB
	Server *bhttp.Server
	stop   context.CancelFunc
}

// ServeConfig is the configuration of `bearing serve`.
type ServeConfig struct {
	Addr         string
	Database     string
	Demo         bool
	LogLevel     string
	LogFormat    string
	SecureCookie bool
	SessionTTL   time.Duration
	BaseURL      string
}

func runServe(ctx context.Context, env *Env, args []string) error {
	fs := newFlagSet(env, "serve")
	var c ServeConfig
	fs.StringVar(&c.Addr, "addr", envOr(env, "BEARING_ADDR", "127.0.0.1:8080"), "address to listen on (env BEARING_ADDR)")
	database := databaseFlag(fs, env)
	fs.BoolVar(&c.Demo, "demo", false, "seed a fictional organisation into an empty database and print its login")
	fs.StringVar(&c.LogLevel, "log-level", envOr(env, "BEARING_LOG_LEVEL", "info"), "debug, info, warn or error (env BEARING_LOG_LEVEL)")
	fs.StringVar(&c.LogFormat, "log-format", envOr(env, "BEARING_LOG_FORMAT", "text"), "text or json (env BEARING_LOG_FORMAT)")
	fs.BoolVar(&c.SecureCookie, "secure-cookies", envOr(env, "BEARING_SECURE_COOKIES", "false") == "true",
		"mark session cookies Secure; set when serving over HTTPS (env BEARING_SECURE_COOKIES)")
	fs.StringVar(&c.BaseURL, "base-url", envOr(env, "BEARING_BASE_URL", ""), "public URL of this server, for links in the policy, answers and notifications (env BEARING_BASE_URL)")
	ttl := envOr(env, "BEARING_SESSION_TTL", "720h")
	fs.Func("session-ttl", "how long a sign-in lasts (env BEARING_SESSION_TTL, default 720h)", func(s string) error { ttl = s; return nil })
	if err := parse(fs, args); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return usagef("unexpected argument %q", fs.Arg(0))
	}
	c.Database = *database
	var err error
	if c.SessionTTL, err = time.ParseDuration(ttl); err != nil || c.SessionTTL < time.Minute {
		return usagef("--session-ttl %q is not a duration of at least 1m (e.g. 720h)", ttl)
	}
	p, err := StartProgram(ctx, env, c)
	if err != nil {
		return err
	}
	defer p.Close()
	fmt.Fprintf(env.Stderr, "Bearing is listening on %s (database: %s, %s)\n", p.Server.URL(), redact(c.Database), p.DB.Engine())
	<-ctx.Done()
	fmt.Fprintln(env.Stderr, "Shutting down.")
	return nil
}

// StartProgram opens the database, migrates it, seeds the demo if asked and
// starts the HTTP server.
func StartProgram(ctx context.Context, env *Env, c ServeConfig) (*Program, error) {
	logger, err := newLogger(env, c.LogLevel, c.LogFormat)
	if err != nil {
		return nil, err
	}
	db := sqldb.New(c.Database)
	if err := db.Open(ctx); err != nil {
		return nil, err
	}
	p := &Program{DB: db}
	if c.Demo {
		if err := seedDemo(ctx, env, db); err != nil {
			db.Close()
			return nil, err
		}
	}
	p.Server, err = bhttp.NewServer(services(db, c.BaseURL), logger)
	if err != nil {
		db.Close()
		return nil, err
	}
	p.Server.Addr, p.Server.Ping, p.Server.SecureCookie, p.Server.SessionTTL = c.Addr, db.Ping, c.SecureCookie, c.SessionTTL
	if err := p.Server.Open(); err != nil {
		db.Close()
		return nil, fmt.Errorf("listen on %s: %w", c.Addr, err)
	}
	jobs, stop := context.WithCancel(context.WithoutCancel(ctx))
	p.stop = stop
	go expireExceptions(jobs, sqldb.NewExceptionService(db), logger, time.Hour)
	return p, nil
}

// expireExceptions ends exceptions past their date now and then every
// interval. Several instances may run it at once: each exception expires once.
func expireExceptions(ctx context.Context, svc *sqldb.ExceptionService, logger *slog.Logger, interval time.Duration) {
	t := time.NewTicker(interval)
	defer t.Stop()
	for {
		if n, err := svc.ExpireExceptions(ctx); err != nil && ctx.Err() == nil {
			logger.Error("expire exceptions", "err", err)
		} else if n > 0 {
			logger.Info("expired exceptions", "count", n)
		}
		select {
		case <-ctx.Done():
			return
		case <-t.C:
		}
	}
}

// services wires every storage service over one database.
func services(db *sqldb.DB, baseURL string) bhttp.Services {
	return bhttp.Services{
		Users:        sqldb.NewUserService(db),
		Decisions:    sqldb.NewDecisionService(db),
		Technologies: sqldb.NewTechnologyService(db),
		Guidelines:   sqldb.NewGuidelineService(db),
		Exceptions:   sqldb.NewExceptionService(db),
		Policy:       sqldb.NewPolicyService(db, baseURL),
		Reports:      sqldb.NewReportService(db),
	}
}

// Close stops the server, then closes the database.
func (p *Program) Close() error {
	if p.stop != nil {
		p.stop()
	}
	err := p.Server.Close()
	if e := p.DB.Close(); err == nil {
		err = e
	}
	return err
}

func seedDemo(ctx context.Context, env *Env, db *sqldb.DB) error {
	svc := demo.Services{
		Users:        sqldb.NewUserService(db),
		Decisions:    sqldb.NewDecisionService(db),
		Technologies: sqldb.NewTechnologyService(db),
		Guidelines:   sqldb.NewGuidelineService(db),
		Exceptions:   sqldb.NewExceptionService(db),
		Reports:      sqldb.NewReportService(db),
		Policy:       sqldb.NewPolicyService(db, ""),
		SetClock: func(t time.Time) {
			if t.IsZero() {
				db.Now = bearing.Now
			} else {
				db.Now = func() time.Time { return t }
			}
		},
	}
	res, err := demo.Seed(sqldb.SystemContext(ctx), svc, time.Now())
	if bearing.ErrorCode(err) == bearing.ECONFLICT {
		fmt.Fprintln(env.Stderr, "The database already has data; the demo organisation was not seeded again.")
		return nil
	} else if err != nil {
		return fmt.Errorf("seed demo: %w", err)
	}
	fmt.Fprintf(env.Stderr, `Seeded the demo organisation: %d people, %d teams, %d decisions, %d technologies in %d radar editions, %d guidelines, %d exceptions, %d check reports.
  Sign in as %s with password %s
  API token: %s
`, res.Users, res.Teams, res.Decisions, res.Technologies, res.Editions, res.Guidelines, res.Exceptions, res.Reports, res.AdminEmail, res.AdminPassword, res.Token)
	return nil
}

func newLogger(env *Env, level, format string) (*slog.Logger, error) {
	var l slog.Level
	if err := l.UnmarshalText([]byte(level)); err != nil {
		return nil, usagef("--log-level %q: use debug, info, warn or error", level)
	}
	opts := &slog.HandlerOptions{Level: l}
	switch format {
	case "json":
		return slog.New(slog.NewJSONHandler(env.Stderr, opts)), nil
	case "text":
		return slog.New(slog.NewTextHandler(env.Stderr, opts)), nil
	}
	return nil, usagef("--log-format %q: use text or json", format)
}

func envOr(env *Env, name, def string) string {
	if v := env.Getenv(name); v != "" {
		return v
	}
	return def
}

// redact hides a password in a database URL before it is printed.
func redact(dsn string) string {
	if i := strings.Index(dsn, "://"); i >= 0 {
		if at := strings.LastIndex(dsn, "@"); at > i {
			if colon := strings.Index(dsn[i+3:at], ":"); colon >= 0 {
				return dsn[:i+3+colon] + ":***" + dsn[at:]
			}
		}
	}
	return dsn
}

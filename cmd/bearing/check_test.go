package main

import (
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/bearingorg/bearing"
	"github.com/bearingorg/bearing/sqldb"
)

// checkServer is a database with a small policy, a member's token and a
// repository that breaks it.
type checkServer struct {
	dsn, token, repo string
}

func newCheckFixture(t *testing.T) *checkServer {
	t.Helper()
	dsn := filepath.Join(t.TempDir(), "b.db")
	db := sqldb.New(dsn)
	if err := db.Open(context.Background()); err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	sys := sqldb.SystemContext(context.Background())
	users := sqldb.NewUserService(db)
	member := &bearing.User{Email: "mia@example.com", Name: "Mia", Role: bearing.RoleMember}
	users.CreateUser(sys, member, "")
	users.CreateTeam(sys, &bearing.Team{Slug: "payments", Name: "Payments"})
	tok, _, _ := users.CreateToken(sys, member.ID, "ci")
	tech := sqldb.NewTechnologyService(db)
	for _, x := range []*bearing.Technology{
		{Name: "MongoDB", Quadrant: "Datastores", Ring: "hold", Rationale: "Two outages a year. More text.", Identifiers: []string{"pkg:npm/mongoose"}, Alternatives: []string{"postgresql"}},
		{Name: "PostgreSQL", Quadrant: "Datastores", Ring: "adopt", Identifiers: []string{"pkg:npm/pg"}},
	} {
		if err := tech.CreateTechnology(sys, x, ""); err != nil {
			t.Fatal(err)
		}
	}
	if err := sqldb.NewGuidelineService(db).CreateGuideline(sys, &bearing.Guideline{Statement: "Every repository has code owners", Level: bearing.LevelMust,
		Rules: []bearing.Rule{{RequireFile: "CODEOWNERS|.github/CODEOWNERS"}}, Status: bearing.GuidelinePublished}); err != nil {
		t.Fatal(err)
	}
	repo := t.TempDir()
	os.WriteFile(filepath.Join(repo, "package.json"), []byte(`{
  "name": "ledger",
  "dependencies": {
    "mongoose": "^8.4.0",
    "pg": "^8.11.0"
  }
}
`), 0o644)
	os.MkdirAll(filepath.Join(repo, "doc", "adr"), 0o755)
	os.WriteFile(filepath.Join(repo, "doc", "adr", "0001-use-pg.md"), []byte("# 1. Use pg\n\nDate: 2024-01-01\n\n## Status\n\nAccepted\n\n## Context\n\nc\n\n## Decision\n\nd\n\n## Consequences\n\ne\n"), 0o644)
	return &checkServer{dsn: dsn, token: tok, repo: repo}
}

func TestCheckCommand(t *testing.T) {
	f := newCheckFixture(t)
	policy := filepath.Join(t.TempDir(), "policy.json")
	if code, _, errs := run(t, "", map[string]string{"BEARING_DATABASE": f.dsn}, "policy", "export", "--output", policy); code != 0 {
		t.Fatalf("policy export: %s", errs)
	}
	// Offline, text: the hold and the missing CODEOWNERS are errors → exit 1.
	code, out, errs := run(t, "", nil, "check", f.repo, "--policy", policy, "--repo", "ledger")
	if code != 1 {
		t.Fatalf("check: exit %d\n%s\n%s", code, out, errs)
	}
	for _, want := range []string{"bearing/hold/mongodb", "Two outages a year", "PostgreSQL", "package.json:4", "CODEOWNERS", "2 errors"} {
		if !strings.Contains(out, want) {
			t.Errorf("text report lacks %q:\n%s", want, out)
		}
	}
	if code, _, _ := run(t, "", nil, "check", f.repo, "--policy", policy, "--fail-on", "never"); code != 0 {
		t.Errorf("--fail-on never: exit %d", code)
	}
	os.WriteFile(filepath.Join(f.repo, "CODEOWNERS"), []byte("* @payments\n"), 0o644)
	for _, format := range []string{"json", "sarif", "junit"} {
		code, out, errs := run(t, "", nil, "check", f.repo, "--policy", policy, "--format", format)
		if code != 1 || !strings.Contains(out, "bearing/hold/mongodb") {
			t.Errorf("%s: exit %d\n%.400s\n%s", format, code, out, errs)
		}
		if format != "junit" && !json.Valid([]byte(out)) {
			t.Errorf("%s output is not JSON", format)
		}
	}
	// Usage and I/O errors exit 2.
	if code, _, errs := run(t, "", nil, "check", f.repo, "--policy", policy, "--format", "pdf"); code != 2 || !strings.Contains(errs, "--format") {
		t.Errorf("bad format: %d %s", code, errs)
	}
	if code, _, errs := run(t, "", nil, "check", filepath.Join(f.repo, "missing"), "--policy", policy); code != 2 || !strings.Contains(errs, "not a directory") {
		t.Errorf("missing dir: %d %s", code, errs)
	}
	if code, _, errs := run(t, "", nil, "check", f.repo); code != 2 || !strings.Contains(errs, "--policy FILE") {
		t.Errorf("no policy: %d %s", code, errs)
	}

	// Online with --report: sent once per commit, ADR files included.
	p, err := StartProgram(context.Background(), &Env{Stdout: os.Stdout, Stderr: os.Stderr, Getenv: os.Getenv},
		ServeConfig{Addr: "127.0.0.1:0", Database: f.dsn, LogLevel: "error", LogFormat: "text", SessionTTL: 3600e9})
	if err != nil {
		t.Fatal(err)
	}
	defer p.Close()
	env := map[string]string{"BEARING_SERVER": p.Server.URL(), "BEARING_TOKEN": f.token, "XDG_CACHE_HOME": t.TempDir()}
	args := []string{"check", f.repo, "--repo", "ledger", "--team", "payments", "--commit", "abc123", "--report", "--fail-on", "never"}
	if code, _, errs := run(t, "", env, args...); code != 0 || !strings.Contains(errs, "sent to") || !strings.Contains(errs, "1 ADR files") {
		t.Fatalf("report: %d %s", code, errs)
	}
	if code, _, errs := run(t, "", env, args...); code != 0 || !strings.Contains(errs, "reported already") {
		t.Fatalf("second report: %d %s", code, errs)
	}
	rs, err := sqldb.NewReportService(p.DB).LatestReports(context.Background(), "payments")
	if err != nil || len(rs) != 1 || rs[0].Errors != 1 {
		t.Fatalf("stored reports: %+v %v", rs, err)
	}
	adrs, _ := sqldb.NewReportService(p.DB).FindRepoADRs(context.Background(), "ledger", "")
	if len(adrs) != 1 || adrs[0].Title != "Use pg" {
		t.Fatalf("repo ADRs: %+v", adrs)
	}
}

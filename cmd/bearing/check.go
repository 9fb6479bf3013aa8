package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/bearingorg/bearing"
	"github.com/bearingorg/bearing/check"
	bhttp "github.com/bearingorg/bearing/http"
	"github.com/bearingorg/bearing/report"
	"github.com/bearingorg/bearing/scan"
)

// exitError carries a specific exit code: `bearing check` exits 1 for
// findings and 2 for usage or I/O errors, as CI systems expect.
type exitError struct {
	code int
	err  error
}

func (e exitError) Error() string {
	if e.err == nil {
		return ""
	}
	return e.err.Error()
}

// checkFlags are the flags of `bearing check`.
type checkFlags struct {
	client                 clientFlags
	policy, repo, team     *string
	tags, format, output   *string
	failOn, commit, sbom   *string
	report, showUnknown    *bool
	showSuppressed, vendor *bool
}

func addCheckFlags(fs interface {
	String(string, string, string) *string
	Bool(string, bool, string) *bool
}, env *Env, cf clientFlags) checkFlags {
	return checkFlags{
		client:         cf,
		policy:         fs.String("policy", "", "evaluate offline against this policy file (from bearing policy export) instead of fetching it from --server"),
		repo:           fs.String("repo", envOr(env, "BEARING_REPO", ""), "repository name, matched against exception scopes (default: from the git remote, else the directory name) (env BEARING_REPO)"),
		team:           fs.String("team", envOr(env, "BEARING_TEAM", ""), "team that owns the repository, for scoped guidelines (env BEARING_TEAM)"),
		tags:           fs.String("tags", "", "comma-separated repository tags, for scoped guidelines"),
		format:         fs.String("format", "text", "text, json, sarif or junit"),
		output:         fs.String("output", "-", "file to write the report to, - for stdout"),
		failOn:         fs.String("fail-on", "error", "exit 1 when a finding is at least: error, warning, note or never"),
		commit:         fs.String("commit", envOr(env, "BEARING_COMMIT", ""), "commit checked (default: the git HEAD) (env BEARING_COMMIT)"),
		sbom:           fs.String("sbom", "", "use this CycloneDX or SPDX JSON SBOM as the inventory instead of scanning"),
		report:         fs.Bool("report", false, "also send the inventory, findings and the repository's ADR files to --server"),
		showUnknown:    fs.Bool("show-unknown", false, "list dependencies the radar does not know"),
		showSuppressed: fs.Bool("show-suppressed", false, "list findings suppressed by exceptions too"),
		vendor:         fs.Bool("include-vendored", false, "also scan node_modules and vendor directories"),
	}
}

func runCheck(ctx context.Context, env *Env, args []string) error {
	fs := newFlagSet(env, "check")
	f := addCheckFlags(fs, env, addClientFlags(fs, env))
	if err := parse(fs, reorder(args)); err != nil {
		return err
	}
	if fs.NArg() > 1 {
		return usagef("check one directory at a time")
	}
	root := "."
	if fs.NArg() == 1 {
		root = fs.Arg(0)
	}
	if _, err := (&check.Result{}).ExitCode(*f.failOn); err != nil {
		return usagef("--fail-on %q: use error, warning, note or never", *f.failOn)
	}
	if !oneOf(*f.format, "text", "json", "sarif", "junit") {
		return usagef("--format %q: use text, json, sarif or junit", *f.format)
	}
	code, err := checkRepo(ctx, env, root, f)
	if err != nil {
		return exitError{2, err}
	}
	if code != 0 {
		return exitError{code, nil}
	}
	return nil
}

func oneOf(s string, options ...string) bool {
	for _, o := range options {
		if s == o {
			return true
		}
	}
	return false
}

// checkRepo scans, evaluates, writes the report and, if asked, sends it.
func checkRepo(ctx context.Context, env *Env, root string, f checkFlags) (int, error) {
	if st, err := os.Stat(root); err != nil || !st.IsDir() {
		return 0, fmt.Errorf("%s is not a directory", root)
	}
	policy, err := loadPolicy(ctx, env, f)
	if err != nil {
		return 0, err
	}
	stop := progress(env, "Scanning "+root)
	inv, err := inventory(ctx, root, f)
	stop()
	if err != nil {
		return 0, err
	}
	repo, commit := *f.repo, *f.commit
	gi := readGit(root)
	if repo == "" {
		repo = gi.repo
	}
	if commit == "" {
		commit = gi.commit
	}
	res := check.Evaluate(check.Input{Inventory: inv, Policy: policy, Repo: repo, Team: *f.team, Tags: splitComma(*f.tags),
		Today: bearing.DateOf(time.Now()), Files: func(p string) bool { _, err := os.Stat(filepath.Join(root, filepath.FromSlash(p))); return err == nil }})
	if err := writeReport(env, res, inv, f, report.Meta{Repo: repo, Commit: commit, ToolVersion: buildVersion(), PolicyHash: policy.Hash}); err != nil {
		return 0, err
	}
	if *f.report {
		if err := sendReport(ctx, env, root, f, repo, commit, inv, res, policy.Hash); err != nil {
			return 0, err
		}
	}
	return res.ExitCode(*f.failOn)
}

func splitComma(s string) []string {
	var out []string
	for _, p := range strings.Split(s, ",") {
		if p = strings.TrimSpace(p); p != "" {
			out = append(out, p)
		}
	}
	return out
}

// inventory scans the tree, or reads an SBOM given with --sbom.
func inventory(ctx context.Context, root string, f checkFlags) (*bearing.Inventory, error) {
	if *f.sbom != "" {
		return readSBOM(*f.sbom)
	}
	return scan.Scan(ctx, root, scan.Options{IncludeVendored: *f.vendor})
}

func writeReport(env *Env, res *check.Result, inv *bearing.Inventory, f checkFlags, meta report.Meta) error {
	var w io.Writer = env.Stdout
	color := isTerminal(env.Stdout) && env.Getenv("NO_COLOR") == ""
	if *f.output != "-" {
		file, err := os.Create(*f.output)
		if err != nil {
			return err
		}
		defer file.Close()
		w, color = file, false
	}
	switch *f.format {
	case "json":
		return report.JSON(w, res, inv, meta)
	case "sarif":
		return report.SARIF(w, res, meta)
	case "junit":
		return report.JUnit(w, res, meta)
	}
	return report.Text(w, res, inv, report.TextOptions{Color: color, ShowUnknown: *f.showUnknown, ShowSuppressed: *f.showSuppressed})
}

// sendReport posts the report, with the repository's ADR files, to the server.
func sendReport(ctx context.Context, env *Env, root string, f checkFlags, repo, commit string, inv *bearing.Inventory, res *check.Result, hash string) error {
	if repo == "" || commit == "" {
		return errors.New("--report needs the repository name and commit: run inside a git checkout or pass --repo and --commit")
	}
	adrs, err := findADRs(root)
	if err != nil {
		return err
	}
	rep := &bearing.Report{Repo: repo, Team: *f.team, Commit: commit, PolicyHash: hash, Items: inv.Items, Findings: res.Findings, ADRs: adrs}
	created, err := bhttp.NewClient(*f.client.server, *f.client.token).SubmitReport(ctx, rep)
	if err != nil {
		return fmt.Errorf("send the report: %w", err)
	}
	if created {
		fmt.Fprintf(env.Stderr, "Report for %s at %.12s sent to %s (%d ADR files).\n", repo, commit, *f.client.server, len(adrs))
	} else {
		fmt.Fprintf(env.Stderr, "%s at %.12s was reported already; nothing changed.\n", repo, commit)
	}
	return nil
}

// progress prints a message on stderr if the work takes more than a second
// and stderr is a terminal; the returned func clears it.
func progress(env *Env, msg string) func() {
	if !isTerminal(env.Stderr) {
		return func() {}
	}
	done := make(chan struct{})
	shown := make(chan bool, 1)
	go func() {
		select {
		case <-done:
			shown <- false
		case <-time.After(time.Second):
			fmt.Fprint(env.Stderr, msg+"…")
			<-done
			shown <- true
		}
	}()
	return func() {
		close(done)
		if <-shown {
			fmt.Fprint(env.Stderr, "\r\033[K")
		}
	}
}

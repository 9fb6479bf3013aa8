package main

import (
	"context"
	"io"
	"path/filepath"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"github.com/bearingorg/bearing/demo"
	"github.com/bearingorg/bearing/http/browsertest"
)

// TestDemoInBrowser starts `serve --demo` as a new user would and walks the
// main pages in Chromium, checking that each shows what it promises. With
// BEARING_SCREENSHOTS set it also saves the screenshots used in the README.
func TestDemoInBrowser(t *testing.T) {
	ctx := browsertest.New(t)
	p, err := StartProgram(context.Background(), &Env{Stdout: io.Discard, Stderr: io.Discard, Getenv: func(string) string { return "" }},
		ServeConfig{Addr: "127.0.0.1:0", Database: filepath.Join(t.TempDir(), "demo.db"), Demo: true,
			LogLevel: "error", LogFormat: "text", SessionTTL: 3600e9})
	if err != nil {
		t.Fatal(err)
	}
	defer p.Close()
	base := p.Server.URL()
	err = chromedp.Do(ctx,
		chromedp.Navigate(base+"/"),
		chromedp.WaitVisible(chromedp.ID("email")),
		chromedp.SendKeys(chromedp.ID("email"), "jordan@"+demo.Domain),
		chromedp.SendKeys(chromedp.ID("password"), demo.Password),
		chromedp.Submit(chromedp.ID("password")),
		chromedp.WaitVisible(chromedp.CSS(".who")),
	)
	if err != nil {
		t.Fatal(err)
	}
	pages := []struct {
		path, name string
		want       []string
	}{
		{"/", "home", []string{"Accepted without signed owners", "Due for review", "incomplete", "Latest decisions"}},
		{"/decisions", "decisions", []string{"Decision log", "decisions", "superseded", "accepted"}},
		{"/decisions?q=postgres", "search", []string{"matching “postgres”", "PostgreSQL"}},
		{"/decisions/DEC-5", "decision", []string{"Executive summary", "Owners", "accepted ownership on", "Options considered", "chosen", "Do", "Don't"}},
		{"/decisions/DEC-5/history", "history", []string{"History of DEC-5", "created"}},
		{"/decisions/DEC-5/edit", "edit", []string{"Edit DEC-5", "Options considered", "Action items"}},
		{"/radar", "radar", []string{"Technology radar", "Languages & Frameworks", "Datastores", "MongoDB", "hold"}},
		{"/radar/mongodb", "technology", []string{"MongoDB", "Timeline", "moved from", "Use instead", "PostgreSQL"}},
		{"/ask?q=mongoose", "ask", []string{"MongoDB: hold", "Why", "Use instead"}},
		{"/dont", "dont", []string{"What we don't do", "MUST NOT", "Technologies on hold"}},
		{"/exceptions", "exceptions", []string{"Awaiting a decision", "Active", "EXC-"}},
		{"/adoption", "adoption", []string{"MongoDB on hold", "repositor", "at the start", "payments-reconciliation"}},
		{"/teams/payments", "team", []string{"Payments", "Still departing from", "payments-ledger"}},
	}
	for _, pg := range pages {
		if err := chromedp.Do(ctx, chromedp.Navigate(base+pg.path), chromedp.WaitVisible(chromedp.CSS("footer"))); err != nil {
			t.Fatalf("%s: %v", pg.path, err)
		}
		body, err := chromedp.Run(ctx, chromedp.Text(chromedp.CSS("main")))
		if err != nil {
			t.Fatal(err)
		}
		for _, w := range pg.want {
			if !strings.Contains(body, w) {
				t.Errorf("%s lacks %q", pg.path, w)
			}
		}
		if pg.name == "home" || pg.name == "decision" || pg.name == "search" || pg.name == "history" || pg.name == "ask" || pg.name == "technology" {
			browsertest.Screenshot(t, ctx, pg.name)
		}
	}
}

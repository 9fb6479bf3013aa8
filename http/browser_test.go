package http_test

import (
	"context"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"github.com/bearingorg/bearing"
	"github.com/bearingorg/bearing/http/browsertest"
	"github.com/bearingorg/bearing/sqldb"
)

// signIn signs in through the form as the role's user.
func signIn(t *testing.T, ctx context.Context, base, role string) {
	t.Helper()
	err := chromedp.Do(ctx,
		chromedp.Navigate(base+"/login"),
		chromedp.SendKeys(chromedp.ID("#email"), role+"@example.com"),
		chromedp.SendKeys(chromedp.ID("#password"), "password-"+role),
		chromedp.Submit(chromedp.ID("#password")),
		chromedp.WaitNotPresent(chromedp.ID("password")),
		chromedp.WaitVisible(chromedp.CSS(".who")),
	)
	if err != nil {
		t.Fatalf("sign in as %s: %v", role, err)
	}
}

func text(t *testing.T, ctx context.Context, sel string) string {
	t.Helper()
	s, err := chromedp.Run(ctx, chromedp.Text(chromedp.CSS(sel)))
	if err != nil {
		t.Fatalf("text of %s: %v", sel, err)
	}
	return s
}

func mustContain(t *testing.T, got, want string) {
	t.Helper()
	if !strings.Contains(got, want) {
		t.Fatalf("page text lacks %q:\n%s", want, got)
	}
}

// TestBrowserDecisionFlow signs in, creates a decision, edits it, moves it
// to accepted, accepts ownership, supersedes it and meets a stale edit, all
// in headless Chromium against the real server.
func TestBrowserDecisionFlow(t *testing.T) {
	e := newEnv(t)
	ctx := browsertest.New(t)
	base := e.ts.URL

	// A wrong password is refused on the form.
	err := chromedp.Do(ctx,
		chromedp.Navigate(base+"/decisions"),
		chromedp.WaitVisible(chromedp.ID("#email")),
		chromedp.SendKeys(chromedp.ID("#email"), "dna@example.com"),
		chromedp.SendKeys(chromedp.ID("#password"), "wrong-password"),
		chromedp.Submit(chromedp.ID("#password")),
		chromedp.WaitVisible(chromedp.ID("#login-error")),
	)
	if err != nil {
		t.Fatal(err)
	}
	mustContain(t, text(t, ctx, "#login-error"), "Wrong e-mail or password")
	signIn(t, ctx, base, "dna")
	mustContain(t, text(t, ctx, "h1"), "Good to see you, Dna")

	// Create: an unknown owner comes back beside its field, the rest intact.
	err = chromedp.Do(ctx,
		chromedp.Navigate(base+"/decisions/new"),
		chromedp.SendKeys(chromedp.ID("#title"), "Kafka for domain events"),
		chromedp.SendKeys(chromedp.ID("#executive_summary"), "One event bus instead of three."),
		chromedp.SendKeys(chromedp.ID("#context"), "Teams run **three** brokers."),
		chromedp.SendKeys(chromedp.ID("#opt0"), "Kafka"),
		chromedp.Click(chromedp.CSS(`input[name="chosen"][value="0"]`)),
		chromedp.SendKeys(chromedp.ID("#opt1"), "RabbitMQ"),
		chromedp.SendKeys(chromedp.ID("#owners"), "dna@example.com, ghost@example.com"),
		chromedp.SendKeys(chromedp.ID("#dos"), "Publish events with a schema"),
		chromedp.SetValue(chromedp.ID("#revisit_on"), "2027-03-01"),
		chromedp.Click(chromedp.ID("#save")),
		chromedp.WaitVisible(chromedp.ID("#owners-err")),
	)
	if err != nil {
		t.Fatal(err)
	}
	mustContain(t, text(t, ctx, "#owners-err"), "ghost@example.com is not a user of Bearing")
	if v, _ := chromedp.Run(ctx, chromedp.Value(chromedp.ID("#title"))); v != "Kafka for domain events" {
		t.Fatalf("title after error = %q", v)
	}
	browsertest.Screenshot(t, ctx, "decision-form-error")
	err = chromedp.Do(ctx,
		chromedp.SetValue(chromedp.ID("#owners"), "dna@example.com"),
		chromedp.Click(chromedp.ID("#save")),
		chromedp.WaitVisible(chromedp.CSS(".dhead")),
	)
	if err != nil {
		t.Fatal(err)
	}
	mustContain(t, text(t, ctx, "h1"), "DEC-1 Kafka for domain events")
	mustContain(t, text(t, ctx, ".summary"), "One event bus instead of three.")
	if html, _ := chromedp.Run(ctx, chromedp.InnerHTML(chromedp.CSS("main"))); !strings.Contains(html, "<strong>three</strong>") {
		t.Fatal("context Markdown was not rendered")
	}

	// Edit.
	err = chromedp.Do(ctx,
		chromedp.Navigate(base+"/decisions/DEC-1/edit"),
		chromedp.SetValue(chromedp.ID("#title"), "Kafka for all domain events"),
		chromedp.Click(chromedp.ID("#save")),
		chromedp.WaitVisible(chromedp.CSS(".notice")),
	)
	if err != nil {
		t.Fatal(err)
	}
	mustContain(t, text(t, ctx, ".notice"), "Saved version 2")

	// Propose, accept, then sign as owner.
	for _, status := range []string{"proposed", "accepted"} {
		err = chromedp.Do(ctx,
			chromedp.SetValue(chromedp.ID("#to"), status),
			chromedp.Click(chromedp.ID("#set-status")),
			chromedp.WaitVisible(chromedp.CSS(".dhead .status-"+status)),
		)
		if err != nil {
			t.Fatalf("move to %s: %v", status, err)
		}
		mustContain(t, text(t, ctx, ".notice"), "Now "+status)
	}
	mustContain(t, text(t, ctx, ".dhead"), "incomplete")
	err = chromedp.Do(ctx, chromedp.Click(chromedp.ID("#sign")), chromedp.WaitVisible(chromedp.CSS(".owners .signed")))
	if err != nil {
		t.Fatal(err)
	}
	mustContain(t, text(t, ctx, ".owners"), "accepted ownership on")
	if strings.Contains(text(t, ctx, ".dhead"), "incomplete") {
		t.Fatal("decision still incomplete after the only owner signed")
	}
	browsertest.Screenshot(t, ctx, "decision")

	// Supersede by a new decision.
	succ := &bearing.Decision{Title: "Managed Kafka", Status: bearing.StatusProposed}
	if err := sqldb.NewDecisionService(e.db).CreateDecision(bearing.NewContextWithUser(context.Background(), e.users["dna"]), succ); err != nil {
		t.Fatal(err)
	}
	err = chromedp.Do(ctx,
		chromedp.Navigate(base+"/decisions/DEC-1"),
		chromedp.SendKeys(chromedp.ID("#by"), "DEC-2"),
		chromedp.Click(chromedp.ID("#supersede")),
		chromedp.WaitVisible(chromedp.CSS(".banner")),
	)
	if err != nil {
		t.Fatal(err)
	}
	mustContain(t, text(t, ctx, ".banner"), "Superseded by DEC-2")

	// A stale edit: someone saves DEC-2 while the form is open.
	err = chromedp.Do(ctx,
		chromedp.Navigate(base+"/decisions/DEC-2/edit"),
		chromedp.SetValue(chromedp.ID("#context"), "My careful context"),
	)
	if err != nil {
		t.Fatal(err)
	}
	other := "Their context"
	if _, err := sqldb.NewDecisionService(e.db).UpdateDecision(bearing.NewContextWithUser(context.Background(), e.users["admin"]),
		"DEC-2", 1, bearing.DecisionUpdate{Context: &other}); err != nil {
		t.Fatal(err)
	}
	err = chromedp.Do(ctx, chromedp.Click(chromedp.ID("#save")), chromedp.WaitVisible(chromedp.ID("#conflict")))
	if err != nil {
		t.Fatal(err)
	}
	mustContain(t, text(t, ctx, "#form-message"), "Someone else saved DEC-2")
	mustContain(t, text(t, ctx, "#conflict"), "Their context")
	if v, _ := chromedp.Run(ctx, chromedp.Value(chromedp.ID("#context"))); v != "My careful context" {
		t.Fatalf("the user's text was lost: %q", v)
	}
	browsertest.Screenshot(t, ctx, "conflict")
	// Saving again, knowingly, replaces the stored version.
	err = chromedp.Do(ctx, chromedp.Click(chromedp.ID("#save")), chromedp.WaitVisible(chromedp.CSS(".notice")))
	if err != nil {
		t.Fatal(err)
	}
	mustContain(t, text(t, ctx, "main"), "My careful context")

	// The history shows every change with its diff.
	err = chromedp.Do(ctx, chromedp.Navigate(base+"/decisions/DEC-1/history"), chromedp.WaitVisible(chromedp.CSS(".history")))
	if err != nil {
		t.Fatal(err)
	}
	h := text(t, ctx, ".history")
	for _, want := range []string{"superseded", "ownership", "− Kafka for domain events", "+ Kafka for all domain events"} {
		mustContain(t, h, want)
	}
	browsertest.Screenshot(t, ctx, "history")
}

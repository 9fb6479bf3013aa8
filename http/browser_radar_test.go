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

// seedRadar puts two technologies, a guideline and a team on the radar.
func seedRadar(t *testing.T, e *env) {
	t.Helper()
	sys := sqldb.SystemContext(context.Background())
	users := sqldb.NewUserService(e.db)
	users.CreateTeam(sys, &bearing.Team{Slug: "payments", Name: "Payments"})
	users.AddTeamMember(sys, "payments", "member@example.com")
	tech := sqldb.NewTechnologyService(e.db)
	for _, x := range []*bearing.Technology{
		{Name: "MongoDB", Aliases: []string{"mongo"}, Quadrant: "Datastores", Ring: "hold", Rationale: "Two outages a year.", Identifiers: []string{"pkg:npm/mongoose"}},
		{Name: "PostgreSQL", Quadrant: "Datastores", Ring: "adopt", Rationale: "Proven."},
		{Name: "Go", Quadrant: "Languages & Frameworks", Ring: "adopt"},
	} {
		if err := tech.CreateTechnology(sys, x, "seed"); err != nil {
			t.Fatal(err)
		}
	}
	if err := sqldb.NewGuidelineService(e.db).CreateGuideline(sys, &bearing.Guideline{Statement: "Do not start new MongoDB databases",
		Level: bearing.LevelMustNot, Technologies: []string{"mongodb"}, Status: bearing.GuidelinePublished, Rationale: "See the outages."}); err != nil {
		t.Fatal(err)
	}
}

// TestBrowserAskExceptionRadar asks a question, requests an exception as a
// member, approves it as DNA, and views the radar and "what we don't do".
func TestBrowserAskExceptionRadar(t *testing.T) {
	e := newEnv(t)
	seedRadar(t, e)
	ctx := browsertest.New(t)
	base := e.ts.URL
	signIn(t, ctx, base, "member")

	err := chromedp.Do(ctx,
		chromedp.Navigate(base+"/"),
		chromedp.SendKeys(chromedp.ID("ask-q"), "mongoose"),
		chromedp.Click(chromedp.ID("ask-go")),
		chromedp.WaitVisible(chromedp.ID("answer")),
	)
	if err != nil {
		t.Fatal(err)
	}
	ans := text(t, ctx, "#answer")
	for _, want := range []string{"MongoDB: hold", "No for new work", "G-1", "Do not start new MongoDB databases", "PostgreSQL", "Two outages a year."} {
		mustContain(t, ans, want)
	}
	browsertest.Screenshot(t, ctx, "ask")

	// Request an exception from the answer; a far expiry is refused beside its field.
	err = chromedp.Do(ctx,
		chromedp.Click(chromedp.CSS(`a[href="/exceptions/new?technology=mongodb"]`)),
		chromedp.WaitVisible(chromedp.ID("scope")),
		chromedp.SendKeys(chromedp.ID("scope"), "payments-ledger"),
		chromedp.SendKeys(chromedp.ID("justification"), "The ledger migration takes a year."),
		chromedp.SendKeys(chromedp.ID("risk"), "Known outages."),
		chromedp.SendKeys(chromedp.ID("compensating"), "Daily restore tests."),
		chromedp.Click(chromedp.ID("submit-exception")),
		chromedp.WaitVisible(chromedp.ID("expires-err")),
	)
	if err != nil {
		t.Fatal(err)
	}
	mustContain(t, text(t, ctx, "#expires-err"), "every exception ends")
	if v, _ := chromedp.Run(ctx, chromedp.Value(chromedp.ID("justification"))); v != "The ledger migration takes a year." {
		t.Fatalf("justification lost: %q", v)
	}
	err = chromedp.Do(ctx,
		chromedp.SetValue(chromedp.ID("expires_on"), bearing.DateOf(bearing.Now()).AddDays(90).String()),
		chromedp.Click(chromedp.ID("submit-exception")),
		chromedp.WaitVisible(chromedp.ID("state")),
	)
	if err != nil {
		t.Fatal(err)
	}
	mustContain(t, text(t, ctx, "#state"), "requested")

	// The DNA group decides.
	signIn(t, ctx, base, "dna")
	err = chromedp.Do(ctx,
		chromedp.Navigate(base+"/exceptions"),
		chromedp.Click(chromedp.CSS(`a[href="/exceptions/EXC-1"]`)),
		chromedp.WaitVisible(chromedp.ID("approve")),
		chromedp.SendKeys(chromedp.ID("reason"), "Restore tests make the risk acceptable."),
		chromedp.Click(chromedp.ID("approve")),
		chromedp.WaitVisible(chromedp.CSS("#state.exc-approved")),
	)
	if err != nil {
		t.Fatal(err)
	}
	mustContain(t, text(t, ctx, "main"), "approved by dna@example.com")

	// The member now sees the exception in the answer.
	signIn(t, ctx, base, "member")
	err = chromedp.Do(ctx, chromedp.Navigate(base+"/ask?q=mongo"), chromedp.WaitVisible(chromedp.ID("answer")))
	if err != nil {
		t.Fatal(err)
	}
	mustContain(t, text(t, ctx, "#answer"), "EXC-1 for payments-ledger")

	// The radar shows every entry as a link and in the table.
	err = chromedp.Do(ctx, chromedp.Navigate(base+"/radar"), chromedp.WaitVisible(chromedp.CSS("figure.radar svg")))
	if err != nil {
		t.Fatal(err)
	}
	links, err := chromedp.Run(ctx, chromedp.Nodes(chromedp.CSSAll("figure.radar svg a")))
	if err != nil || len(links) != 3 {
		t.Fatalf("radar links: %d %v", len(links), err)
	}
	mustContain(t, text(t, ctx, ".radar-table"), "MongoDB")
	browsertest.Screenshot(t, ctx, "radar")
	err = chromedp.Do(ctx, chromedp.Navigate(base+"/dont"), chromedp.WaitVisible(chromedp.CSS(".dont-list")))
	if err != nil {
		t.Fatal(err)
	}
	dont := text(t, ctx, "main")
	for _, want := range []string{"Do not start new MongoDB databases", "See the outages.", "Technologies on hold", "Two outages a year."} {
		mustContain(t, dont, want)
	}
	if strings.Contains(dont, "PostgreSQL") {
		t.Fatal("an adopted technology is listed under what we don't do")
	}
}

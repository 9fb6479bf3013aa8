package demo_test

import (
	"context"
	"regexp"
	"slices"
	"testing"
	"time"

	"github.com/bearingorg/bearing"
	"github.com/bearingorg/bearing/demo"
	"github.com/bearingorg/bearing/sqldb"
)

// testRadar checks the seeded radar: its size and spread, the history of
// moves, the "what we don't do" entries and the editions.
func testRadar(t *testing.T, ctx context.Context, svc demo.Services, res *demo.Result) {
	cfg, err := svc.Technologies.RadarConfig(ctx)
	if err != nil {
		t.Fatal(err)
	}
	techs, err := svc.Technologies.FindTechnologies(ctx, bearing.TechnologyFilter{})
	if err != nil {
		t.Fatal(err)
	}
	if len(techs) < 60 || len(techs) != res.Technologies {
		t.Fatalf("%d technologies, result says %d; want at least 60", len(techs), res.Technologies)
	}
	quadrants, rings := map[string]int{}, map[string]int{}
	moved, overdue := 0, 0
	bySlug := map[string]*bearing.Technology{}
	for _, tc := range techs {
		bySlug[tc.Slug] = tc
		quadrants[tc.Quadrant]++
		rings[tc.Ring]++
		if len(tc.Moves) >= 2 {
			moved++
		}
		if !tc.RevisitOn.IsZero() && tc.RevisitOn.Before(bearing.DateOf(time.Now())) {
			overdue++
		}
		if tc.Description == "" || tc.Rationale == "" || tc.ExecutiveSummary == "" || len(tc.Owners) == 0 {
			t.Errorf("%s lacks a description, rationale, summary or owners", tc.Slug)
		}
		if len(tc.Moves) == 0 || tc.Moves[0].From != "" || tc.Moves[len(tc.Moves)-1].To != tc.Ring {
			t.Errorf("%s: moves %+v do not end in %s", tc.Slug, tc.Moves, tc.Ring)
		}
		for i, m := range tc.Moves {
			if m.Reason == "" || m.At.After(time.Now()) || (i > 0 && !m.At.After(tc.Moves[i-1].At)) {
				t.Errorf("%s: move %d %+v is out of order or has no reason", tc.Slug, i, m)
			}
		}
		if v, _ := cfg.Ring(tc.Ring); v.Verdict == bearing.VerdictHold && tc.Rationale == "" {
			t.Errorf("hold entry %s has no rationale", tc.Slug)
		}
		if len(tc.Moves) > 1 && tc.Rationale == tc.Moves[0].Reason {
			t.Errorf("%s moved but kept the reason it entered as its rationale", tc.Slug)
		}
		for _, k := range tc.Decisions {
			if _, err := svc.Decisions.FindDecision(ctx, k); err != nil {
				t.Errorf("%s links %s: %v", tc.Slug, k, err)
			}
		}
	}
	for _, tc := range techs {
		for _, a := range tc.Alternatives {
			if bySlug[a] == nil {
				t.Errorf("%s names unknown alternative %s", tc.Slug, a)
			}
		}
	}
	for _, q := range cfg.Quadrants {
		if quadrants[q.Name] == 0 {
			t.Errorf("quadrant %s is empty", q.Name)
		}
	}
	for _, r := range cfg.Rings {
		if rings[r.Name] == 0 {
			t.Errorf("ring %s is empty", r.Name)
		}
	}
	t.Logf("quadrants %v, rings %v; %d entries moved, %d overdue for review", quadrants, rings, moved, overdue)
	if moved < 10 || overdue == 0 {
		t.Errorf("%d entries with two moves or more (want 10), %d overdue for review (want some)", moved, overdue)
	}
	for _, slug := range []string{"mongodb", "jenkins", "self-managed-kafka", "php", "elixir", "moment-js", "log4j-before-2-17-1", "node-js-before-20"} {
		if tc := bySlug[slug]; tc == nil || tc.Ring != "hold" || tc.Rationale == "" {
			t.Errorf("%s should be on hold with a rationale: %+v", slug, tc)
		}
	}
	if m := bySlug["mongodb"]; m == nil || len(m.Decisions) < 3 || len(m.Alternatives) == 0 {
		t.Errorf("mongodb should link its three decisions and name alternatives: %+v", m)
	}

	eds, err := svc.Technologies.FindEditions(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if len(eds) < 4 || len(eds) != res.Editions {
		t.Fatalf("%d editions, result says %d; want at least 4", len(eds), res.Editions)
	}
	slices.Reverse(eds) // oldest first
	quarter := regexp.MustCompile(`^20\d\d Q[1-4]$`)
	var prev *bearing.Edition
	for _, e := range eds {
		full, err := svc.Technologies.FindEdition(ctx, e.ID)
		if err != nil {
			t.Fatal(err)
		}
		if !quarter.MatchString(full.Name) || len(full.Entries) < 20 {
			t.Errorf("edition %q has %d entries", full.Name, len(full.Entries))
		}
		if prev != nil {
			kinds := map[string]int{}
			for _, c := range bearing.CompareEditions(cfg, prev, full) {
				kinds[c.Kind]++
			}
			t.Logf("%s → %s: %d new, %d moved in, %d moved out", prev.Name, full.Name,
				kinds[bearing.EntryNew], kinds[bearing.EntryMovedIn], kinds[bearing.EntryMovedOut])
			if kinds[bearing.EntryNew] == 0 || kinds[bearing.EntryMovedIn]+kinds[bearing.EntryMovedOut] == 0 {
				t.Errorf("%s → %s shows no new or no moved entries", prev.Name, full.Name)
			}
			if !full.PublishedAt.After(prev.PublishedAt) || full.Name == prev.Name {
				t.Errorf("editions %s and %s are out of order or share a name", prev.Name, full.Name)
			}
		}
		prev = full
	}
}

// testGuidelines checks the guidelines: statuses, levels, scopes and the
// machine-checkable rules the demo promises.
func testGuidelines(t *testing.T, ctx context.Context, svc demo.Services, res *demo.Result) {
	gs, err := svc.Guidelines.FindGuidelines(ctx, bearing.GuidelineFilter{})
	if err != nil {
		t.Fatal(err)
	}
	if len(gs) != res.Guidelines {
		t.Fatalf("%d guidelines, result says %d", len(gs), res.Guidelines)
	}
	status, levels := map[bearing.GuidelineStatus]int{}, map[bearing.Level]int{}
	scoped, mustNotRules := 0, 0
	var rules []string
	for _, g := range gs {
		status[g.Status]++
		if g.Rationale == "" || len(g.Owners) == 0 || len(g.DoExamples) == 0 || len(g.DontExamples) == 0 {
			t.Errorf("%s lacks a rationale, owners or examples", g.Key())
		}
		if g.Status != bearing.GuidelinePublished {
			continue
		}
		levels[g.Level]++
		if !g.Scope.Everyone() {
			scoped++
		}
		if g.Level == bearing.LevelMustNot && len(g.Rules) > 0 {
			mustNotRules++
		}
		for _, r := range g.Rules {
			rules = append(rules, r.String())
		}
	}
	t.Logf("statuses %v, published levels %v, %d scoped", status, levels, scoped)
	if status[bearing.GuidelinePublished] < 12 || status[bearing.GuidelineDraft] < 2 || status[bearing.GuidelineRetired] < 1 {
		t.Errorf("want ≥ 12 published, 2 drafts and a retired guideline; got %v", status)
	}
	for _, l := range bearing.Levels {
		if levels[l] == 0 {
			t.Errorf("no published %s guideline", l)
		}
	}
	if mustNotRules < 3 || scoped < 2 {
		t.Errorf("%d MUST NOT guidelines with rules (want 3), %d scoped to teams or tags (want 2)", mustNotRules, scoped)
	}
	for _, want := range []string{"forbid pkg:npm/moment", "forbid pkg:maven/org.apache.logging.log4j/log4j-core@<2.17.1",
		"require file CODEOWNERS|.github/CODEOWNERS", "require runtime node@>=20", "require runtime golang@>=1.22",
		"forbid docker.io/library/mongo", "forbid actions/checkout@<v4", "require pkg:npm/@northwind/logger"} {
		if !slices.Contains(rules, want) {
			t.Errorf("no published rule %q in %q", want, rules)
		}
	}
	neg, err := svc.Guidelines.FindGuidelines(ctx, bearing.GuidelineFilter{Negative: true})
	if err != nil || len(neg) < 5 {
		t.Errorf("%d guidelines on what we don't do, %v", len(neg), err)
	}
}

// testExceptions checks that every state of an exception is shown, with a
// renewal, and that requests and decisions respect who may make them.
func testExceptions(t *testing.T, ctx context.Context, svc demo.Services, res *demo.Result, now time.Time) {
	xs, err := svc.Exceptions.FindExceptions(ctx, bearing.ExceptionFilter{})
	if err != nil {
		t.Fatal(err)
	}
	if len(xs) < 10 || len(xs) != res.Exceptions {
		t.Fatalf("%d exceptions, result says %d; want about 10", len(xs), res.Exceptions)
	}
	today := bearing.DateOf(now)
	states := map[bearing.ExceptionState]int{}
	soon, later, renewals := 0, 0, 0
	for _, x := range xs {
		states[x.State]++
		if x.Active(today) && x.ExpiresOn.Before(today.AddDays(31)) {
			soon++
		} else if x.Active(today) && today.AddDays(60).Before(x.ExpiresOn) {
			later++
		}
		if x.RenewalOf != "" && x.Renewals >= 1 {
			renewals++
			if _, err := svc.Exceptions.FindException(ctx, x.RenewalOf); err != nil {
				t.Errorf("%s renews %s: %v", x.Key(), x.RenewalOf, err)
			}
		}
		u, err := svc.Users.FindUserByEmail(ctx, x.RequestedBy)
		if err != nil || !slices.Contains(u.Teams, x.Team) {
			t.Errorf("%s was requested by %s, not a member of %s (%v)", x.Key(), x.RequestedBy, x.Team, err)
		}
		if x.State != bearing.ExceptionRequested && x.State != bearing.ExceptionExpired && (x.DecidedBy == "" || x.DecidedBy == x.RequestedBy) {
			t.Errorf("%s (%s) was decided by %q, requested by %s", x.Key(), x.State, x.DecidedBy, x.RequestedBy)
		}
		if x.State == bearing.ExceptionExpired {
			evs, err := svc.Exceptions.ExceptionHistory(ctx, x.Key())
			if err != nil || len(evs) < 3 || evs[len(evs)-1].Action != "expired" {
				t.Errorf("%s expired but its history is %v (%v)", x.Key(), evs, err)
			}
		}
	}
	t.Logf("states %v; %d active expire within 30 days, %d in more than 60; %d renewals", states, soon, later, renewals)
	for _, s := range []bearing.ExceptionState{bearing.ExceptionRequested, bearing.ExceptionApproved, bearing.ExceptionRejected,
		bearing.ExceptionExpired, bearing.ExceptionRevoked} {
		if states[s] == 0 {
			t.Errorf("no %s exception", s)
		}
	}
	if soon == 0 || later == 0 || renewals == 0 {
		t.Errorf("want exceptions expiring soon (%d) and later (%d), and a renewal (%d)", soon, later, renewals)
	}
}

// testPolicy checks that the policy document builds from the seeded data
// and answers the demo's favourite question.
func testPolicy(t *testing.T, ctx context.Context, db *sqldb.DB) {
	p, err := sqldb.NewPolicyService(db, "").Policy(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if len(p.Technologies) < 60 || len(p.Guidelines) < 12 || len(p.Exceptions) < 3 || len(p.Decisions) < 20 {
		t.Errorf("policy has %d technologies, %d guidelines, %d active exceptions, %d decisions",
			len(p.Technologies), len(p.Guidelines), len(p.Exceptions), len(p.Decisions))
	}
	a := p.Ask("mongo", nil)
	if a.Verdict != bearing.VerdictHold || a.Technology == nil || a.Technology.Slug != "mongodb" || len(a.Alternatives) == 0 {
		t.Fatalf("Ask(mongo) = %s %+v, alternatives %v", a.Verdict, a.Technology, a.Alternatives)
	}
	kinds := map[string]int{}
	for _, r := range a.Reasons {
		kinds[r.Kind]++
	}
	if kinds["rationale"] == 0 || kinds["guideline"] == 0 || kinds["decision"] < 3 {
		t.Errorf("Ask(mongo) gives reasons %v", kinds)
	}
	if a := p.Ask("mongo", []string{"payments"}); len(a.Exceptions) == 0 {
		t.Errorf("Ask(mongo) for payments shows no exception")
	}
	if a := p.Ask("kafka", nil); a.Verdict != bearing.VerdictAdopt {
		t.Errorf("Ask(kafka) = %s %+v", a.Verdict, a.Technology)
	}
}

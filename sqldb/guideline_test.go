package sqldb_test

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/bearingorg/bearing"
	"github.com/bearingorg/bearing/sqldb"
	"github.com/bearingorg/bearing/sqldb/sqldbtest"
)

func TestGuidelines(t *testing.T) {
	sqldbtest.Each(t, func(t *testing.T, db *sqldb.DB) {
		f := newRadarFixture(t, db)
		if err := f.tech.CreateTechnology(as(f.dna), &bearing.Technology{Name: "Moment.js", Quadrant: "Languages & Frameworks", Ring: "hold",
			Identifiers: []string{"pkg:npm/moment"}}, ""); err != nil {
			t.Fatal(err)
		}
		g := &bearing.Guideline{Statement: "Do not add moment.js", Level: "must not", Technologies: []string{"Moment.js"},
			Scope: bearing.Scope{Teams: []string{"payments"}}, Rules: []bearing.Rule{{Forbid: "pkg:npm/moment"}}, Status: bearing.GuidelinePublished}
		wantCode(t, f.guidelines.CreateGuideline(as(f.member), g), bearing.EFORBIDDEN)
		if err := f.guidelines.CreateGuideline(as(f.dna), g); err != nil {
			t.Fatal(err)
		}
		if g.Key() != "G-1" || g.Technologies[0] != "moment-js" {
			t.Fatalf("created %s %+v", g.Key(), g.Technologies)
		}
		bad := &bearing.Guideline{Statement: "x", Level: "MUST", Technologies: []string{"cobol"}, Scope: bearing.Scope{Teams: []string{"nobody"}},
			Rules: []bearing.Rule{{RequireFile: "../../etc/passwd"}}}
		err := f.guidelines.CreateGuideline(as(f.dna), bad)
		if !strings.Contains(fieldList(err), "rules[0].require_file") {
			t.Fatalf("rule not validated: %s", fieldList(err))
		}
		bad.Rules = nil
		err = f.guidelines.CreateGuideline(as(f.dna), bad)
		if !strings.Contains(fieldList(err), "technologies[0]") || !strings.Contains(fieldList(err), "scope.teams[0]") {
			t.Fatalf("references not checked: %s", fieldList(err))
		}
		retired := bearing.GuidelineRetired
		if _, err := f.guidelines.UpdateGuideline(as(f.dna), "G-1", 7, bearing.GuidelineUpdate{Status: &retired}); bearing.ErrorCode(err) != bearing.ECONFLICT {
			t.Fatalf("stale: %v", err)
		}
		neg, _ := f.guidelines.FindGuidelines(context.Background(), bearing.GuidelineFilter{Negative: true})
		if len(neg) != 1 {
			t.Fatalf("negative guidelines: %d", len(neg))
		}
		up, err := f.guidelines.UpdateGuideline(as(f.dna), "g-1", 1, bearing.GuidelineUpdate{Status: &retired})
		if err != nil || up.Status != retired || up.Version != 2 {
			t.Fatalf("retire: %+v %v", up, err)
		}
		pub, _ := f.guidelines.FindGuidelines(context.Background(), bearing.GuidelineFilter{Status: []bearing.GuidelineStatus{bearing.GuidelinePublished}})
		if len(pub) != 0 {
			t.Fatal("a retired guideline is still listed as published")
		}
	})
}

func TestExceptionsStorage(t *testing.T) {
	sqldbtest.Each(t, func(t *testing.T, db *sqldb.DB) {
		f := newRadarFixture(t, db)
		clock := time.Date(2026, 11, 26, 9, 0, 0, 0, time.UTC)
		db.Now = func() time.Time { return clock }
		if err := f.tech.CreateTechnology(as(f.dna), &bearing.Technology{Name: "MongoDB", Quadrant: "Datastores", Ring: "hold"}, ""); err != nil {
			t.Fatal(err)
		}
		// The member's user record carries their teams, as the HTTP layer provides it.
		member, _ := f.users.FindUserByEmail(context.Background(), f.member.Email)
		req := func() *bearing.Exception {
			return &bearing.Exception{Team: "payments", Technology: "mongodb", Scope: []string{"payments-*"}, Justification: "Ledger migration takes a year.",
				Risk: "Known outages.", Compensating: "Daily backups.", ExpiresOn: bearing.MustParseDate("2027-03-01")}
		}
		e := req()
		if err := f.exceptions.RequestException(as(member), e); err != nil {
			t.Fatal(err)
		}
		if e.Key() != "EXC-1" || e.State != bearing.ExceptionRequested || e.RequestedBy != member.Email {
			t.Fatalf("requested: %+v", e)
		}
		far := req()
		far.ExpiresOn = bearing.MustParseDate("2028-01-01")
		if err := f.exceptions.RequestException(as(member), far); !strings.Contains(fieldList(err), "more than 365 days") {
			t.Fatalf("too far: %v", err)
		}
		other := req()
		other.Team = "payments"
		otto := &bearing.User{Email: "otto@example.com", Name: "Otto", Role: bearing.RoleMember}
		f.users.CreateUser(as(f.admin), otto, "")
		if err := f.exceptions.RequestException(as(otto), other); !strings.Contains(fieldList(err), "not a member of payments") {
			t.Fatalf("foreign team: %v", err)
		}
		// Self-approval is refused; another DNA member decides, with a reason.
		dnaReq := req()
		if err := f.exceptions.RequestException(as(f.dna), dnaReq); err != nil {
			t.Fatal(err)
		}
		_, err := f.exceptions.DecideException(as(f.dna), dnaReq.Key(), true, "fine")
		wantCode(t, err, bearing.EFORBIDDEN)
		_, err = f.exceptions.DecideException(as(member), e.Key(), true, "fine")
		wantCode(t, err, bearing.EFORBIDDEN)
		_, err = f.exceptions.DecideException(as(f.dna), e.Key(), true, "")
		wantCode(t, err, bearing.EINVALID)
		ok, err := f.exceptions.DecideException(as(f.dna), e.Key(), true, "Backups make the risk acceptable.")
		if err != nil || ok.State != bearing.ExceptionApproved || ok.DecidedBy != f.dna.Email {
			t.Fatalf("approve: %+v %v", ok, err)
		}
		_, err = f.exceptions.DecideException(as(f.admin), e.Key(), false, "changed my mind")
		wantCode(t, err, bearing.EINVALID) // approved → rejected is not a move
		p, err := f.policy.Policy(context.Background())
		if err != nil || len(p.Exceptions) != 1 || p.Exceptions[0].Key != "EXC-1" {
			t.Fatalf("policy exceptions: %+v %v", p.Exceptions, err)
		}
		// A renewal links back and counts.
		ren := req()
		ren.RenewalOf = "EXC-1"
		if err := f.exceptions.RequestException(as(member), ren); err != nil || ren.Renewals != 1 || ren.RenewalOf != "EXC-1" {
			t.Fatalf("renewal: %+v %v", ren, err)
		}
		// Expiry happens on its own once the date has passed, once.
		clock = time.Date(2027, 3, 2, 0, 0, 1, 0, time.UTC)
		if n, err := f.exceptions.ExpireExceptions(context.Background()); err != nil || n != 1 {
			t.Fatalf("expire: %d %v", n, err)
		}
		if n, _ := f.exceptions.ExpireExceptions(context.Background()); n != 0 {
			t.Fatalf("expired twice: %d", n)
		}
		gone, _ := f.exceptions.FindException(context.Background(), "EXC-1")
		hist, _ := f.exceptions.ExceptionHistory(context.Background(), "EXC-1")
		if gone.State != bearing.ExceptionExpired || hist[len(hist)-1].Action != "expired" {
			t.Fatalf("after expiry: %s %+v", gone.State, hist[len(hist)-1])
		}
		p, _ = f.policy.Policy(context.Background())
		if len(p.Exceptions) != 0 {
			t.Fatalf("expired exception still in the policy: %+v", p.Exceptions)
		}
	})
}

func TestPolicyCache(t *testing.T) {
	sqldbtest.Each(t, func(t *testing.T, db *sqldb.DB) {
		f := newRadarFixture(t, db)
		p1, err := f.policy.Policy(context.Background())
		if err != nil || len(p1.Technologies) != 0 {
			t.Fatal(err)
		}
		if p2, _ := f.policy.Policy(context.Background()); p2 != p1 {
			t.Fatal("policy rebuilt without a change")
		}
		d := f.create(t, f.dna, sample("Use Go"))
		if err := f.tech.CreateTechnology(as(f.dna), &bearing.Technology{Name: "Go", Quadrant: "Languages & Frameworks", Ring: "adopt",
			Decisions: []string{d.Key()}, Rationale: "Fast builds."}, ""); err != nil {
			t.Fatal(err)
		}
		// Another instance's cache sees the change through the counter.
		other := sqldb.NewPolicyService(db, "")
		for _, svc := range []*sqldb.PolicyService{f.policy, other} {
			p, err := svc.Policy(context.Background())
			if err != nil || len(p.Technologies) != 1 || p.Technologies[0].Verdict != bearing.VerdictAdopt || len(p.Decisions) != 1 || p.Hash == p1.Hash {
				t.Fatalf("policy after change: %+v %v", p, err)
			}
		}
		a, _ := f.policy.Policy(context.Background())
		if ans := a.Ask("GO", nil); ans.Verdict != bearing.VerdictAdopt || ans.Reasons[1].URL != "https://bearing.example/decisions/DEC-1" {
			t.Fatalf("ask: %+v", ans)
		}
	})
}

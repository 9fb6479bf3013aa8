package bearing_test

import (
	"strings"
	"testing"

	"github.com/bearingorg/bearing"
)

func TestTechnologyValidate(t *testing.T) {
	cfg := bearing.DefaultRadarConfig()
	tech := &bearing.Technology{Name: " Amazon EKS ", Quadrant: "platforms & infrastructure", Ring: "Trial",
		Identifiers: []string{"image:mongo:<5", "golang@<1.22"}, Decisions: []string{"dec-4"}}
	if err := tech.Validate(&cfg); err != nil {
		t.Fatal(err)
	}
	if tech.Slug != "amazon-eks" || tech.Quadrant != "Platforms & Infrastructure" || tech.Ring != "trial" ||
		tech.Identifiers[0] != "docker.io/library/mongo:<5" || tech.Decisions[0] != "DEC-4" {
		t.Fatalf("not normalised: %+v", tech)
	}
	bad := &bearing.Technology{Name: "X", Quadrant: "Databases", Ring: "maybe", Identifiers: []string{"pkg:cobol/x"}, Decisions: []string{"soon"}}
	err := bad.Validate(&cfg)
	for _, want := range []string{"quadrant", "ring", "identifiers[0]", "decisions[0]"} {
		if !strings.Contains(bearing.ErrorMessage(err)+fieldList(err), want) {
			t.Errorf("no error for %s: %v", want, err)
		}
	}
	if !strings.Contains(fieldList(err), "use one of adopt, trial, assess, hold") {
		t.Errorf("ring error does not name the rings: %s", fieldList(err))
	}
}

func fieldList(err error) string {
	var b strings.Builder
	for _, f := range bearing.ErrorFields(err) {
		b.WriteString(f.Field + ": " + f.Message + "\n")
	}
	return b.String()
}

func TestRadarConfig(t *testing.T) {
	cfg := bearing.RadarConfig{Rings: []bearing.Ring{{Name: "Use", Verdict: "adopt"}, {Name: "use", Verdict: "hold"}, {Name: "x", Verdict: "never"}},
		Quadrants: []bearing.Quadrant{{Name: "A"}, {Name: "B"}, {Name: "C"}, {Name: "D"}, {Name: "E"}, {Name: "F"}}}
	err := cfg.Validate()
	if !strings.Contains(fieldList(err), "rings[1].name") || !strings.Contains(fieldList(err), "rings[2].verdict") {
		t.Fatalf("errors: %s", fieldList(err))
	}
	six := bearing.RadarConfig{Rings: []bearing.Ring{{Name: "yes", Verdict: "adopt"}, {Name: "no", Verdict: "hold"}}, Quadrants: cfg.Quadrants}
	if err := six.Validate(); err != nil {
		t.Fatalf("six quadrants and two rings should be fine: %v", err)
	}
}

func TestRules(t *testing.T) {
	ok := []bearing.Rule{{Forbid: "pkg:npm/moment"}, {Require: "pkg:npm/@northwind/*"}, {RequireFile: "CODEOWNERS|.github/CODEOWNERS"},
		{RequireRuntime: "node@>=20"}}
	for _, r := range ok {
		if err := r.Validate(); err != nil {
			t.Errorf("%+v: %v", r, err)
		}
	}
	bad := map[string]bearing.Rule{
		"set exactly one":       {},
		"not a package type":    {Forbid: "pkg:cobol/x"},
		"inside the repository": {RequireFile: "../secrets"},
		"needs a version range": {RequireRuntime: "node"},
		"is not a runtime":      {RequireRuntime: "pkg:npm/x@1"},
	}
	for want, r := range bad {
		two := bearing.Rule{Forbid: "pkg:npm/a", Require: "pkg:npm/b"}
		if want == "set exactly one" {
			if err := two.Validate(); err == nil {
				t.Error("two kinds accepted")
			}
		}
		if err := r.Validate(); err == nil || !strings.Contains(fieldList(err), want) {
			t.Errorf("%+v: %v, want %q", r, err, want)
		}
	}
	g := &bearing.Guideline{Statement: "No moment.js", Level: "must  not", Rules: []bearing.Rule{{Forbid: "pkg:npm/moment"}, {Forbid: "pkg:x"}}}
	err := g.Validate()
	if g.Level != bearing.LevelMustNot || !strings.Contains(fieldList(err), "rules[1].forbid") {
		t.Fatalf("guideline: level %q, %s", g.Level, fieldList(err))
	}
}

func TestExceptions(t *testing.T) {
	today := bearing.MustParseDate("2026-11-26")
	e := &bearing.Exception{Team: "payments", Technology: "MongoDB", Scope: []string{"payments-*"}, Justification: "j", Risk: "r",
		Compensating: "c", ExpiresOn: today.AddDays(90)}
	if err := e.Validate(today, 365); err != nil {
		t.Fatal(err)
	}
	e.ExpiresOn = today.AddDays(400)
	if err := e.Validate(today, 365); !strings.Contains(fieldList(err), "more than 365 days away; the latest allowed is 2027-11-26") {
		t.Fatalf("expiry too far: %s", fieldList(err))
	}
	e.ExpiresOn = today
	if err := e.Validate(today, 365); !strings.Contains(fieldList(err), "not in the future") {
		t.Fatalf("expiry today: %s", fieldList(err))
	}
	both := &bearing.Exception{Team: "x", Technology: "a", Guideline: "G-1", Scope: []string{"r"}, Justification: "j", Risk: "r", Compensating: "c", ExpiresOn: today.AddDays(1)}
	if err := both.Validate(today, 365); !strings.Contains(fieldList(err), "not both") {
		t.Fatalf("two targets: %s", fieldList(err))
	}
	e.State, e.ExpiresOn = bearing.ExceptionApproved, today
	if !e.Active(today) || e.Active(today.AddDays(1)) || !e.Covers("payments-api") || e.Covers("checkout") {
		t.Fatal("active/covers")
	}
	for from, tos := range map[bearing.ExceptionState][]bearing.ExceptionState{
		bearing.ExceptionRequested: {bearing.ExceptionApproved, bearing.ExceptionRejected},
		bearing.ExceptionApproved:  {bearing.ExceptionExpired, bearing.ExceptionRevoked},
	} {
		for _, to := range tos {
			if err := bearing.CheckExceptionMove(from, to); err != nil {
				t.Errorf("%s → %s refused: %v", from, to, err)
			}
		}
	}
	if err := bearing.CheckExceptionMove(bearing.ExceptionRejected, bearing.ExceptionApproved); err == nil {
		t.Error("rejected → approved allowed")
	}
	if err := bearing.CheckExceptionMove(bearing.ExceptionRequested, bearing.ExceptionExpired); !strings.Contains(fieldList(err), "approved or rejected") {
		t.Errorf("message: %v", err)
	}
	req := &bearing.Exception{Number: 4, RequestedBy: "dan@x"}
	if bearing.CanDecideException(&bearing.User{Email: "dan@x", Role: bearing.RoleDNA}, req) == nil {
		t.Error("self-approval allowed")
	}
	if bearing.CanDecideException(&bearing.User{Email: "mia@x", Role: bearing.RoleMember}, req) == nil {
		t.Error("member may decide")
	}
	if err := bearing.CanDecideException(&bearing.User{Email: "eve@x", Role: bearing.RoleDNA}, req); err != nil {
		t.Errorf("another DNA member refused: %v", err)
	}
}

func TestCompareEditions(t *testing.T) {
	cfg := bearing.DefaultRadarConfig()
	old := &bearing.Edition{Entries: []bearing.EditionEntry{{TechnologyID: "1", Name: "Go", Ring: "trial"}, {TechnologyID: "2", Name: "Mongo", Ring: "trial"},
		{TechnologyID: "3", Name: "Perl", Ring: "hold"}, {TechnologyID: "5", Name: "Redis", Ring: "adopt"}}}
	cur := &bearing.Edition{Entries: []bearing.EditionEntry{{TechnologyID: "1", Name: "Go", Ring: "adopt"}, {TechnologyID: "2", Name: "Mongo", Ring: "hold"},
		{TechnologyID: "4", Name: "Zig", Ring: "assess"}, {TechnologyID: "5", Name: "Redis", Ring: "adopt"}}}
	var got []string
	for _, c := range bearing.CompareEditions(&cfg, old, cur) {
		got = append(got, c.Name+"="+c.Kind)
	}
	if strings.Join(got, ",") != "Go=moved in,Mongo=moved out,Perl=removed,Redis=,Zig=new" {
		t.Fatalf("changes = %v", got)
	}
}

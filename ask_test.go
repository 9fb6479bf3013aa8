package bearing_test

import (
	"strings"
	"testing"
	"time"

	"github.com/bearingorg/bearing"
)

func testPolicy() *bearing.Policy {
	p := &bearing.Policy{
		Radar: bearing.DefaultRadarConfig(),
		Technologies: []bearing.PolicyTechnology{
			{Slug: "mongodb", Name: "MongoDB", Aliases: []string{"mongo"}, Quadrant: "Datastores", Ring: "hold", Verdict: bearing.VerdictHold,
				Rationale: "Two outages a year.", Identifiers: []string{"pkg:npm/mongoose", "docker.io/library/mongo", "pkg:golang/go.mongodb.org/mongo-driver"},
				Decisions: []string{"DEC-3"}},
			{Slug: "postgresql", Name: "PostgreSQL", Aliases: []string{"postgres"}, Quadrant: "Datastores", Ring: "adopt", Verdict: bearing.VerdictAdopt},
			{Slug: "redis", Name: "Redis", Quadrant: "Datastores", Ring: "adopt", Verdict: bearing.VerdictAdopt},
			{Slug: "kotlin", Name: "Kotlin", Quadrant: "Languages & Frameworks", Ring: "assess", Verdict: bearing.VerdictAssess, Alternatives: []string{"go"}},
			{Slug: "go", Name: "Go", Aliases: []string{"golang"}, Quadrant: "Languages & Frameworks", Ring: "adopt", Verdict: bearing.VerdictAdopt},
			{Slug: "kubernetes", Name: "Kubernetes", Aliases: []string{"k8s"}, Quadrant: "Platforms & Infrastructure", Ring: "trial", Verdict: bearing.VerdictTrial},
		},
		Guidelines: []bearing.PolicyGuideline{
			{Key: "G-1", Statement: "Do not start new MongoDB databases", Level: bearing.LevelMustNot, Rules: []bearing.Rule{{Forbid: "pkg:npm/mongoose"}}},
			{Key: "G-2", Statement: "Use the shared cluster", Level: bearing.LevelShould, Technologies: []string{"postgresql"}},
		},
		Exceptions: []bearing.PolicyException{
			{Key: "EXC-1", Team: "payments", Technology: "mongodb", Scope: []string{"ledger"}, ExpiresOn: bearing.MustParseDate("2027-01-01")},
			{Key: "EXC-2", Team: "search", Guideline: "G-1", Scope: []string{"indexer"}, ExpiresOn: bearing.MustParseDate("2027-01-01")},
		},
		Decisions: []bearing.PolicyDecision{{Key: "DEC-3", Title: "Retire MongoDB", Status: bearing.StatusAccepted}},
		Contacts:  []string{"dna@example.com"},
	}
	p.Seal()
	return p
}

func TestAsk(t *testing.T) {
	p := testPolicy()
	for q, want := range map[string]string{
		"MongoDB": "mongodb", "mongodb": "mongodb", "mongo": "mongodb", "pkg:npm/mongoose": "mongodb", "mongoose": "mongodb",
		"docker.io/library/mongo:4.4": "mongodb", "image:mongo": "mongodb", "pkg:golang/go.mongodb.org/mongo-driver": "mongodb",
		"MongoBD": "mongodb", "postgress": "postgresql", "postgres": "postgresql", "k8s": "kubernetes", "golang": "go",
		"Kubernets": "kubernetes", "kotln": "kotlin",
	} {
		a := p.Ask(q, nil)
		if a.Technology == nil || a.Technology.Slug != want {
			t.Errorf("Ask(%q) found %+v, want %s", q, a.Technology, want)
		}
	}
	a := p.Ask("mongo", []string{"payments", "search"})
	if a.Verdict != bearing.VerdictHold || a.Matched != "alias mongo" {
		t.Fatalf("verdict %s matched %q", a.Verdict, a.Matched)
	}
	var kinds []string
	for _, r := range a.Reasons {
		kinds = append(kinds, r.Kind+":"+r.Ref)
	}
	if strings.Join(kinds, " ") != "rationale:mongodb guideline:G-1 decision:DEC-3" {
		t.Errorf("reasons = %v", kinds)
	}
	if len(a.Alternatives) != 2 || a.Alternatives[0].Slug != "postgresql" {
		t.Errorf("alternatives = %+v", a.Alternatives)
	}
	if len(a.Exceptions) != 2 {
		t.Errorf("exceptions for payments and search = %+v", a.Exceptions)
	}
	if a := p.Ask("mongo", []string{"mobile"}); len(a.Exceptions) != 0 {
		t.Errorf("another team's exceptions shown: %+v", a.Exceptions)
	}
	if a := p.Ask("kotlin", nil); len(a.Alternatives) != 1 || a.Alternatives[0].Slug != "go" {
		t.Errorf("named alternatives: %+v", a.Alternatives)
	}
	if a := p.Ask("PostgreSQL", nil); a.Verdict != bearing.VerdictAdopt || len(a.Alternatives) != 0 || len(a.Reasons) != 1 {
		t.Errorf("adopt answer: %+v", a)
	}
	u := p.Ask("Cobol", nil)
	if u.Verdict != bearing.VerdictUnknown || u.Technology != nil || len(u.Contacts) != 1 || !strings.Contains(u.HowToRaise, "DNA group") {
		t.Errorf("unknown: %+v", u)
	}
	if u := p.Ask("Redos", nil); u.Technology != nil && u.Technology.Slug != "redis" {
		t.Errorf("Redos: %+v", u.Technology)
	}
	if u := p.Ask("xy", nil); u.Verdict != bearing.VerdictUnknown {
		t.Errorf("two letters should not fuzzy-match: %+v", u.Technology)
	}
}

func TestPolicyHash(t *testing.T) {
	a, b := testPolicy(), testPolicy()
	b.GeneratedAt = time.Now()
	b.Seal()
	if a.Hash != b.Hash || len(a.Hash) != 64 {
		t.Fatalf("hash depends on the time: %s %s", a.Hash, b.Hash)
	}
	b.Technologies[0].Ring = "trial"
	b.Seal()
	if a.Hash == b.Hash {
		t.Fatal("hash ignores a ring change")
	}
}

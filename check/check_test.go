package check

import (
	"fmt"
	"maps"
	"slices"
	"strings"
	"testing"

	"github.com/bearingorg/bearing"
)

// today is the fixed day every test evaluates on.
var today = bearing.MustParseDate("2026-11-15")

// testPolicy is a small radar with one technology per verdict, identifiers
// of every shape, and guidelines with each kind of rule and scope.
func testPolicy() *bearing.Policy {
	return &bearing.Policy{
		BaseURL: "https://bearing.example/",
		Radar: bearing.RadarConfig{
			Rings: []bearing.Ring{{Name: "adopt", Verdict: bearing.VerdictAdopt}, {Name: "trial", Verdict: bearing.VerdictTrial},
				{Name: "assess", Verdict: bearing.VerdictAssess}, {Name: "retire", Verdict: bearing.VerdictHold}},
		},
		Technologies: []bearing.PolicyTechnology{
			{Slug: "mongodb", Name: "MongoDB", Quadrant: "Datastores", Ring: "hold", Verdict: bearing.VerdictHold,
				Rationale:   "Operating **MongoDB** well needs skills we do not have. We moved the last ledger off it in 2024.",
				Identifiers: []string{"docker.io/library/mongo", "pkg:npm/mongoose", "pkg:npm/mongodb"},
				Decisions:   []string{"DEC-3"}, Alternatives: []string{"postgresql", "aurora-postgresql"}},
			{Slug: "postgresql", Name: "PostgreSQL", Quadrant: "Datastores", Ring: "adopt", Verdict: bearing.VerdictAdopt,
				Identifiers: []string{"docker.io/library/postgres", "pkg:npm/pg"}},
			{Slug: "aurora-postgresql", Name: "Amazon Aurora PostgreSQL", Quadrant: "Datastores", Ring: "adopt", Verdict: bearing.VerdictAdopt},
			{Slug: "cassandra", Name: "Cassandra", Quadrant: "Datastores", Ring: "assess", Verdict: bearing.VerdictAssess,
				Rationale: "We are measuring it for the event store.", Identifiers: []string{"docker.io/library/cassandra"}},
			{Slug: "aws-sdk-v3", Name: "AWS SDK for JavaScript v3", Quadrant: "Platforms", Ring: "trial", Verdict: bearing.VerdictTrial,
				Identifiers: []string{"pkg:npm/@aws-sdk/*"}},
			{Slug: "log4j-before-2-17-1", Name: "Log4j before 2.17.1", Quadrant: "Tools", Ring: "retire",
				Rationale:   "Log4Shell (CVE-2021-44228) is exploitable by anyone who can get a string logged.",
				Identifiers: []string{"pkg:maven/org.apache.logging.log4j/log4j-core@<2.17.1"}},
			{Slug: "moment-js", Name: "Moment.js", Quadrant: "Languages", Ring: "hold", Verdict: bearing.VerdictHold,
				Identifiers: []string{"pkg:npm/moment"}, Alternatives: []string{"date-fns"}},
			{Slug: "date-fns", Name: "date-fns", Quadrant: "Languages", Ring: "adopt", Verdict: bearing.VerdictAdopt,
				Identifiers: []string{"pkg:npm/date-fns"}},
			{Slug: "node", Name: "Node.js", Quadrant: "Languages", Ring: "adopt", Verdict: bearing.VerdictAdopt, Identifiers: []string{"node"}},
		},
		Guidelines: []bearing.PolicyGuideline{
			{Key: "G-1", Level: bearing.LevelMustNot, Statement: "New code MUST NOT use Moment.js",
				Rationale: "Moment is in maintenance mode.\n\nMore text.", Rules: []bearing.Rule{{Forbid: "pkg:npm/moment"}}},
			{Key: "G-2", Level: bearing.LevelMust, Statement: "Every repository MUST name its owners in CODEOWNERS.",
				Rules: []bearing.Rule{{RequireFile: "CODEOWNERS|.github/CODEOWNERS"}}, Decisions: []string{"DEC-9"}},
			{Key: "G-3", Level: bearing.LevelMust, Statement: "Web apps MUST log through @northwind/logger.",
				Scope: bearing.Scope{Tags: []string{"web"}}, Rules: []bearing.Rule{{Require: "pkg:npm/@northwind/logger"}}},
			{Key: "G-4", Level: bearing.LevelMust, Statement: "Payments services MUST run on Node.js 20 or later.",
				Scope: bearing.Scope{Teams: []string{"payments"}}, Rules: []bearing.Rule{{RequireRuntime: "node@>=20"}}},
			{Key: "G-5", Level: bearing.LevelMay, Statement: "Teams MAY use Cassandra for experiments.",
				Rules: []bearing.Rule{{Forbid: "docker.io/library/cassandra"}}},
			{Key: "G-6", Level: bearing.LevelShouldNot, Statement: "Workflows SHOULD NOT use actions/checkout before v4.",
				Rules: []bearing.Rule{{Forbid: "actions/checkout@<v4"}}},
		},
	}
}

// item builds an inventory item at path:line.
func item(kind bearing.IdentifierKind, name, version, path string, line int) bearing.Item {
	return bearing.Item{Kind: kind, Name: name, Version: version, Location: bearing.Location{Path: path, Line: line, Column: 5}, Direct: true}
}

func pkg(name, version string, line int) bearing.Item {
	return item(bearing.KindPackage, name, version, "package.json", line)
}

// codeowners makes G-2 pass, so tests about other rules see only their own.
func codeowners(p string) bool { return p == "CODEOWNERS" }

// summary writes each finding as one comparable line:
// "error bearing/hold/mongodb package.json:3:5 pkg:npm/mongoose [EXC-7]".
func summary(r *Result) []string {
	out := []string{}
	for _, f := range r.Findings {
		s := fmt.Sprintf("%s %s %s", f.Severity, f.RuleID, f.Location)
		if f.Item != nil {
			s += " " + f.Item.Name
		}
		if f.Suppressed != nil {
			s += " [" + f.Suppressed.Exception + "]"
		}
		out = append(out, s)
	}
	return out
}

func names(items []bearing.Item) []string {
	out := []string{}
	for _, it := range items {
		out = append(out, it.Name+"@"+it.Version)
	}
	return out
}

func TestEvaluateRadar(t *testing.T) {
	tests := []struct {
		name    string
		items   []bearing.Item
		want    []string
		unknown []string
	}{
		{"hold is an error", []bearing.Item{pkg("pkg:npm/mongoose", "6.0.0", 3)},
			[]string{"error bearing/hold/mongodb package.json:3:5 pkg:npm/mongoose"}, []string{}},
		{"assess is a warning", []bearing.Item{item(bearing.KindImage, "docker.io/library/cassandra", "4.1", "docker-compose.yml", 7)},
			[]string{"warning bearing/assess/cassandra docker-compose.yml:7:5 docker.io/library/cassandra"}, []string{}},
		{"trial is a note, by prefix", []bearing.Item{pkg("pkg:npm/@aws-sdk/client-s3", "3.500.0", 4)},
			[]string{"note bearing/trial/aws-sdk-v3 package.json:4:5 pkg:npm/@aws-sdk/client-s3"}, []string{}},
		{"the prefix needs its slash", []bearing.Item{pkg("pkg:npm/aws-sdk", "2.1.0", 4)},
			[]string{}, []string{"pkg:npm/aws-sdk@2.1.0"}},
		{"adopt gives nothing", []bearing.Item{pkg("pkg:npm/pg", "8.11.0", 5)}, []string{}, []string{}},
		{"unknown is listed, not found", []bearing.Item{pkg("pkg:npm/left-pad", "1.3.0", 6)},
			[]string{}, []string{"pkg:npm/left-pad@1.3.0"}},
		{"in the version range", []bearing.Item{item(bearing.KindPackage, "pkg:maven/org.apache.logging.log4j/log4j-core", "2.14.1", "pom.xml", 20)},
			[]string{"error bearing/hold/log4j-before-2-17-1 pom.xml:20:5 pkg:maven/org.apache.logging.log4j/log4j-core"}, []string{}},
		{"outside the version range", []bearing.Item{item(bearing.KindPackage, "pkg:maven/org.apache.logging.log4j/log4j-core", "2.17.1", "pom.xml", 20)},
			[]string{}, []string{"pkg:maven/org.apache.logging.log4j/log4j-core@2.17.1"}},
		{"no version, no range match", []bearing.Item{item(bearing.KindPackage, "pkg:maven/org.apache.logging.log4j/log4j-core", "", "pom.xml", 20)},
			[]string{}, []string{"pkg:maven/org.apache.logging.log4j/log4j-core@"}},
		{"kinds must agree", []bearing.Item{item(bearing.KindImage, "pkg:npm/mongoose", "6", "Dockerfile", 1)},
			[]string{}, []string{"pkg:npm/mongoose@6"}},
		{"sorted by severity, rule, location", []bearing.Item{
			pkg("pkg:npm/@aws-sdk/client-s3", "3.1.0", 2), pkg("pkg:npm/mongoose", "6.0.0", 9), pkg("pkg:npm/mongodb", "5.0.0", 3),
			item(bearing.KindImage, "docker.io/library/cassandra", "4.1", "docker-compose.yml", 7),
			item(bearing.KindImage, "docker.io/library/mongo", "5.0", "docker-compose.yml", 2)},
			[]string{
				"error bearing/hold/mongodb docker-compose.yml:2:5 docker.io/library/mongo",
				"error bearing/hold/mongodb package.json:3:5 pkg:npm/mongodb",
				"error bearing/hold/mongodb package.json:9:5 pkg:npm/mongoose",
				"warning bearing/assess/cassandra docker-compose.yml:7:5 docker.io/library/cassandra",
				"note bearing/trial/aws-sdk-v3 package.json:2:5 pkg:npm/@aws-sdk/client-s3",
			}, []string{}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := Evaluate(Input{Inventory: &bearing.Inventory{Items: tt.items}, Policy: testPolicy(), Today: today, Files: codeowners})
			if got := summary(r); !slices.Equal(got, tt.want) {
				t.Errorf("findings:\n got %q\nwant %q", got, tt.want)
			}
			if got := names(r.Unknown); !slices.Equal(got, tt.unknown) {
				t.Errorf("unknown: got %q, want %q", got, tt.unknown)
			}
		})
	}
}

func TestFindingExplains(t *testing.T) {
	r := Evaluate(Input{Inventory: &bearing.Inventory{Items: []bearing.Item{pkg("pkg:npm/mongoose", "6.0.0", 3)}},
		Policy: testPolicy(), Today: today, Files: codeowners})
	if len(r.Findings) != 1 {
		t.Fatalf("got %d findings, want 1", len(r.Findings))
	}
	f := r.Findings[0]
	want := "MongoDB is on hold: Operating MongoDB well needs skills we do not have. Use PostgreSQL or Amazon Aurora PostgreSQL instead."
	if f.Message != want {
		t.Errorf("message:\n got %q\nwant %q", f.Message, want)
	}
	if f.Help != "Use PostgreSQL or Amazon Aurora PostgreSQL instead." || !strings.HasSuffix(f.Message, " "+f.Help) {
		t.Errorf("help %q is not the message's advice", f.Help)
	}
	if f.Technology != "mongodb" || !slices.Equal(f.Decisions, []string{"DEC-3"}) {
		t.Errorf("technology %q, decisions %q", f.Technology, f.Decisions)
	}
	links := []string{"https://bearing.example/radar/mongodb", "https://bearing.example/decisions/DEC-3"}
	if !slices.Equal(f.Links, links) {
		t.Errorf("links %q, want %q", f.Links, links)
	}
	if f.Item == nil || f.Item.Version != "6.0.0" {
		t.Errorf("item %+v", f.Item)
	}
}

func TestAdviceAndRings(t *testing.T) {
	p := testPolicy()
	for _, q := range []string{"Search", "Queues", "Caches", "Blobs"} { // four more adopted datastores
		p.Technologies = append(p.Technologies, bearing.PolicyTechnology{Slug: strings.ToLower(q), Name: q, Quadrant: "Datastores", Verdict: bearing.VerdictAdopt})
	}
	r := Evaluate(Input{Policy: p, Today: today, Inventory: &bearing.Inventory{Items: []bearing.Item{
		item(bearing.KindImage, "docker.io/library/cassandra", "4.1", "docker-compose.yml", 7),
		item(bearing.KindPackage, "pkg:maven/org.apache.logging.log4j/log4j-core", "2.14.1", "pom.xml", 20),
		pkg("pkg:npm/@aws-sdk/client-s3", "3.1.0", 2),
	}}, Files: codeowners})
	got := map[string]string{}
	for _, f := range r.Findings {
		got[f.RuleID] = f.Message
	}
	want := map[string]string{
		// No alternatives named: the adopted entries of the quadrant, at most three.
		"bearing/assess/cassandra": "Cassandra is being assessed, not for production work: We are measuring it for the event store. Use PostgreSQL, Amazon Aurora PostgreSQL or Search instead.",
		// A ring named "retire" gives its verdict to an entry without one, and the id says hold.
		"bearing/hold/log4j-before-2-17-1": "Log4j before 2.17.1 is on hold (ring retire): Log4Shell (CVE-2021-44228) is exploitable by anyone who can get a string logged.",
		// No rationale, no adopted neighbour: the verdict's meaning.
		"bearing/trial/aws-sdk-v3": "AWS SDK for JavaScript v3 is in trial: Yes, with care: proven here in a few places, watch the risks.",
	}
	for id, msg := range want {
		if got[id] != msg {
			t.Errorf("%s:\n got %q\nwant %q", id, got[id], msg)
		}
	}
}

func TestDeterministic(t *testing.T) {
	items := []bearing.Item{
		pkg("pkg:npm/mongoose", "6.0.0", 9), pkg("pkg:npm/moment", "2.29.4", 4), pkg("pkg:npm/@aws-sdk/client-s3", "3.1.0", 2),
		item(bearing.KindImage, "docker.io/library/mongo", "5.0", "docker-compose.yml", 2), pkg("pkg:npm/left-pad", "1.3.0", 6),
	}
	in := Input{Policy: testPolicy(), Repo: "payments-ledger", Today: today, Inventory: &bearing.Inventory{Items: items}}
	a := summary(Evaluate(in))
	reversed := slices.Clone(items)
	slices.Reverse(reversed)
	in.Inventory = &bearing.Inventory{Items: reversed}
	if b := summary(Evaluate(in)); !slices.Equal(a, b) {
		t.Errorf("order depends on the inventory:\n%q\n%q", a, b)
	}
}

func TestExitCode(t *testing.T) {
	mk := func(e, w, n int) *Result {
		return &Result{Counts: map[bearing.Severity]int{bearing.SeverityError: e, bearing.SeverityWarning: w, bearing.SeverityNote: n}}
	}
	tests := []struct {
		r      *Result
		failOn string
		want   int
	}{
		{mk(1, 0, 0), "error", 1}, {mk(0, 1, 0), "error", 0}, {mk(0, 1, 0), "warning", 1},
		{mk(1, 0, 0), "warning", 1}, {mk(0, 0, 1), "warning", 0}, {mk(0, 0, 1), "note", 1},
		{mk(3, 3, 3), "never", 0}, {mk(0, 0, 0), "error", 0}, {mk(0, 1, 0), " Warning ", 1},
	}
	for _, tt := range tests {
		got, err := tt.r.ExitCode(tt.failOn)
		if err != nil || got != tt.want {
			t.Errorf("%v fail-on %q: got %d, %v; want %d", tt.r.Counts, tt.failOn, got, err, tt.want)
		}
	}
	if code, err := mk(0, 0, 0).ExitCode("warnings"); err == nil || code != 2 {
		t.Errorf("an unknown threshold: got %d, %v; want 2 and an error", code, err)
	}
}

func TestCounts(t *testing.T) {
	p := testPolicy()
	p.Exceptions = []bearing.PolicyException{{Key: "EXC-7", Technology: "mongodb", Scope: []string{"payments-ledger"}, ExpiresOn: bearing.MustParseDate("2027-06-01")}}
	r := Evaluate(Input{Policy: p, Repo: "payments-ledger", Today: today, Inventory: &bearing.Inventory{Items: []bearing.Item{
		pkg("pkg:npm/mongoose", "6.0.0", 9), pkg("pkg:npm/moment", "2.29.4", 4), pkg("pkg:npm/@aws-sdk/client-s3", "3.1.0", 2),
	}}})
	// moment: hold and G-1; G-2 without CODEOWNERS; mongoose suppressed; aws-sdk a note.
	want := map[bearing.Severity]int{bearing.SeverityError: 3, bearing.SeverityWarning: 0, bearing.SeverityNote: 1}
	if !maps.Equal(r.Counts, want) || r.Suppressed != 1 {
		t.Errorf("counts %v suppressed %d; want %v and 1\n%q", r.Counts, r.Suppressed, want, summary(r))
	}
	var ids []string
	for _, ri := range r.Rules {
		ids = append(ids, ri.ID)
	}
	wantIDs := []string{"bearing/assess/cassandra", "bearing/guideline/G-1", "bearing/guideline/G-2", "bearing/guideline/G-6",
		"bearing/hold/log4j-before-2-17-1", "bearing/hold/moment-js", "bearing/hold/mongodb", "bearing/trial/aws-sdk-v3"}
	if !slices.Equal(ids, wantIDs) {
		t.Errorf("rules evaluated:\n got %q\nwant %q", ids, wantIDs)
	}
}

func TestEmptyInput(t *testing.T) {
	r := Evaluate(Input{Today: today})
	if len(r.Findings) != 0 || len(r.Unknown) != 0 || r.Findings == nil || r.Unknown == nil {
		t.Errorf("empty input: %+v", r)
	}
	if code, err := r.ExitCode("warning"); code != 0 || err != nil {
		t.Errorf("exit %d, %v", code, err)
	}
}

func TestFirstSentence(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Operating **MongoDB** needs skills. More.", "Operating MongoDB needs skills."},
		{"Use it, e.g. for queues. Then more.", "Use it, e.g. for queues."},
		{"Version v1.2 is fine. Yes.", "Version v1.2 is fine."},
		{"# Why\n\nSee [the ADR](https://x/adr) for `details`\nand more\n\nSecond paragraph.", "See the ADR for details and more."},
		{"No full stop", "No full stop."},
		{"", ""},
		{"Is it? Yes.", "Is it?"},
	}
	for _, tt := range tests {
		if got := firstSentence(tt.in); got != tt.want {
			t.Errorf("firstSentence(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
	if got := joinOr([]string{"A", "B", "C"}); got != "A, B or C" {
		t.Errorf("joinOr = %q", got)
	}
}

package check

import (
	"slices"
	"testing"

	"github.com/bearingorg/bearing"
)

func runtime(name, version, path string) bearing.Item {
	return item(bearing.KindRuntime, name, version, path, 1)
}

func action(name, version string) bearing.Item {
	return item(bearing.KindAction, name, version, ".github/workflows/ci.yml", 12)
}

func TestEvaluateGuidelines(t *testing.T) {
	tests := []struct {
		name  string
		team  string
		tags  []string
		files func(string) bool
		inv   bearing.Inventory
		want  []string
	}{
		{name: "forbid reports each match, beside the radar finding",
			inv: bearing.Inventory{Items: []bearing.Item{pkg("pkg:npm/moment", "2.29.4", 4)}},
			want: []string{"error bearing/guideline/G-1 package.json:4:5 pkg:npm/moment",
				"error bearing/hold/moment-js package.json:4:5 pkg:npm/moment"}},
		{name: "forbid with a range: SHOULD NOT is a warning",
			inv:  bearing.Inventory{Items: []bearing.Item{action("actions/checkout", "v3"), action("actions/checkout", "v4")}},
			want: []string{"warning bearing/guideline/G-6 .github/workflows/ci.yml:12:5 actions/checkout"}},
		{name: "MAY gives no finding",
			inv:  bearing.Inventory{Items: []bearing.Item{item(bearing.KindImage, "docker.io/library/cassandra", "4", "compose.yml", 3)}},
			want: []string{"warning bearing/assess/cassandra compose.yml:3:5 docker.io/library/cassandra"}},
		{name: "require_file: missing", files: func(string) bool { return false },
			want: []string{"error bearing/guideline/G-2 ."}},
		{name: "require_file: the second alternative exists", files: func(p string) bool { return p == ".github/CODEOWNERS" },
			want: []string{}},
		{name: "require_file: without Files, the inventory's files count",
			inv:  bearing.Inventory{Files: []string{"CODEOWNERS", "package.json"}},
			want: []string{}},
		{name: "require: tag in scope, nothing matches, points at the npm manifest", tags: []string{"web"},
			inv: bearing.Inventory{Items: []bearing.Item{item(bearing.KindPackage, "pkg:golang/golang.org/x/net", "0.1.0", "go.mod", 3),
				item(bearing.KindPackage, "pkg:npm/react", "18.0.0", "web/package.json", 3)}},
			want: []string{"error bearing/guideline/G-3 web/package.json"}},
		{name: "require: tags compare without case", tags: []string{"WEB"},
			want: []string{"error bearing/guideline/G-3 ."}},
		{name: "require: satisfied", tags: []string{"web"},
			inv:  bearing.Inventory{Items: []bearing.Item{pkg("pkg:npm/@northwind/logger", "1.0.0", 3)}},
			want: []string{}},
		{name: "require: tag out of scope", tags: []string{"batch"}, want: []string{}},
		{name: "require_runtime: team in scope, each old declaration", team: "payments",
			inv: bearing.Inventory{Items: []bearing.Item{runtime("node", "18.19.0", ".nvmrc"), runtime("node", "20.11.0", "Dockerfile"),
				runtime("node", "16", "package.json"), runtime("golang", "1.19", "go.mod"), runtime("node", "", "netlify.toml")}},
			want: []string{"error bearing/guideline/G-4 .nvmrc:1:5 node", "error bearing/guideline/G-4 package.json:1:5 node"}},
		{name: "require_runtime: no runtime declared passes", team: "payments",
			inv: bearing.Inventory{Items: []bearing.Item{runtime("golang", "1.19", "go.mod")}}, want: []string{}},
		{name: "require_runtime: team out of scope", team: "identity",
			inv: bearing.Inventory{Items: []bearing.Item{runtime("node", "16", ".nvmrc")}}, want: []string{}},
		{name: "require_runtime: no team, team-scoped guidelines do not apply",
			inv: bearing.Inventory{Items: []bearing.Item{runtime("node", "16", ".nvmrc")}}, want: []string{}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			files := tt.files
			if files == nil && tt.inv.Files == nil {
				files = codeowners
			}
			inv := tt.inv
			r := Evaluate(Input{Inventory: &inv, Policy: testPolicy(), Team: tt.team, Tags: tt.tags, Today: today, Files: files})
			if got := summary(r); !slices.Equal(got, tt.want) {
				t.Errorf("findings:\n got %q\nwant %q", got, tt.want)
			}
		})
	}
}

func TestGuidelineMessages(t *testing.T) {
	r := Evaluate(Input{Policy: testPolicy(), Team: "payments", Today: today, Files: func(string) bool { return false },
		Inventory: &bearing.Inventory{Items: []bearing.Item{pkg("pkg:npm/moment", "2.29.4", 4), runtime("node", "18", ".nvmrc")}}})
	want := map[string]struct{ msg, help string }{
		"bearing/guideline/G-1": {"G-1: New code MUST NOT use Moment.js. Moment is in maintenance mode. Use date-fns instead.",
			"Use date-fns instead."},
		"bearing/guideline/G-2": {"G-2: Every repository MUST name its owners in CODEOWNERS. Add CODEOWNERS or .github/CODEOWNERS.",
			"Add CODEOWNERS or .github/CODEOWNERS."},
		"bearing/guideline/G-4": {"G-4: Payments services MUST run on Node.js 20 or later. Move to node >=20.", "Move to node >=20."},
	}
	seen := 0
	for _, f := range r.Findings {
		w, ok := want[f.RuleID]
		if !ok {
			continue
		}
		seen++
		if f.Message != w.msg || f.Help != w.help {
			t.Errorf("%s:\n got %q / %q\nwant %q / %q", f.RuleID, f.Message, f.Help, w.msg, w.help)
		}
		if f.Guideline == "" || f.Technology != "" || f.Links[0] != "https://bearing.example/guidelines/"+f.Guideline {
			t.Errorf("%s: guideline %q technology %q links %q", f.RuleID, f.Guideline, f.Technology, f.Links)
		}
	}
	if seen != 3 {
		t.Errorf("saw %d of 3 guideline findings: %q", seen, summary(r))
	}
	for _, f := range r.Findings {
		if f.RuleID == "bearing/guideline/G-2" && !slices.Equal(f.Decisions, []string{"DEC-9"}) {
			t.Errorf("G-2 decisions %q", f.Decisions)
		}
	}
}

// TestBadRulesSkipped: a hand-edited policy with a rule or identifier that
// does not parse still checks everything else.
func TestBadRulesSkipped(t *testing.T) {
	p := testPolicy()
	p.Technologies[0].Identifiers = append([]string{"pkg:nosuchtype/x"}, p.Technologies[0].Identifiers...)
	p.Guidelines = append(p.Guidelines, bearing.PolicyGuideline{Key: "G-9", Level: bearing.LevelMust, Statement: "Bad.",
		Rules: []bearing.Rule{{Forbid: "pkg:nosuchtype/x"}, {RequireRuntime: "pkg:npm/left-pad@>1"}}})
	r := Evaluate(Input{Policy: p, Today: today, Files: codeowners,
		Inventory: &bearing.Inventory{Items: []bearing.Item{pkg("pkg:npm/mongoose", "6.0.0", 3)}}})
	want := []string{"error bearing/hold/mongodb package.json:3:5 pkg:npm/mongoose"}
	if got := summary(r); !slices.Equal(got, want) {
		t.Errorf("got %q, want %q", got, want)
	}
}

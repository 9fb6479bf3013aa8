package check

import (
	"slices"
	"testing"

	"github.com/bearingorg/bearing"
)

func TestExceptions(t *testing.T) {
	mongoose := pkg("pkg:npm/mongoose", "6.0.0", 9)
	moment := pkg("pkg:npm/moment", "2.29.4", 4)
	exc := func(key, tech, guideline, expires string, scope ...string) bearing.PolicyException {
		return bearing.PolicyException{Key: key, Team: "payments", Technology: tech, Guideline: guideline, Scope: scope,
			ExpiresOn: bearing.MustParseDate(expires)}
	}
	tests := []struct {
		name  string
		repo  string
		exc   []bearing.PolicyException
		items []bearing.Item
		want  []string
	}{
		{name: "active exception suppresses", repo: "payments-ledger",
			exc:   []bearing.PolicyException{exc("EXC-7", "mongodb", "", "2027-06-01", "payments-ledger")},
			items: []bearing.Item{mongoose},
			want:  []string{"error bearing/hold/mongodb package.json:9:5 pkg:npm/mongoose [EXC-7]"}},
		{name: "expiring within 30 days adds a warning", repo: "payments-ledger",
			exc:   []bearing.PolicyException{exc("EXC-7", "mongodb", "", "2026-12-01", "payments-ledger")},
			items: []bearing.Item{mongoose, pkg("pkg:npm/mongodb", "5.0.0", 10)},
			want: []string{"error bearing/hold/mongodb package.json:9:5 pkg:npm/mongoose [EXC-7]",
				"error bearing/hold/mongodb package.json:10:5 pkg:npm/mongodb [EXC-7]",
				"warning bearing/exception-expiring/EXC-7 package.json:9:5"}},
		{name: "exactly 30 days ahead still warns", repo: "payments-ledger",
			exc:   []bearing.PolicyException{exc("EXC-7", "mongodb", "", "2026-12-15", "payments-ledger")},
			items: []bearing.Item{mongoose},
			want: []string{"error bearing/hold/mongodb package.json:9:5 pkg:npm/mongoose [EXC-7]",
				"warning bearing/exception-expiring/EXC-7 package.json:9:5"}},
		{name: "31 days ahead does not warn", repo: "payments-ledger",
			exc:   []bearing.PolicyException{exc("EXC-7", "mongodb", "", "2026-12-16", "payments-ledger")},
			items: []bearing.Item{mongoose},
			want:  []string{"error bearing/hold/mongodb package.json:9:5 pkg:npm/mongoose [EXC-7]"}},
		{name: "expiring today still suppresses", repo: "payments-ledger",
			exc:   []bearing.PolicyException{exc("EXC-7", "mongodb", "", "2026-11-15", "payments-ledger")},
			items: []bearing.Item{mongoose},
			want: []string{"error bearing/hold/mongodb package.json:9:5 pkg:npm/mongoose [EXC-7]",
				"warning bearing/exception-expiring/EXC-7 package.json:9:5"}},
		{name: "expired does not suppress", repo: "payments-ledger",
			exc:   []bearing.PolicyException{exc("EXC-7", "mongodb", "", "2026-11-14", "payments-ledger")},
			items: []bearing.Item{mongoose},
			want:  []string{"error bearing/hold/mongodb package.json:9:5 pkg:npm/mongoose"}},
		{name: "scope glob matches", repo: "payments-ledger",
			exc:   []bearing.PolicyException{exc("EXC-7", "mongodb", "", "2027-06-01", "billing-*", "payments-*")},
			items: []bearing.Item{mongoose},
			want:  []string{"error bearing/hold/mongodb package.json:9:5 pkg:npm/mongoose [EXC-7]"}},
		{name: "scope glob does not match", repo: "payments-ledger",
			exc:   []bearing.PolicyException{exc("EXC-7", "mongodb", "", "2027-06-01", "billing-*", "payments")},
			items: []bearing.Item{mongoose},
			want:  []string{"error bearing/hold/mongodb package.json:9:5 pkg:npm/mongoose"}},
		{name: "exception for another technology does not suppress", repo: "payments-ledger",
			exc:   []bearing.PolicyException{exc("EXC-8", "cassandra", "", "2026-12-01", "payments-ledger")},
			items: []bearing.Item{mongoose},
			want:  []string{"error bearing/hold/mongodb package.json:9:5 pkg:npm/mongoose"}},
		{name: "guideline exception suppresses the guideline only", repo: "payments-ledger",
			exc:   []bearing.PolicyException{exc("EXC-9", "", "G-1", "2027-06-01", "payments-*")},
			items: []bearing.Item{moment},
			want: []string{"error bearing/guideline/G-1 package.json:4:5 pkg:npm/moment [EXC-9]",
				"error bearing/hold/moment-js package.json:4:5 pkg:npm/moment"}},
		{name: "technology exception does not excuse a guideline", repo: "payments-ledger",
			exc:   []bearing.PolicyException{exc("EXC-10", "moment-js", "", "2027-06-01", "payments-ledger")},
			items: []bearing.Item{moment},
			want: []string{"error bearing/guideline/G-1 package.json:4:5 pkg:npm/moment",
				"error bearing/hold/moment-js package.json:4:5 pkg:npm/moment [EXC-10]"}},
		{name: "the longest-lasting of two exceptions wins, and nothing expires soon", repo: "payments-ledger",
			exc: []bearing.PolicyException{exc("EXC-7", "mongodb", "", "2026-12-01", "payments-ledger"),
				exc("EXC-12", "mongodb", "", "2027-06-01", "payments-*")},
			items: []bearing.Item{mongoose},
			want:  []string{"error bearing/hold/mongodb package.json:9:5 pkg:npm/mongoose [EXC-12]"}},
		{name: "an unused exception does not warn", repo: "payments-ledger",
			exc:   []bearing.PolicyException{exc("EXC-7", "mongodb", "", "2026-12-01", "payments-ledger")},
			items: []bearing.Item{pkg("pkg:npm/pg", "8.0.0", 3)},
			want:  []string{}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := testPolicy()
			p.Exceptions = tt.exc
			r := Evaluate(Input{Policy: p, Repo: tt.repo, Today: today, Files: codeowners,
				Inventory: &bearing.Inventory{Items: tt.items}})
			if got := summary(r); !slices.Equal(got, tt.want) {
				t.Errorf("findings:\n got %q\nwant %q", got, tt.want)
			}
		})
	}
}

func TestExpiringWarning(t *testing.T) {
	p := testPolicy()
	p.Exceptions = []bearing.PolicyException{{Key: "EXC-7", Team: "payments", Technology: "mongodb",
		Scope: []string{"payments-ledger"}, ExpiresOn: bearing.MustParseDate("2026-12-01")}}
	r := Evaluate(Input{Policy: p, Repo: "payments-ledger", Today: today, Files: codeowners,
		Inventory: &bearing.Inventory{Items: []bearing.Item{pkg("pkg:npm/mongoose", "6.0.0", 9)}}})
	if len(r.Findings) != 2 {
		t.Fatalf("got %q", summary(r))
	}
	s, w := r.Findings[0], r.Findings[1]
	if s.Suppressed == nil || s.Suppressed.ExpiresOn.String() != "2026-12-01" {
		t.Errorf("suppression %+v", s.Suppressed)
	}
	if !slices.Contains(s.Links, "https://bearing.example/exceptions/EXC-7") {
		t.Errorf("a suppressed finding links its exception: %q", s.Links)
	}
	if want := "EXC-7 for payments-ledger expires on 2026-12-01; renew it or finish the migration"; w.Message != want {
		t.Errorf("message %q, want %q", w.Message, want)
	}
	if w.Severity != bearing.SeverityWarning || w.Suppressed != nil || w.Technology != "mongodb" {
		t.Errorf("warning %+v", w)
	}
	if r.Counts[bearing.SeverityWarning] != 1 || r.Counts[bearing.SeverityError] != 0 || r.Suppressed != 1 {
		t.Errorf("counts %v, suppressed %d", r.Counts, r.Suppressed)
	}
	if code, _ := r.ExitCode("error"); code != 0 {
		t.Error("a suppressed error must not fail the build")
	}
	if code, _ := r.ExitCode("warning"); code != 1 {
		t.Error("the expiry warning fails --fail-on warning")
	}
}

package demo

import (
	"context"
	"crypto/sha1"
	"encoding/hex"
	"fmt"
	"slices"
	"time"

	"github.com/bearingorg/bearing"
	"github.com/bearingorg/bearing/check"
)

// repo is a repository of the demo organisation: what it uses today, and
// what it used and moved off, so the adoption charts have a history.
type repo struct {
	name, team, reporter string
	uses                 []usage
	legacy               []legacyUsage // used until `weeks` ago (0: still in use)
}

type usage struct{ kind, name, version, path string }

type legacyUsage struct {
	usage
	weeks int
}

func pkg(name, version, path string) usage     { return usage{"package", name, version, path} }
func image(name, tag, path string) usage       { return usage{"image", name, tag, path} }
func runtime(name, version, path string) usage { return usage{"runtime", name, version, path} }
func until(weeks int, it usage) legacyUsage    { return legacyUsage{it, weeks} }

// repos are the repositories that send `bearing check --report` every week.
var repos = []repo{
	{name: "payments-ledger", team: "payments", reporter: "lucas",
		uses:   []usage{runtime("golang", "1.23", "go.mod"), pkg("pkg:golang/github.com/jackc/pgx/v5", "5.6.0", "go.mod")},
		legacy: []legacyUsage{until(9, pkg("pkg:golang/go.mongodb.org/mongo-driver", "1.15.0", "go.mod"))}},
	{name: "payments-reconciliation", team: "payments", reporter: "fatima",
		uses: []usage{runtime("node", "22.11.0", ".nvmrc"), pkg("pkg:npm/mongoose", "8.4.0", "package.json"), pkg("pkg:npm/date-fns", "3.6.0", "package.json")}},
	{name: "payments-payouts-api", team: "payments", reporter: "lucas",
		uses:   []usage{runtime("golang", "1.23", "go.mod")},
		legacy: []legacyUsage{until(4, pkg("pkg:golang/go.mongodb.org/mongo-driver", "1.14.0", "go.mod")), until(11, image("docker.io/jenkins/jenkins", "2.440", "ci/Dockerfile"))}},
	{name: "carrier-edi-gateway", team: "payments", reporter: "tomas",
		uses: []usage{runtime("java", "17", "pom.xml"), pkg("pkg:maven/org.springframework.boot/spring-boot", "3.2.5", "pom.xml")}},
	{name: "checkout-web", team: "checkout", reporter: "sofia",
		uses:   []usage{runtime("node", "22.11.0", ".nvmrc"), pkg("pkg:npm/next", "14.2.3", "package.json"), pkg("pkg:npm/@launchdarkly/node-server-sdk", "9.4.0", "package.json")},
		legacy: []legacyUsage{until(6, pkg("pkg:npm/moment", "2.29.4", "package.json")), until(2, runtime("node", "20.11.0", ".nvmrc"))}},
	{name: "checkout-api", team: "checkout", reporter: "daniel",
		uses:   []usage{runtime("node", "22.11.0", ".nvmrc"), pkg("pkg:npm/fastify", "4.27.0", "package.json")},
		legacy: []legacyUsage{until(0, pkg("pkg:npm/moment", "2.29.4", "package.json")), until(7, pkg("pkg:npm/express", "4.19.2", "package.json"))}},
	{name: "shipper-web", team: "checkout", reporter: "sofia",
		uses: []usage{runtime("node", "20.12.0", ".nvmrc"), pkg("pkg:npm/react", "18.3.1", "package.json"), pkg("pkg:npm/@launchdarkly/node-server-sdk", "9.4.0", "package.json")}},
	{name: "infra-live", team: "platform", reporter: "ben",
		uses:   []usage{{"terraform", "registry.terraform.io/hashicorp/aws", "5.50.0", "main.tf"}},
		legacy: []legacyUsage{until(10, usage{"terraform", "registry.terraform.io/datadog/datadog", "3.39.0", "monitoring.tf"})}},
	{name: "terraform-modules-eks", team: "platform", reporter: "nadia",
		uses: []usage{{"terraform", "registry.terraform.io/hashicorp/aws", "5.50.0", "main.tf"}, {"terraform", "registry.terraform.io/hashicorp/kubernetes", "2.30.0", "main.tf"}}},
	{name: "ci-cache", team: "platform", reporter: "ben",
		uses:   []usage{runtime("golang", "1.23", "go.mod")},
		legacy: []legacyUsage{until(0, image("docker.io/jenkins/jenkins", "2.440", "Dockerfile"))}},
	{name: "tracking-store", team: "data", reporter: "arjun",
		uses:   []usage{runtime("python", "3.12", ".python-version"), pkg("pkg:pypi/psycopg", "3.1.19", "requirements.txt")},
		legacy: []legacyUsage{until(8, image("docker.io/library/cassandra", "4.1", "docker-compose.yml"))}},
	{name: "search-indexer", team: "data", reporter: "arjun",
		uses: []usage{runtime("java", "17", "pom.xml"), pkg("pkg:maven/org.apache.logging.log4j/log4j-core", "2.14.1", "pom.xml")}},
	{name: "data-pipelines", team: "data", reporter: "arjun",
		uses:   []usage{runtime("python", "3.12", ".python-version"), pkg("pkg:pypi/dbt-core", "1.8.0", "requirements.txt")},
		legacy: []legacyUsage{until(12, pkg("pkg:pypi/redshift-connector", "2.1.0", "requirements.txt"))}},
	{name: "driver-app", team: "mobile", reporter: "kenji",
		uses: []usage{runtime("node", "22.11.0", ".nvmrc"), pkg("pkg:npm/react-native", "0.74.1", "package.json"), pkg("pkg:npm/react-native-code-push", "8.2.2", "package.json")}},
	{name: "token-service", team: "identity", reporter: "seun",
		uses:   []usage{runtime("golang", "1.23", "go.mod"), pkg("pkg:golang/github.com/coreos/go-oidc/v3", "3.10.0", "go.mod")},
		legacy: []legacyUsage{until(5, pkg("pkg:golang/github.com/getsops/sops/v3", "3.8.1", "go.mod"))}},
	{name: "partner-sso-bridge", team: "identity", reporter: "seun",
		uses: []usage{image("quay.io/keycloak/keycloak", "24.0", "Dockerfile")}},
}

// reportWeeks is how many weeks of weekly reports the demo has.
const reportWeeks = 13

// seedReports sends a weekly report for every repository over the last
// quarter, evaluated against today's policy, so the adoption page shows real
// trends on first run.
func seedReports(ctx context.Context, s Services, users map[string]*bearing.User, now time.Time) (int, error) {
	p, err := s.Policy.Policy(ctx)
	if err != nil {
		return 0, err
	}
	n := 0
	for w := reportWeeks; w >= 0; w-- {
		at := now.AddDate(0, 0, -7*w).Truncate(time.Hour).Add(-3 * time.Hour)
		for _, r := range repos {
			inv := r.inventory(w)
			res := check.Evaluate(check.Input{Inventory: inv, Policy: p, Repo: r.name, Team: r.team, Today: bearing.DateOf(at),
				Files: func(string) bool { return true }})
			rep := &bearing.Report{Repo: r.name, Team: r.team, Commit: commit(r.name, w), At: at, PolicyHash: p.Hash,
				Items: inv.Items, Findings: res.Findings}
			u := users[r.reporter]
			if u == nil {
				return n, fmt.Errorf("report of %s: unknown reporter %s", r.name, r.reporter)
			}
			if _, err := s.Reports.SubmitReport(bearing.NewContextWithUser(ctx, u), rep); err != nil {
				return n, fmt.Errorf("report of %s: %w", r.name, err)
			}
			n++
		}
	}
	return n, nil
}

// inventory is what the repository used `weeksAgo` weeks ago.
func (r repo) inventory(weeksAgo int) *bearing.Inventory {
	inv := &bearing.Inventory{}
	add := func(it usage) {
		inv.Items = append(inv.Items, bearing.Item{Kind: bearing.IdentifierKind(it.kind), Name: it.name, Version: it.version,
			Location: bearing.Location{Path: it.path, Line: 3}, Direct: true})
		if !slices.Contains(inv.Files, it.path) {
			inv.Files = append(inv.Files, it.path)
		}
	}
	for _, it := range r.uses {
		add(it)
	}
	for _, l := range r.legacy {
		if l.weeks == 0 || weeksAgo > l.weeks {
			add(l.usage)
		}
	}
	slices.Sort(inv.Files)
	return inv
}

// commit makes a stable, realistic-looking commit id.
func commit(repo string, week int) string {
	sum := sha1.Sum([]byte(fmt.Sprintf("%s@%d", repo, week)))
	return hex.EncodeToString(sum[:])
}

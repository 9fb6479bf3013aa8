package adr

import (
	"errors"
	"os"
	"strings"
	"testing"

	"github.com/bearingorg/bearing"
)

func TestParseNygard(t *testing.T) {
	d := mustParse(t, "testdata/good/nygard/0001-record-architecture-decisions.md")
	checkFields(t, d, &bearing.Decision{
		Number: 1, Title: "Record architecture decisions", Status: bearing.StatusAccepted,
		CreatedAt: day("2016-02-12"),
		Context:   "We need to record the architectural decisions made on this project.",
		Body:      "We will use Architecture Decision Records, as [described by Michael Nygard](http://thinkrelevance.com/blog/2011/11/15/documenting-architecture-decisions).",
		Consequences: "See Michael Nygard's article, linked above. For a lightweight ADR toolset, " +
			"see Nat Pryce's [adr-tools](https://github.com/npryce/adr-tools).",
	})

	d = mustParse(t, "testdata/good/nygard/0002-use-mysql-for-persistence.md")
	if d.Status != bearing.StatusSuperseded || strings.Join(d.SupersededBy, ",") != "DEC-3" || len(d.Supersedes) != 0 {
		t.Errorf("0002: status %q, superseded by %q, supersedes %q; want superseded by DEC-3", d.Status, d.SupersededBy, d.Supersedes)
	}
	if strings.Contains(d.Context, "Superceded") {
		t.Errorf("0002: the supersede link was kept as text: %q", d.Context)
	}

	d = mustParse(t, "testdata/good/nygard/0003-use-postgresql-for-persistence.md")
	checkFields(t, d, &bearing.Decision{
		Number: 3, Title: "Use PostgreSQL for persistence", Status: bearing.StatusAccepted,
		CreatedAt: day("2017-05-18"), Supersedes: []string{"DEC-2"},
		Context: "Order line metadata has outgrown serialized text: reporting needs to query it.\n" +
			"MySQL 5.6's JSON support is weak, and the upgrade to 5.7 at our provider is\nblocked until Q4.\n\n" +
			"PostgreSQL offers `jsonb` with GIN indexes, transactional DDL and logical\nreplication.\n\n" +
			"## Status\n\nAmended by [8. Use PgBouncer for connection pooling](0008-use-pgbouncer-for-connection-pooling.md)",
		Body: "We will move the order service to PostgreSQL 9.6 and use PostgreSQL for every\n" +
			"new service that needs a relational store.\n\n### Migration plan\n\n" +
			"1. Dual-write for two weeks.\n2. Backfill, and compare both stores nightly.\n3. Switch reads, then stop writing to MySQL.\n\n" +
			"```sh\n## 1. export\nmysqldump --single-transaction orders > orders.sql\n## 2. convert and load\n" +
			"pgloader orders.sql postgresql:///orders\n```",
		Consequences: "* We need PostgreSQL expertise on call; two SREs attend training in June.\n" +
			"* Backups move to WAL-E.\n* The MySQL dashboards must be rebuilt in Grafana.",
	})
}

func TestParseMADR2(t *testing.T) {
	d := mustParse(t, "testdata/good/madr2/0004-use-react-for-the-web-frontend.md")
	checkFields(t, d, &bearing.Decision{
		Number: 4, Title: "Use React for the web frontend", Status: bearing.StatusAccepted,
		CreatedAt: day("2019-06-20"), Deciders: []string{"Maria Schmidt", "Jonas Weber", "Priya Natarajan"},
		Context: "Technical Story: [WEB-412](https://jira.example.com/browse/WEB-412) – the jQuery\n" +
			"frontend cannot keep up with the new checkout flow.\n\n" +
			"The customer portal is a jQuery application of 40,000 lines. Every feature\n" +
			"touches global state and takes twice as long as estimated. Which framework\n" +
			"should new screens be built with, so that we can migrate page by page?\n\n" +
			"## Decision Drivers\n\n* Incremental migration, page by page\n* Hiring: what candidates already know\n* Long-term support\n\n" +
			"## Links\n\n* Refined by [ADR-0009](0009-use-typescript-for-new-frontend-code.md)",
		Body: "Chosen option: \"React\", because it is the only option that can be mounted into\n" +
			"single jQuery pages without taking over routing, and most of our applicants\nknow it.",
		Consequences: "### Positive Consequences\n\n* New screens can ship inside the old portal from week one.\n" +
			"* We can share components with the mobile team (React Native).\n\n" +
			"### Negative Consequences\n\n* We must choose state management and data fetching ourselves.\n" +
			"* Two frameworks coexist for about 18 months.",
		Options: []bearing.Option{
			{Name: "React", Chosen: true, Description: "[react.dev](https://react.dev)",
				Pros: []string{"components mount into any DOM node", "it has the largest hiring pool"},
				Cons: []string{"routing, state and data fetching are separate choices"}},
			{Name: "Vue.js",
				Pros: []string{"templates are close to our existing HTML", "single-file components are easy to review"},
				Cons: []string{"few applicants list it"}},
			{Name: "Angular", Pros: []string{"batteries are included"},
				Cons: []string{"it wants to own the whole page, which blocks page-by-page migration",
					"the AngularJS to Angular rewrite burned the team before"}},
		},
	})
}

func TestParseMADR3(t *testing.T) {
	d := mustParse(t, "testdata/good/madr3/0005-use-nats-for-internal-events.md")
	want := []string{
		"number=5", "status=accepted", "date=2022-09-14", `deciders=["Tomasz Nowak" "Aisha Bello"]`,
		`consulted=["Platform team" "Security (Lena Fischer)"]`, `informed=["All backend engineers"]`,
		"chosen=NATS JetStream", "options=Apache Kafka|NATS JetStream|RabbitMQ",
	}
	checkSummary(t, d, want)
	if want := "* Good, because the mailer can be down without blocking checkout\n" +
		"* Good, because it is one Helm chart, with no ZooKeeper\n" +
		"* Bad, because fewer engineers know NATS than Kafka; we budget for training\n" +
		"* Bad, because the Kafka Connect ecosystem is not available"; d.Consequences != want {
		t.Errorf("consequences = %q, want %q", d.Consequences, want)
	}
	if !strings.HasPrefix(d.Context, "Services call each other") ||
		!strings.Contains(d.Context, "\n\n## Decision Drivers\n\n* Operable by a team of three SREs\n") ||
		!strings.HasSuffix(d.Context, "\n\n## More Information\n\nWe will revisit this decision if event volume passes 50,000 messages per\n"+
			"second. The event naming convention is documented in the\n[platform handbook](https://handbook.example.com/events).") {
		t.Errorf("context = %q", d.Context)
	}
	o := d.Options[1]
	if o.Description != "<https://docs.nats.io/nats-concepts/jetstream>" || len(o.Pros) != 2 || len(o.Cons) != 1 ||
		o.Cons[0] != "its community is smaller" {
		t.Errorf("NATS option = %+v", o)
	}
}

func TestParseMADR4(t *testing.T) {
	d := mustParse(t, "testdata/good/madr4/0006-adopt-opentelemetry-for-distributed-tracing.md")
	checkSummary(t, d, []string{
		"number=6", "status=proposed", "date=2024-11-05", `deciders=["Sven Olsen" "Hannah Kim"]`,
		`consulted=["Observability guild"]`, `informed=["Engineering"]`, "chosen=OpenTelemetry SDKs and Collector",
		"options=OpenTelemetry SDKs and Collector|Vendor agent (Datadog APM)|Keep Jaeger client libraries",
	})
	if d.Title != "Adopt OpenTelemetry for distributed tracing" {
		t.Errorf("title = %q", d.Title)
	}
	if !strings.HasSuffix(d.Consequences, "* Bad, because the Node.js auto-instrumentation is still marked beta\n\n"+
		"### Confirmation\n\nThe platform team reviews each service's onboarding pull request. The decision\n"+
		"is confirmed when the checkout path (gateway, orders, payments) shows complete\ntraces in staging.") {
		t.Errorf("consequences = %q", d.Consequences)
	}
	o := d.Options[0]
	if o.Description != "Open standard of the CNCF, supported by every major tracing backend.\n\n"+
		"* Neutral, because we run the collector ourselves" ||
		strings.Join(o.Pros, "|") != "it is vendor-neutral" || strings.Join(o.Cons, "|") != "it has more moving parts than a vendor agent" {
		t.Errorf("OpenTelemetry option = %+v", o)
	}
	if !strings.Contains(d.Context, "## More Information\n\n") || !strings.Contains(d.Context, "```yaml\n## tail sampling") {
		t.Errorf("the fenced heading was not kept as code in More Information: %q", d.Context)
	}
}

func TestParseLog4brains(t *testing.T) {
	d := mustParse(t, "testdata/good/log4brains/20210304-use-kafka-for-domain-events.md")
	checkSummary(t, d, []string{
		"number=0", "status=superseded", "date=2021-03-04", `deciders=["Tomasz Nowak" "Marc Dubois"]`,
		`consulted=[]`, `informed=[]`, "chosen=Kafka on Confluent Cloud",
		"options=Kafka on Confluent Cloud|Database polling (transactional outbox only)",
	})
	if strings.Join(d.Tags, ",") != "backend,events,messaging" || strings.Join(d.SupersededBy, ",") != "DEC-5" {
		t.Errorf("tags %q, superseded by %q", d.Tags, d.SupersededBy)
	}
	if want := "### Positive Consequences <!-- optional -->\n\n- Consumers can be added without touching producers\n\n" +
		"### Negative Consequences <!-- optional -->\n\n- The Confluent Cloud bill grows with retention"; d.Consequences != want {
		t.Errorf("consequences = %q", d.Consequences)
	}
	if !strings.HasPrefix(d.Context, "Technical Story: [PLAT-88](https://jira.example.com/browse/PLAT-88)\n\nThe monolith") ||
		!strings.HasSuffix(d.Context, "## Links <!-- optional -->\n\n- [Confluent Cloud pricing](https://www.confluent.io/confluent-cloud/pricing/)") {
		t.Errorf("context = %q", d.Context)
	}
}

// checkSummary compares the metadata of d, written compactly.
func checkSummary(t *testing.T, d *bearing.Decision, want []string) {
	t.Helper()
	f := fieldsOf(d)
	var chosen string
	var names []string
	for _, o := range d.Options {
		names = append(names, o.Name)
		if o.Chosen {
			chosen = o.Name
		}
	}
	got := map[string]string{"number": f["number"], "status": f["status"], "date": bearing.DateOf(d.CreatedAt).String(),
		"deciders": f["deciders"], "consulted": f["consulted"], "informed": f["informed"],
		"chosen": chosen, "options": strings.Join(names, "|")}
	for _, w := range want {
		k, v, _ := strings.Cut(w, "=")
		if got[k] != v {
			t.Errorf("%s = %s, want %s", k, got[k], v)
		}
	}
}

func TestParseBadFiles(t *testing.T) {
	for _, tc := range []struct{ path, want string }{
		{"testdata/bad/0010-unknown-status.md", `testdata/bad/0010-unknown-status.md:7: unknown status "Approved"; ` +
			"use one of draft, proposed, accepted, rejected, deprecated, superseded or withdrawn"},
		{"testdata/bad/0011-bad-date.md", `testdata/bad/0011-bad-date.md:5: date "2021-13-45" is not a date; write it as YYYY-MM-DD`},
		{"testdata/bad/0012-bad-yaml.md", `testdata/bad/0012-bad-yaml.md:4: front matter: did not find expected ',' or ']'`},
	} {
		content, err := os.ReadFile(tc.path)
		if err != nil {
			t.Fatal(err)
		}
		d, err := Parse(tc.path, content)
		var p Problem
		if d != nil || !errors.As(err, &p) || err.Error() != tc.want {
			t.Errorf("Parse(%s) = %v, %v;\nwant error %s", tc.path, d, err, tc.want)
		}
	}
}

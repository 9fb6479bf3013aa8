package demo

import "github.com/bearingorg/bearing"

// recent are the decisions of the last year, made as Northwind prepared for
// enterprise customers and a second region: some replace earlier choices,
// some were abandoned once their drivers learnt more, and some still wait
// for an owner's signature.
var recent = []*record{
	{
		ref: "api-deprecation", title: "Public API deprecation policy: twelve months' notice",
		team: "payments", driver: "tomas", status: bearing.StatusAccepted, created: 270, decided: 12, reviewer: "rafael",
		owners: list{"tomas", "lucas"}, revisit: 450,
		tags:     list{"api", "versioning", "partners", "deprecation"},
		deciders: list{"rafael", "priya"}, consulted: list{"daniel", "julia", "diego", "Partner success", "Legal"}, informed: list{"All engineering", "Partner success"},
		summary: `When we retire a version of a public API, partners get at least twelve months' notice, a migration guide and reminders. Three large carriers were surprised by an API change last year and one threatened to leave. The cost is running old versions longer. Partners can plan upgrades, and sales can promise stability in contracts.`,
		context: `The /v1/ shipments API was retired with three months' notice. Three carriers missed the e-mail and their integrations broke at peak season. Enterprise contracts now ask for a written deprecation policy.`,
		options: []bearing.Option{
			{Name: "Twelve months, with Sunset headers and reminders", Chosen: true,
				Pros: list{"Matches what enterprise customers ask for", "Machine-readable Sunset and Deprecation headers"},
				Cons: list{"Two versions run for a year"}},
			{Name: "Six months",
				Pros: list{"Less parallel maintenance"},
				Cons: list{"Too short for carriers' release cycles"}},
		},
		body:         `A public API version is supported for **at least twelve months** after its successor ships. Deprecated versions return Deprecation and Sunset headers; partners still calling them get reminders at 6, 3 and 1 month. Usage per partner is tracked before switch-off.`,
		consequences: `Teams budget for running two versions. Partner success owns the reminder e-mails; payments owns the usage report.`,
		dos:          list{"Send Deprecation and Sunset headers on deprecated versions", "Check per-partner usage before switching a version off"},
		donts:        list{"Don't switch off a version with less than twelve months' notice", "Don't announce a deprecation without a migration guide"},
		items: []item{
			{"Add Sunset headers at the gateway", "lucas", 30, true},
			{"Build the per-partner API usage report", "tomas", 60, true},
		},
	},
	{
		ref: "aurora", title: "PostgreSQL on Amazon Aurora for new and existing services",
		driver: "tomas", status: bearing.StatusAccepted, created: 232, proposed: 4, decided: 17, reviewer: "hannah",
		supersedes: list{"pg"}, owners: list{"tomas", "ben", "fatima"}, unsigned: list{"fatima"}, revisit: 500,
		tags:     list{"datastore", "postgresql", "aurora", "database", "multi-region"},
		deciders: list{"priya", "hannah", "rafael"}, consulted: list{"ben", "nadia", "lucas", "aisha", "daniel", "Finance"}, informed: list{"catherine", "All engineering"},
		summary: `Our PostgreSQL databases move to Amazon Aurora, Amazon's managed version of PostgreSQL, and the last MongoDB services move with them. Aurora recovers from failures in seconds instead of minutes and can copy data to a second region, which our enterprise customers now require. It costs about 20% more than today's databases. Outages get shorter, and we can offer a disaster-recovery promise in contracts.`,
		context: `PostgreSQL on RDS has served us well, but:

- A failover last quarter took four minutes and failed 2,000 bookings.
- Enterprise shippers require a cross-region disaster-recovery plan with a one-hour recovery point.
- Four services still run on MongoDB Atlas, and the Atlas contract renews in a year.

Tomás consulted Finance on the 20% cost increase and every database-owning team; all support it as long as migrations are scheduled with them.`,
		options: []bearing.Option{
			{Name: "Aurora PostgreSQL with Global Database", Chosen: true,
				Pros: list{"Failover in under 30 seconds", "Cross-region replicas for disaster recovery"},
				Cons: list{"About 20% more expensive", "Some extensions unavailable"}},
			{Name: "Stay on RDS with Multi-AZ and cross-region snapshots",
				Pros: list{"Cheapest"},
				Cons: list{"Recovery point of hours, not minutes"}},
			{Name: "Self-managed PostgreSQL with Patroni",
				Pros: list{"Full control"},
				Cons: list{"Contradicts our no-self-managed-databases rule"}},
		},
		body:         `All PostgreSQL databases run on **Amazon Aurora PostgreSQL**, through the platform Terraform module. Databases holding bookings, payments and identity data get a Global Database replica in the second region. The remaining MongoDB services migrate before the Atlas renewal.`,
		consequences: `Platform migrates RDS instances with blue/green deployments, one team at a time. Atlas is cancelled at renewal. Costs rise about $4,000 a month, approved by Finance.`,
		dos:          list{"Use the Aurora Terraform module for new databases", "Test failover in staging every quarter"},
		donts:        list{"Don't create new RDS or Atlas databases", "Don't rely on extensions Aurora does not support"},
		items: []item{
			{"Publish the Aurora Terraform module", "ben", 21, true},
			{"Migrate the payments ledger to Aurora", "fatima", 90, true},
			{"Move the last MongoDB services and cancel Atlas", "tomas", 300, false},
		},
	},
	{
		ref: "rust-optimiser", title: "Rewrite the route optimiser in Rust",
		team: "data", driver: "arjun", status: bearing.StatusWithdrawn, created: 215, proposed: 5, decided: 30,
		reason:   "Withdrawn by the driver: profiling showed the time went into a quadratic step, and a better algorithm in Go brought p99 from 900 ms to 60 ms. A Rust rewrite is no longer needed.",
		owners:   list{"arjun"},
		tags:     list{"rust", "performance", "languages", "routing"},
		deciders: list{"mei", "hannah"}, consulted: list{"aisha", "elena", "chloe"}, informed: list{"Data team"},
		summary: `The data team proposed rewriting the service that plans truck routes in Rust, a faster language, because it had become too slow. The proposal was withdrawn after a cheaper fix in the existing code made it fifteen times faster.`,
		context: `Route optimisation for large shippers takes up to 900 ms at p99 and times out during peak. The optimiser is in Go and CPU-bound.`,
		options: []bearing.Option{
			{Name: "Rewrite in Rust", Chosen: true, Pros: list{"Predictable performance, no GC pauses"}, Cons: list{"A new language needing an exception", "Two engineers know Rust"}},
			{Name: "Profile and optimise the Go code", Pros: list{"No new language"}, Cons: list{"May not be enough"}},
		},
		body:         `Rewrite the **route optimiser in Rust** as a library called from the Go service.`,
		consequences: `Would need an exception to the primary languages decision.`,
		dos:          list{"Profile before rewriting"},
		donts:        list{"Don't introduce a language for one hot path without measuring"},
		items:        []item{{"Profile the optimiser under peak load", "arjun", 10, true}},
	},
	{
		ref: "data-retention", title: "Delete raw tracking and event data after 400 days",
		team: "data", driver: "chloe", status: bearing.StatusAccepted, created: 190, decided: 16, reviewer: "mei",
		owners: list{"chloe", "aisha"}, revisit: 200,
		tags:     list{"data", "privacy", "gdpr", "retention", "cost"},
		deciders: list{"mei", "priya"}, consulted: list{"arjun", "julia", "Legal", "Finance"}, informed: list{"All engineering", "catherine"},
		summary: `We will delete detailed location and event data after 400 days and keep only anonymised summaries. We hold drivers' location history forever today, which our lawyers say we cannot justify, and storing it costs $5,000 a month and growing. Year-over-year reports still work from the summaries. Our privacy risk and storage bill both go down.`,
		context: `Raw tracking events in Snowflake go back four years: 9 TB of drivers' positions. Legal reviewed it against GDPR's storage-limitation principle and found no purpose for data older than a year beyond year-over-year comparisons.`,
		options: []bearing.Option{
			{Name: "400 days raw, then aggregated", Chosen: true,
				Pros: list{"Keeps a full year for year-over-year comparison", "Removes most of the personal data"},
				Cons: list{"Some ad-hoc analyses on old data become impossible"}},
			{Name: "Keep everything, restrict access",
				Pros: list{"No loss"},
				Cons: list{"Does not satisfy storage limitation"}},
		},
		body:         `Raw tracking and event tables keep **400 days** of data. A nightly dbt job aggregates older data per lane and week, without driver identifiers, and deletes the raw rows.`,
		consequences: `Analysts move long-range analyses to the aggregate tables. Snowflake storage falls by about 70%.`,
		dos:          list{"Build long-range reports on the aggregate tables"},
		donts:        list{"Don't copy raw tracking data into other stores to keep it longer"},
		items: []item{
			{"Write the aggregation and deletion job", "chloe", 45, true},
			{"Confirm the retention policy in the privacy notice", "aisha", 30, true},
		},
	},
	{
		ref: "openfeature", title: "OpenFeature as the feature flag API, LaunchDarkly as its provider",
		team: "checkout", driver: "sofia", status: bearing.StatusAccepted, created: 140, decided: 15, reviewer: "rafael",
		supersedes: list{"launchdarkly"}, owners: list{"sofia", "daniel"}, revisit: 300,
		tags:     list{"feature-flags", "openfeature", "release"},
		deciders: list{"rafael", "hannah"}, consulted: list{"kenji", "grace", "lucas", "elena"}, informed: list{"All engineering"},
		summary: `Our code will ask for feature switches through an open standard, OpenFeature, rather than LaunchDarkly's own interface. We keep LaunchDarkly, but could change vendor later without touching code in 80 services. It costs a few days per team. The LaunchDarkly renewal becomes a negotiation we can walk away from.`,
		context: `LaunchDarkly's SDK is called directly in 80 services. Its renewal quote rose 60%. Moving vendor today would mean changing every call site.`,
		options: []bearing.Option{
			{Name: "OpenFeature SDKs with the LaunchDarkly provider", Chosen: true, Pros: list{"Vendor-neutral API", "Same features as today"}, Cons: list{"One more layer"}},
			{Name: "Keep the LaunchDarkly SDK", Pros: list{"No work"}, Cons: list{"Lock-in at every call site"}},
		},
		body:         `Services evaluate flags through the **OpenFeature** SDK (Go, Node, React Native) configured with the LaunchDarkly provider. New code must not import the LaunchDarkly SDK directly.`,
		consequences: `Checkout maintains the provider configuration. Teams migrate call sites when they next touch them, all within six months.`,
		dos:          list{"Evaluate flags through OpenFeature clients"},
		donts:        list{"Don't import the LaunchDarkly SDK in new code"},
		items: []item{
			{"Publish OpenFeature setup for Go, Node and React Native", "sofia", 21, true},
			{"Migrate remaining direct LaunchDarkly calls", "daniel", 180, false},
		},
	},
	{
		ref: "event-ledger", title: "Event-sourced ledger for carrier payouts",
		team: "payments", driver: "lucas", status: bearing.StatusWithdrawn, created: 125, proposed: never, decided: 20,
		reason:   "Withdrawn before review: the double-entry tables in Aurora with an outbox give us the audit trail we need with much less new machinery.",
		tags:     list{"payments", "event-sourcing", "ledger"},
		deciders: list{"rafael"}, consulted: list{"tomas", "fatima"}, informed: list{"Payments team"},
		summary: `Payments considered recording every change to carrier payouts as a permanent sequence of events. The idea was dropped before review in favour of a simpler design that gives the same audit trail.`,
		context: `Auditors want to reconstruct any payout balance at any date. Today balances are updated in place.`,
		options: []bearing.Option{
			{Name: "Event sourcing on Kafka", Chosen: true, Pros: list{"Full history by construction"}, Cons: list{"New patterns for the whole team", "Rebuilding projections is slow"}},
			{Name: "Double-entry tables with an outbox", Pros: list{"Familiar SQL", "Same audit trail"}, Cons: list{"History is as good as our discipline"}},
		},
		body:         `Store carrier payouts as an **event-sourced ledger** with projections for balances.`,
		consequences: `Payments would own the projection rebuild tooling.`,
	},
	{
		ref: "node22", title: "Node.js 22 LTS as the runtime for TypeScript services",
		team: "platform", driver: "elena", status: bearing.StatusAccepted, created: 100, decided: 12, reviewer: "hannah",
		supersedes: list{"node20"}, owners: list{"elena", "kenji"}, revisit: 330,
		tags:     list{"nodejs", "typescript", "runtime"},
		deciders: list{"hannah", "elena"}, consulted: list{"kenji", "daniel", "grace"}, informed: list{"All engineering"},
		summary: `TypeScript services move to Node.js 22, the current long-term support version, well before version 20 stops receiving security fixes. It takes each team about a day.`,
		context: `Node 20 reaches end of life in spring. Node 22 is the active LTS; it runs our test suites 15% faster and can load ES modules from CommonJS.`,
		options: []bearing.Option{
			{Name: "Node 22 LTS", Chosen: true, Pros: list{"Supported until April 2027", "Faster test runs"}, Cons: list{"A few dependencies need upgrading"}},
			{Name: "Stay on Node 20 until its end of life", Pros: list{"No work now"}, Cons: list{"Upgrade under time pressure later"}},
		},
		body:         `Every TypeScript service runs on **Node.js 22 LTS** within four months. The React Native toolchain follows with the next React Native upgrade.`,
		consequences: `Platform publishes the Node 22 base image and removes Node 20 from CI once the last service has moved.`,
		dos:          list{"Build from the platform Node 22 base image"},
		donts:        list{"Don't start new services on Node 20"},
		items: []item{
			{"Publish the Node 22 base image", "elena", 7, true},
			{"Move all TypeScript services to Node 22", "elena", 120, false},
		},
	},
}

package demo

// exception is one team's request to deviate from a guideline or a
// technology's ring, and what became of it; days count back from today,
// except expires, which counts from today (negative: in the past).
type exception struct {
	ref       string // local handle, for renewals
	team      string
	guideline string // ref of the guideline deviated from, or
	tech      string // slug of the technology used despite its ring
	scope     list
	by        string // the team member who asks
	requested int
	expires   int
	renews    string // ref of the exception this one renews

	justification, risk, compensating string

	decider string // DNA member who decides; "" while it awaits a decision
	decided int
	approve bool
	reason  string

	revoker      string
	revoked      int // 0: not revoked
	revokeReason string
}

// exceptions are the teams' exceptions, oldest first; they get their EXC-n
// numbers in that order.
var exceptions = []*exception{
	{
		ref: "cassandra", team: "data", guideline: "self-managed", scope: list{"tracking-store", "tracking-api"},
		by: "aisha", requested: 946, expires: -585,
		justification: "Tracking events arrive at 4,000 writes a second and grow 10% a month; no managed option fits the volume at an acceptable cost (see the Cassandra decision).",
		risk:          "A self-managed cluster with a small team behind it: upgrades, repairs and failures land on the data team.",
		compensating:  "The data team is on call for the cluster; data has a 90-day TTL and can be replayed from Kafka; quarterly restore drills.",
		decider:       "hannah", decided: 944, approve: true, reason: "Approved as decided with the tracking timeline decision; revisit within a year.",
	},
	{
		ref: "cassandra-2", team: "data", guideline: "self-managed", scope: list{"tracking-store", "tracking-api"}, renews: "cassandra",
		by: "arjun", requested: 600, expires: -250,
		justification: "Tracking still runs on Cassandra while partitioned PostgreSQL tables are load-tested; the move is planned for next quarter.",
		risk:          "Same as before; the cluster is two minor versions behind.",
		compensating:  "Upgrade to the current minor version before the peak season; restore drills continue.",
		decider:       "seun", decided: 597, approve: true, reason: "Renewed until the migration; no new tables on Cassandra.",
		revoker: "mei", revoked: 297, revokeReason: "Tracking moved to partitioned PostgreSQL tables and the cluster is decommissioned; the exception is no longer needed.",
	},
	{
		ref: "log4j-search", team: "data", guideline: "log4j", scope: list{"search-indexer"},
		by: "chloe", requested: 505, expires: -415,
		justification: "The search indexer vendors an OpenSearch ingest plugin that pins log4j-core 2.14.1; its maintainer has not released an update.",
		risk:          "The indexer logs fields from shipment documents, which customers control.",
		compensating:  "The JNDI lookup class would be stripped from the jar and the indexer runs without egress to the internet.",
		decider:       "seun", decided: 503, approve: false,
		reason: "Rejected: Log4Shell is exploitable with any logged string and the guideline allows no exceptions. Drop the plugin or build it against 2.17.1; security will pair with you on it this week.",
	},
	{
		ref: "edi", team: "payments", guideline: "languages", scope: list{"carrier-edi-gateway"},
		by: "lucas", requested: 420, expires: -60,
		justification: "Two large carriers exchange invoices only through an EDI partner whose SDK exists for Java alone.",
		risk:          "A Java service few engineers can maintain, on a JVM image that needs its own patching.",
		compensating:  "The gateway is a thin adapter with no business logic; payments owns it with two trained engineers; Renovate and the log4j guideline apply.",
		decider:       "seun", decided: 417, approve: true, reason: "Approved for the adapter only; keep it thin and ask the partner for a REST API at renewal.",
	},
	{
		ref: "runners", team: "platform", guideline: "actions", scope: list{"infra-live", "terraform-modules-*"},
		by: "ben", requested: 262, expires: -170,
		justification: "The runners of the infrastructure repositories use an older image whose Node cannot run actions/checkout v4; the new image is being hardened.",
		risk:          "An older checkout action on repositories that hold production infrastructure.",
		compensating:  "These workflows run only on reviewed commits to main, on isolated runners without internet egress.",
		decider:       "seun", decided: 260, approve: true, reason: "Approved until the new runner image ships.",
	},
	{
		ref: "mongo", team: "payments", guideline: "mongo", scope: list{"payments-reconciliation", "payments-payouts-*"},
		by: "tomas", requested: 200, expires: 150,
		justification: "Reconciliation and the legacy payout jobs are the last services on Atlas; their migration is scheduled after the ledger's, before the Atlas renewal.",
		risk:          "Two datastores for payments a while longer; Atlas must stay patched.",
		compensating:  "No new collections or features on MongoDB; migration plan reviewed monthly with platform.",
		decider:       "hannah", decided: 196, approve: true, reason: "Approved until the migration, which must finish before the Atlas renewal.",
	},
	{
		ref: "codepush", team: "mobile", tech: "app-center-codepush", scope: list{"driver-app"},
		by: "grace", requested: 150, expires: 90,
		justification: "Keep over-the-air updates for the driver app through peak season, when store reviews are slowest.",
		risk:          "App Center is retired; nothing would be maintained on the other end.",
		compensating:  "Over-the-air releases limited to JavaScript-only fixes, 10% first.",
		decider:       "hannah", decided: 147, approve: false,
		reason: "Rejected: the service is gone, so there is nothing to run it against, and running our own update server was decided against. Use expedited store review; the last two urgent fixes got through within a day.",
	},
	{
		ref: "launchdarkly", team: "checkout", guideline: "launchdarkly", scope: list{"checkout-web", "shipper-web"},
		by: "daniel", requested: 110, expires: 20,
		justification: "The LaunchDarkly React SDK's hooks are used in about 140 components; we migrate them to OpenFeature with the checkout redesign.",
		risk:          "Direct SDK use keeps these apps tied to LaunchDarkly until the migration.",
		compensating:  "No new direct calls; a lint rule blocks new imports; progress tracked in the redesign epic.",
		decider:       "rafael", decided: 107, approve: true, reason: "Approved to finish with the redesign; it will not be renewed.",
	},
	{
		ref: "keycloak", team: "identity", tech: "keycloak", scope: list{"partner-sso-bridge"},
		by: "omar", requested: 75, expires: 12,
		justification: "A large carrier federates through a legacy WS-Federation system our identity provider cannot talk to; Keycloak brokers it to OIDC until they move.",
		risk:          "A self-run identity component in the sign-in path of one partner.",
		compensating:  "Single-tenant, no local users, patched weekly, reachable only from the provider; the carrier moves to OIDC this quarter.",
		decider:       "hannah", decided: 72, approve: true, reason: "Approved for this one partner until their migration date.",
	},
	{
		ref: "edi-2", team: "payments", guideline: "languages", scope: list{"carrier-edi-gateway"}, renews: "edi",
		by: "fatima", requested: 64, expires: 200,
		justification: "The EDI partner has announced a REST API for next year; until then the Java SDK is still the only way to reach the two carriers.",
		risk:          "Unchanged: a small Java adapter.",
		compensating:  "As before; the adapter stayed under 2,000 lines and passed its last security review.",
		decider:       "seun", decided: 62, approve: true, reason: "Renewed until the partner's REST API is available.",
	},
	{
		ref: "ledger-go", team: "payments", guideline: "go", scope: list{"payments-ledger"},
		by: "lucas", requested: 30, expires: 25,
		justification: "The ledger builds with the FIPS-validated Go 1.21 toolchain required by our card-payment assessment; the validated 1.23 toolchain is due next month.",
		risk:          "Standard library security fixes reach the ledger late.",
		compensating:  "Backported fixes are applied by the toolchain vendor; the ledger is reachable only inside the cluster.",
		decider:       "hannah", decided: 27, approve: true, reason: "Approved until the validated toolchain ships.",
	},
	{
		ref: "ci-cache", team: "platform", guideline: "self-managed", scope: list{"ci-cache"},
		by: "nadia", requested: 18, expires: 120,
		justification: "A self-hosted Redis in the tools cluster as a build cache for the runners; ElastiCache adds a cross-network hop to every cache read.",
		risk:          "A self-managed Redis, though it holds only disposable cache entries.",
		compensating:  "No persistence; losing it only slows builds; it runs in the tools cluster, never in production.",
	},
	{
		ref: "identity-logger", team: "identity", guideline: "logger", scope: list{"token-service", "identity-admin-*"},
		by: "julia", requested: 5, expires: 180,
		justification: "Our token service and admin back ends are written in Go, where an npm package cannot be used; they log through slog with the same redaction rules and trace ids.",
		risk:          "Redaction is implemented twice and could drift from @northwind/logger's.",
		compensating:  "The redaction rules are shared as a test fixture that both implementations must pass in CI.",
	},
}

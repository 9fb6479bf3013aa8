package demo

import "github.com/bearingorg/bearing"

// guideline is one guideline of the DNA group and its story, in days before
// today: drafted, published a few days later, and perhaps retired.
type guideline struct {
	ref       string // local handle, for exceptions
	statement string
	level     bearing.Level
	summary   string // executive summary: plain language
	rationale string // Markdown
	teams     list   // scope: team slugs; with tags, empty means everyone
	tags      list
	dos       list
	donts     list
	decisions list // refs of decision records
	techs     list // radar slugs
	owners    list // local parts
	rules     []bearing.Rule
	revisit   int    // days from today; 0: none
	by        string // the DNA member who writes and publishes it
	created   int
	published int // 0: still a draft
	retired   int // 0: in force (or a draft)
}

// guidelines are the DNA group's guidelines, oldest first; they get their
// G-n numbers in that order.
var guidelines = []*guideline{
	{
		ref: "python", level: bearing.LevelMay, by: "mei", created: 1038, published: 1033, revisit: 150,
		statement: "The data team MAY use Python for data pipelines, notebooks and machine-learning services.",
		summary:   `Data engineers can keep using Python for their pipelines and models; product services stay in Go and TypeScript.`,
		rationale: `Python's data and ML libraries have no match in Go or TypeScript, and the data team's pipelines already run on it. The permission is limited to data work so that product services stay readable by every on-call engineer.`,
		teams:     list{"data"},
		dos:       list{"Write dbt models, pipelines and model training in Python", "Serve a model behind a small Go service when product code calls it"},
		donts:     list{"Don't write product APIs in Python"},
		decisions: list{"go-ts"}, techs: list{"python"}, owners: list{"mei", "elena"},
	},
	{
		ref: "languages", level: bearing.LevelMustNot, by: "hannah", created: 1037, published: 1030, revisit: 150,
		statement: "New services MUST NOT be written in a language other than Go or TypeScript (or Python for data work) without a DNA exception.",
		summary:   `New software is written in Go or TypeScript. Anything else needs the DNA group's agreement and a plan for who maintains it.`,
		rationale: `Six languages in production meant on-call engineers could not read each other's services and recruiting could not describe the stack. **Go** for backend services, **TypeScript** for web, BFFs and mobile, **Python** only for data. An exception needs a named team that maintains the service.`,
		dos:       list{"Start backend services from the Go service template", "Ask DNA early if a vendor SDK exists only for another language"},
		donts:     list{"Don't start services in PHP, Java, Kotlin or Elixir", "Don't introduce a language for one hot path without measuring first"},
		decisions: list{"go-ts", "monolith-php"}, techs: list{"go", "typescript", "php", "elixir", "java-and-kotlin"}, owners: list{"elena", "hannah"},
		rules: []bearing.Rule{{Forbid: "php"}, {Forbid: "elixir"}, {Forbid: "java"}},
	},
	{
		ref: "log4j", level: bearing.LevelMustNot, by: "seun", created: 1003, published: 998,
		statement: "Software we build or run MUST NOT contain Log4j 2 (log4j-core) before version 2.17.1.",
		summary:   `Old versions of a Java logging library let attackers take over servers remotely. None may be in anything we run, and no exceptions are granted.`,
		rationale: `Log4Shell (CVE-2021-44228) and its follow-ups are exploitable by anyone who can get a string logged. The library reaches us through vendor SDKs and tools rather than our own code, so bearing check scans every repository's dependencies. **No exceptions**: upgrade or remove the component.`,
		dos:       list{"Upgrade log4j-core to 2.17.1 or later, or exclude it", "Check vendor SDKs and container images, not only your own dependencies"},
		donts:     list{"Don't ship a plugin or SDK that bundles an old log4j-core"},
		techs:     list{"log4j-before-2-17-1"}, owners: list{"seun"},
		rules: []bearing.Rule{{Forbid: "pkg:maven/org.apache.logging.log4j/log4j-core@<2.17.1"}},
	},
	{
		ref: "moment", level: bearing.LevelShouldNot, by: "hannah", created: 999, published: 990,
		statement: "New TypeScript code SHOULD NOT use Moment.js; use date-fns or the Intl APIs.",
		summary:   `An outdated date library should not be used in new code; a smaller, modern one replaces it.`,
		rationale: `Moment.js is in maintenance mode, adds about 70 kB to bundles, and its mutable dates caused two bugs in delivery windows. Replace it when you touch the code.`,
		dos:       list{"import { addDays } from \"date-fns\"", "Format dates for people with Intl.DateTimeFormat"},
		donts:     list{"import moment from \"moment\""},
		techs:     list{"moment-js", "date-fns"}, owners: list{"kenji"},
		rules: []bearing.Rule{{Forbid: "pkg:npm/moment"}},
	},
	{
		ref: "self-managed", level: bearing.LevelMustNot, by: "hannah", created: 990, published: 984, revisit: -60,
		statement: "Teams MUST NOT run their own database servers or message brokers in production; use the managed services on the radar.",
		summary:   `Running databases and message systems ourselves takes time the platform team does not have; we use managed services.`,
		rationale: `Every self-managed datastore needs backups, upgrades, failover drills and an on-call rotation that knows it. A platform team of four cannot do that for many systems. Use **Aurora PostgreSQL**, **ElastiCache**, **MSK** and **S3**; ask the DNA group if none fits. Containers for local development and tests are fine.`,
		dos:       list{"Create databases with the platform Terraform modules", "Use containers of these images in local development and CI only"},
		donts:     list{"Don't deploy Kafka, RabbitMQ or Cassandra containers to a cluster", "Don't install a database on a VM"},
		decisions: list{"mongo", "k8s"}, owners: list{"hannah"},
		rules: []bearing.Rule{{Forbid: "docker.io/bitnami/kafka"}, {Forbid: "docker.io/confluentinc/cp-kafka"},
			{Forbid: "docker.io/library/rabbitmq"}, {Forbid: "docker.io/library/cassandra"}},
	},
	{
		ref: "codeowners", level: bearing.LevelMust, by: "hannah", created: 938, published: 930,
		statement: "Every repository MUST name its owning team in a CODEOWNERS file.",
		summary:   `Every code repository says which team owns it, so there is always someone to ask, review and fix.`,
		rationale: `One repository per service only works if ownership is unambiguous: reviews, on-call, vulnerability fixes and Renovate pull requests all go to the owning team. Ownerless repositories are archived.`,
		dos:       list{"* @northwind/payments in .github/CODEOWNERS", "Name one team; add individuals for sub-paths only"},
		donts:     list{"Don't list individuals as the only owners of a repository"},
		decisions: list{"polyrepo", "dna-group"}, owners: list{"elena"},
		rules: []bearing.Rule{{RequireFile: "CODEOWNERS|.github/CODEOWNERS"}},
	},
	{
		ref: "events", level: bearing.LevelShould, by: "mei", created: 898, published: 893,
		statement: "Services SHOULD announce changes as domain events on Kafka rather than call other services synchronously for side effects.",
		summary:   `When something happens in one service, it tells the others through a shared event stream instead of calling each of them, so one slow service no longer slows everything down.`,
		rationale: `Synchronous calls for side effects made a notifications outage fail bookings twice. Events decouple the publisher from its consumers and feed analytics too. Queries that need an answer now stay synchronous.`,
		dos:       list{"Publish BookingConfirmed after the booking commits (through an outbox)", "Make consumers idempotent"},
		donts:     list{"Don't call notifications synchronously from checkout", "Don't use Kafka for request/response"},
		decisions: list{"kafka"}, techs: list{"amazon-msk", "apache-avro"}, owners: list{"mei", "elena"},
	},
	{
		ref: "node18", level: bearing.LevelMust, by: "hannah", created: 781, published: 778, retired: 414,
		statement: "TypeScript services MUST run on Node.js 18 or later.",
		summary:   `Every TypeScript service runs on a supported version of Node.js.`,
		rationale: `Node 16 lost security support early with OpenSSL 1.1.1. Replaced by the Node 20 guideline.`,
		dos:       list{"FROM the platform Node 18 base image"},
		donts:     list{"Don't deploy on Node 16"},
		decisions: list{"node18"}, techs: list{"node-js"}, owners: list{"elena"},
		rules: []bearing.Rule{{RequireRuntime: "node@>=18"}},
	},
	{
		ref: "vault", level: bearing.LevelMustNot, by: "seun", created: 594, published: 588, revisit: 400,
		statement: "Services MUST NOT keep secrets in files, environment files or CI settings; they read them from Vault at run time.",
		summary:   `Passwords and keys live only in Vault, which hands them out when a service starts, so a leaked copy is useless within hours.`,
		rationale: `The PCI assessment flagged unrotated database passwords and 60 repositories holding encrypted production secrets. Vault gives dynamic credentials with 24-hour leases and an audit log of every read.`,
		dos:       list{"Use dynamic database credentials from Vault", "Scope the Vault policy to one service"},
		donts:     list{"Don't commit SOPS or .env files with secrets", "Don't use a person's Vault token in a service"},
		decisions: list{"vault", "sops"}, techs: list{"hashicorp-vault", "sops"}, owners: list{"seun"},
		rules: []bearing.Rule{{Forbid: "pkg:golang/github.com/getsops/sops/v3"}, {Forbid: "pkg:golang/go.mozilla.org/sops/v3"}},
	},
	{
		ref: "actions", level: bearing.LevelMustNot, by: "hannah", created: 528, published: 522,
		statement: "Workflows MUST NOT use actions/checkout before v4, and MUST pin third-party actions to a full commit SHA.",
		summary:   `Our build pipelines use current, pinned versions of the building blocks they borrow, so nobody can slip malicious code into our builds.`,
		rationale: `A tag can be moved to point at other code; a commit SHA cannot. Older versions of actions/checkout run on Node versions that no longer get security fixes and are being removed from the runners.`,
		dos:       list{"uses: actions/checkout@v4", "uses: some-org/some-action@3f1c0d2… # v2.1.0"},
		donts:     list{"uses: actions/checkout@v2", "uses: some-org/some-action@main"},
		decisions: list{"gha"}, techs: list{"github-actions"}, owners: list{"hannah"},
		rules: []bearing.Rule{{Forbid: "actions/checkout@<v4"}},
	},
	{
		ref: "otel", level: bearing.LevelMust, by: "hannah", created: 452, published: 447, revisit: 250,
		statement: "Services MUST be instrumented with OpenTelemetry and send telemetry through the collector, never directly to a vendor.",
		summary:   `Every service reports its health in one open, standard way, so we can change monitoring vendor without touching the code.`,
		rationale: `Vendor libraries in every service made leaving Datadog a quarter-long project. With OpenTelemetry and the collector, the backend is configuration and sampling happens in one place.`,
		dos:       list{"Use the OpenTelemetry setup of the service templates", "Follow the semantic conventions for span and metric names"},
		donts:     list{"Don't add dd-trace or other vendor agents", "Don't put user ids or e-mails in metric labels"},
		decisions: list{"otel"}, techs: list{"opentelemetry", "datadog-tracing-libraries", "grafana-cloud"}, owners: list{"elena"},
		rules: []bearing.Rule{{Forbid: "pkg:npm/dd-trace"}, {Forbid: "pkg:golang/gopkg.in/DataDog/dd-trace-go.v1"},
			{Forbid: "pkg:golang/github.com/DataDog/dd-trace-go/v2"}},
	},
	{
		ref: "logger", level: bearing.LevelMust, by: "hannah", created: 436, published: 430,
		statement: "Web apps and BFF services MUST log through @northwind/logger.",
		summary:   `Our web services all write their logs the same way, which makes problems faster to find and keeps personal data out of the logs.`,
		rationale: `The logger adds trace ids and redacts e-mail addresses, tokens and card data in one place. Three incidents of personal data in logs came from hand-rolled console logging in web services.`,
		teams:     list{"checkout", "identity"}, tags: list{"web", "bff"},
		dos:       list{"import { logger } from \"@northwind/logger\""},
		donts:     list{"console.log(request.body)"},
		decisions: list{"otel"}, techs: list{"northwind-logger"}, owners: list{"kenji"},
		rules: []bearing.Rule{{Require: "pkg:npm/@northwind/logger"}},
	},
	{
		ref: "node20", level: bearing.LevelMust, by: "hannah", created: 418, published: 415, revisit: 120,
		statement: "TypeScript services MUST run on a supported Node.js LTS: version 20 or later.",
		summary:   `Every TypeScript service runs on a version of Node.js that still receives security fixes.`,
		rationale: `Node 18 reaches end of life; unpatched runtimes were how an earlier vulnerability stayed in production for weeks. New services start on the current LTS (Node 22); Node 20 remains allowed while services move.`,
		dos:       list{"FROM the platform Node 22 base image", "Pin the version in .nvmrc and engines"},
		donts:     list{"Don't deploy on Node 18 or older"},
		decisions: list{"node20"}, techs: list{"node-js", "node-js-20", "node-js-before-20"}, owners: list{"elena", "kenji"},
		rules: []bearing.Rule{{RequireRuntime: "node@>=20"}},
	},
	{
		ref: "go", level: bearing.LevelMust, by: "hannah", created: 290, published: 285, revisit: 180,
		statement: "Go services MUST build with a supported Go release: 1.22 or later.",
		summary:   `Our Go services are built with a current version of Go, which receives security fixes.`,
		rationale: `Go supports its two latest releases. Older toolchains miss security fixes in the standard library (net/http, crypto/tls) that every service depends on.`,
		dos:       list{"go 1.23 in go.mod, built with the platform Go image"},
		donts:     list{"Don't pin CI to an old Go image"},
		decisions: list{"go-ts"}, techs: list{"go"}, owners: list{"elena"},
		rules: []bearing.Rule{{RequireRuntime: "golang@>=1.22"}},
	},
	{
		ref: "mongo", level: bearing.LevelMustNot, by: "rafael", created: 212, published: 208, revisit: 90,
		statement: "New services MUST NOT use MongoDB; existing MongoDB services move to Aurora PostgreSQL before the Atlas contract renews.",
		summary:   `No new software is built on MongoDB, and the last services using it move to our standard database before the contract renews.`,
		rationale: `PostgreSQL replaced MongoDB as the default after partial writes caused ledger incidents and reporting broke with every document change. With Aurora, the remaining services migrate so that Atlas can be cancelled at renewal.`,
		dos:       list{"Use the Aurora Terraform module for a new database", "Follow the MongoDB-to-PostgreSQL migration guide"},
		donts:     list{"Don't add mongoose or the MongoDB driver to a service", "Don't create Atlas clusters"},
		decisions: list{"pg", "aurora"}, techs: list{"mongodb", "postgresql", "amazon-aurora-postgresql"}, owners: list{"rafael", "hannah"},
		rules: []bearing.Rule{{Forbid: "docker.io/library/mongo"}, {Forbid: "pkg:npm/mongoose"}, {Forbid: "pkg:npm/mongodb"},
			{Forbid: "pkg:golang/go.mongodb.org/mongo-driver"}},
	},
	{
		ref: "launchdarkly", level: bearing.LevelMustNot, by: "rafael", created: 122, published: 118,
		statement: "New code MUST NOT import a LaunchDarkly SDK directly; evaluate feature flags through OpenFeature.",
		summary:   `Our code asks for feature switches through an open standard, so we can change flag vendor without editing 80 services.`,
		rationale: `LaunchDarkly's SDK was called directly in 80 services when its renewal quote rose 60%. Through OpenFeature the vendor is a provider configured in one place. Existing call sites move when touched, all within six months.`,
		dos:       list{"client.getBooleanValue(\"new-checkout\", false) with the OpenFeature client"},
		donts:     list{"import { init } from \"@launchdarkly/node-server-sdk\""},
		decisions: list{"openfeature"}, techs: list{"openfeature", "launchdarkly"}, owners: list{"rafael", "kenji"},
		rules: []bearing.Rule{{Forbid: "pkg:npm/@launchdarkly/node-server-sdk"}, {Forbid: "pkg:npm/launchdarkly-js-client-sdk"},
			{Forbid: "pkg:npm/@launchdarkly/react-native-client-sdk"}, {Forbid: "pkg:golang/github.com/launchdarkly/go-server-sdk/v7"}},
	},
	{
		ref: "grpc", level: bearing.LevelShould, by: "hannah", created: 40,
		statement: "New synchronous APIs between internal services SHOULD use gRPC with Protobuf schemas published to the Buf registry.",
		summary:   `Draft: services would call each other in a stricter format that catches mismatched messages before release.`,
		rationale: `Draft, waiting for the gRPC decision. Four incidents this year came from a field renamed on one side of a JSON call; generated clients and breaking-change detection in CI would have caught them.`,
		dos:       list{"Publish the schema before implementing", "Set a deadline on every call"},
		donts:     list{"Don't reuse Protobuf field numbers", "Don't expose gRPC to browsers or partners"},
		decisions: list{"grpc"}, techs: list{"grpc"}, owners: list{"elena"},
	},
	{
		ref: "signed-images", level: bearing.LevelMust, by: "seun", created: 25,
		statement: "Container images deployed to production MUST be built by the shared workflows, with an SBOM, and signed with Cosign.",
		summary:   `Draft: everything we deploy would carry an ingredients list and a signature proving we built it.`,
		rationale: `Draft, waiting for the SBOM decision. Enterprise security questionnaires ask for it, and an SBOM answers "are we affected?" in minutes when a vulnerability is announced.`,
		dos:       list{"Build images with the shared build-and-push workflow"},
		donts:     list{"Don't push images built on a laptop"},
		decisions: list{"sbom"}, techs: list{"sigstore-cosign"}, owners: list{"seun"},
	},
}

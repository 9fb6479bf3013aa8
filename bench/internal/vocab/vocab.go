// Package vocab holds the word lists the benchmark tools share: bench/gen
// writes decisions from them and bench/load searches for their words, so
// every search of the load test hits real, indexed text.
package vocab

// Tech names technologies that decisions adopt, replace and deprecate.
var Tech = []string{
	"postgresql", "mysql", "sqlite", "cockroachdb", "cassandra", "dynamodb", "mongodb", "redis",
	"memcached", "elasticsearch", "opensearch", "clickhouse", "snowflake", "bigquery", "kafka",
	"rabbitmq", "nats", "pulsar", "kinesis", "grpc", "graphql", "openapi", "protobuf", "avro",
	"kubernetes", "nomad", "terraform", "pulumi", "ansible", "helm", "argocd", "flux", "envoy",
	"istio", "linkerd", "nginx", "haproxy", "traefik", "prometheus", "grafana", "opentelemetry",
	"jaeger", "datadog", "sentry", "loki", "vault", "keycloak", "okta", "oauth", "webauthn",
	"golang", "rust", "kotlin", "typescript", "python", "java", "scala", "elixir", "react",
	"svelte", "vue", "nextjs", "tailwind", "webpack", "vite", "bazel", "gradle", "maven",
	"github", "gitlab", "jenkins", "buildkite", "renovate", "dependabot", "sonarqube", "semgrep",
	"airflow", "dagster", "spark", "flink", "dbt", "debezium", "s3", "minio", "cloudflare",
	"fastly", "lambda", "fargate", "temporal", "celery", "sidekiq", "wasm", "sqs", "sns",
}

// Areas are the parts of a (fictional) organisation that decisions concern.
var Areas = []string{
	"payments", "checkout", "billing", "invoicing", "search", "catalogue", "inventory", "pricing",
	"recommendations", "notifications", "identity", "onboarding", "mobile app", "web frontend",
	"data platform", "analytics", "reporting", "fraud detection", "logistics", "shipping",
	"customer support", "internal tools", "developer platform", "observability", "ci pipeline",
	"release process", "on-call", "incident response", "marketplace", "partner api", "ledger",
	"subscriptions", "loyalty", "messaging", "media storage", "localisation", "accessibility",
}

// Concerns are the qualities a decision trades off.
var Concerns = []string{
	"latency", "throughput", "availability", "durability", "cost", "security", "privacy",
	"compliance", "maintainability", "observability", "portability", "developer experience",
	"onboarding time", "operational load", "vendor lock-in", "testability", "scalability",
	"consistency", "resilience", "auditability", "accessibility", "time to market",
}

// Practices are engineering practices decisions require or forbid.
var Practices = []string{
	"code review by two engineers", "feature flags", "contract tests", "trunk-based development",
	"semantic versioning", "structured logging", "blue-green deployments", "canary releases",
	"infrastructure as code", "architecture decision records", "threat modelling", "load testing",
	"chaos experiments", "service level objectives", "runbooks", "pair programming",
	"schema migrations in CI", "signed commits", "dependency pinning", "error budgets",
}

// Problems are sentences that explain why a decision was needed.
var Problems = []string{
	"the current setup pages the on-call engineer several times a week",
	"costs have grown faster than traffic for three quarters in a row",
	"every team has solved this differently, and nobody can move between codebases",
	"the vendor announced the end of support for the version we run",
	"p99 latency regularly exceeds the budget agreed with the product teams",
	"auditors asked for evidence we cannot produce today",
	"new engineers need weeks before they can ship a change safely",
	"a recent incident showed that we cannot restore data within our target",
	"the licence terms changed and legal flagged the risk",
	"peak traffic during campaigns is ten times the daily average",
	"schema changes regularly break consumers we did not know about",
	"the build takes too long and engineers batch their changes",
}

// Verbs open decision titles.
var Verbs = []string{"Adopt", "Use", "Standardise on", "Evaluate", "Pilot", "Keep", "Introduce", "Retire"}

// Tags label decisions.
var Tags = []string{
	"architecture", "data", "security", "infrastructure", "frontend", "backend", "mobile", "process",
	"observability", "cost", "compliance", "reliability", "performance", "tooling", "api", "testing",
	"platform", "privacy", "ml", "vendor",
}

// Teams are the teams decisions belong to: slug and name.
var Teams = [][2]string{
	{"payments", "Payments"}, {"checkout", "Checkout"}, {"search", "Search"}, {"platform", "Platform"},
	{"data", "Data"}, {"identity", "Identity"}, {"mobile", "Mobile"}, {"web", "Web"},
	{"sre", "Site Reliability"}, {"security", "Security"}, {"growth", "Growth"}, {"logistics", "Logistics"},
}

// FirstNames and LastNames make up the generated people.
var FirstNames = []string{
	"ada", "alan", "barbara", "brian", "carol", "dennis", "edsger", "frances", "grace", "guido",
	"hedy", "ivan", "jean", "ken", "leslie", "linus", "margaret", "niklaus", "olga", "radia",
	"rob", "sophie", "tim", "ursula", "vint", "whitfield", "xavier", "yukihiro", "zara", "anita",
}

// LastNames are paired with FirstNames.
var LastNames = []string{
	"lovelace", "turing", "liskov", "kernighan", "allen", "ritchie", "dijkstra", "hopper",
	"rossum", "lamarr", "sutherland", "sammet", "thompson", "lamport", "torvalds", "hamilton",
	"wirth", "perlman", "pike", "wilson", "berners", "franklin", "cerf", "diffie", "matsumoto",
	"borg", "goldberg",
}

// SearchWords are the words bench/load searches for: every one appears in
// generated titles or bodies.
func SearchWords() []string {
	var out []string
	out = append(out, Tech...)
	for _, a := range Areas {
		if len(a) > 3 && !containsSpace(a) {
			out = append(out, a)
		}
	}
	for _, c := range Concerns {
		if !containsSpace(c) {
			out = append(out, c)
		}
	}
	return out
}

func containsSpace(s string) bool {
	for _, r := range s {
		if r == ' ' || r == '-' {
			return true
		}
	}
	return false
}

package demo

import "github.com/bearingorg/bearing"

// foundations are the decisions of Northwind's first strategy round, about
// three years ago: after months of rumours ("I heard we are moving everything
// to Java"), Elena interviewed forty people, wrote down the topics the company
// had to decide, consulted everyone involved one by one, and the first
// decision meetings settled them.
var foundations = []*record{
	{
		ref: "dna-group", title: "Form a design & architecture (DNA) group to review designs and own guidelines",
		driver: "elena", status: bearing.StatusAccepted, created: 1092, decided: 8, reviewer: "priya",
		owners: list{"elena", "hannah"}, revisit: -25,
		tags:     list{"process", "governance", "design-review"},
		deciders: list{"priya", "marcus"}, consulted: list{"tomas", "aisha", "kenji", "hannah", "seun"},
		informed: list{"All engineering"},
		summary:  `We are creating a small group of four experienced engineers, the DNA group, who review designs on request and publish guidelines such as approved technologies. Teams told us they wait weeks for answers or guess and redo work later. The group costs about 20% of four engineers' time. Teams get one place to ask, an answer within five working days, and written guidelines that let them decide most things without asking at all.`,
		context: `Northwind has grown from four to eleven product teams in eighteen months. In interviews with forty engineers and managers, the same complaints came up again and again:

- Nobody knows whether a technology will still be supported next year, so teams either wait or pick something and are told to change it later.
- Designs stall because nobody can say whether they fit "where we are going".
- Rumours ("I heard we are moving everything to Java", "I heard MongoDB is banned") travel faster than decisions.

Reviews happen today in hallway conversations with whoever is available, which favours teams sitting next to a senior engineer and leaves no record.`,
		options: []bearing.Option{
			{Name: "A standing DNA group with a review process", Chosen: true,
				Description: "Four senior engineers, rotating yearly, 20% of their time; a request template, a weekly review slot and published guidelines.",
				Pros:        list{"One place to ask, with a time-to-answer we can measure", "Guidelines let teams decide alone for the common cases"},
				Cons:        list{"Costs about 0.8 of an engineer every week", "Risk of becoming a gate if the group is slow"}},
			{Name: "An architecture board of managers",
				Pros: list{"Clear authority"},
				Cons: list{"Decisions far from the code", "Meets monthly: too slow for teams"}},
			{Name: "Keep reviews informal",
				Pros: list{"No process overhead"},
				Cons: list{"The confusion we measured stays", "No record of what was decided or why"}},
		},
		body: `We form the **design & architecture (DNA) group**: Hannah Lindqvist, Oluwaseun Adeyemi, Rafael Costa and Mei Chen, with the CTO chairing decision meetings.

1. Any team may request a design review with the template; DNA answers within five working days: approved, approved with conditions, changes requested, or escalated to a topic for a decision.
2. DNA publishes guidelines and the list of approved technologies, and decides exceptions to them.
3. Strategic decisions are recorded in the decision log, each with owners who accept ownership in writing.`,
		consequences: `Teams no longer need a senior engineer nearby to get a design reviewed. The DNA members give up a fifth of their team time; their managers plan for it. We will measure time-to-answer and publish it monthly, so that the group cannot silently become a bottleneck.`,
		dos:          list{"Ask DNA early, with a one-page design, before writing code", "Record every strategic decision in the decision log with owners"},
		donts:        list{"Don't treat DNA approval as required for changes that follow the guidelines", "Don't decide strategy in chat threads; bring it to a topic"},
		items: []item{
			{"Publish the design review request template", "hannah", 10, true},
			{"Hold the first weekly DNA review slot", "hannah", 14, true},
			{"Publish time-to-answer for design reviews every month", "elena", 45, true},
		},
	},
	{
		ref: "monolith-php", title: "Freeze the PHP booking monolith and extract services around it",
		team: "checkout", driver: "tomas", status: bearing.StatusDeprecated, created: 1085, decided: 11, ended: 835,
		reviewer: "hannah", reason: "The monolith was switched off after the last booking flow moved to the checkout service; there is nothing left to freeze.",
		owners: list{"daniel", "tomas"}, revisit: -700,
		tags:     list{"php", "monolith", "architecture", "migration"},
		deciders: list{"priya", "hannah"}, consulted: list{"daniel", "sofia", "lucas", "marcus"}, informed: list{"diego", "All engineering"},
		summary: `The original booking system, written in PHP in Northwind's first year, will get no new features. New work goes into separate services, and we move existing features out piece by piece over about two years. A big-bang rewrite was rejected as too risky for revenue. Teams must stop adding code to the monolith except for fixes.`,
		context: `Every booking still goes through the PHP 7.4 monolith. Deploys take 40 minutes, any change can break unrelated flows, and PHP 7.4 leaves security support soon. Three teams change it every week and block each other in one release train.

Two rewrites were started in the past and abandoned after months without shipping.`,
		options: []bearing.Option{
			{Name: "Freeze and strangle", Chosen: true,
				Pros: list{"Revenue keeps flowing through a system that works", "Each extraction ships value on its own"},
				Cons: list{"Two systems to run for a long time", "Needs discipline to stop feature work in PHP"}},
			{Name: "Big-bang rewrite",
				Pros: list{"Clean architecture from day one"},
				Cons: list{"Two failed attempts already", "No customer value until the very end"}},
			{Name: "Upgrade PHP and keep building on it",
				Pros: list{"Least disruption this year"},
				Cons: list{"Does not fix the shared release train", "Hiring for PHP is getting harder"}},
		},
		body:         `The monolith is **frozen**: only bug fixes and security patches. Every new capability is built as a service behind the routing layer, and existing flows are extracted in the order of the checkout roadmap. The monolith is switched off when the last booking flow has moved.`,
		consequences: `Two systems run side by side for up to two years; the routing layer must support both. Product roadmaps must budget extraction work. PHP security patches continue until the switch-off.`,
		dos:          list{"Build new features as services behind the routing layer", "Fix security issues in the monolith promptly"},
		donts:        list{"Don't add features to the PHP monolith", "Don't start another full rewrite"},
		items: []item{
			{"Put the routing layer in front of the monolith", "daniel", 45, true},
			{"Agree the extraction order with product", "tomas", 30, true},
		},
	},
	{
		ref: "mongo", title: "MongoDB as the default datastore for new services",
		team: "payments", driver: "tomas", status: bearing.StatusSuperseded, created: 1078, decided: 9, reviewer: "hannah",
		owners: list{"tomas", "ben"}, revisit: -713,
		tags:     list{"datastore", "mongodb", "database"},
		deciders: list{"priya", "hannah", "elena"}, consulted: list{"lucas", "aisha", "ben"}, informed: list{"All engineering"},
		summary: `New services will store their data in MongoDB, run by MongoDB Atlas, unless they have a reason not to. Teams asked which database to use and each picked differently, which multiplies the operations work. Atlas costs about $4,000 a month at our size. Teams get one default they can use without asking, and one set of backups, alerts and runbooks.`,
		context: `New services extracted from the monolith each chose a datastore: two picked MongoDB, one DynamoDB, one PostgreSQL, one Redis as a primary store. The platform team supports all of them, with half-written runbooks for each.

Most new services store documents (bookings, quotes, carrier profiles) that change shape often while the product is young.`,
		options: []bearing.Option{
			{Name: "MongoDB Atlas", Chosen: true,
				Pros: list{"Flexible schema while models change weekly", "Managed service; the teams already know it"},
				Cons: list{"Weak for reporting and joins", "Multi-document transactions are young"}},
			{Name: "PostgreSQL on RDS",
				Pros: list{"Strong consistency and SQL for reporting"},
				Cons: list{"Schema migrations slow the teams down now", "Fewer people know it well"}},
			{Name: "DynamoDB",
				Pros: list{"No servers at all"},
				Cons: list{"Access patterns must be known up front", "Lock-in to AWS APIs"}},
		},
		body:         `New services use **MongoDB on Atlas** unless DNA approves an exception. Existing services keep their datastore until they have a reason to move.`,
		consequences: `Platform writes one set of runbooks, backups and alerts for Atlas. Reporting needs an export to the analytics store. We will revisit once the product models settle.`,
		dos:          list{"Use MongoDB Atlas for new services", "Define indexes in code, reviewed with the service"},
		donts:        list{"Don't run self-managed database servers", "Don't share a database between services"},
		items: []item{
			{"Write the Atlas runbook and backup policy", "ben", 30, true},
			{"Set up Atlas alerts in the on-call tooling", "ben", 40, true},
		},
	},
	{
		ref: "node16", title: "Node.js 16 LTS as the runtime for TypeScript services",
		team: "platform", driver: "elena", status: bearing.StatusSuperseded, created: 1065, proposed: 2, decided: 7, reviewer: "hannah",
		owners: list{"elena"}, revisit: -600,
		tags:     list{"nodejs", "typescript", "runtime"},
		deciders: list{"hannah", "elena"}, consulted: list{"kenji", "daniel"}, informed: list{"All engineering"},
		summary: `All TypeScript services will run on the same version of Node.js, version 16, which is supported until next autumn. Today they run on four versions, some no longer patched. Upgrading takes each team a day or two. Security patches then reach every service the same week.`,
		context: `TypeScript services run on Node 10, 12, 14 and 16. Node 10 and 12 no longer get security fixes. Each version needs its own base image and CI setup.`,
		options: []bearing.Option{
			{Name: "Node 16 LTS everywhere", Chosen: true,
				Pros: list{"Supported for another year", "One base image"},
				Cons: list{"Services on Node 10 need dependency upgrades"}},
			{Name: "Let each team choose",
				Pros: list{"No forced work"},
				Cons: list{"Unpatched runtimes stay in production"}},
		},
		body:         `Every TypeScript service runs on **Node.js 16 LTS**, built from the platform base image. Upgrades to the next LTS happen within six months of its release.`,
		consequences: `Teams on Node 10 and 12 spend a few days upgrading dependencies. Platform maintains one base image.`,
		dos:          list{"Build from the platform Node base image", "Pin the Node version in .nvmrc and the Dockerfile"},
		donts:        list{"Don't deploy services on Node versions past end of life"},
		items:        []item{{"Publish the Node 16 base image", "elena", 14, true}},
	},
	{
		ref: "go-ts", title: "Go and TypeScript as Northwind's primary languages",
		driver: "elena", status: bearing.StatusAccepted, created: 1055, decided: 12, reviewer: "priya",
		owners: list{"elena", "kenji"}, revisit: 150,
		tags:     list{"languages", "go", "typescript", "hiring"},
		deciders: list{"priya", "marcus", "hannah"}, consulted: list{"tomas", "aisha", "kenji", "daniel", "ben"},
		informed: list{"catherine", "All engineering", "Recruiting"},
		summary:  `Northwind will build backend services in Go and user-facing code in TypeScript. Other languages need an exception. Engineers asked whether Java, Kotlin or Rust were coming, and recruiting needed a clear answer. The cost is retraining a handful of engineers. Teams can move between services more easily and hiring becomes simpler to describe.`,
		context: `Services exist in PHP, Python, Go, TypeScript, Java and one in Elixir. A rumour that "we are moving everything to Java" made two teams pause new work for a month.

Recruiting cannot describe the stack, and on-call engineers cannot read each other's services.`,
		options: []bearing.Option{
			{Name: "Go for services, TypeScript for front ends and BFFs", Chosen: true,
				Pros: list{"Both already used by most teams", "Go services are small, fast and easy to operate"},
				Cons: list{"Python specialists in data must keep an exception", "Go's type system is limiting for some domain models"}},
			{Name: "Java/Kotlin on the JVM",
				Pros: list{"Rich ecosystem for enterprise integrations"},
				Cons: list{"Few engineers here know it", "Heavier runtime and images"}},
			{Name: "TypeScript everywhere",
				Pros: list{"One language across the stack"},
				Cons: list{"CPU-bound work (pricing, routing) suffers"}},
		},
		body:         `**Go** is the language for backend services and command-line tools; **TypeScript** for web front ends, backend-for-frontend services and the mobile apps. Python remains approved for data pipelines and machine learning only. Anything else needs a DNA exception with a plan for who maintains it.`,
		consequences: `The Elixir notification service is rewritten in Go within the year. Java is not introduced. Onboarding material is written for Go and TypeScript only.`,
		dos:          list{"Write new backend services in Go", "Use TypeScript for web, BFF and React Native code", "Use Python for data pipelines and ML"},
		donts:        list{"Don't introduce a new language without a DNA exception", "Don't start new services in PHP, Java or Elixir"},
		items: []item{
			{"Rewrite the notification service in Go", "ben", 240, true},
			{"Publish Go and TypeScript onboarding guides", "kenji", 60, true},
		},
	},
	{
		ref: "k8s", title: "Run all services on Kubernetes (Amazon EKS)",
		team: "platform", driver: "ben", status: bearing.StatusAccepted, created: 1040, proposed: 3, decided: 16, reviewer: "hannah",
		owners: list{"ben", "elena"}, revisit: -12,
		tags:     list{"kubernetes", "eks", "infrastructure", "deployment"},
		deciders: list{"priya", "hannah", "elena"}, consulted: list{"nadia", "tomas", "daniel", "aisha", "marcus"},
		informed: list{"All engineering"},
		summary:  `All services will run on one shared Kubernetes platform on AWS instead of each team's own mix of virtual machines, Heroku and ECS. Today every team runs deployments differently, which makes on-call and security patching slow. The platform costs about the same as today's spend once the move is finished, plus two platform engineers' time. Teams deploy the same way everywhere and stop maintaining servers.`,
		context: `Services run on EC2 instances built by hand, on Heroku, and on two ECS clusters. Each has its own deploy scripts, logging and secrets handling. Patching a kernel vulnerability last quarter took three weeks across all of them.

The platform team is three people and cannot support four ways of running software.`,
		options: []bearing.Option{
			{Name: "Amazon EKS with a shared platform layer", Chosen: true,
				Pros: list{"One deployment model, one set of tooling", "Large ecosystem (ingress, autoscaling, observability)"},
				Cons: list{"Kubernetes has a steep learning curve", "The platform team must run upgrades every few months"}},
			{Name: "Amazon ECS everywhere",
				Pros: list{"Simpler than Kubernetes", "Already used by two teams"},
				Cons: list{"Less tooling for autoscaling and rollouts", "Harder to hire for"}},
			{Name: "Stay on Heroku and VMs",
				Pros: list{"No migration"},
				Cons: list{"Heroku costs grow fastest of all", "Patching stays slow"}},
		},
		body:         `All services run on **Amazon EKS** clusters run by the platform team, one per environment. Teams deploy with the shared Helm chart through CI; nobody runs kubectl against production by hand. New services start on EKS; existing ones move within a year.`,
		consequences: `Platform owns cluster upgrades and the shared chart. Teams learn the basics of Kubernetes through a half-day course. Heroku is cancelled once the last app has moved.`,
		dos:          list{"Deploy with the shared Helm chart from CI", "Set resource requests and limits on every workload"},
		donts:        list{"Don't run kubectl apply against production by hand", "Don't create your own clusters"},
		items: []item{
			{"Stand up staging and production EKS clusters", "ben", 45, true},
			{"Publish the shared Helm chart", "nadia", 60, true},
			{"Move the last app off Heroku", "ben", 360, true},
		},
	},
	{
		ref: "terraform", title: "Terraform for all cloud infrastructure",
		team: "platform", driver: "nadia", status: bearing.StatusAccepted, created: 1022, decided: 10, reviewer: "hannah",
		owners: list{"nadia", "ben"}, revisit: 240,
		tags:     list{"terraform", "infrastructure-as-code", "aws"},
		deciders: list{"hannah", "elena"}, consulted: list{"ben", "aisha", "seun"}, informed: list{"All engineering"},
		summary: `Every piece of cloud infrastructure will be described in code with Terraform and changed through reviewed pull requests, not by clicking in the AWS console. Manual changes caused two outages last year and nobody can say what exists. It costs a few weeks to import what we have. Changes become reviewable and repeatable, and audits get much easier.`,
		context: `About 60% of our AWS resources were created by hand in the console. Two outages last year were caused by console changes nobody could trace. Our SOC 2 auditor asked for evidence of change review on infrastructure and we could not give it.`,
		options: []bearing.Option{
			{Name: "Terraform with remote state in S3", Chosen: true,
				Pros: list{"Industry standard, many engineers know it", "Covers AWS, Atlas, Datadog and GitHub"},
				Cons: list{"HCL is limited for complex logic", "State must be handled with care"}},
			{Name: "AWS CDK in TypeScript",
				Pros: list{"A real programming language"},
				Cons: list{"AWS only", "Generated CloudFormation is hard to debug"}},
			{Name: "Pulumi",
				Pros: list{"Go or TypeScript code, many providers"},
				Cons: list{"Smaller community", "Another vendor for state"}},
		},
		body:         `All cloud infrastructure is managed with **Terraform**, in the infrastructure repository, applied by CI after review. Console access in production is read-only except for break-glass roles.`,
		consequences: `Platform imports existing resources over a quarter. Console write access is removed from engineers' default roles.`,
		dos:          list{"Change infrastructure through reviewed Terraform pull requests", "Use the shared modules for databases, queues and buckets"},
		donts:        list{"Don't change production resources in the console", "Don't keep Terraform state on laptops"},
		items: []item{
			{"Import existing AWS resources into Terraform", "nadia", 90, true},
			{"Make production console access read-only", "ben", 100, true},
		},
	},
	{
		ref: "jenkins", title: "Standardise CI on the shared Jenkins",
		team: "platform", driver: "ben", status: bearing.StatusSuperseded, created: 1010, decided: 8, reviewer: "hannah",
		owners: list{"ben"}, revisit: -650,
		tags:     list{"ci", "jenkins", "developer-experience"},
		deciders: list{"hannah", "elena"}, consulted: list{"daniel", "lucas", "ryo"}, informed: list{"All engineering"},
		summary: `All teams will build and test their code on the one shared Jenkins server instead of three different CI tools. Running three tools costs the platform team a day a week. Moving takes each team a few hours. Builds look the same everywhere and the platform team can keep one system healthy.`,
		context: `Teams use Jenkins, Travis CI and a few GitHub Actions workflows. Travis is changing its pricing. Secrets for deployments are copied into all three.`,
		options: []bearing.Option{
			{Name: "Shared Jenkins", Chosen: true,
				Pros: list{"Already runs most builds", "Full control of build agents"},
				Cons: list{"Plugins break on upgrades", "Pipelines in Groovy few people like"}},
			{Name: "GitHub Actions",
				Pros: list{"Next to the code", "No servers"},
				Cons: list{"Minutes are expensive at our volume", "Self-hosted runners not mature yet"}},
		},
		body:         `All pipelines run on the **shared Jenkins** with the standard pipeline library. Travis CI is cancelled.`,
		consequences: `Platform keeps Jenkins and its agents running. Teams on Travis move within a month.`,
		dos:          list{"Use the standard pipeline library"},
		donts:        list{"Don't add new Jenkins plugins without asking platform", "Don't store deploy secrets in job configuration"},
		items:        []item{{"Move the remaining Travis builds to Jenkins", "ben", 30, true}},
	},
}

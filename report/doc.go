// Package report writes the outcome of `bearing check` (a check.Result) for
// people and for machines: Text for terminals and CI logs, JSON for other
// programs, SARIF 2.1.0 for code-scanning platforms and JUnit XML for CI
// systems that show test results.
//
// Every format is deterministic: findings keep check's order, maps are
// sorted, and nothing carries a timestamp, so the same commit checked
// against the same policy gives the same bytes. The golden files under
// testdata show each format on one input; `go test ./report -update`
// regenerates them.
//
// # JSON format (schema https://bearing.dev/schema/check/v1)
//
// JSON writes one indented object. Fields are only ever added within a
// schema version; removing or changing one changes the "schema" value.
// Arrays are always present, empty rather than null; fields marked
// "omitted when empty" are left out when they have no value.
//
//	{
//	  "schema": "https://bearing.dev/schema/check/v1",
//	  "tool": {"name": "bearing", "version": "v1.4.0"},
//	  "repo": "payments-ledger",     // Meta.Repo; "" when unknown
//	  "commit": "9f2c1e…",           // Meta.Commit; "" when unknown
//	  "policy_hash": "5d41…",        // the policy document's hash; "" when unknown
//	  "summary": {...},
//	  "findings": [...],
//	  "rules": [...],
//	  "unknown": [...]
//	}
//
// summary counts the outcome:
//
//	field       meaning
//	errors      unsuppressed findings of severity "error"
//	warnings    unsuppressed findings of severity "warning"
//	notes       unsuppressed findings of severity "note"
//	suppressed  findings an exception allows (not in the three counts above)
//	unknown     inventory items no radar technology matched
//	items       inventory items checked
//	files       files the inventory read
//
// findings[] lists every finding, suppressed ones included, sorted by
// severity, rule id, location and item:
//
//	field          meaning
//	rule_id        stable id: bearing/hold/<slug>, bearing/assess/<slug>, bearing/trial/<slug>,
//	               bearing/guideline/<G-key>, bearing/exception-expiring/<EXC-key>
//	severity       "error", "warning" or "note"
//	message        why, then what to use or do instead, in one or a few sentences
//	help           what to use or do instead alone; the message ends with it (omitted when empty)
//	location       {"path", "line", "column"}: path relative to the repository root with
//	               slashes, "." for the repository itself; line and column 1-based, omitted when unknown
//	item           the inventory item at fault (omitted for require and require_file rules):
//	               {"kind", "name", "version", "location", "direct"}; kind is package, image,
//	               action, terraform or runtime; name is canonical (pkg:npm/mongoose)
//	technology     the radar entry's slug (omitted for guideline findings)
//	guideline      the guideline's key (omitted for radar findings)
//	decisions      keys of the decisions behind it (omitted when empty)
//	links          the technology, guideline or exception page first, then the decisions' pages
//	suppressed     {"exception": "EXC-7", "expires_on": "2026-12-01"} when an exception allows it;
//	               omitted otherwise
//
// rules[] lists every rule evaluated, sorted by id, whether it found
// something or not, so a rule that passed can be told from one that was
// not checked (an adopted technology, a guideline out of scope, a MAY):
//
//	field        meaning
//	id           the rule id, as in findings
//	severity     the severity its findings have
//	title        one line: "MongoDB is on hold", "G-2: Every repository MUST name its owners in CODEOWNERS."
//	description  why: the first sentence of the rationale (omitted when empty)
//	help         what to use or do instead (omitted when empty)
//	url          the page behind the rule (omitted when empty)
//	technology   slug, for radar rules (omitted otherwise)
//	guideline    key, for guideline rules (omitted otherwise)
//	findings     how many unsuppressed findings it has
//	suppressed   how many of its findings exceptions allow
//
// unknown[] lists the inventory items no technology matched, in inventory
// order, each as in findings[].item: candidates for the radar.
package report

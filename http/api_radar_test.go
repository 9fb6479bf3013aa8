package http_test

import (
	"context"
	"strings"
	"testing"

	"github.com/bearingorg/bearing"
	"github.com/bearingorg/bearing/sqldb"
)

// TestRadarAPI walks the radar, guideline, exception, ask and policy API
// through a table; rows build on each other.
func TestRadarAPI(t *testing.T) {
	e := newEnv(t)
	sys := sqldb.SystemContext(context.Background())
	users := sqldb.NewUserService(e.db)
	users.CreateTeam(sys, &bearing.Team{Slug: "payments", Name: "Payments"})
	users.AddTeamMember(sys, "payments", "member@example.com")
	users.AddTeamMember(sys, "payments", "dna@example.com")
	e.do("POST", "/api/v1/decisions", "dna", `{"title":"Retire MongoDB","status":"proposed"}`)
	mongo := `{"name":"MongoDB","aliases":["mongo"],"quadrant":"Datastores","ring":"trial","rationale":"Known well.",
		"identifiers":["pkg:npm/mongoose","docker.io/library/mongo"],"reason":"Three services use it."}`
	rows := []struct {
		name, method, path, role, body string
		headers                        []string
		status                         int
		want                           []string
	}{
		{"member cannot add", "POST", "/api/v1/technologies", "member", mongo, nil, 403, nil},
		{"add", "POST", "/api/v1/technologies", "dna", mongo, nil, 201, []string{`"slug":"mongodb"`, `"to":"trial"`, `"reason":"Three services use it."`}},
		{"duplicate", "POST", "/api/v1/technologies", "dna", mongo, nil, 409, []string{"already on the radar"}},
		{"unknown ring", "POST", "/api/v1/technologies", "dna", `{"name":"X","quadrant":"Datastores","ring":"maybe"}`, nil, 400, []string{`"field":"ring"`, "use one of adopt, trial, assess, hold"}},
		{"unknown quadrant", "POST", "/api/v1/technologies", "dna", `{"name":"X","quadrant":"Databases","ring":"hold"}`, nil, 400, []string{`"field":"quadrant"`, "Datastores"}},
		{"bad identifier", "POST", "/api/v1/technologies", "dna", `{"name":"X","quadrant":"Datastores","ring":"hold","identifiers":["pkg:cobol/x"]}`, nil, 400, []string{`"field":"identifiers[0]"`, "not a package type"}},
		{"bad range", "POST", "/api/v1/technologies", "dna", `{"name":"X","quadrant":"Datastores","ring":"hold","identifiers":["node@<twenty"]}`, nil, 400, []string{`"field":"identifiers[0]"`, "is not a version"}},
		{"postgres", "POST", "/api/v1/technologies", "dna", `{"name":"PostgreSQL","aliases":["postgres"],"quadrant":"Datastores","ring":"adopt"}`, nil, 201, nil},
		{"show by slug", "GET", "/api/v1/technologies/mongodb", "viewer", "", nil, 200, []string{`"name":"MongoDB"`}},
		{"patch ring refused", "PATCH", "/api/v1/technologies/mongodb", "dna", `{"ring":"hold","version":1}`, nil, 400, []string{"/ring"}},
		{"move without reason", "POST", "/api/v1/technologies/mongodb/ring", "dna", `{"ring":"hold"}`, nil, 400, []string{`"field":"reason"`}},
		{"move", "POST", "/api/v1/technologies/mongodb/ring", "dna", `{"ring":"hold","reason":"Two outages.","decision":"DEC-1"}`, nil, 200, []string{`"ring":"hold"`, `"from":"trial"`, `"decision":"DEC-1"`}},
		{"list hold", "GET", "/api/v1/technologies?ring=hold", "viewer", "", nil, 200, []string{`"MongoDB"`}},
		{"edition", "POST", "/api/v1/radar/editions", "dna", `{"name":"2026 Q4"}`, nil, 201, []string{`"name":"2026 Q4"`, `"slug":"mongodb"`}},
		{"editions", "GET", "/api/v1/radar/editions", "viewer", "", nil, 200, []string{`"2026 Q4"`}},
		{"config six quadrants", "PUT", "/api/v1/radar/config", "dna", `{"rings":[{"name":"adopt","verdict":"adopt"},{"name":"trial","verdict":"trial"},{"name":"hold","verdict":"hold"}],"quadrants":[{"name":"Datastores"},{"name":"A"},{"name":"B"},{"name":"C"},{"name":"D"},{"name":"E"}]}`, nil, 200, []string{`"E"`}},
		{"config bad verdict", "PUT", "/api/v1/radar/config", "dna", `{"rings":[{"name":"x","verdict":"never"}],"quadrants":[{"name":"Datastores"}]}`, nil, 400, []string{`"field":"rings[0].verdict"`}},
		{"guideline", "POST", "/api/v1/guidelines", "dna", `{"statement":"Do not start new MongoDB databases","level":"MUST NOT","technologies":["mongodb"],"rules":[{"forbid":"pkg:npm/mongoose"}],"status":"published"}`, nil, 201, []string{`"key":"G-1"`}},
		{"guideline bad rule", "POST", "/api/v1/guidelines", "dna", `{"statement":"x","level":"MUST","rules":[{"forbid":"pkg:npm/a","require_file":"X"}]}`, nil, 400, []string{`"field":"rules[0].kind"`}},
		{"guideline bad level", "POST", "/api/v1/guidelines", "dna", `{"statement":"x","level":"OUGHT TO"}`, nil, 400, []string{`"field":"level"`}},
		{"guideline unknown rule kind", "POST", "/api/v1/guidelines", "dna", `{"statement":"x","level":"MUST","rules":[{"ban":"x"}]}`, nil, 400, []string{`"field":"ban"`, "is not a known field"}},
		{"negative guidelines", "GET", "/api/v1/guidelines?negative=true", "viewer", "", nil, 200, []string{`"G-1"`}},
		{"exception", "POST", "/api/v1/exceptions", "member", `{"team":"payments","technology":"mongodb","scope":["payments-ledger"],"justification":"Migration takes a year.","risk":"Outages.","compensating_measures":"Backups.","expires_on":"2027-06-01"}`, nil, 201, []string{`"key":"EXC-1"`, `"state":"requested"`}},
		{"exception too far", "POST", "/api/v1/exceptions", "member", `{"team":"payments","technology":"mongodb","scope":["x"],"justification":"j","risk":"r","compensating_measures":"c","expires_on":"2099-01-01"}`, nil, 400, []string{`"field":"expires_on"`, "more than 365 days away"}},
		{"exception bad date", "POST", "/api/v1/exceptions", "member", `{"team":"payments","technology":"mongodb","scope":["x"],"justification":"j","risk":"r","compensating_measures":"c","expires_on":"next year"}`, nil, 400, []string{`"field":"expires_on"`}},
		{"exception missing fields", "POST", "/api/v1/exceptions", "member", `{"team":"payments","expires_on":"2027-01-01"}`, nil, 400, []string{`"field":"scope"`, `"field":"justification"`, `"field":"guideline"`}},
		{"dna own request", "POST", "/api/v1/exceptions", "dna", `{"team":"payments","guideline":"G-1","scope":["search-*"],"justification":"j","risk":"r","compensating_measures":"c","expires_on":"2027-01-01"}`, nil, 201, []string{`"key":"EXC-2"`}},
		{"self-approval refused", "POST", "/api/v1/exceptions/EXC-2/decision", "dna", `{"approve":true,"reason":"mine"}`, nil, 403, []string{"someone else"}},
		{"member cannot decide", "POST", "/api/v1/exceptions/EXC-1/decision", "member", `{"approve":true,"reason":"x"}`, nil, 403, nil},
		{"decision needs approve", "POST", "/api/v1/exceptions/EXC-1/decision", "admin", `{"reason":"x"}`, nil, 400, []string{`"field":"approve"`}},
		{"approve", "POST", "/api/v1/exceptions/EXC-1/decision", "admin", `{"approve":true,"reason":"Backups suffice."}`, nil, 200, []string{`"state":"approved"`, `"decided_by":"admin@example.com"`}},
		{"approve twice", "POST", "/api/v1/exceptions/EXC-1/decision", "admin", `{"approve":true,"reason":"again"}`, nil, 400, []string{"approved exception cannot become approved"}},
		{"ask alias", "GET", "/api/v1/ask?q=mongo", "member", "", nil, 200, []string{`"verdict":"hold"`, `"slug":"mongodb"`, `"kind":"guideline"`, `"ref":"G-1"`, `"key":"EXC-1"`, `"slug":"postgresql"`}},
		{"ask identifier", "GET", "/api/v1/ask?q=pkg:npm/mongoose", "viewer", "", nil, 200, []string{`"verdict":"hold"`}},
		{"ask typo", "GET", "/api/v1/ask?q=postgress", "viewer", "", nil, 200, []string{`"verdict":"adopt"`}},
		{"ask other team sees no exception", "GET", "/api/v1/ask?q=mongo", "viewer", "", nil, 200, []string{`"exceptions":[]`}},
		{"ask unknown", "GET", "/api/v1/ask?q=cobol", "viewer", "", nil, 200, []string{`"verdict":"unknown"`, `"contacts":["dna@example.com"]`}},
		{"ask empty", "GET", "/api/v1/ask?q=", "viewer", "", nil, 400, []string{`"field":"q"`}},
		{"backstage", "GET", "/api/v1/radar/backstage.json", "viewer", "", nil, 200, []string{`"quadrants":[`, `"title":"MongoDB"`, `"timeline":[`}},
		{"report viewer refused", "POST", "/api/v1/reports", "viewer", `{"repo":"ledger","commit":"abc"}`, nil, 403, nil},
		{"report bad", "POST", "/api/v1/reports", "member", `{"repo":"has space","commit":""}`, nil, 400, []string{`"field":"repo"`, `"field":"commit"`}},
		{"report", "POST", "/api/v1/reports", "member", `{"repo":"ledger","team":"payments","commit":"abc","findings":[{"rule_id":"bearing/hold/mongodb","severity":"error","message":"m","technology":"mongodb","location":{"path":"package.json","line":4}}],"adrs":[{"path":"doc/adr/0001-record.md","content":"# 1. Record architecture decisions\n\nDate: 2020-01-01\n\n## Status\n\nAccepted\n\n## Context\n\nc\n\n## Decision\n\nd\n\n## Consequences\n\ne\n"}]}`, nil, 201, []string{`"created":true`}},
		{"report again", "POST", "/api/v1/reports", "member", `{"repo":"ledger","team":"payments","commit":"abc"}`, nil, 200, []string{`"created":false`}},
		{"latest reports", "GET", "/api/v1/reports?team=payments", "viewer", "", nil, 200, []string{`"repo":"ledger"`, `"errors":1`}},
		{"adoption", "GET", "/api/v1/adoption", "viewer", "", nil, 200, []string{`"subject":"technology:mongodb"`, `"repo":"ledger"`}},
		{"adoption bad date", "GET", "/api/v1/adoption?from=yesterday", "viewer", "", nil, 400, []string{`"field":"from"`}},
		{"repo adrs", "GET", "/api/v1/repo-adrs?q=record", "viewer", "", nil, 200, []string{`"title":"Record architecture decisions"`, `"status":"accepted"`, `"number":1`}},
		{"policy", "GET", "/api/v1/policy", "viewer", "", nil, 200, []string{`"schema":"https://bearing.dev/schema/policy/v1"`, `"hash":"`, `"forbid":"pkg:npm/mongoose"`, `"key":"EXC-1"`}},
	}
	for _, r := range rows {
		status, body, _ := e.do(r.method, r.path, r.role, r.body, r.headers...)
		body = compact(body)
		if status != r.status {
			t.Errorf("%s: %s %s as %q: status %d, want %d\n%s", r.name, r.method, r.path, r.role, status, r.status, trim(body))
			continue
		}
		for _, w := range r.want {
			if !strings.Contains(body, w) {
				t.Errorf("%s: body lacks %q:\n%s", r.name, w, trim(body))
			}
		}
	}
	// The policy's ETag is its hash: polling gets 304 until it changes.
	_, _, h := e.do("GET", "/api/v1/policy", "viewer", "")
	if st, _, _ := e.do("GET", "/api/v1/policy", "viewer", "", "If-None-Match", h.Get("ETag")); st != 304 {
		t.Fatalf("If-None-Match: %d", st)
	}
	e.do("POST", "/api/v1/technologies/postgresql/ring", "dna", `{"ring":"trial","reason":"testing"}`)
	if st, _, _ := e.do("GET", "/api/v1/policy", "viewer", "", "If-None-Match", h.Get("ETag")); st != 200 {
		t.Fatalf("policy unchanged after a move: %d", st)
	}
}

package http_test

import (
	"bytes"
	"encoding/json"
	"fmt"
	"net/http"
	"os"
	"regexp"
	"sort"
	"strings"
	"testing"
)

const validDecision = `{"title":"PostgreSQL for new services","status":"proposed","executive_summary":"One datastore.",
 "context":"We run six datastores.","options":[{"name":"PostgreSQL","pros":["mature"],"chosen":true},{"name":"MongoDB","cons":["ops"]}],
 "decision":"Use PostgreSQL.","dos":["use the shared cluster"],"donts":["start MongoDB databases"],"tags":["datastores"],
 "owners":["member@example.com"],"action_items":[{"text":"Write the guide","owner":"member@example.com","due":"2027-01-31"}],
 "revisit_on":"2027-06-01"}`

// TestAPI walks the decision API through a table: method, path, role, body
// → status and fragments the body must contain. Rows run in order and build
// on each other (DEC-1 is created by the first POST).
func TestAPI(t *testing.T) {
	e := newEnv(t)
	big := `{"title":"` + strings.Repeat("x", 1<<20) + `"}`
	rows := []struct {
		name, method, path, role, body string
		headers                        []string
		status                         int
		want                           []string
	}{
		{"anonymous list", "GET", "/api/v1/decisions", "", "", nil, 401, []string{`"code": "unauthorized"`}},
		{"bad token", "GET", "/api/v1/decisions", "", "", []string{"Authorization", "Bearer brt_nope"}, 401, nil},
		{"empty list", "GET", "/api/v1/decisions", "viewer", "", nil, 200, []string{`"decisions": []`, `"total": 0`}},
		{"viewer cannot create", "POST", "/api/v1/decisions", "viewer", validDecision, nil, 403, []string{"needs the member role"}},
		{"create", "POST", "/api/v1/decisions", "member", validDecision, nil, 201, []string{`"key": "DEC-1"`, `"status": "proposed"`, `"owners":["member@example.com"]`}},
		{"show by key", "GET", "/api/v1/decisions/DEC-1", "viewer", "", nil, 200, []string{`"title": "PostgreSQL for new services"`, `"revisit_on": "2027-06-01"`, `"due": "2027-01-31"`}},
		{"show by number", "GET", "/api/v1/decisions/1", "viewer", "", nil, 200, []string{`"number": 1`}},
		{"show missing", "GET", "/api/v1/decisions/DEC-999", "viewer", "", nil, 404, []string{"Decision DEC-999 not found"}},
		{"unknown field", "POST", "/api/v1/decisions", "member", `{"title":"x","colour":"red"}`, nil, 400, []string{`"field": "colour"`, "is not a known field"}},
		{"wrong type", "POST", "/api/v1/decisions", "member", `{"title":42}`, nil, 400, []string{`"field": "title"`, "must be a string"}},
		{"wrong nested type", "POST", "/api/v1/decisions", "member", `{"title":"x","options":[{"name":"a","pros":"b"}]}`, nil, 400, []string{`"field": "options.pros"`}},
		{"syntax error", "POST", "/api/v1/decisions", "member", "{\n\"title\": \"x\",,}", nil, 400, []string{"line 2, column"}},
		{"empty body", "POST", "/api/v1/decisions", "member", "", nil, 400, []string{"body is empty"}},
		{"trailing data", "POST", "/api/v1/decisions", "member", `{"title":"x"} {}`, nil, 400, []string{"after the JSON object"}},
		{"too large", "POST", "/api/v1/decisions", "member", big, nil, 413, []string{`"code": "too_large"`}},
		{"missing title", "POST", "/api/v1/decisions", "member", `{"context":"c"}`, nil, 400, []string{`"field": "title"`, "is required"}},
		{"bad date", "POST", "/api/v1/decisions", "member", `{"title":"x","revisit_on":"2027-13-01"}`, nil, 400, []string{`"field": "revisit_on"`, "YYYY-MM-DD"}},
		{"bad action due", "POST", "/api/v1/decisions", "member", `{"title":"x","action_items":[{"text":"t","owner":"member@example.com","due":"soon"}]}`, nil, 400, []string{`"field": "action_items[0].due"`}},
		{"unknown owner", "POST", "/api/v1/decisions", "member", `{"title":"x","owners":["ghost@example.com"]}`, nil, 400, []string{`"field": "owners[0]"`, "not a user"}},
		{"two chosen", "POST", "/api/v1/decisions", "member", `{"title":"x","options":[{"name":"a","chosen":true},{"name":"b","chosen":true}]}`, nil, 400, []string{"mark at most one"}},
		{"create accepted refused", "POST", "/api/v1/decisions", "member", `{"title":"x","status":"accepted"}`, nil, 400, []string{"starts as draft or proposed"}},
		{"read-only field", "POST", "/api/v1/decisions", "member", `{"title":"x","number":7}`, nil, 400, []string{`"field": "number"`, "read-only"}},
		{"patch without version", "PATCH", "/api/v1/decisions/DEC-1", "member", `{"title":"y"}`, nil, 428, []string{"If-Match"}},
		{"patch bad if-match", "PATCH", "/api/v1/decisions/DEC-1", "member", `{"title":"y"}`, []string{"If-Match", "abc"}, 400, []string{"If-Match"}},
		{"patch by other member", "PATCH", "/api/v1/decisions/DEC-1", "other", `{"title":"y"}`, []string{"If-Match", `"1"`}, 403, []string{"Only the driver"}},
		{"patch", "PATCH", "/api/v1/decisions/DEC-1", "member", `{"title":"PostgreSQL everywhere"}`, []string{"If-Match", `"1"`}, 200, []string{`"version": 2`, `"title": "PostgreSQL everywhere"`}},
		{"patch stale", "PATCH", "/api/v1/decisions/DEC-1", "dna", `{"title":"lost"}`, []string{"If-Match", `"1"`}, 412, []string{"changed by someone else", `"field": "version"`}},
		{"patch version in body", "PATCH", "/api/v1/decisions/DEC-1", "dna", `{"tags":["datastores","platform"],"version":2}`, nil, 200, []string{`"version": 3`, `"tags":["datastores","platform"]`}},
		{"patch status refused", "PATCH", "/api/v1/decisions/DEC-1", "dna", `{"status":"accepted","version":3}`, nil, 400, []string{"/status"}},
		{"member cannot accept", "POST", "/api/v1/decisions/DEC-1/status", "member", `{"status":"accepted"}`, nil, 403, []string{"DNA group"}},
		{"invalid transition", "POST", "/api/v1/decisions/DEC-1/status", "dna", `{"status":"deprecated"}`, nil, 400, []string{"it can become accepted, rejected or withdrawn"}},
		{"unknown status", "POST", "/api/v1/decisions/DEC-1/status", "dna", `{"status":"done"}`, nil, 400, []string{`\"done\" is not a status`}},
		{"status missing", "POST", "/api/v1/decisions/DEC-1/status", "dna", `{}`, nil, 400, []string{`"field": "status"`}},
		{"accept", "POST", "/api/v1/decisions/DEC-1/status", "dna", `{"status":"accepted","reason":"agreed"}`, nil, 200, []string{`"status": "accepted"`, `"incomplete": "1 of 1 owners have not signed"`}},
		{"sign as non-owner", "POST", "/api/v1/decisions/DEC-1/ownership", "dna", "", nil, 403, []string{"not an owner"}},
		{"sign", "POST", "/api/v1/decisions/DEC-1/ownership", "member", "", nil, 200, []string{`"accepted_at": "20`}},
		{"sign twice", "POST", "/api/v1/decisions/DEC-1/ownership", "member", "", nil, 409, []string{"already"}},
		{"successor", "POST", "/api/v1/decisions", "dna", `{"title":"Aurora PostgreSQL","status":"proposed"}`, nil, 201, []string{`"key": "DEC-2"`}},
		{"supersede by member", "POST", "/api/v1/decisions/DEC-1/supersede", "member", `{"by":"DEC-2"}`, nil, 403, nil},
		{"supersede without by", "POST", "/api/v1/decisions/DEC-1/supersede", "dna", `{}`, nil, 400, []string{`"field": "by"`}},
		{"supersede missing", "POST", "/api/v1/decisions/DEC-1/supersede", "dna", `{"by":"DEC-77"}`, nil, 400, []string{"DEC-77 does not exist"}},
		{"supersede", "POST", "/api/v1/decisions/DEC-1/supersede", "dna", `{"by":2,"reason":"managed"}`, nil, 200, []string{`"status": "superseded"`, `"superseded_by":["DEC-2"]`}},
		{"successor links back", "GET", "/api/v1/decisions/DEC-2", "viewer", "", nil, 200, []string{`"supersedes":["DEC-1"]`}},
		{"history", "GET", "/api/v1/decisions/DEC-1/history", "viewer", "", nil, 200, []string{`"action": "created"`, `"action": "ownership"`, `"reason": "agreed"`, `"old": "proposed"`}},
		{"search", "GET", "/api/v1/decisions?q=aurora", "viewer", "", nil, 200, []string{`"total": 1`, `"DEC-2"`}},
		{"search injection", "GET", "/api/v1/decisions?q=%27%20OR%201%3D1%20--", "viewer", "", nil, 200, []string{`"total": 0`}},
		{"filter status", "GET", "/api/v1/decisions?status=superseded", "viewer", "", nil, 200, []string{`"total": 1`}},
		{"filter bad status", "GET", "/api/v1/decisions?status=nope", "viewer", "", nil, 400, []string{`"field": "status"`}},
		{"filter bad limit", "GET", "/api/v1/decisions?limit=0", "viewer", "", nil, 400, []string{`"field": "limit"`}},
		{"bad cursor", "GET", "/api/v1/decisions?cursor=zzz", "viewer", "", nil, 400, []string{`"field": "cursor"`}},
		{"unknown api route", "GET", "/api/v1/nope", "viewer", "", nil, 404, []string{"openapi.json"}},
		{"me", "GET", "/api/v1/me", "dna", "", nil, 200, []string{`"email": "dna@example.com"`, `"role": "dna"`}},
		{"openapi is public", "GET", "/api/v1/openapi.json", "", "", nil, 200, []string{`"openapi": "3.1.0"`}},
		{"cross-origin post refused", "POST", "/api/v1/decisions", "member", validDecision, []string{"Sec-Fetch-Site", "cross-site"}, 403, []string{"Cross-origin"}},
	}
	for _, r := range rows {
		status, body, h := e.do(r.method, r.path, r.role, r.body, r.headers...)
		if status != r.status {
			t.Errorf("%s: %s %s as %q: status %d, want %d\n%s", r.name, r.method, r.path, r.role, status, r.status, trim(body))
			continue
		}
		body = compact(body)
		for _, w := range r.want {
			if w = strings.ReplaceAll(w, `": `, `":`); !strings.Contains(body, w) {
				t.Errorf("%s: body lacks %q:\n%s", r.name, w, trim(body))
			}
		}
		if status >= 400 && !strings.HasPrefix(h.Get("Content-Type"), "application/problem+json") {
			t.Errorf("%s: error Content-Type = %q", r.name, h.Get("Content-Type"))
		}
	}
}

// compact removes the indentation of a JSON body, so expected fragments
// need not care how the server formats its answers.
func compact(s string) string {
	var buf bytes.Buffer
	if json.Compact(&buf, []byte(s)) != nil {
		return s
	}
	return buf.String()
}

func trim(s string) string {
	if len(s) > 600 {
		return s[:600] + "…"
	}
	return s
}

// TestAPIPagination walks a list with a cursor and sees each decision once.
func TestAPIPagination(t *testing.T) {
	e := newEnv(t)
	for i := range 7 {
		if st, body, _ := e.do("POST", "/api/v1/decisions", "member", fmt.Sprintf(`{"title":"Decision %d"}`, i)); st != 201 {
			t.Fatalf("create: %d %s", st, body)
		}
	}
	seen := map[string]bool{}
	path := "/api/v1/decisions?limit=3"
	for pages := 0; path != ""; pages++ {
		st, body, _ := e.do("GET", path, "viewer", "")
		if st != 200 || pages > 5 {
			t.Fatalf("page %d: %d %s", pages, st, body)
		}
		var page struct {
			Decisions []struct{ Key string }
			Total     int
			Next      string `json:"next_cursor"`
		}
		json.Unmarshal([]byte(body), &page)
		for _, d := range page.Decisions {
			if seen[d.Key] {
				t.Fatalf("%s listed twice", d.Key)
			}
			seen[d.Key] = true
		}
		path = ""
		if page.Next != "" {
			path = "/api/v1/decisions?limit=3&cursor=" + page.Next
		}
	}
	if len(seen) != 7 {
		t.Fatalf("saw %d decisions, want 7", len(seen))
	}
}

// TestOpenAPICoversRoutes fails when an API route is registered without
// being described in openapi.json, or described without existing.
func TestOpenAPICoversRoutes(t *testing.T) {
	e := newEnv(t)
	raw, err := os.ReadFile("openapi.json")
	if err != nil {
		t.Fatal(err)
	}
	var doc struct {
		Paths map[string]map[string]json.RawMessage
	}
	if err := json.Unmarshal(raw, &doc); err != nil {
		t.Fatalf("openapi.json is not valid JSON: %v", err)
	}
	described := map[string]bool{}
	for path, ops := range doc.Paths {
		for m := range ops {
			if m != "parameters" {
				described[strings.ToUpper(m)+" "+path] = true
			}
		}
	}
	param := regexp.MustCompile(`\{[a-z_]+\}`)
	registered := map[string]bool{}
	for _, r := range e.srv.Routes() {
		method, path, ok := strings.Cut(r.Pattern, " ")
		if !ok || !strings.HasPrefix(path, "/api/v1/") {
			continue
		}
		key := method + " " + param.ReplaceAllString(path, "{id}")
		registered[key] = true
		if !described[key] {
			t.Errorf("route %s is not described in openapi.json", r.Pattern)
		}
	}
	var extra []string
	for k := range described {
		if !registered[k] {
			extra = append(extra, k)
		}
	}
	sort.Strings(extra)
	for _, k := range extra {
		t.Errorf("openapi.json describes %s, which is not a route", k)
	}
	if st, _, _ := e.do("GET", "/api/v1/openapi.json", "", ""); st != http.StatusOK {
		t.Fatalf("openapi.json served with %d", st)
	}
}

package http_test

import (
	"bytes"
	"context"
	"golang.org/x/net/html"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"net/url"
	"regexp"
	"strings"
	"testing"

	"github.com/bearingorg/bearing"
	bhttp "github.com/bearingorg/bearing/http"
	"github.com/bearingorg/bearing/sqldb"
)

// login posts the sign-in form and returns the session cookie.
func (e *env) login(role string, extra ...*http.Cookie) (*http.Response, *http.Cookie) {
	e.t.Helper()
	form := url.Values{"email": {role + "@example.com"}, "password": {"password-" + role}, "next": {"/decisions"}}
	req, _ := http.NewRequest("POST", e.ts.URL+"/login", strings.NewReader(form.Encode()))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	for _, c := range extra {
		req.AddCookie(c)
	}
	client := &http.Client{CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
	resp, err := client.Do(req)
	if err != nil {
		e.t.Fatal(err)
	}
	resp.Body.Close()
	for _, c := range resp.Cookies() {
		if c.Name == "bearing_session" {
			return resp, c
		}
	}
	return resp, nil
}

func TestSessionCookie(t *testing.T) {
	e := newEnv(t)
	resp, c := e.login("member")
	if resp.StatusCode != http.StatusSeeOther || c == nil {
		t.Fatalf("login: %d, cookie %v", resp.StatusCode, c)
	}
	if !c.HttpOnly || c.SameSite != http.SameSiteLaxMode || c.Path != "/" {
		t.Fatalf("cookie flags: HttpOnly=%v SameSite=%v Path=%q", c.HttpOnly, c.SameSite, c.Path)
	}
	if loc := resp.Header.Get("Location"); loc != "/decisions" {
		t.Fatalf("redirect after login to %q", loc)
	}
	// A second sign-in in the same browser gets a new session; the old one ends.
	_, c2 := e.login("member", c)
	if c2 == nil || c2.Value == c.Value {
		t.Fatal("session was not rotated on sign-in")
	}
	req, _ := http.NewRequest("GET", e.ts.URL+"/api/v1/me", nil)
	req.AddCookie(c)
	if r, _ := http.DefaultClient.Do(req); r.StatusCode != http.StatusUnauthorized {
		t.Fatalf("old session still valid: %d", r.StatusCode)
	}
	// Secure cookies when configured.
	e.srv.SecureCookie = true
	if _, c3 := e.login("member"); c3 == nil || !c3.Secure {
		t.Fatal("cookie not Secure with SecureCookie set")
	}
}

func TestLoginFailureAndOpenRedirect(t *testing.T) {
	e := newEnv(t)
	form := url.Values{"email": {"member@example.com"}, "password": {"wrong"}}
	resp, err := http.PostForm(e.ts.URL+"/login", form)
	if err != nil {
		t.Fatal(err)
	}
	body, _ := io.ReadAll(resp.Body)
	if resp.StatusCode != http.StatusUnauthorized || !strings.Contains(string(body), "Wrong e-mail or password") {
		t.Fatalf("wrong password: %d", resp.StatusCode)
	}
	for _, next := range []string{"//evil.example/", "https://evil.example/", "/\\evil.example"} {
		form := url.Values{"email": {"member@example.com"}, "password": {"password-member"}, "next": {next}}
		client := &http.Client{CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
		resp, err := client.PostForm(e.ts.URL+"/login", form)
		if err != nil {
			t.Fatal(err)
		}
		if loc := resp.Header.Get("Location"); loc != "/" {
			t.Errorf("next=%q redirected to %q", next, loc)
		}
	}
}

// TestCrossOriginFormsRefused tries a state change from another site with a
// valid session cookie, as a forged form would.
func TestCrossOriginFormsRefused(t *testing.T) {
	e := newEnv(t)
	_, c := e.login("member")
	post := func(headers map[string]string) int {
		req, _ := http.NewRequest("POST", e.ts.URL+"/decisions", strings.NewReader("title=Forged"))
		req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
		req.AddCookie(c)
		for k, v := range headers {
			req.Header.Set(k, v)
		}
		client := &http.Client{CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
		resp, err := client.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		return resp.StatusCode
	}
	if st := post(map[string]string{"Sec-Fetch-Site": "cross-site"}); st != http.StatusForbidden {
		t.Errorf("Sec-Fetch-Site cross-site: %d", st)
	}
	if st := post(map[string]string{"Origin": "https://evil.example"}); st != http.StatusForbidden {
		t.Errorf("foreign Origin: %d", st)
	}
	if st := post(map[string]string{"Sec-Fetch-Site": "same-origin"}); st != http.StatusSeeOther {
		t.Errorf("same-origin form: %d, want 303", st)
	}
	page, _ := sqldb.NewDecisionService(e.db).FindDecisions(context.Background(), bearing.DecisionFilter{})
	if page.Total != 1 {
		t.Fatalf("%d decisions stored, want only the same-origin one", page.Total)
	}
}

// TestMarkdownIsSanitised pushes script-bearing Markdown through the
// decision page and checks none of it survives.
func TestMarkdownIsSanitised(t *testing.T) {
	e := newEnv(t)
	payloads := []string{
		`<script>alert("x")</script>`,
		`<img src=x onerror="alert(1)">`,
		`[click](javascript:alert(1))`,
		`<a href="javascript:alert(1)">a</a>`,
		`<iframe src="https://evil.example"></iframe>`,
		`<svg onload=alert(1)>`,
		"<div style=\"background:url(javascript:alert(1))\">x</div>",
	}
	if len(dangerousMarkup(strings.Join(payloads, ""))) < len(payloads)-1 { // the Markdown link is not HTML yet
		t.Fatal("the detector misses raw payloads; the test would prove nothing")
	}
	body := strings.Join(payloads, "\n\n")
	d := &bearing.Decision{Title: `<script>alert("title")</script>`, Context: body, Body: body, Consequences: body, ExecutiveSummary: body,
		Dos: []string{`<script>alert("do")</script>`}}
	if err := sqldb.NewDecisionService(e.db).CreateDecision(bearing.NewContextWithUser(context.Background(), e.users["member"]), d); err != nil {
		t.Fatal(err)
	}
	sys := sqldb.SystemContext(context.Background())
	if err := sqldb.NewTechnologyService(e.db).CreateTechnology(sys, &bearing.Technology{Name: `<script>alert(1)</script>Evil`,
		Quadrant: "Datastores", Ring: "hold", Rationale: body, Description: body, ExecutiveSummary: body, Aliases: []string{"evil"}}, body); err != nil {
		t.Fatal(err)
	}
	if err := sqldb.NewGuidelineService(e.db).CreateGuideline(sys, &bearing.Guideline{Statement: `<img src=x onerror=alert(1)>`, Level: bearing.LevelMustNot,
		Rationale: body, ExecutiveSummary: body, DoExamples: payloads, Status: bearing.GuidelinePublished}); err != nil {
		t.Fatal(err)
	}
	_, c := e.login("viewer")
	for _, path := range []string{"/decisions/DEC-1", "/decisions", "/decisions/DEC-1/history", "/", "/radar", "/radar/script-alert-1-script-evil",
		"/guidelines", "/guidelines/G-1", "/dont", "/ask?q=evil", "/ask?q=%3Cscript%3E"} {
		req, _ := http.NewRequest("GET", e.ts.URL+path, nil)
		req.AddCookie(c)
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		html, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		if resp.StatusCode != 200 {
			t.Fatalf("%s: %d", path, resp.StatusCode)
		}
		for _, bad := range dangerousMarkup(string(html)) {
			t.Errorf("%s: %s", path, bad)
		}
		if csp := resp.Header.Get("Content-Security-Policy"); !strings.Contains(csp, "script-src 'self'") {
			t.Errorf("%s: CSP %q", path, csp)
		}
	}
}

// TestEveryRouteChecksRoles calls every registered route anonymously and as
// a viewer: nothing that needs a role may answer a caller without it.
func TestEveryRouteChecksRoles(t *testing.T) {
	e := newEnv(t)
	param := regexp.MustCompile(`\{[a-z.]+\}`)
	for _, r := range e.srv.Routes() {
		method, path, ok := strings.Cut(r.Pattern, " ")
		if !ok {
			method, path = "GET", r.Pattern
		}
		path = param.ReplaceAllString(path, "DEC-1")
		path = strings.TrimSuffix(strings.ReplaceAll(path, "{$}", ""), "/")
		if path == "" {
			path = "/"
		}
		client := &http.Client{CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
		req, _ := http.NewRequest(method, e.ts.URL+path, strings.NewReader("{}"))
		req.Header.Set("Content-Type", "application/json")
		resp, err := client.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		if r.Role != "" {
			if resp.StatusCode != http.StatusUnauthorized && resp.StatusCode != http.StatusSeeOther {
				t.Errorf("anonymous %s %s: %d, want 401 or a redirect to sign in", method, path, resp.StatusCode)
			}
			if resp.StatusCode == http.StatusSeeOther && !strings.HasPrefix(resp.Header.Get("Location"), "/login") {
				t.Errorf("anonymous %s %s redirected to %q", method, path, resp.Header.Get("Location"))
			}
		}
		if r.Role != "" && r.Role != bearing.RoleViewer {
			st, _, _ := e.do(method, path, "viewer", "{}")
			if st != http.StatusForbidden {
				t.Errorf("viewer %s %s: %d, want 403", method, path, st)
			}
		}
	}
}

// TestSecretsStayOutOfLogsAndDatabase checks that passwords and tokens are
// neither logged nor stored in the clear.
func TestSecretsStayOutOfLogsAndDatabase(t *testing.T) {
	var logs bytes.Buffer
	e := newEnv(t)
	srv, err := bhttp.NewServer(services(e.db), slog.New(slog.NewJSONHandler(&logs, &slog.HandlerOptions{Level: slog.LevelDebug})))
	if err != nil {
		t.Fatal(err)
	}
	ts := httptest.NewServer(srv)
	defer ts.Close()
	http.PostForm(ts.URL+"/login", url.Values{"email": {"member@example.com"}, "password": {"password-member"}})
	http.PostForm(ts.URL+"/login", url.Values{"email": {"member@example.com"}, "password": {"guess-password-xyz"}})
	req, _ := http.NewRequest("GET", ts.URL+"/api/v1/me", nil)
	req.Header.Set("Authorization", "Bearer "+e.tokens["member"])
	http.DefaultClient.Do(req)
	for _, secret := range []string{"password-member", "guess-password-xyz", e.tokens["member"]} {
		if strings.Contains(logs.String(), secret) {
			t.Errorf("log contains the secret %q", secret)
		}
	}
	if !strings.Contains(logs.String(), `"path":"/login"`) {
		t.Fatal("requests were not logged at all; the test would prove nothing")
	}
	dump := dumpTables(t, e.db, "users", "tokens", "sessions", "events")
	for _, secret := range []string{"password-member", e.tokens["member"]} {
		if strings.Contains(dump, secret) {
			t.Errorf("database contains the secret %q", secret)
		}
	}
}

// dangerousMarkup parses a page and lists every element or attribute that
// could run script: script-like elements, event handlers, javascript: URLs.
func dangerousMarkup(page string) []string {
	var out []string
	z := html.NewTokenizer(strings.NewReader(page))
	for {
		tt := z.Next()
		if tt == html.ErrorToken {
			return out
		}
		if tt != html.StartTagToken && tt != html.SelfClosingTagToken {
			continue
		}
		tok := z.Token()
		switch tok.Data {
		case "script", "iframe", "object", "embed":
			if tok.Data != "script" || attr(tok, "src") == "" || !strings.HasPrefix(attr(tok, "src"), "/static/") {
				out = append(out, "element <"+tok.Data+">")
			}
		}
		for _, a := range tok.Attr {
			v := strings.ToLower(strings.TrimSpace(a.Val))
			if strings.HasPrefix(strings.ToLower(a.Key), "on") {
				out = append(out, "event handler "+a.Key+" on <"+tok.Data+">")
			}
			if strings.Contains(v, "javascript:") {
				out = append(out, a.Key+"="+a.Val+" on <"+tok.Data+">")
			}
		}
	}
}

func attr(t html.Token, name string) string {
	for _, a := range t.Attr {
		if a.Key == name {
			return a.Val
		}
	}
	return ""
}

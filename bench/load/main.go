// Command load is an HTTP load generator for Bearing's benchmarks.
//
// Open loop (fixed rate) sends requests on a fixed schedule whatever the
// server does and measures each latency from the scheduled send time, so a
// slow server cannot hide its queueing (no coordinated omission):
//
//	go run ./bench/load --url http://127.0.0.1:8080 --token T --rate 2000 --duration 20s --target json
//
// Closed loop (no --rate) runs --concurrency clients that each send their
// next request as soon as the previous one is answered, to find the maximum
// throughput:
//
//	go run ./bench/load --url http://127.0.0.1:8080 --token T --concurrency 50 --duration 10s --target json
//
// Targets: json (GET /api/v1/decisions/DEC-n, Bearer token), page (GET
// /decisions/DEC-n with a session cookie; the tool signs in itself with
// --email and --password unless --cookie is given), search (GET
// /api/v1/decisions?q=WORD&limit=20 with words from the generator's
// vocabulary) and bare (GET --url itself, e.g. bench/bare). n is uniform in
// 1..--keys.
//
// It prints a summary (sent, ok, errors by kind, achieved rate, latency
// percentiles); with --json the summary goes to stderr and a JSON object to
// stdout.
package main

import (
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"math/rand/v2"
	"net"
	"net/http"
	"net/url"
	"os"
	"strings"
	"time"

	"github.com/bearingorg/bearing/bench/internal/vocab"
)

// config is the command line.
type config struct {
	url, token, cookie, email, password, target string
	rate                                        float64
	concurrency, keys, maxInflight, conns       int
	duration, warmup, timeout                   time.Duration
	json                                        bool
}

func main() {
	var c config
	flag.StringVar(&c.url, "url", "http://127.0.0.1:8080", "base URL of Bearing; for --target bare, the URL to fetch")
	flag.StringVar(&c.token, "token", os.Getenv("BEARING_TOKEN"), "API token for json and search (env BEARING_TOKEN)")
	flag.StringVar(&c.cookie, "cookie", "", "session cookie for page (bearing_session=… or just the value); default: sign in")
	flag.StringVar(&c.email, "email", "bench@example.com", "e-mail to sign in with for page")
	flag.StringVar(&c.password, "password", "bench-password", "password to sign in with for page")
	flag.StringVar(&c.target, "target", "json", "json, page, search or bare")
	flag.Float64Var(&c.rate, "rate", 0, "open loop: requests per second (0 = closed loop with --concurrency)")
	flag.IntVar(&c.concurrency, "concurrency", 0, "closed loop: number of concurrent clients")
	flag.IntVar(&c.keys, "keys", 100_000, "decision numbers are drawn from 1..keys")
	flag.IntVar(&c.maxInflight, "max-inflight", 10_000, "open loop: most requests in flight at once")
	flag.IntVar(&c.conns, "conns", 0, "most connections to the server (0 = as many as requests in flight); requests beyond wait for one, and the wait counts as latency")
	flag.DurationVar(&c.duration, "duration", 20*time.Second, "how long to measure")
	flag.DurationVar(&c.warmup, "warmup", 0, "load applied before measuring, not counted")
	flag.DurationVar(&c.timeout, "timeout", 10*time.Second, "per-request timeout")
	flag.BoolVar(&c.json, "json", false, "print a JSON object on stdout (the summary goes to stderr)")
	flag.Parse()
	if err := run(c); err != nil {
		fmt.Fprintln(os.Stderr, "load:", err)
		os.Exit(1)
	}
}

func run(c config) error {
	switch {
	case (c.rate > 0) == (c.concurrency > 0):
		return errors.New("give either --rate (open loop) or --concurrency (closed loop)")
	case c.duration <= 0 || c.keys < 1 || c.maxInflight < 1:
		return errors.New("--duration, --keys and --max-inflight must be positive")
	}
	client := newClient(c)
	next, desc, err := newTarget(c, client)
	if err != nil {
		return err
	}
	var res *result
	if c.rate > 0 {
		res = openLoop(client, next, c)
	} else {
		res = closedLoop(client, next, c)
	}
	s := res.summary(c, desc)
	out := os.Stdout
	if c.json {
		out = os.Stderr
	}
	s.print(out)
	if c.json {
		enc := json.NewEncoder(os.Stdout)
		enc.SetIndent("", "  ")
		return enc.Encode(s)
	}
	return nil
}

// newClient returns a client that keeps a connection per concurrent request
// alive instead of opening one per request.
func newClient(c config) *http.Client {
	idle := max(c.concurrency, 4096)
	tr := &http.Transport{
		Proxy:               nil,
		DialContext:         (&net.Dialer{Timeout: 5 * time.Second, KeepAlive: 30 * time.Second}).DialContext,
		MaxIdleConns:        idle,
		MaxIdleConnsPerHost: idle,
		MaxConnsPerHost:     c.conns,
		IdleConnTimeout:     90 * time.Second,
		DisableCompression:  true,
		WriteBufferSize:     16 << 10,
		ReadBufferSize:      64 << 10,
	}
	return &http.Client{Transport: tr, Timeout: c.timeout,
		CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
}

// newTarget returns a function that builds the next request, and a
// description of what it requests.
func newTarget(c config, client *http.Client) (func() *http.Request, string, error) {
	base := strings.TrimRight(c.url, "/")
	get := func(u string, header ...string) *http.Request {
		req, err := http.NewRequest(http.MethodGet, u, nil)
		if err != nil {
			panic(err) // the URL was checked below
		}
		for i := 0; i+1 < len(header); i += 2 {
			req.Header.Set(header[i], header[i+1])
		}
		return req
	}
	if _, err := url.ParseRequestURI(base); err != nil {
		return nil, "", fmt.Errorf("--url: %v", err)
	}
	bearer := "Bearer " + c.token
	switch c.target {
	case "json":
		if c.token == "" {
			return nil, "", errors.New("--target json needs --token")
		}
		return func() *http.Request {
			return get(fmt.Sprintf("%s/api/v1/decisions/DEC-%d", base, 1+rand.IntN(c.keys)), "Authorization", bearer)
		}, fmt.Sprintf("GET %s/api/v1/decisions/DEC-{1..%d}", base, c.keys), nil
	case "search":
		if c.token == "" {
			return nil, "", errors.New("--target search needs --token")
		}
		words := vocab.SearchWords()
		return func() *http.Request {
			return get(base+"/api/v1/decisions?limit=20&q="+url.QueryEscape(words[rand.IntN(len(words))]), "Authorization", bearer)
		}, fmt.Sprintf("GET %s/api/v1/decisions?q={%d words}&limit=20", base, len(words)), nil
	case "page":
		cookie := c.cookie
		if cookie == "" {
			var err error
			if cookie, err = login(client, base, c.email, c.password); err != nil {
				return nil, "", err
			}
		} else if !strings.Contains(cookie, "=") {
			cookie = "bearing_session=" + cookie
		}
		return func() *http.Request {
			return get(fmt.Sprintf("%s/decisions/DEC-%d", base, 1+rand.IntN(c.keys)), "Cookie", cookie)
		}, fmt.Sprintf("GET %s/decisions/DEC-{1..%d} (signed in)", base, c.keys), nil
	case "bare":
		return func() *http.Request { return get(base) }, "GET " + base, nil
	}
	return nil, "", fmt.Errorf("--target %q: use json, page, search or bare", c.target)
}

// login signs in through the web form and returns the session cookie as a
// Cookie header value.
func login(client *http.Client, base, email, password string) (string, error) {
	resp, err := client.PostForm(base+"/login", url.Values{"email": {email}, "password": {password}})
	if err != nil {
		return "", fmt.Errorf("sign in: %w", err)
	}
	defer resp.Body.Close()
	io.Copy(io.Discard, resp.Body)
	for _, ck := range resp.Cookies() {
		if ck.Name == "bearing_session" && ck.Value != "" {
			return ck.Name + "=" + ck.Value, nil
		}
	}
	return "", fmt.Errorf("sign in as %s: got %s and no session cookie; check --email and --password", email, resp.Status)
}

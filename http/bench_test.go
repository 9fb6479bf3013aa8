package http_test

import (
	"context"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"slices"
	"testing"
	"time"

	"github.com/bearingorg/bearing"
	bhttp "github.com/bearingorg/bearing/http"
	"github.com/bearingorg/bearing/sqldb"
	"github.com/bearingorg/bearing/sqldb/sqldbtest"
)

// bigRadar fills a database with n technologies and g guidelines.
func bigRadar(b *testing.B, n, g int) (*httptest.Server, string) {
	b.Helper()
	db := sqldbtest.Open(b, "sqlite")
	sys := sqldb.SystemContext(context.Background())
	quadrants := bearing.DefaultRadarConfig().Quadrants
	rings := []string{"adopt", "adopt", "trial", "trial", "assess", "hold"}
	ts := make([]*bearing.Technology, n)
	for i := range ts {
		name := fmt.Sprintf("Tech%05d", i)
		ts[i] = &bearing.Technology{Name: name, Aliases: []string{fmt.Sprintf("t%d", i)}, Quadrant: quadrants[i%len(quadrants)].Name,
			Ring: rings[i%len(rings)], Rationale: "Because " + name + " serves us well.",
			Identifiers: []string{fmt.Sprintf("pkg:npm/tech-%d", i), fmt.Sprintf("docker.io/library/tech%d", i)}}
	}
	if err := sqldb.NewTechnologyService(db).ImportTechnologies(sys, ts); err != nil {
		b.Fatal(err)
	}
	gs := sqldb.NewGuidelineService(db)
	for i := range g {
		if err := gs.CreateGuideline(sys, &bearing.Guideline{Statement: fmt.Sprintf("Guideline %d", i), Level: bearing.LevelShould,
			Status: bearing.GuidelinePublished, Technologies: []string{ts[i%n].Slug}, Rules: []bearing.Rule{{Forbid: fmt.Sprintf("pkg:npm/tech-%d", i%n)}}}); err != nil {
			b.Fatal(err)
		}
	}
	users := sqldb.NewUserService(db)
	u := &bearing.User{Email: "bench@example.com", Name: "Bench", Role: bearing.RoleViewer}
	if err := users.CreateUser(sys, u, ""); err != nil {
		b.Fatal(err)
	}
	tok, _, _ := users.CreateToken(sys, u.ID, "bench")
	srv, err := bhttp.NewServer(services(db), slog.New(slog.NewTextHandler(io.Discard, nil)))
	if err != nil {
		b.Fatal(err)
	}
	ts2 := httptest.NewServer(srv)
	b.Cleanup(ts2.Close)
	return ts2, tok
}

// BenchmarkAskAPI measures GET /api/v1/ask over HTTP with 5,000
// technologies and 1,000 guidelines, mixing exact names, aliases,
// identifiers, typos and unknown words; it reports p50 and p99 latency.
//
//	go test -run '^$' -bench AskAPI -benchtime 2000x ./http/
func BenchmarkAskAPI(b *testing.B) {
	ts, tok := bigRadar(b, 5000, 1000)
	queries := []string{"Tech01234", "t77", "pkg:npm/tech-4321", "Tech0123x", "docker.io/library/tech42", "nothing-like-it", "tech00999"}
	get := func(q string) {
		req, _ := http.NewRequest("GET", ts.URL+"/api/v1/ask?q="+q, nil)
		req.Header.Set("Authorization", "Bearer "+tok)
		resp, err := ts.Client().Do(req)
		if err != nil || resp.StatusCode != 200 {
			b.Fatalf("ask %s: %v %v", q, err, resp)
		}
		io.Copy(io.Discard, resp.Body)
		resp.Body.Close()
	}
	get("warm-up") // builds the cached policy
	lat := make([]time.Duration, 0, b.N)
	b.ResetTimer()
	for i := range b.N {
		start := time.Now()
		get(queries[i%len(queries)])
		lat = append(lat, time.Since(start))
	}
	b.StopTimer()
	reportPercentiles(b, lat)
}

func reportPercentiles(b *testing.B, lat []time.Duration) {
	slices.Sort(lat)
	if len(lat) == 0 {
		return
	}
	p := func(q float64) float64 { return float64(lat[int(q*float64(len(lat)-1))].Microseconds()) / 1000 }
	b.ReportMetric(p(0.50), "p50-ms")
	b.ReportMetric(p(0.99), "p99-ms")
}

package sqldb_test

import (
	"context"
	"testing"
	"time"

	"github.com/bearingorg/bearing"
	"github.com/bearingorg/bearing/sqldb"
	"github.com/bearingorg/bearing/sqldb/sqldbtest"
)

func hold(slug string, suppressed bool) bearing.Finding {
	f := bearing.Finding{RuleID: "bearing/hold/" + slug, Severity: bearing.SeverityError, Technology: slug,
		Location: bearing.Location{Path: "package.json", Line: 3}}
	if suppressed {
		f.Suppressed = &bearing.Suppression{Exception: "EXC-1"}
	}
	return f
}

func TestReportsAndAdoption(t *testing.T) {
	sqldbtest.Each(t, func(t *testing.T, db *sqldb.DB) {
		f := newRadarFixture(t, db)
		reports := sqldb.NewReportService(db)
		if err := f.tech.CreateTechnology(as(f.dna), &bearing.Technology{Name: "MongoDB", Quadrant: "Datastores", Ring: "hold"}, ""); err != nil {
			t.Fatal(err)
		}
		day := func(d string) time.Time { return bearing.MustParseDate(d).Time().Add(10 * time.Hour) }
		submit := func(repo, commit, at string, fs ...bearing.Finding) bool {
			t.Helper()
			created, err := reports.SubmitReport(as(f.member), &bearing.Report{Repo: repo, Team: "payments", Commit: commit, At: day(at), Findings: fs,
				Items: []bearing.Item{{Kind: bearing.KindPackage, Name: "pkg:npm/mongoose", Version: "8.0.0"}},
				ADRs:  []bearing.RepoADR{{Path: "doc/adr/0001-x.md", Content: "# 1. Use X in " + commit, Title: "Use X", Number: 1, Status: bearing.StatusAccepted}}})
			if err != nil {
				t.Fatal(err)
			}
			return created
		}
		// Three repositories use MongoDB in January; by March one moved off and one has an exception.
		submit("ledger", "a1", "2026-01-05", hold("mongodb", false))
		submit("quotes", "b1", "2026-01-06", hold("mongodb", false), hold("mongodb", false))
		submit("carriers", "c1", "2026-01-07", hold("mongodb", false))
		submit("quotes", "b2", "2026-02-10")
		submit("ledger", "a2", "2026-03-01", hold("mongodb", true))
		if submit("ledger", "a2", "2026-03-02", hold("mongodb", false)) {
			t.Fatal("the same repository and commit was stored twice")
		}
		_, err := reports.SubmitReport(as(f.viewer), &bearing.Report{Repo: "x", Commit: "1"})
		wantCode(t, err, bearing.EFORBIDDEN)
		_, err = reports.SubmitReport(as(f.member), &bearing.Report{Repo: "has space", Commit: ""})
		wantCode(t, err, bearing.EINVALID)

		ad, err := reports.Adoption(context.Background(), bearing.MustParseDate("2026-01-01"), bearing.MustParseDate("2026-03-05"), 7)
		if err != nil || len(ad) != 1 {
			t.Fatalf("adoption: %+v %v", ad, err)
		}
		a := ad[0]
		if a.Subject != "technology:mongodb" || a.Name != "MongoDB" || a.Ring != "hold" {
			t.Fatalf("subject: %+v", a)
		}
		now, then := a.Left()
		if then != 0 || now != 1 { // 2026-01-01 had no reports yet; now only carriers departs unexcused
			t.Fatalf("left now %d, then %d; trend %+v", now, then, a.Trend)
		}
		peak := 0
		for _, p := range a.Trend {
			peak = max(peak, p.Departing)
		}
		if peak != 3 {
			t.Fatalf("peak %d, want 3: %+v", peak, a.Trend)
		}
		if len(a.Departures) != 2 || a.Departures[0].Repo != "carriers" || a.Departures[1].Repo != "ledger" || a.Departures[1].Suppressed != 1 {
			t.Fatalf("departures: %+v", a.Departures)
		}
		latest, _ := reports.LatestReports(context.Background(), "payments")
		if len(latest) != 3 || latest[1].Repo != "ledger" || latest[1].Commit != "a2" || latest[1].Suppressed != 1 {
			t.Fatalf("latest: %+v", latest)
		}
		adrs, _ := reports.FindRepoADRs(context.Background(), "", "use x")
		if len(adrs) != 3 {
			t.Fatalf("repo ADRs: %d", len(adrs))
		}
		// The next report replaces the repository's ADRs: a removed file disappears.
		reports.SubmitReport(as(f.member), &bearing.Report{Repo: "quotes", Team: "payments", Commit: "b3", At: day("2026-03-03")})
		if adrs, _ := reports.FindRepoADRs(context.Background(), "quotes", ""); len(adrs) != 0 {
			t.Fatalf("removed ADR still listed: %+v", adrs)
		}
	})
}

package sqldb_test

import (
	"context"
	"fmt"
	"sync"
	"testing"

	"github.com/bearingorg/bearing"
	"github.com/bearingorg/bearing/sqldb"
	"github.com/bearingorg/bearing/sqldb/sqldbtest"
)

// TestConcurrentMigrations starts several instances on one empty database at
// once, as a rolling deploy does: all succeed and the schema is applied once.
func TestConcurrentMigrations(t *testing.T) {
	for _, engine := range sqldbtest.Engines {
		t.Run(engine, func(t *testing.T) {
			dsn := sqldbtest.DSN(t, engine)
			var wg sync.WaitGroup
			errs := make([]error, 4)
			for i := range errs {
				wg.Add(1)
				go func() {
					defer wg.Done()
					db := sqldb.New(dsn)
					errs[i] = db.Open(context.Background())
					db.Close()
				}()
			}
			wg.Wait()
			for i, err := range errs {
				if err != nil {
					t.Errorf("instance %d: %v", i, err)
				}
			}
			db := sqldb.New(dsn)
			if err := db.Connect(context.Background()); err != nil {
				t.Fatal(err)
			}
			defer db.Close()
			st, err := db.MigrationStatus(context.Background())
			if err != nil || len(st) == 0 {
				t.Fatalf("status: %v %v", st, err)
			}
			for name, applied := range st {
				if !applied {
					t.Errorf("%s not applied", name)
				}
			}
		})
	}
}

// TestConcurrentEdits lets many writers edit one decision from the same
// version at once: exactly one wins, the others get a conflict, and the
// history has exactly one update.
func TestConcurrentEdits(t *testing.T) {
	sqldbtest.Each(t, func(t *testing.T, db *sqldb.DB) {
		f := newFixture(t, db)
		d := f.create(t, f.dna, sample("Contended"))
		const writers = 8
		var wg sync.WaitGroup
		results := make([]error, writers)
		for i := range writers {
			wg.Add(1)
			go func() {
				defer wg.Done()
				title := fmt.Sprintf("Title from writer %d", i)
				_, results[i] = f.decisions.UpdateDecision(as(f.dna), d.Key(), 1, bearing.DecisionUpdate{Title: &title})
			}()
		}
		wg.Wait()
		won := 0
		for i, err := range results {
			switch bearing.ErrorCode(err) {
			case "":
				won++
			case bearing.ECONFLICT:
			default:
				t.Errorf("writer %d: unexpected error %v", i, err)
			}
		}
		if won != 1 {
			t.Fatalf("%d writers won, want exactly 1", won)
		}
		hist, _ := f.decisions.DecisionHistory(as(f.viewer), d.Key())
		updates := 0
		for _, e := range hist {
			if e.Action == "updated" {
				updates++
			}
		}
		got, _ := f.decisions.FindDecision(as(f.viewer), d.Key())
		if updates != 1 || got.Version != 2 {
			t.Fatalf("updates in history = %d, version = %d", updates, got.Version)
		}
	})
}

// TestConcurrentCreates gives every decision created at once its own number.
func TestConcurrentCreates(t *testing.T) {
	sqldbtest.Each(t, func(t *testing.T, db *sqldb.DB) {
		f := newFixture(t, db)
		const n = 20
		var wg sync.WaitGroup
		errs := make([]error, n)
		for i := range n {
			wg.Add(1)
			go func() {
				defer wg.Done()
				errs[i] = f.decisions.CreateDecision(as(f.member), sample(fmt.Sprintf("Parallel %d", i)))
			}()
		}
		wg.Wait()
		for i, err := range errs {
			if err != nil {
				t.Errorf("create %d: %v", i, err)
			}
		}
		page, err := f.decisions.FindDecisions(as(f.viewer), bearing.DecisionFilter{Limit: 100})
		if err != nil || page.Total != n || page.Decisions[0].Number != n || page.Decisions[n-1].Number != 1 {
			t.Fatalf("numbers: total %d, err %v", page.Total, err)
		}
	})
}

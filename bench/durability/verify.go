package main

import (
	"bufio"
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"os"
	"strings"
	"sync"
	"time"

	_ "modernc.org/sqlite" // the "sqlite" driver
)

// ack is one acknowledged write.
type ack struct{ key, title string }

// runVerify checks every acknowledged write through the API and the
// database's own consistency checks, and fails on any loss.
func runVerify(args []string) error {
	fs := newFlags("verify")
	base := fs.String("url", "", "server URL")
	token := fs.String("token", "", "API token")
	path := fs.String("acks", "", "file of acknowledged KEY<TAB>TITLE lines")
	database := fs.String("database", "", "the server's database: SQLite path or postgres:// URL")
	workers := fs.Int("concurrency", 8, "parallel GETs")
	fs.Parse(args)
	if *base == "" || *token == "" || *path == "" || *database == "" {
		return errors.New("--url, --token, --acks and --database are required")
	}
	acks, err := readAcks(*path)
	if err != nil {
		return err
	}
	var problems []string
	seen := map[string]string{}
	for _, a := range acks {
		if prev, ok := seen[a.key]; ok {
			problems = append(problems, fmt.Sprintf("%s was acknowledged twice, for %q and %q: one write was lost", a.key, prev, a.title))
		}
		seen[a.key] = a.title
	}
	verified, apiProblems := checkAPI(*base, *token, acks, *workers)
	problems = append(problems, apiProblems...)
	stored, dbProblems := checkDatabase(*database)
	problems = append(problems, dbProblems...)

	fmt.Printf("acknowledged %d, verified %d (title and version 1 through the API), stored %d", len(acks), verified, stored)
	if stored >= len(acks) {
		fmt.Printf(" (%d committed but never acknowledged: killed before the answer)", stored-len(acks))
	}
	fmt.Println()
	if len(acks) == 0 {
		problems = append(problems, "nothing was acknowledged, so nothing was tested")
	}
	if len(problems) > 0 {
		for i, p := range problems {
			if i == 20 {
				fmt.Printf("  … and %d more\n", len(problems)-20)
				break
			}
			fmt.Println("  LOST OR BROKEN:", p)
		}
		return fmt.Errorf("%d problems", len(problems))
	}
	fmt.Println("OK: every acknowledged write survived and the database is intact")
	return nil
}

func readAcks(path string) ([]ack, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	var out []ack
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		key, title, ok := strings.Cut(sc.Text(), "\t")
		if !ok {
			return nil, fmt.Errorf("%s: malformed line %q", path, sc.Text())
		}
		out = append(out, ack{key, title})
	}
	return out, sc.Err()
}

// checkAPI fetches every acknowledged decision and compares it.
func checkAPI(base, token string, acks []ack, workers int) (int, []string) {
	client := &http.Client{Timeout: 10 * time.Second, Transport: &http.Transport{Proxy: nil, MaxIdleConnsPerHost: workers}}
	jobs := make(chan ack)
	var mu sync.Mutex
	var problems []string
	verified := 0
	var wg sync.WaitGroup
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for a := range jobs {
				p := checkOne(client, base, token, a)
				mu.Lock()
				if p == "" {
					verified++
				} else {
					problems = append(problems, p)
				}
				mu.Unlock()
			}
		}()
	}
	for _, a := range acks {
		jobs <- a
	}
	close(jobs)
	wg.Wait()
	return verified, problems
}

func checkOne(client *http.Client, base, token string, a ack) string {
	req, err := http.NewRequest(http.MethodGet, base+"/api/v1/decisions/"+url.PathEscape(a.key), nil)
	if err != nil {
		return a.key + ": " + err.Error()
	}
	req.Header.Set("Authorization", "Bearer "+token)
	var resp *http.Response
	for try := 0; ; try++ { // a transport error is not a lost write: retry it
		if resp, err = client.Do(req); err == nil || try == 2 {
			break
		}
		time.Sleep(200 * time.Millisecond)
	}
	if err != nil {
		return a.key + ": " + err.Error()
	}
	defer resp.Body.Close()
	data, _ := io.ReadAll(resp.Body)
	if resp.StatusCode != http.StatusOK {
		return fmt.Sprintf("%s: GET answered %s", a.key, resp.Status)
	}
	var d struct {
		Title   string `json:"title"`
		Version int    `json:"version"`
	}
	if err := json.Unmarshal(data, &d); err != nil {
		return a.key + ": unreadable answer: " + err.Error()
	}
	switch {
	case d.Title != a.title:
		return fmt.Sprintf("%s: title is %q, acknowledged %q", a.key, d.Title, a.title)
	case d.Version != 1:
		return fmt.Sprintf("%s: version is %d, want 1", a.key, d.Version)
	}
	return ""
}

// checkDatabase runs the engine's consistency checks and returns the number
// of stored decisions.
func checkDatabase(dsn string) (int, []string) {
	ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
	defer cancel()
	postgres := strings.HasPrefix(dsn, "postgres://") || strings.HasPrefix(dsn, "postgresql://")
	var db *sql.DB
	var err error
	if postgres {
		db, err = sql.Open("pgx", dsn)
	} else {
		db, err = sql.Open("sqlite", "file:"+(&url.URL{Path: dsn}).EscapedPath()+"?_pragma=busy_timeout(10000)")
	}
	if err != nil {
		return 0, []string{"open database: " + err.Error()}
	}
	defer db.Close()
	var problems []string
	fail := func(format string, args ...any) { problems = append(problems, fmt.Sprintf(format, args...)) }
	var stored int
	if err := db.QueryRowContext(ctx, `SELECT count(*) FROM decisions`).Scan(&stored); err != nil {
		fail("count decisions: %v", err)
	}
	if postgres {
		var orphans int
		err := db.QueryRowContext(ctx, `SELECT count(*) FROM decisions d WHERE NOT EXISTS
			(SELECT 1 FROM events e WHERE e.entity_type = 'decision' AND e.entity_id = d.id)`).Scan(&orphans)
		if err != nil {
			fail("event check: %v", err)
		} else if orphans != 0 {
			fail("%d decisions have no creation event: a transaction was torn", orphans)
		}
		return stored, problems
	}
	rows, err := db.QueryContext(ctx, `PRAGMA integrity_check`)
	if err != nil {
		fail("PRAGMA integrity_check: %v", err)
	} else {
		var lines []string
		for rows.Next() {
			var s string
			if err := rows.Scan(&s); err != nil {
				fail("PRAGMA integrity_check: %v", err)
			}
			lines = append(lines, s)
		}
		rows.Close()
		if len(lines) != 1 || lines[0] != "ok" {
			fail("PRAGMA integrity_check: %s", strings.Join(lines, "; "))
		}
	}
	if _, err := db.ExecContext(ctx, `INSERT INTO decisions_fts(decisions_fts) VALUES('integrity-check')`); err != nil {
		fail("full-text index integrity-check: %v", err)
	}
	var indexed int
	if err := db.QueryRowContext(ctx, `SELECT count(*) FROM decisions_fts`).Scan(&indexed); err != nil {
		fail("count full-text rows: %v", err)
	} else if indexed != stored {
		fail("the full-text index has %d rows for %d decisions", indexed, stored)
	}
	return stored, problems
}

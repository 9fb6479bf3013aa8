package main

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"os"
	"os/signal"
	"sort"
	"strings"
	"sync"
	"syscall"
	"time"
)

// ackLog appends acknowledged decisions to a file, one "KEY\tTITLE" line
// each, and fsyncs every line before the writer goes on: what is in the
// file was acknowledged by the server, whatever happens next.
type ackLog struct {
	mu sync.Mutex
	f  *os.File
	n  int
}

func (a *ackLog) add(key, title string) error {
	a.mu.Lock()
	defer a.mu.Unlock()
	if _, err := fmt.Fprintf(a.f, "%s\t%s\n", key, title); err != nil {
		return err
	}
	if err := a.f.Sync(); err != nil {
		return err
	}
	a.n++
	return nil
}

// tally counts failed attempts by kind.
type tally struct {
	mu    sync.Mutex
	kinds map[string]int
}

func (t *tally) add(kind string) {
	t.mu.Lock()
	t.kinds[kind]++
	t.mu.Unlock()
}

func (t *tally) String() string {
	t.mu.Lock()
	defer t.mu.Unlock()
	parts := make([]string, 0, len(t.kinds))
	for k, n := range t.kinds {
		parts = append(parts, fmt.Sprintf("%s: %d", k, n))
	}
	sort.Strings(parts)
	return strings.Join(parts, ", ")
}

// runWrite posts decisions from several writers until SIGTERM or SIGINT
// (or --max-duration), recording every 201 Created in the ack file.
func runWrite(args []string) error {
	fs := newFlags("write")
	base := fs.String("url", "", "server URL")
	token := fs.String("token", "", "API token of a member")
	path := fs.String("acks", "", "file to append acknowledged KEY<TAB>TITLE lines to")
	writers := fs.Int("writers", 4, "concurrent writers")
	maxDuration := fs.Duration("max-duration", 5*time.Minute, "stop on its own after this long")
	fs.Parse(args)
	if *base == "" || *token == "" || *path == "" || *writers < 1 {
		return errors.New("--url, --token and --acks are required, --writers ≥ 1")
	}
	f, err := os.OpenFile(*path, os.O_WRONLY|os.O_CREATE|os.O_APPEND, 0o644)
	if err != nil {
		return err
	}
	defer f.Close()
	acks := &ackLog{f: f}
	fails := &tally{kinds: map[string]int{}}

	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	ctx, cancel := context.WithTimeout(ctx, *maxDuration)
	defer cancel()
	client := &http.Client{Timeout: 10 * time.Second, Transport: &http.Transport{Proxy: nil, MaxIdleConnsPerHost: *writers}}
	run := fmt.Sprintf("%x", time.Now().UnixNano()&0xffffff)

	var wg sync.WaitGroup
	var fatal error
	var fatalOnce sync.Once
	start := time.Now()
	attempts := make([]int, *writers)
	for w := range *writers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := 1; ctx.Err() == nil; i++ {
				attempts[w]++
				title := fmt.Sprintf("Durability %s writer %d record %d", run, w, i)
				key, kind := create(ctx, client, *base, *token, title, i)
				switch {
				case kind != "":
					if ctx.Err() == nil {
						fails.add(kind)
						time.Sleep(20 * time.Millisecond) // the server is probably down; retry soon
					}
				default:
					if err := acks.add(key, title); err != nil {
						fatalOnce.Do(func() { fatal = err; cancel() })
					}
				}
			}
		}()
	}
	wg.Wait()
	total := 0
	for _, n := range attempts {
		total += n
	}
	fmt.Fprintf(os.Stderr, "writer: %d writers, %.1fs, %d attempts, %d acknowledged (201), failed attempts: {%s}\n",
		*writers, time.Since(start).Seconds(), total, acks.n, fails)
	return fatal
}

// create posts one decision and returns its key if the server answered 201
// with the same title; otherwise it returns the kind of failure.
func create(ctx context.Context, client *http.Client, base, token, title string, i int) (key, kind string) {
	body, _ := json.Marshal(map[string]any{
		"title":             title,
		"status":            []string{"draft", "proposed"}[i%2],
		"context":           "Written by the durability test while the server is killed with SIGKILL.",
		"decision":          fmt.Sprintf("Record %d must survive every crash once acknowledged.", i),
		"consequences":      "None; the test checks it is still there afterwards.",
		"executive_summary": "Durability probe.",
		"tags":              []string{"durability", fmt.Sprintf("writer-batch-%d", i%7)},
		"dos":               []string{"fsync before acknowledging"},
		"options":           []map[string]any{{"name": "Keep it", "pros": []string{"durable"}, "chosen": true}, {"name": "Lose it"}},
	})
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, base+"/api/v1/decisions", bytes.NewReader(body))
	if err != nil {
		return "", "bad request: " + err.Error()
	}
	req.Header.Set("Authorization", "Bearer "+token)
	req.Header.Set("Content-Type", "application/json")
	resp, err := client.Do(req)
	if err != nil {
		return "", transportKind(err)
	}
	defer resp.Body.Close()
	data, err := io.ReadAll(resp.Body)
	if err != nil {
		return "", "body: " + transportKind(err) // no full answer: not acknowledged
	}
	if resp.StatusCode != http.StatusCreated {
		return "", fmt.Sprintf("status %d", resp.StatusCode)
	}
	var got struct {
		Key   string `json:"key"`
		Title string `json:"title"`
	}
	if err := json.Unmarshal(data, &got); err != nil || got.Key == "" || got.Title != title {
		return "", "201 with an unexpected body"
	}
	return got.Key, ""
}

// transportKind names a transport error briefly.
func transportKind(err error) string {
	s := err.Error()
	for _, k := range []string{"connection refused", "connection reset", "EOF", "broken pipe", "timeout", "context canceled"} {
		if strings.Contains(s, k) {
			return k
		}
	}
	return "other transport error"
}

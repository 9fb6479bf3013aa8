package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"sync"
	"syscall"
	"time"
)

// result collects the outcome of every measured request.
type result struct {
	mu        sync.Mutex
	latencies []time.Duration // every measured request, ok or not, from due (open) or sent (closed)
	service   []time.Duration // open loop: from the actual send, without the wait for it
	lag       []time.Duration // open loop: how late each request was sent
	ok        int
	errors    map[string]int
	bytes     int64
	begin     time.Time // start of the measured window
	end       time.Time // last measured completion
}

func newResult(capacity int) *result {
	return &result{latencies: make([]time.Duration, 0, capacity), errors: map[string]int{}}
}

// add records one request that was due at (open loop) or sent at (closed
// loop) from, actually sent at sent, and finished at done.
func (r *result) add(from, sent, done time.Time, kind string, n int64) {
	r.mu.Lock()
	r.latencies = append(r.latencies, done.Sub(from))
	if sent != from {
		r.service = append(r.service, done.Sub(sent))
		r.lag = append(r.lag, sent.Sub(from))
	}
	if kind == "" {
		r.ok++
	} else {
		r.errors[kind]++
	}
	r.bytes += n
	if done.After(r.end) {
		r.end = done
	}
	r.mu.Unlock()
}

// merge adds the requests of o (a worker's own result) to r.
func (r *result) merge(o *result) {
	r.latencies = append(r.latencies, o.latencies...)
	r.ok += o.ok
	for k, v := range o.errors {
		r.errors[k] += v
	}
	r.bytes += o.bytes
	if o.end.After(r.end) {
		r.end = o.end
	}
}

// do sends req and reads the whole response; it returns "" for a 2xx
// answer and otherwise the kind of failure, with the body size.
func do(client *http.Client, req *http.Request) (string, int64) {
	resp, err := client.Do(req)
	if err != nil {
		return errorKind(err), 0
	}
	n, err := io.Copy(io.Discard, resp.Body)
	resp.Body.Close()
	switch {
	case err != nil:
		return errorKind(err), n
	case resp.StatusCode < 200 || resp.StatusCode > 299:
		return fmt.Sprintf("status %d", resp.StatusCode), n
	}
	return "", n
}

// errorKind names a transport error briefly, so errors can be counted by kind.
func errorKind(err error) string {
	var ne net.Error
	switch {
	case errors.Is(err, context.DeadlineExceeded), errors.As(err, &ne) && ne.Timeout():
		return "timeout"
	case errors.Is(err, syscall.ECONNREFUSED):
		return "connection refused"
	case errors.Is(err, syscall.ECONNRESET), errors.Is(err, syscall.EPIPE):
		return "connection reset"
	case errors.Is(err, io.EOF), errors.Is(err, io.ErrUnexpectedEOF):
		return "connection closed"
	case errors.Is(err, syscall.EMFILE):
		return "too many open files"
	}
	return "other error"
}

// openLoop sends rate requests per second on a fixed schedule: request i is
// due at start + i/rate. Latency counts from the due time, so time spent
// waiting for a free slot or a slow server is part of it. Requests due in
// the warm-up are sent but not recorded.
func openLoop(client *http.Client, next func() *http.Request, c config) *result {
	total := int((c.warmup + c.duration).Seconds() * c.rate)
	warm := int(c.warmup.Seconds() * c.rate)
	res := newResult(total - warm)
	slots := make(chan struct{}, c.maxInflight)
	var wg sync.WaitGroup
	lockSender()
	start := time.Now().Add(20 * time.Millisecond)
	res.begin = start.Add(c.warmup)
	for i := range total {
		due := start.Add(time.Duration(float64(i) * float64(time.Second) / c.rate))
		sleepUntil(due)
		req := next()
		slots <- struct{}{}
		wg.Add(1)
		go func(i int) {
			defer wg.Done()
			sent := time.Now()
			kind, n := do(client, req)
			done := time.Now()
			<-slots
			if i >= warm {
				res.add(due, sent, done, kind, n)
			}
		}(i)
	}
	wg.Wait()
	return res
}

// closedLoop runs c.concurrency clients, each sending its next request as
// soon as the previous one is answered, for the warm-up plus the duration.
func closedLoop(client *http.Client, next func() *http.Request, c config) *result {
	res := newResult(0)
	start := time.Now()
	res.begin = start.Add(c.warmup)
	stop := res.begin.Add(c.duration)
	parts := make([]*result, c.concurrency)
	var wg sync.WaitGroup
	for w := range parts {
		part := newResult(1 << 14)
		parts[w] = part
		wg.Add(1)
		go func() {
			defer wg.Done()
			for {
				sent := time.Now()
				if !sent.Before(stop) {
					return
				}
				kind, n := do(client, next())
				if !sent.Before(res.begin) {
					part.add(sent, sent, time.Now(), kind, n)
				}
			}
		}()
	}
	wg.Wait()
	for _, p := range parts {
		res.merge(p)
	}
	if res.end.IsZero() {
		fmt.Fprintln(os.Stderr, "load: no request completed in the measured window")
		res.end = stop
	}
	return res
}

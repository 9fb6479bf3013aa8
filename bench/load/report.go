package main

import (
	"fmt"
	"io"
	"math"
	"slices"
	"sort"
	"strings"
	"time"
)

// summary is what a run reports, in the shape of the --json output.
type summary struct {
	Target      string         `json:"target"`
	Request     string         `json:"request"`
	Mode        string         `json:"mode"` // "open" or "closed"
	Rate        float64        `json:"rate,omitempty"`
	Concurrency int            `json:"concurrency,omitempty"`
	DurationS   float64        `json:"duration_s"`
	Sent        int            `json:"sent"`
	OK          int            `json:"ok"`
	Errors      map[string]int `json:"errors"`
	ErrorCount  int            `json:"error_count"`
	AchievedRPS float64        `json:"achieved_rps"`
	MeanMS      float64        `json:"mean_ms"`
	P50MS       float64        `json:"p50_ms"`
	P90MS       float64        `json:"p90_ms"`
	P99MS       float64        `json:"p99_ms"`
	P999MS      float64        `json:"p999_ms"`
	MaxMS       float64        `json:"max_ms"`
	MeanBytes   int64          `json:"mean_bytes"`
	// Open loop only: latency from the actual send (what a closed-loop tool
	// would report) and how late the generator sent requests.
	ServiceP50MS float64 `json:"service_p50_ms,omitempty"`
	ServiceP99MS float64 `json:"service_p99_ms,omitempty"`
	LagP99MS     float64 `json:"send_lag_p99_ms,omitempty"`
}

// summary sorts the latencies and computes the report.
func (r *result) summary(c config, desc string) summary {
	s := summary{Target: c.target, Request: desc, Errors: r.errors, OK: r.ok, Sent: len(r.latencies)}
	if c.rate > 0 {
		s.Mode, s.Rate = "open", c.rate
	} else {
		s.Mode, s.Concurrency = "closed", c.concurrency
	}
	for _, n := range r.errors {
		s.ErrorCount += n
	}
	window := r.end.Sub(r.begin)
	if c.rate == 0 || window < c.duration {
		window = c.duration // closed loop: the measured window is exactly the duration
	}
	s.DurationS = round(window.Seconds(), 3)
	s.AchievedRPS = round(float64(s.Sent)/window.Seconds(), 1)
	if s.Sent == 0 {
		return s
	}
	slices.Sort(r.latencies)
	var sum time.Duration
	for _, l := range r.latencies {
		sum += l
	}
	s.MeanMS = ms(sum / time.Duration(s.Sent))
	s.P50MS = ms(percentile(r.latencies, 0.50))
	s.P90MS = ms(percentile(r.latencies, 0.90))
	s.P99MS = ms(percentile(r.latencies, 0.99))
	s.P999MS = ms(percentile(r.latencies, 0.999))
	s.MaxMS = ms(r.latencies[len(r.latencies)-1])
	s.MeanBytes = r.bytes / int64(s.Sent)
	if len(r.service) > 0 {
		slices.Sort(r.service)
		slices.Sort(r.lag)
		s.ServiceP50MS = ms(percentile(r.service, 0.50))
		s.ServiceP99MS = ms(percentile(r.service, 0.99))
		s.LagP99MS = ms(percentile(r.lag, 0.99))
	}
	return s
}

// percentile returns the smallest latency that at least q of the sorted
// samples do not exceed.
func percentile(sorted []time.Duration, q float64) time.Duration {
	i := int(math.Ceil(q*float64(len(sorted)))) - 1
	return sorted[max(0, min(i, len(sorted)-1))]
}

func ms(d time.Duration) float64 { return round(float64(d)/float64(time.Millisecond), 3) }

func round(v float64, places int) float64 {
	p := math.Pow(10, float64(places))
	return math.Round(v*p) / p
}

// print writes the human-readable summary.
func (s summary) print(w io.Writer) {
	fmt.Fprintf(w, "target   %s: %s\n", s.Target, s.Request)
	if s.Mode == "open" {
		fmt.Fprintf(w, "mode     open loop at %.0f req/s for %.1fs (latency from the scheduled send time)\n", s.Rate, s.DurationS)
	} else {
		fmt.Fprintf(w, "mode     closed loop with %d clients for %.1fs\n", s.Concurrency, s.DurationS)
	}
	fmt.Fprintf(w, "requests sent %d, ok %d, errors %d", s.Sent, s.OK, s.ErrorCount)
	if len(s.Errors) > 0 {
		kinds := make([]string, 0, len(s.Errors))
		for k, n := range s.Errors {
			kinds = append(kinds, fmt.Sprintf("%s: %d", k, n))
		}
		sort.Strings(kinds)
		fmt.Fprintf(w, " (%s)", strings.Join(kinds, ", "))
	}
	fmt.Fprintf(w, "\nachieved %.1f req/s, mean response %d bytes\n", s.AchievedRPS, s.MeanBytes)
	fmt.Fprintf(w, "latency  mean %.2f ms  p50 %.2f ms  p90 %.2f ms  p99 %.2f ms  p99.9 %.2f ms  max %.2f ms\n",
		s.MeanMS, s.P50MS, s.P90MS, s.P99MS, s.P999MS, s.MaxMS)
	if s.Mode == "open" {
		fmt.Fprintf(w, "         from the actual send: p50 %.2f ms  p99 %.2f ms; send lag p99 %.2f ms\n",
			s.ServiceP50MS, s.ServiceP99MS, s.LagP99MS)
	}
}

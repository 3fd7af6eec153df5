package main

import (
	"cmp"
	"encoding/json"
	"fmt"
	"io"
	"maps"
	"slices"
)

// writeJSON prints the report as one indented JSON object.
func writeJSON(w io.Writer, r Report) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	if err := enc.Encode(r); err != nil {
		return fmt.Errorf("write report: %w", err)
	}
	return nil
}

// writeText prints the report for a person.
func writeText(w io.Writer, r Report) error {
	ew := &errWriter{w: w}
	ew.printf("mythosload %s: %d bots, %s\n", r.Addr, r.Bots, r.workload())
	ew.printf("bots:       %d in the world (%d created, %d logged in) after %.1fs; %d failed to connect\n",
		r.Connected, r.Created, r.LoggedIn, r.LoginSeconds, r.ConnectFailed)
	if !r.Idle {
		ew.printf("looks:      %d sent, %d answered, %d late, %d unanswered; %d stray answers\n",
			r.Sent, r.Answered, r.Late, r.Unanswered, r.Stray)
		l := r.RTT
		ew.printf("round trip: p50 %.3f ms, p90 %.3f ms, p99 %.3f ms, max %.3f ms, mean %.3f ms (%d answers)\n",
			l.P50, l.P90, l.P99, l.Max, l.Mean, l.Count)
	}
	ew.timeline(r.Timeline)
	ew.printf("errors:     %d bots lost their connection\n", r.Errors)
	if r.Server != nil {
		ew.server(r.Server)
	}
	if r.Metrics != nil {
		ew.metrics(r.Metrics)
	}
	ew.printf("loadgen:    CPU %.1f%% of a core while measuring\n", r.LoadgenCPUPercent)
	ew.reasons("connect failures", r.ConnectFailures)
	ew.reasons("errors", r.ErrorKinds)
	return ew.err
}

// timeline prints the round trips of each window.
func (e *errWriter) timeline(ws []Window) {
	for _, w := range ws {
		e.printf("  %4ds: p50 %8.3f ms, p99 %8.3f ms, max %8.3f ms (%d)\n", w.Second, w.P50, w.P99, w.Max, w.Count)
	}
}

// server prints what /proc told of the server.
func (e *errWriter) server(s *ServerReport) {
	e.printf("server:     RSS %d KiB before, %d KiB with the bots in, %d KiB at the end: %.1f KiB per connection; CPU %.1f%% of a core while measuring\n",
		s.RSSBeforeKiB, s.RSSReadyKiB, s.RSSEndKiB, s.KiBPerConnection, s.CPUPercent)
	if s.Error != "" {
		e.printf("server:     %s\n", s.Error)
	}
}

// metrics prints what the server's /metrics page told.
func (e *errWriter) metrics(m *MetricsReport) {
	if m.Error != "" {
		e.printf("metrics:    %s\n", m.Error)
		return
	}
	e.printf("ticks:      p50 %.3f ms, p95 %.3f ms, p99 %.3f ms, max %.3f ms over the last minute; latest start %.3f ms late; %d over budget while measuring\n",
		m.TickP50Ms, m.TickP95Ms, m.TickP99Ms, m.TickMaxMs, m.TickLatenessMaxMs, m.TicksOverBudget)
	e.printf("go memory:  heap in use %.0f KiB before, %.0f KiB at the end; stacks %.0f KiB, %.0f KiB: %.1f KiB per connection (heap %.1f, stacks %.1f); goroutines %d before, %d at the end\n",
		m.HeapBeforeKiB, m.HeapEndKiB, m.StackBeforeKiB, m.StackEndKiB, m.GoKiBPerConnection,
		m.HeapKiBPerConn, m.StackKiBPerConn, m.GoroutinesBefore, m.GoroutinesEnd)
}

// workload says what the bots did.
func (r Report) workload() string {
	if r.Idle {
		return fmt.Sprintf("idle for %s (ramp %s)", r.Duration, r.Ramp)
	}
	return fmt.Sprintf("look every %s for %s (ramp %s, timeout %s)", r.Rate, r.Duration, r.Ramp, r.Timeout)
}

// errWriter keeps the first write error, so a report prints without a
// check per line.
type errWriter struct {
	w   io.Writer
	err error
}

func (e *errWriter) printf(format string, args ...any) {
	if e.err == nil {
		_, e.err = fmt.Fprintf(e.w, format, args...)
	}
}

// reasons lists counted reasons, most frequent first.
func (e *errWriter) reasons(title string, m map[string]int) {
	if len(m) == 0 {
		return
	}
	e.printf("%s:\n", title)
	keys := slices.SortedFunc(maps.Keys(m), func(a, b string) int {
		return cmp.Or(cmp.Compare(m[b], m[a]), cmp.Compare(a, b))
	})
	for _, k := range keys {
		e.printf("  %6d  %s\n", m[k], k)
	}
}

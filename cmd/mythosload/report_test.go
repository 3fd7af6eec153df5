package main

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"testing"
	"time"
)

func TestSummarize(t *testing.T) {
	ms := func(xs ...int) []time.Duration {
		out := make([]time.Duration, len(xs))
		for i, x := range xs {
			out[i] = time.Duration(x) * time.Millisecond
		}
		return out
	}
	hundred := make([]int, 100)
	for i := range hundred {
		hundred[99-i] = i + 1 // 100 down to 1: summarize sorts
	}
	tests := []struct {
		name string
		in   []time.Duration
		want Latency
	}{
		{"none", nil, Latency{}},
		{"one", ms(3), Latency{Count: 1, P50: 3, P90: 3, P99: 3, Max: 3, Mean: 3}},
		{"two", ms(4, 2), Latency{Count: 2, P50: 2, P90: 4, P99: 4, Max: 4, Mean: 3}},
		{"1 to 100", ms(hundred...), Latency{Count: 100, P50: 50, P90: 90, P99: 99, Max: 100, Mean: 50.5}},
		{"microseconds", []time.Duration{1234567}, Latency{Count: 1, P50: 1.235, P90: 1.235, P99: 1.235, Max: 1.235, Mean: 1.235}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := summarize(tt.in); got != tt.want {
				t.Errorf("summarize = %+v, want %+v", got, tt.want)
			}
		})
	}
}

func TestReportCounts(t *testing.T) {
	answered := lookMatcher{timeout: time.Second}
	for i := range 4 {
		answered.send(time.Unix(0, 0))
		answered.line([]byte("Exits: up."))
		answered.prompt([]byte("> "), time.Unix(0, 0).Add(time.Duration(i+1)*time.Millisecond))
	}
	pending := lookMatcher{timeout: time.Second}
	pending.send(time.Unix(0, 0))
	pending.send(time.Unix(0, 0))
	results := []botResult{
		{created: true, match: answered},
		{match: pending, runErr: errors.New("read: EOF")},
		{connectErr: errors.New("dial tcp: connection refused")},
		{connectErr: errors.New("dial tcp: connection refused")},
	}
	r := newReport(config{Bots: 4})
	r.addBots(results)
	want := Report{Bots: 4, Rate: "0s", Duration: "0s", Ramp: "0s", Timeout: "0s",
		Connected: 2, Created: 1, LoggedIn: 1, ConnectFailed: 2,
		ConnectFailures: map[string]int{"dial tcp: connection refused": 2},
		Sent:            6, Answered: 4, Unanswered: 2, Errors: 1, ErrorKinds: map[string]int{"read: EOF": 1},
		RTT: Latency{Count: 4, P50: 2, P90: 4, P99: 4, Max: 4, Mean: 2.5}}
	if fmt.Sprintf("%+v", r) != fmt.Sprintf("%+v", want) {
		t.Errorf("report\n%+v\nwant\n%+v", r, want)
	}
	if !r.Failed() {
		t.Error("a report with failures is not Failed")
	}
}

func TestReportFailed(t *testing.T) {
	tests := []struct {
		name string
		r    Report
		want bool
	}{
		{"clean", Report{Connected: 1, Sent: 5, Answered: 5}, false},
		{"clean idle", Report{Connected: 1, Idle: true}, false},
		{"nobody in", Report{}, true},
		{"connect failed", Report{Connected: 1, ConnectFailed: 1}, true},
		{"error", Report{Connected: 1, Errors: 1}, true},
		{"late", Report{Connected: 1, Late: 1}, true},
		{"unanswered", Report{Connected: 1, Unanswered: 1}, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := tt.r.Failed(); got != tt.want {
				t.Errorf("Failed = %v, want %v", got, tt.want)
			}
		})
	}
}

func TestCountCapsReasons(t *testing.T) {
	var m map[string]int
	for i := range maxReasons + 5 {
		m = count(m, fmt.Sprintf("reason %d", i))
	}
	m = count(m, "reason 0")
	if len(m) != maxReasons+1 || m[otherReason] != 5 || m["reason 0"] != 2 {
		t.Errorf("counted %d reasons, %d other, %d of reason 0; want %d, 5, 2", len(m), m[otherReason], m["reason 0"], maxReasons+1)
	}
}

func TestSetServer(t *testing.T) {
	p := &serverProbe{pid: 7,
		before: serverSample{proc: procSample{RSSKiB: 10000, CPU: time.Second}},
		ready:  serverSample{proc: procSample{RSSKiB: 30000, CPU: 2 * time.Second}},
		end:    serverSample{proc: procSample{RSSKiB: 30480, CPU: 5 * time.Second}}}
	var r Report
	r.setServer(p, 1000, 10*time.Second)
	want := ServerReport{RSSBeforeKiB: 10000, RSSReadyKiB: 30000, RSSEndKiB: 30480, KiBPerConnection: 20.48, CPUPercent: 30}
	if r.Server == nil || *r.Server != want {
		t.Errorf("server %+v, want %+v", r.Server, want)
	}
	p.procErr = errors.New("read status of pid 7: gone")
	r.setServer(p, 1000, 10*time.Second)
	if r.Server.Error == "" || r.Server.KiBPerConnection != 0 {
		t.Errorf("server %+v after a failed sample, want the error and no figure", r.Server)
	}
	var none Report
	none.setServer(&serverProbe{}, 1000, time.Second)
	if none.Server != nil {
		t.Errorf("server %+v without a pid, want none", none.Server)
	}
}

func TestSetMetrics(t *testing.T) {
	page := func(overBudget, goroutines, heap, stack float64) map[string]float64 {
		return map[string]float64{
			seriesTickP50: 0.0001, seriesTickP95: 0.0005, seriesTickP99: 0.0012, seriesTickMax: 0.003,
			seriesLatenessMax: 0.002, seriesOverBudget: overBudget, seriesGoroutines: goroutines,
			seriesHeapInuse: heap, seriesStackInuse: stack,
		}
	}
	p := &serverProbe{metricsURL: "http://127.0.0.1:1/metrics",
		before: serverSample{metrics: page(1, 30, 4<<20, 1<<20)},
		ready:  serverSample{metrics: page(3, 2030, 20<<20, 9<<20)},
		end:    serverSample{metrics: page(5, 2030, 20<<20, 9<<20)}}
	var r Report
	r.setMetrics(p, 1000)
	want := MetricsReport{TickP50Ms: 0.1, TickP95Ms: 0.5, TickP99Ms: 1.2, TickMaxMs: 3, TickLatenessMaxMs: 2,
		TicksOverBudget: 2, GoroutinesBefore: 30, GoroutinesEnd: 2030,
		HeapBeforeKiB: 4096, HeapEndKiB: 20480, StackBeforeKiB: 1024, StackEndKiB: 9216,
		HeapKiBPerConn: 16.384, StackKiBPerConn: 8.192, GoKiBPerConnection: 24.576}
	if r.Metrics == nil || *r.Metrics != want {
		t.Errorf("metrics %+v, want %+v", r.Metrics, want)
	}
	p.metricsErr = errors.New("scrape: refused")
	r.setMetrics(p, 1000)
	if *r.Metrics != (MetricsReport{Error: "scrape: refused"}) {
		t.Errorf("metrics %+v after a failed scrape, want the error only", r.Metrics)
	}
}

func TestWriteReport(t *testing.T) {
	r := Report{Addr: "127.0.0.1:4000", Bots: 2, Rate: "1s", Duration: "1m0s", Ramp: "10s", Timeout: "5s",
		Connected: 1, Created: 1, ConnectFailed: 1, ConnectFailures: map[string]int{"dial: refused": 1},
		Sent: 60, Answered: 60, RTT: Latency{Count: 60, P50: 0.25, P90: 0.5, P99: 1.5, Max: 2, Mean: 0.3},
		Server: &ServerReport{RSSBeforeKiB: 1, RSSReadyKiB: 2, RSSEndKiB: 3, KiBPerConnection: 2}}
	var text bytes.Buffer
	if err := writeText(&text, r); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"2 bots, look every 1s for 1m0s", "60 sent, 60 answered", "p99 1.500 ms", "2.0 KiB per connection", "1  dial: refused"} {
		if !strings.Contains(text.String(), want) {
			t.Errorf("text report lacks %q:\n%s", want, text.String())
		}
	}
	var js bytes.Buffer
	if err := writeJSON(&js, r); err != nil {
		t.Fatal(err)
	}
	var back Report
	if err := json.Unmarshal(js.Bytes(), &back); err != nil {
		t.Fatalf("decode: %v", err)
	}
	if fmt.Sprintf("%+v", back.RTT) != fmt.Sprintf("%+v", r.RTT) || *back.Server != *r.Server || back.Sent != 60 {
		t.Errorf("JSON round trip gives %+v, want %+v", back, r)
	}
}

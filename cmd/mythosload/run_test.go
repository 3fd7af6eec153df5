package main

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"log/slog"
	"net"
	"net/http"
	"net/http/httptest"
	"os"
	"strings"
	"testing"
	"time"
)

// Every test run: 3 bots, 5 looks each.
const (
	testBots  = 3
	testLooks = 5
	testRate  = 20 * time.Millisecond
)

// testConfig is a short run against addr.
func testConfig(addr string) config {
	return config{
		Addr: addr, Bots: testBots, Rate: testRate, Duration: testLooks * testRate,
		Ramp: 10 * time.Millisecond, Timeout: 5 * time.Second, LoginTimeout: 10 * time.Second,
		Prefix: "Bot", Password: botPassword, Seed: 1, Sources: 4,
	}
}

// runLoad runs cfg and returns the report.
func runLoad(t testing.TB, cfg config) Report {
	t.Helper()
	if err := cfg.validate(); err != nil {
		t.Fatalf("test config: %v", err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), cfg.deadline())
	defer cancel()
	return newRunner(cfg, slog.New(slog.NewTextHandler(io.Discard, nil))).run(ctx)
}

// wantCounts is what a test checks of a report.
type wantCounts struct {
	connected, created, loggedIn, connectFailed int
	sent, answered, unanswered, errors          int // answered counts late answers too
	failed                                      bool
}

func checkCounts(t testing.TB, r Report, w wantCounts) {
	t.Helper()
	got := wantCounts{
		connected: r.Connected, created: r.Created, loggedIn: r.LoggedIn, connectFailed: r.ConnectFailed,
		sent: r.Sent, answered: r.Answered + r.Late, unanswered: r.Unanswered, errors: r.Errors,
		failed: r.Failed(),
	}
	if got != w {
		t.Errorf("counts = %+v, want %+v\nreport: %+v", got, w, r)
	}
	if r.RTT.Count != r.Answered+r.Late {
		t.Errorf("%d round trips for %d answers", r.RTT.Count, r.Answered+r.Late)
	}
	if r.Stray != 0 {
		t.Errorf("%d stray answers, want 0", r.Stray)
	}
}

func TestRunCreatesThenLogsIn(t *testing.T) {
	f := startFake(t, nil)
	cfg := testConfig(f.addr())
	all := testBots * testLooks
	checkCounts(t, runLoad(t, cfg), wantCounts{connected: testBots, created: testBots, sent: all, answered: all})
	checkCounts(t, runLoad(t, cfg), wantCounts{connected: testBots, loggedIn: testBots, sent: all, answered: all})
	created, logins, looks := f.counts()
	if created != testBots || logins != testBots || looks != 2*all {
		t.Errorf("server saw %d created, %d logins, %d looks; want %d, %d, %d", created, logins, looks, testBots, testBots, 2*all)
	}
}

func TestRunFailures(t *testing.T) {
	all := testBots * testLooks
	tests := []struct {
		name  string
		setup func(*fakeMUD)
		cfg   func(*config)
		want  wantCounts
		why   string // a failure reason the report gives
	}{
		{
			name:  "server stops answering",
			setup: func(f *fakeMUD) { f.stallAfter = 2 },
			cfg:   func(c *config) { c.Timeout = 50 * time.Millisecond },
			want:  wantCounts{connected: testBots, created: testBots, sent: all, answered: 2 * testBots, unanswered: all - 2*testBots, failed: true},
		},
		{
			name:  "idle bots send nothing",
			setup: nil,
			cfg:   func(c *config) { c.Idle = true },
			want:  wantCounts{connected: testBots, created: testBots},
		},
		{
			name:  "wrong password",
			setup: func(f *fakeMUD) { f.accounts["Botaaab"] = "another-password" },
			want:  wantCounts{connected: testBots - 1, created: testBots - 1, connectFailed: 1, sent: all - testLooks, answered: all - testLooks, failed: true},
			why:   "wrong password",
		},
		{
			name:  "server never prompts",
			setup: func(f *fakeMUD) { f.silent = true },
			cfg:   func(c *config) { c.LoginTimeout = 50 * time.Millisecond },
			want:  wantCounts{connectFailed: testBots, failed: true},
			why:   errLoginTimeout.Error(),
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := startFake(t, tt.setup)
			cfg := testConfig(f.addr())
			if tt.cfg != nil {
				tt.cfg(&cfg)
			}
			r := runLoad(t, cfg)
			checkCounts(t, r, tt.want)
			if tt.why != "" && !hasReason(r.ConnectFailures, tt.why) {
				t.Errorf("connect failures %v, want one with %q", r.ConnectFailures, tt.why)
			}
		})
	}
}

// TestRunServerHangsUp: the server ends every connection after two
// answers; each bot reports the error and what it sent is accounted for.
func TestRunServerHangsUp(t *testing.T) {
	f := startFake(t, func(f *fakeMUD) { f.hangAfter = 2 })
	r := runLoad(t, testConfig(f.addr()))
	if r.Errors != testBots || r.Answered+r.Late != 2*testBots || r.Unanswered != r.Sent-2*testBots {
		t.Errorf("errors %d, answered %d, unanswered %d of %d sent; want %d errors, %d answered, the rest unanswered",
			r.Errors, r.Answered+r.Late, r.Unanswered, r.Sent, testBots, 2*testBots)
	}
	if !hasReason(r.ErrorKinds, "EOF") {
		t.Errorf("error kinds %v, want a read EOF", r.ErrorKinds)
	}
}

func TestRunNothingListening(t *testing.T) {
	r := runLoad(t, testConfig(closedAddr(t)))
	checkCounts(t, r, wantCounts{connectFailed: testBots, failed: true})
	if !hasReason(r.ConnectFailures, "refused") {
		t.Errorf("connect failures %v, want connection refused", r.ConnectFailures)
	}
}

// TestRunSamplesServer samples this very process, which runs the fake
// server, and a metrics page.
func TestRunSamplesServer(t *testing.T) {
	f := startFake(t, nil)
	page := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) {
		_, _ = w.Write([]byte(metricsPage))
	}))
	t.Cleanup(page.Close)
	cfg := testConfig(f.addr())
	cfg.ServerPID = os.Getpid()
	cfg.MetricsURL = page.URL + "/metrics"
	r := runLoad(t, cfg)
	s := r.Server
	if s == nil || s.Error != "" || s.RSSBeforeKiB <= 0 || s.RSSReadyKiB <= 0 || s.RSSEndKiB <= 0 {
		t.Errorf("server report %+v, want three RSS samples", s)
	}
	if m := r.Metrics; m == nil || m.Error != "" || m.GoroutinesEnd != 36 || m.TickP99Ms != 0.004 {
		t.Errorf("metrics report %+v, want the page's figures", m)
	}
	cfg.ServerPID = 1 << 30 // no such process
	cfg.MetricsURL = closedURL(t)
	r = runLoad(t, cfg)
	if r.Server == nil || r.Server.Error == "" || r.Metrics == nil || r.Metrics.Error == "" {
		t.Errorf("server %+v, metrics %+v for a missing pid and page, want errors", r.Server, r.Metrics)
	}
}

// closedURL is a loopback URL where nothing listens.
func closedURL(t testing.TB) string {
	t.Helper()
	return "http://" + closedAddr(t) + "/metrics"
}

func TestMainRun(t *testing.T) {
	f := startFake(t, nil)
	args := []string{"-addr", f.addr(), "-bots", "2", "-rate", "20ms", "-duration", "60ms", "-ramp", "0s", "-json", "-timeline"}
	var stdout, stderr bytes.Buffer
	if code := run(args, &stdout, &stderr); code != 0 {
		t.Fatalf("exit %d, stderr:\n%s", code, stderr.String())
	}
	var r Report
	if err := json.Unmarshal(stdout.Bytes(), &r); err != nil {
		t.Fatalf("decode report: %v\n%s", err, stdout.String())
	}
	if r.Connected != 2 || r.Sent != 6 || r.Answered+r.Late != 6 || r.RTT.Count != 6 {
		t.Errorf("report %+v, want 2 bots, 6 looks sent and answered", r)
	}
	inWindows := 0
	for _, w := range r.Timeline {
		inWindows += w.Count
	}
	if inWindows != 6 {
		t.Errorf("timeline %+v holds %d answers, want 6", r.Timeline, inWindows)
	}
	if !strings.Contains(stderr.String(), "component=mythosload") {
		t.Errorf("progress log %q, want the component", stderr.String())
	}
}

func TestMainExitStatus(t *testing.T) {
	tests := []struct {
		name string
		args []string
		code int
	}{
		{"help", []string{"-h"}, 0},
		{"bad flag", []string{"-bots", "0"}, 2},
		{"stray argument", []string{"now"}, 2},
		{"remote address", []string{"-addr", "192.0.2.1:4000"}, 2},
		{"nothing listening", []string{"-addr", closedAddr(t), "-bots", "1", "-duration", "1s", "-ramp", "0s"}, 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var stdout, stderr bytes.Buffer
			if code := run(tt.args, &stdout, &stderr); code != tt.code {
				t.Errorf("exit %d, want %d; stderr:\n%s", code, tt.code, stderr.String())
			}
		})
	}
}

// closedAddr is a loopback address where nothing listens.
func closedAddr(t testing.TB) string {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := ln.Addr().String()
	_ = ln.Close()
	return addr
}

// hasReason reports whether a counted reason contains part.
func hasReason(m map[string]int, part string) bool {
	for k := range m {
		if strings.Contains(k, part) {
			return true
		}
	}
	return false
}

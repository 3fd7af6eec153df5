package main

import (
	"context"
	"log/slog"
	"net/http"
)

// serverSample is what the probe read of the server at one moment.
type serverSample struct {
	proc    procSample
	metrics map[string]float64
}

// serverProbe samples the server, from /proc when its pid was given and
// from its /metrics page when that URL was given, at three moments of a
// run: before the first connect, when every bot is in the world, and at
// the end of the measured phase (before the bots hang up).
type serverProbe struct {
	pid        int
	metricsURL string
	client     *http.Client
	log        *slog.Logger

	before, ready, end serverSample
	procErr            error // the first failed /proc sample
	metricsErr         error // the first failed scrape
}

// newServerProbe returns a probe; a pid of 0 and an empty URL sample
// nothing.
func newServerProbe(pid int, metricsURL string, logger *slog.Logger) *serverProbe {
	return &serverProbe{pid: pid, metricsURL: metricsURL, client: &http.Client{}, log: logger}
}

// sample reads what it can into s. After a failure of a source it stops
// reading that source, so a run's figures never mix moments.
func (p *serverProbe) sample(ctx context.Context, s *serverSample) {
	if p.pid > 0 && p.procErr == nil {
		got, err := sampleProc(p.pid)
		if err != nil {
			p.procErr = err
			p.log.Warn("sample server process", "pid", p.pid, "err", err)
		}
		s.proc = got
	}
	if p.metricsURL != "" && p.metricsErr == nil {
		got, err := scrapeMetrics(ctx, p.client, p.metricsURL)
		if err != nil {
			p.metricsErr = err
			p.log.Warn("scrape server metrics", "url", p.metricsURL, "err", err)
		}
		s.metrics = got
	}
}

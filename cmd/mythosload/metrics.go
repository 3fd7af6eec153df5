package main

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"strconv"
	"strings"
	"time"
)

// The series of mythosd's /metrics that a run reads, as the Prometheus
// text format writes them (labels sorted by name). The tick quantiles
// cover the last minute: read at the end of a 60 s measured phase, they
// are the ticks of that phase.
const (
	seriesTickP50      = `mythosd_tick_duration_seconds{quantile="0.5",window="1m"}`
	seriesTickP95      = `mythosd_tick_duration_seconds{quantile="0.95",window="1m"}`
	seriesTickP99      = `mythosd_tick_duration_seconds{quantile="0.99",window="1m"}`
	seriesTickMax      = `mythosd_tick_duration_seconds{quantile="1",window="1m"}`
	seriesOverBudget   = "mythosd_ticks_over_budget_total"
	seriesLatenessMax  = "mythosd_tick_lateness_max_seconds"
	seriesGoroutines   = "go_goroutines"
	seriesHeapInuse    = "go_memstats_heap_inuse_bytes"
	seriesStackInuse   = "go_memstats_stack_inuse_bytes"
	scrapeTimeout      = 5 * time.Second
	maxMetricsBodySize = 4 << 20
)

// wantedSeries lists the series a scrape keeps.
func wantedSeries() []string {
	return []string{seriesTickP50, seriesTickP95, seriesTickP99, seriesTickMax, seriesOverBudget,
		seriesLatenessMax, seriesGoroutines, seriesHeapInuse, seriesStackInuse}
}

// errMetricsFormat reports a /metrics page this tool cannot read.
var errMetricsFormat = errors.New("unexpected metrics format")

// scrapeMetrics fetches url and returns the wanted series found there.
func scrapeMetrics(ctx context.Context, client *http.Client, url string) (map[string]float64, error) {
	ctx, cancel := context.WithTimeout(ctx, scrapeTimeout)
	defer cancel()
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, url, nil)
	if err != nil {
		return nil, fmt.Errorf("scrape %s: %w", url, err)
	}
	resp, err := client.Do(req)
	if err != nil {
		return nil, fmt.Errorf("scrape %s: %w", url, err)
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return nil, fmt.Errorf("scrape %s: status %s", url, resp.Status)
	}
	got, err := parseMetrics(io.LimitReader(resp.Body, maxMetricsBodySize), wantedSeries())
	if err != nil {
		return nil, fmt.Errorf("scrape %s: %w", url, err)
	}
	return got, nil
}

// parseMetrics reads the Prometheus text format and returns the values of
// the series named in want (name and labels exactly as written).
func parseMetrics(r io.Reader, want []string) (map[string]float64, error) {
	wanted := make(map[string]bool, len(want))
	for _, w := range want {
		wanted[w] = true
	}
	got := make(map[string]float64)
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 64<<10), 1<<20)
	for sc.Scan() {
		series, value, ok := splitSample(sc.Text())
		if !ok || !wanted[series] {
			continue
		}
		v, err := strconv.ParseFloat(value, 64)
		if err != nil {
			return nil, fmt.Errorf("%w: %s has value %q", errMetricsFormat, series, value)
		}
		got[series] = v
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("read metrics: %w", err)
	}
	return got, nil
}

// splitSample splits a sample line into its series (name and labels) and
// its value; comments and blank lines are no samples. Label values may
// hold spaces, so the series ends at the last "}" when there are labels.
func splitSample(line string) (series, value string, ok bool) {
	line = strings.TrimSpace(line)
	if line == "" || line[0] == '#' {
		return "", "", false
	}
	end := strings.IndexAny(line, " {")
	if end < 0 {
		return "", "", false
	}
	if line[end] == '{' {
		end = strings.LastIndexByte(line, '}') + 1
		if end == 0 {
			return "", "", false
		}
	}
	fields := strings.Fields(line[end:])
	if len(fields) == 0 {
		return "", "", false
	}
	return line[:end], fields[0], true
}

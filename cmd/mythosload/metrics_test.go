package main

import (
	"context"
	"errors"
	"maps"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
)

// metricsPage is a /metrics page as mythosd serves it, trimmed.
const metricsPage = `# HELP go_goroutines Number of goroutines that currently exist.
# TYPE go_goroutines gauge
go_goroutines 36
go_memstats_heap_inuse_bytes 3.776512e+06
go_memstats_stack_inuse_bytes 622592
mythosd_connections{listener="telnet main"} 2
mythosd_tick_duration_seconds{quantile="0.5",window="10ticks"} 5.92e-07
mythosd_tick_duration_seconds{quantile="0.99",window="1m"} 4.348e-06
mythosd_tick_duration_seconds{quantile="1",window="1m"} 4.348e-06
mythosd_ticks_over_budget_total 0
`

func TestParseMetrics(t *testing.T) {
	tests := []struct {
		name string
		page string
		want map[string]float64
		err  bool
	}{
		{"mythosd page", metricsPage, map[string]float64{
			seriesGoroutines: 36, seriesHeapInuse: 3776512, seriesStackInuse: 622592,
			seriesTickP99: 4.348e-06, seriesTickMax: 4.348e-06, seriesOverBudget: 0,
			`mythosd_connections{listener="telnet main"}`: 2}, false},
		{"label with spaces, timestamp", "mythosd_connections{listener=\"telnet main\"} 2 1700000000000\n",
			map[string]float64{`mythosd_connections{listener="telnet main"}`: 2}, false},
		{"empty page", "", map[string]float64{}, false},
		{"broken lines skipped", "go_goroutines\n{\nmythosd_x{a=\"b\" 3\n", map[string]float64{}, false},
		{"bad value", "go_goroutines many\n", nil, true},
	}
	want := append(wantedSeries(), `mythosd_connections{listener="telnet main"}`)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := parseMetrics(strings.NewReader(tt.page), want)
			if (err != nil) != tt.err || (err == nil && !maps.Equal(got, tt.want)) {
				t.Errorf("parseMetrics = %v, %v; want %v, error %v", got, err, tt.want, tt.err)
			}
			if err != nil && !errors.Is(err, errMetricsFormat) {
				t.Errorf("error %v is not errMetricsFormat", err)
			}
		})
	}
}

func TestScrapeMetrics(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path != "/metrics" {
			http.NotFound(w, r)
			return
		}
		_, _ = w.Write([]byte(metricsPage))
	}))
	t.Cleanup(srv.Close)
	got, err := scrapeMetrics(context.Background(), srv.Client(), srv.URL+"/metrics")
	if err != nil || got[seriesGoroutines] != 36 || got[seriesTickP99] != 4.348e-06 {
		t.Errorf("scrape = %v, %v; want the page's figures", got, err)
	}
	if _, err := scrapeMetrics(context.Background(), srv.Client(), srv.URL+"/nothing"); err == nil || !strings.Contains(err.Error(), "404") {
		t.Errorf("scrape of a missing page: %v, want a 404 error", err)
	}
}

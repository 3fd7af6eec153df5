package main

import (
	"io"
	"net/http"
	"testing"
	"time"

	dto "github.com/prometheus/client_model/go"
	"github.com/prometheus/common/expfmt"
	"github.com/prometheus/common/model"
)

// scrape fetches /metrics and parses it as Prometheus does.
func scrape(t testing.TB, addr string) map[string]*dto.MetricFamily {
	t.Helper()
	client := &http.Client{Timeout: waitLimit}
	resp, err := client.Get("http://" + addr + metricsPath)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		t.Fatalf("GET %s: %s", metricsPath, resp.Status)
	}
	parser := expfmt.NewTextParser(model.UTF8Validation)
	families, err := parser.TextToMetricFamilies(resp.Body)
	if err != nil {
		t.Fatalf("parse the scrape: %v", err)
	}
	return families
}

// metricValue is the value of the family's series whose labels include want,
// and whether there is one.
func metricValue(f *dto.MetricFamily, want map[string]string) (float64, bool) {
	if f == nil {
		return 0, false
	}
	for _, m := range f.GetMetric() {
		if !hasLabels(m, want) {
			continue
		}
		switch {
		case m.Counter != nil:
			return m.GetCounter().GetValue(), true
		case m.Gauge != nil:
			return m.GetGauge().GetValue(), true
		case m.Untyped != nil:
			return m.GetUntyped().GetValue(), true
		}
	}
	return 0, false
}

func hasLabels(m *dto.Metric, want map[string]string) bool {
	found := 0
	for _, l := range m.GetLabel() {
		if v, ok := want[l.GetName()]; ok && v == l.GetValue() {
			found++
		}
	}
	return found == len(want)
}

// TestMetricsScrape starts the real server with a telnet player and
// checks that a scrape parses and holds the tick, cache, store, session
// and connection figures.
func TestMetricsScrape(t *testing.T) {
	cfg := testConfig(t.TempDir())
	cfg.MetricsAddr = "127.0.0.1:0"
	srv := startServer(t, cfg)
	player := dial(t, srv.addr("telnet"))
	player.createCharacter("Henry", "armitage1")
	player.do("look", "Exits:")

	var families map[string]*dto.MetricFamily
	deadline := time.Now().Add(waitLimit)
	for {
		families = scrape(t, srv.addr("metrics"))
		// A snapshot taken between the player's arrival and the load of
		// the room shows the session but no room yet: wait for both.
		sessions, _ := metricValue(families["mythosd_sessions"], nil)
		ticks, _ := metricValue(families["mythosd_ticks_total"], nil)
		rooms, _ := metricValue(families["mythosd_room_cache_rooms"], nil)
		if sessions == 1 && ticks > 0 && rooms > 0 {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("the scrape never showed the player, its room and ticks: sessions %v, rooms %v, ticks %v",
				sessions, rooms, ticks)
		}
		time.Sleep(50 * time.Millisecond)
	}
	tests := []struct {
		family  string
		kind    dto.MetricType
		labels  map[string]string
		atLeast float64
	}{
		{"mythosd_ticks_total", dto.MetricType_COUNTER, nil, 1},
		{"mythosd_tick_duration_seconds", dto.MetricType_GAUGE, map[string]string{"window": "1m", "quantile": "0.99"}, 0},
		{"mythosd_tick_duration_seconds", dto.MetricType_GAUGE, map[string]string{"window": "10ticks", "quantile": "1"}, 0},
		{"mythosd_tick_interval_seconds", dto.MetricType_GAUGE, nil, 0.02},
		{"mythosd_flux_passes_total", dto.MetricType_COUNTER, nil, 0},
		{"mythosd_room_cache_rooms", dto.MetricType_GAUGE, nil, 1},
		{"mythosd_room_cache_hits_total", dto.MetricType_COUNTER, nil, 0},
		{"mythosd_room_cache_misses_total", dto.MetricType_COUNTER, nil, 1},
		{"mythosd_room_cache_loads_total", dto.MetricType_COUNTER, nil, 1},
		{"mythosd_store_queue_depth", dto.MetricType_GAUGE, nil, 0},
		{"mythosd_store_commits_total", dto.MetricType_COUNTER, nil, 0},
		{"mythosd_store_rows_written_total", dto.MetricType_COUNTER, nil, 0},
		{"mythosd_store_last_commit_seconds", dto.MetricType_GAUGE, nil, 0},
		{"mythosd_sessions", dto.MetricType_GAUGE, nil, 1},
		{"mythosd_sessions_by_transport", dto.MetricType_GAUGE, map[string]string{"transport": "telnet"}, 1},
		{"mythosd_sessions_by_tier", dto.MetricType_GAUGE, map[string]string{"tier": "lucid"}, 1},
		{"mythosd_connections", dto.MetricType_GAUGE, map[string]string{"listener": "telnet"}, 1},
		{"mythosd_connections_total", dto.MetricType_COUNTER, map[string]string{"listener": "telnet"}, 1},
		{"go_goroutines", dto.MetricType_GAUGE, nil, 1},
	}
	for _, tt := range tests {
		f := families[tt.family]
		v, ok := metricValue(f, tt.labels)
		switch {
		case !ok:
			t.Errorf("%s%v missing", tt.family, tt.labels)
		case f.GetType() != tt.kind:
			t.Errorf("%s is a %v, want %v", tt.family, f.GetType(), tt.kind)
		case v < tt.atLeast:
			t.Errorf("%s%v = %v, want at least %v", tt.family, tt.labels, v, tt.atLeast)
		}
	}
}

// TestMetricsOnlyServesMetrics checks that other paths are not found.
func TestMetricsOnlyServesMetrics(t *testing.T) {
	cfg := testConfig(t.TempDir())
	cfg.MetricsAddr = "127.0.0.1:0"
	srv := startServer(t, cfg)
	resp, err := (&http.Client{Timeout: waitLimit}).Get("http://" + srv.addr("metrics") + "/admin")
	if err != nil {
		t.Fatal(err)
	}
	io.Copy(io.Discard, resp.Body)
	resp.Body.Close()
	if resp.StatusCode != http.StatusNotFound {
		t.Errorf("GET /admin: %s, want 404", resp.Status)
	}
}

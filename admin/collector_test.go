package admin

import (
	"strings"
	"testing"

	"github.com/prometheus/client_golang/prometheus"
	dto "github.com/prometheus/client_model/go"

	"mythosd/world"
	"mythosd/world/netcore"
)

// TestCollector gathers the sample snapshot and checks each family's value.
func TestCollector(t *testing.T) {
	reg := prometheus.NewPedanticRegistry()
	telnet := func() netcore.Stats {
		st := netcore.Stats{Open: 4, LoggingIn: 1, Accepted: 40}
		st.Refused[netcore.ReasonPerAddr] = 2
		st.Ended[netcore.CauseSlowClient] = 3
		return st
	}
	if err := reg.Register(NewCollector(&source{snap: snapshot()}, map[string]func() netcore.Stats{"telnet": telnet})); err != nil {
		t.Fatal(err)
	}
	families, err := reg.Gather()
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]float64{}
	for _, f := range families {
		for _, m := range f.GetMetric() {
			got[f.GetName()+labels(m)] = value(m)
		}
	}
	want := map[string]float64{
		"mythosd_ticks_total":                                                   12345,
		"mythosd_ticks_over_budget_total":                                       6,
		"mythosd_tick_interval_seconds":                                         0.1,
		"mythosd_tick_last_duration_seconds":                                    0.000655,
		"mythosd_tick_duration_seconds{quantile=0.99,window=1m}":                0.00275,
		"mythosd_tick_duration_seconds{quantile=1,window=10ticks}":              0.000731,
		"mythosd_tick_lateness_max_seconds":                                     0.0095,
		"mythosd_flux_passes_total":                                             77,
		"mythosd_flux_characters":                                               3,
		"mythosd_room_cache_rooms":                                              29,
		"mythosd_room_cache_hits_total":                                         4321,
		"mythosd_room_cache_misses_total":                                       87,
		"mythosd_room_cache_loads_in_flight":                                    3,
		"mythosd_room_cache_load_seconds_avg":                                   0.00125,
		"mythosd_store_queue_depth":                                             7,
		"mythosd_store_commits_total":                                           1500,
		"mythosd_store_rows_written_total":                                      6000,
		"mythosd_store_errors_total":                                            1,
		"mythosd_store_last_commit_seconds":                                     0.0034,
		"mythosd_store_failing":                                                 0,
		"mythosd_bans":                                                          0,
		"mythosd_sessions":                                                      3,
		"mythosd_sessions_by_transport{transport=telnet}":                       1,
		"mythosd_sessions_by_transport{transport=ssh}":                          1,
		"mythosd_sessions_by_tier{tier=deranged}":                               1,
		"mythosd_connections{listener=telnet}":                                  4,
		"mythosd_connections_total{listener=telnet}":                            40,
		"mythosd_connections_logging_in{listener=telnet}":                       1,
		"mythosd_connections_refused_total{listener=telnet,reason=per_address}": 2,
		"mythosd_connections_refused_total{listener=telnet,reason=full}":        0,
		"mythosd_connections_ended_total{cause=slow_client,listener=telnet}":    3,
		"mythosd_tick_duration_seconds{quantile=0.5,window=1m}":                 0.000812,
		"mythosd_room_cache_hit_ratio":                                          4321.0 / (4321 + 87),
		"mythosd_flux_last_duration_seconds":                                    0.000042,
		"mythosd_tick_lateness_seconds":                                         0.00012,
		"mythosd_room_cache_expirations_total":                                  11,
		"mythosd_sessions_by_transport{transport=telnet+tls}":                   1,
		"mythosd_tick_duration_seconds{quantile=0.95,window=10ticks}":           0.0007,
		"mythosd_room_cache_load_errors_total":                                  2,
		"mythosd_flux_changed_characters":                                       2,
		"mythosd_room_cache_loads_total":                                        90,
		"mythosd_tick_duration_seconds{quantile=0.5,window=10ticks}":            0.00064,
		"mythosd_tick_duration_seconds{quantile=1,window=1m}":                   0.0041,
		"mythosd_tick_duration_seconds{quantile=0.95,window=1m}":                0.0019,
		"mythosd_tick_duration_seconds{quantile=0.99,window=10ticks}":           0.000705,
		"mythosd_sessions_by_tier{tier=lucid}":                                  1,
		"mythosd_sessions_by_tier{tier=uneasy}":                                 1,
		"mythosd_npc_population":                                                412,
		"mythosd_npc_events_due":                                                5,
		"mythosd_npc_work_seconds":                                              0.000031,
		"mythosd_npc_events_scheduled":                                          530,
		"mythosd_npc_fights":                                                    3,
	}
	for name, w := range want {
		v, ok := got[name]
		if !ok {
			t.Errorf("%s missing", name)
			continue
		}
		if diff := v - w; diff > 1e-12 || diff < -1e-12 {
			t.Errorf("%s = %v, want %v", name, v, w)
		}
	}
	// Besides those listed: the other refusal reasons and end causes, at 0.
	unlisted := len(netcore.Reasons()) - 2 + len(netcore.Causes()) - 2
	if len(got) != len(want)+unlisted {
		t.Errorf("gathered %d series, want %d", len(got), len(want)+unlisted)
	}
}

// TestCollectorBus checks the chat bus's figures, present only when chat
// goes over NATS.
func TestCollectorBus(t *testing.T) {
	s := snapshot()
	s.Bus = world.BusStats{Node: "n1", Connected: true, In: 10, Out: 20, Dropped: 1, Reconnects: 4}
	reg := prometheus.NewPedanticRegistry()
	reg.MustRegister(NewCollector(&source{snap: s}, nil))
	families, err := reg.Gather()
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]float64{}
	for _, f := range families {
		for _, m := range f.GetMetric() {
			got[f.GetName()] = value(m)
		}
	}
	want := map[string]float64{"mythosd_bus_connected": 1, "mythosd_bus_messages_in_total": 10,
		"mythosd_bus_messages_out_total": 20, "mythosd_bus_messages_dropped_total": 1, "mythosd_bus_reconnects_total": 4}
	for name, w := range want {
		if got[name] != w {
			t.Errorf("%s = %v, want %v", name, got[name], w)
		}
	}
}

// TestCollectorBeforeFirstSnapshot checks that a scrape before the world
// published anything gathers zeros, not an error.
func TestCollectorBeforeFirstSnapshot(t *testing.T) {
	reg := prometheus.NewPedanticRegistry()
	reg.MustRegister(NewCollector(&source{}, nil))
	if _, err := reg.Gather(); err != nil {
		t.Fatal(err)
	}
}

// labels writes a metric's labels as {a=x,b=y}, sorted as gathered.
func labels(m *dto.Metric) string {
	if len(m.GetLabel()) == 0 {
		return ""
	}
	var parts []string
	for _, l := range m.GetLabel() {
		parts = append(parts, l.GetName()+"="+l.GetValue())
	}
	return "{" + strings.Join(parts, ",") + "}"
}

func value(m *dto.Metric) float64 {
	switch {
	case m.Gauge != nil:
		return m.GetGauge().GetValue()
	case m.Counter != nil:
		return m.GetCounter().GetValue()
	}
	return -1
}

package main

import (
	"testing"
	"time"
)

func TestTimeline(t *testing.T) {
	t0 := time.Unix(100, 0)
	bot := func(sent []time.Duration, rtts ...time.Duration) botResult {
		m := lookMatcher{timeout: time.Second}
		for i, d := range sent {
			m.send(t0.Add(d))
			m.line([]byte("Exits: up."))
			m.prompt([]byte("> "), t0.Add(d+rtts[i]))
		}
		return botResult{match: m}
	}
	ms := time.Millisecond
	results := []botResult{
		bot([]time.Duration{0, time.Second, 3 * time.Second}, 1*ms, 2*ms, 3*ms),
		bot([]time.Duration{500 * ms, 1500 * ms}, 4*ms, 8*ms),
		{connectErr: errLoginTimeout},
	}
	got := timeline(results, t0, time.Second)
	want := []Window{
		{0, Latency{Count: 2, P50: 1, P90: 4, P99: 4, Max: 4, Mean: 2.5}},
		{1, Latency{Count: 2, P50: 2, P90: 8, P99: 8, Max: 8, Mean: 5}},
		{2, Latency{}},
		{3, Latency{Count: 1, P50: 3, P90: 3, P99: 3, Max: 3, Mean: 3}},
	}
	if len(got) != len(want) {
		t.Fatalf("timeline %+v, want %+v", got, want)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("window %d = %+v, want %+v", i, got[i], want[i])
		}
	}
	if got := timeline(nil, t0, time.Second); len(got) != 0 {
		t.Errorf("timeline of nothing = %+v, want empty", got)
	}
}

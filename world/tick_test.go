package world

import (
	"testing"
	"time"
)

func TestTickRecorderStats(t *testing.T) {
	r := NewTickRecorder()
	if s := r.Stats(10); s.Count != 0 || s.Window != 0 {
		t.Fatalf("empty recorder: %+v", s)
	}
	for i := 1; i <= 100; i++ {
		r.record(time.Duration(i)*time.Millisecond, time.Duration(i)*time.Microsecond, 50*time.Millisecond)
	}
	tests := []struct {
		n                   int
		last, p50, p99, max time.Duration
		window              int
	}{
		{100, 100 * time.Millisecond, 50 * time.Millisecond, 99 * time.Millisecond, 100 * time.Millisecond, 100},
		{10, 100 * time.Millisecond, 95 * time.Millisecond, 100 * time.Millisecond, 100 * time.Millisecond, 10},
		{1000, 100 * time.Millisecond, 50 * time.Millisecond, 99 * time.Millisecond, 100 * time.Millisecond, 100},
	}
	for _, tt := range tests {
		s := r.Stats(tt.n)
		if s.Last != tt.last || s.P50 != tt.p50 || s.P99 != tt.p99 || s.Max != tt.max || s.Window != tt.window {
			t.Errorf("Stats(%d) = %+v", tt.n, s)
		}
	}
	if s := r.Stats(100); s.OverBudget != 50 || s.Count != 100 || s.MaxLate != 100*time.Microsecond {
		t.Errorf("over budget %d, count %d, max late %v", s.OverBudget, s.Count, s.MaxLate)
	}
}

func TestTickRecorderRecent(t *testing.T) {
	r := NewTickRecorder()
	if got := r.Recent(5); len(got) != 0 {
		t.Fatalf("empty recorder: %v", got)
	}
	for i := 1; i <= tickWindow+3; i++ {
		r.record(time.Duration(i), 0, time.Hour)
	}
	got := r.Recent(3)
	want := []time.Duration{tickWindow + 1, tickWindow + 2, tickWindow + 3}
	if len(got) != 3 || got[0] != want[0] || got[2] != want[2] {
		t.Errorf("Recent(3) = %v, want %v", got, want)
	}
	if n := len(r.Recent(10 * tickWindow)); n != tickWindow {
		t.Errorf("Recent beyond the window gave %d durations, want %d", n, tickWindow)
	}
}

func TestTickRecorderWrapsAround(t *testing.T) {
	r := NewTickRecorder()
	for i := range tickWindow + 5 {
		r.record(time.Duration(i), 0, time.Hour)
	}
	s := r.Stats(tickWindow)
	if s.Last != tickWindow+4 || s.Max != tickWindow+4 || s.Window != tickWindow {
		t.Errorf("after wrap: %+v", s)
	}
}

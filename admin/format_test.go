package admin

import (
	"strings"
	"testing"
	"time"

	"github.com/charmbracelet/lipgloss"
)

func TestDur(t *testing.T) {
	tests := []struct {
		d    time.Duration
		want string
	}{
		{0, "0"}, {-time.Second, "0"}, {850, "850ns"}, {12300, "12.3µs"}, {1250 * time.Microsecond, "1.25ms"},
		{123 * time.Millisecond, "123ms"}, {2500 * time.Millisecond, "2.50s"}, {200 * time.Second, "3m20s"},
	}
	for _, tt := range tests {
		if got := dur(tt.d); got != tt.want {
			t.Errorf("dur(%v) = %q, want %q", tt.d, got, tt.want)
		}
	}
}

func TestCount(t *testing.T) {
	tests := []struct {
		n    int64
		want string
	}{{0, "0"}, {999, "999"}, {1000, "1,000"}, {1234567, "1,234,567"}, {-4321, "-4,321"}}
	for _, tt := range tests {
		if got := count(tt.n); got != tt.want {
			t.Errorf("count(%d) = %q, want %q", tt.n, got, tt.want)
		}
	}
}

func TestIdle(t *testing.T) {
	tests := []struct {
		d    time.Duration
		want string
	}{{0, "0s"}, {59 * time.Second, "59s"}, {61 * time.Second, "1m"}, {3*time.Hour + 5*time.Minute, "3h05m"}}
	for _, tt := range tests {
		if got := idle(tt.d); got != tt.want {
			t.Errorf("idle(%v) = %q, want %q", tt.d, got, tt.want)
		}
	}
}

func TestFit(t *testing.T) {
	tests := []struct {
		s     string
		width int
		want  string
	}{
		{"abc", 5, "abc  "}, {"abcdef", 4, "abc…"}, {"ärger", 3, "är…"}, {"x", 0, ""}, {"abc", 3, "abc"},
	}
	for _, tt := range tests {
		got := fit(tt.s, tt.width)
		if got != tt.want || lipgloss.Width(got) != tt.width {
			t.Errorf("fit(%q, %d) = %q, want %q", tt.s, tt.width, got, tt.want)
		}
	}
}

func TestBarChart(t *testing.T) {
	points := []time.Duration{0, time.Millisecond, 2 * time.Millisecond, 4 * time.Millisecond}
	got, peak := barChart(points, 6, 2)
	if peak != 4*time.Millisecond {
		t.Errorf("peak %v, want 4ms", peak)
	}
	if len(got) != 2 {
		t.Fatalf("%d rows, want 2", len(got))
	}
	for i, row := range got {
		if n := len([]rune(row)); n != 6 {
			t.Errorf("row %d is %d wide: %q", i, n, row)
		}
	}
	if !strings.HasSuffix(got[1], "█") || !strings.HasSuffix(got[0], "█") {
		t.Errorf("the peak does not reach the top: %q", got)
	}
	if !strings.HasPrefix(got[1], "  ▁") {
		t.Errorf("missing points are not blank or zero is not the lowest bar: %q", got)
	}
}

func TestRates(t *testing.T) {
	var h history
	s := snapshot()
	for i := range 20 {
		s2 := *s
		s2.At = epoch.Add(time.Duration(i) * 500 * time.Millisecond)
		setStore(&s2, uint64(100+4*i), uint64(1000+10*i)) // 8 commits/s, 20 rows/s
		h.add(&s2)
		h.add(&s2) // the same snapshot twice counts once
	}
	commits, rows := h.rates()
	if commits != 8 || rows != 20 {
		t.Errorf("rates %v commits/s, %v rows/s; want 8 and 20", commits, rows)
	}
	if n := len(h.samples); n > int(rateWindow/(500*time.Millisecond))+2 {
		t.Errorf("history keeps %d samples", n)
	}
}

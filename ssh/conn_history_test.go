package ssh

import (
	"strings"
	"testing"
)

func TestHistoryBounds(t *testing.T) {
	long := strings.Repeat("x", historyBytes/2)
	tests := []struct {
		name string
		add  []string
		want []string // most recent first
	}{
		{"keeps lines", []string{"look", "north"}, []string{"north", "look"}},
		{"skips empty and repeated lines", []string{"look", "", "look", "north", "north"}, []string{"north", "look"}},
		{"drops a line longer than the budget", []string{"look", strings.Repeat("y", historyBytes+1)}, []string{"look"}},
		{"drops the oldest past the byte budget", []string{"look", long, "north", long + "!"}, []string{long + "!", "north"}},
		{"keeps at most historyEntries lines", numbered(historyEntries + 5), numberedRecentFirst(historyEntries+5, historyEntries)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			h := &history{}
			for _, line := range tt.add {
				h.Add(line)
			}
			if h.Len() != len(tt.want) {
				t.Fatalf("Len = %d, want %d", h.Len(), len(tt.want))
			}
			bytes := 0
			for i, want := range tt.want {
				if got := h.At(i); got != want {
					t.Errorf("At(%d) = %.20q, want %.20q", i, got, want)
				}
				bytes += len(want)
			}
			if bytes > historyBytes {
				t.Errorf("history holds %d bytes, budget %d", bytes, historyBytes)
			}
		})
	}
}

// numbered returns n distinct lines, each one letter longer than the last.
func numbered(n int) []string {
	lines := make([]string, n)
	for i := range lines {
		lines[i] = strings.Repeat("l", i+1)
	}
	return lines
}

// numberedRecentFirst is the last keep of numbered(n), most recent first.
func numberedRecentFirst(n, keep int) []string {
	all := numbered(n)
	out := make([]string, 0, keep)
	for i := n - 1; i >= n-keep; i-- {
		out = append(out, all[i])
	}
	return out
}

package netcore

import (
	"testing"
	"time"
)

func TestNextBackoff(t *testing.T) {
	tests := []struct {
		prev, want time.Duration
	}{
		{0, 5 * time.Millisecond},
		{5 * time.Millisecond, 10 * time.Millisecond},
		{10 * time.Millisecond, 20 * time.Millisecond},
		{320 * time.Millisecond, 640 * time.Millisecond},
		{640 * time.Millisecond, time.Second},
		{time.Second, time.Second},
	}
	for _, tt := range tests {
		t.Run(tt.prev.String(), func(t *testing.T) {
			if got := nextBackoff(tt.prev); got != tt.want {
				t.Fatalf("nextBackoff(%v) = %v, want %v", tt.prev, got, tt.want)
			}
		})
	}
}

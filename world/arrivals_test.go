package world

import (
	"strings"
	"testing"
)

func TestArrivalLine(t *testing.T) {
	tests := []struct {
		names []string
		want  string
	}{
		{[]string{"Ann"}, "Ann blinks into being"},
		{[]string{"Ann", "Bob"}, "Ann and Bob blink into being"},
		{[]string{"Ann", "Bob", "Cy", "Di"}, "Ann, Bob, Cy and Di blink into being"},
		{[]string{"Ann", "Bob", "Cy", "Di", "Ed"}, "Ann, Bob, Cy and 2 others blink into being"},
	}
	for _, tt := range tests {
		if got := arrivalLine(tt.names); !strings.HasPrefix(got, tt.want+", as if waking") {
			t.Errorf("arrivalLine(%v) = %q, want %q...", tt.names, got, tt.want)
		}
	}
}

// TestArrivalsCoalesce: the first arrival in an occupied room is told at
// once; the rest of the tick's arrivals there are told in one line at the
// tick's end, to all but themselves, leaving out who has gone again.
func TestArrivalsCoalesce(t *testing.T) {
	tw := newTestWorld(t, "")
	alice := tw.create(t, "Alice")
	tw.tick()
	alice.conn.take()
	bob := tw.create(t, "Bob")
	carol := tw.create(t, "Carol")
	dan := tw.create(t, "Dan")
	eve := tw.create(t, "Eve")
	eve.do("quit")
	got := alice.conn.take()
	if !strings.Contains(got, "Bob blinks into being") || strings.Contains(got, "Carol") {
		t.Fatalf("before the tick Alice saw %q; want Bob's arrival alone", got)
	}
	tw.tick()
	const late = "Carol and Dan blink into being, as if waking from a long dream."
	wantContains(t, alice.conn.take(), late)
	wantContains(t, bob.conn.take(), late)
	for _, p := range []*player{carol, dan} {
		if got := p.conn.take(); strings.Contains(got, "blink into being") {
			t.Errorf("an arrival was told of itself: %q", got)
		}
	}
	tw.create(t, "Frank") // a new tick: told at once again
	wantContains(t, alice.conn.take(), "Frank blinks into being")
}

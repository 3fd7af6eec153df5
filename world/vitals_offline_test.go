package world

import (
	"testing"
	"time"
)

// TestVitalsWhileAway: a character's DP goes on while it is away, counted
// from when it left: wounds heal 1 DP a 30 s up to the most, bleeding goes
// on 1 DP a 10 s, and one who bled out meanwhile dies as it enters, its
// corpse where it left.
func TestVitalsWhileAway(t *testing.T) {
	tests := []struct {
		name      string
		dp        int           // as Alice quits
		away      time.Duration // from her quitting to her return
		wantDP    int           // -1000: her most
		wantLimbo bool
	}{
		{"heals", 5, 95 * time.Second, 8, false},
		{"heals to the most", 5, 24 * time.Hour, -1000, false},
		{"keeps bleeding", 0, 45 * time.Second, -4, false},
		{"bled out", -2, 81 * time.Second, deadAt, true},
		{"back at once", 5, 0, 5, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tw, alice := combatWorld(t)
			tw.onLoop(func() { tw.setDP(tw.chars["alice"], tt.dp) })
			alice.do("quit")
			tw.tick() // handed to the store: she leaves the loop's memory
			tw.onLoop(func() {
				if tw.chars["alice"] != nil {
					t.Fatal("Alice still in memory after the hand-off")
				}
			})
			tw.clock.advance(tt.away)
			again, _ := tw.login(t, "Alice", "secret1")
			c := tw.character(t, "Alice")
			want := tt.wantDP
			if want == -1000 {
				want = c.maxDP()
			}
			if c.dp != want || c.limbo != tt.wantLimbo {
				t.Fatalf("back after %v: DP %d, limbo %v; want %d, %v", tt.away, c.dp, c.limbo, want, tt.wantLimbo)
			}
			if !tt.wantLimbo {
				return
			}
			wantContains(t, again.conn.take()+again.do("look"), "You drift in limbo")
			found := false
			tw.onLoop(func() {
				for _, it := range tw.floors["ward"].items {
					found = found || it.isCorpse()
				}
			})
			if !found {
				t.Error("no corpse where Alice left")
			}
		})
	}
}

// TestShutdownStopsTheBleeding: the server's downtime is not time away: a
// mortally wounded character put out by a shutdown comes back as it was.
func TestShutdownStopsTheBleeding(t *testing.T) {
	dir := t.TempDir()
	tw := newTestWorld(t, dir)
	tw.create(t, "Alice")
	tw.onLoop(func() { tw.setDP(tw.chars["alice"], -2) })
	tw.stop()
	again := newTestWorldWith(t, dir, func(cfg *Config) { cfg.Clock.(*fakeClock).advance(time.Hour) })
	again.login(t, "Alice", "secret1")
	if c := again.character(t, "Alice"); c.dp != -2 || c.limbo {
		t.Errorf("after a shutdown of an hour: DP %d, limbo %v; want -2 and alive", c.dp, c.limbo)
	}
}

package world

import (
	"strings"
	"testing"
	"time"
)

// TestRoundsStayOnTimeWhileTheStoreIsHeld holds the store writer through a
// long fight: every round comes when due (one blow of Alice's in each
// 3 s), nothing commits meanwhile, and on resume the fight's outcome lands.
func TestRoundsStayOnTimeWhileTheStoreIsHeld(t *testing.T) {
	tw, alice := combatWorld(t, spawnOf("ghoul", 1, "cellar"))
	tw.fighter("Alice", 50, 200, 50, 200) // 80 DP: she outlasts the rounds
	alice.do("down")
	tw.after(threatGrace)
	tw.tick()
	commits := tw.flush(t)
	resume := tw.db.Pause()
	alice.conn.take()
	for round := range 12 {
		tw.after(tw.cfg.CombatRound)
		out := alice.conn.take()
		if n := strings.Count(out, "You hit") + strings.Count(out, "You miss"); n != 1 {
			t.Fatalf("round %d: %d blows of Alice's, want 1:\n%s", round, n, out)
		}
		tw.after(tw.cfg.CombatRound - time.Millisecond) // not yet due
		if out := alice.conn.take(); strings.Contains(out, "You hit") || strings.Contains(out, "You miss") {
			t.Fatalf("round %d: a blow before the round was due:\n%s", round, out)
		}
		tw.clock.advance(time.Millisecond)
	}
	if got := tw.db.Stats().Commits; got != commits {
		t.Errorf("commits went from %d to %d while held", commits, got)
	}
	dp, _ := tw.dpOf("Alice")
	if dp >= 80 {
		t.Fatal("twelve rounds and Alice was never hurt; the test proves nothing of the store")
	}
	resume()
	tw.tick()
	tw.flush(t)
	acc, err := tw.db.AccountByName(t.Context(), "Alice")
	if err != nil {
		t.Fatal(err)
	}
	rec, err := tw.db.CharacterByAccount(t.Context(), acc.ID)
	if err != nil {
		t.Fatal(err)
	}
	if rec.Wounds != 80-dp {
		t.Errorf("stored wounds %d, want %d", rec.Wounds, 80-dp)
	}
}

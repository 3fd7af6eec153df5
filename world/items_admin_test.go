package world

import (
	"context"
	"testing"
	"time"
)

func TestAdminSummonPurgeAndSnapshot(t *testing.T) {
	tw := newTestWorld(t, "")
	alice := tw.create(t, "Alice")
	wantContains(t, alice.do("admin summon lamp"), "grope for the meaning")
	alice.do("quit")
	if err := tw.db.SetAdmin(context.Background(), "alice", true); err != nil {
		t.Fatal(err)
	}
	tw.tick()
	admin, _ := tw.login(t, "Alice", "secret1")
	runSteps(t, admin, []step{
		{"admin summon tonic 3", []string{"Summoned three folk tonics."}, ""},
		{"admin summon cabinet", []string{"Summoned a filing cabinet."}, ""},
		{"admin summon unicorn", []string{`No prototype is called "unicorn".`}, ""},
		{"admin summon tonic 101", []string{"Summon 1 to 100 at once."}, ""},
		{"admin summon tonic -1", []string{"Summon 1 to 100 at once."}, ""},
		{"admin summon", []string{"Usage: admin summon"}, ""},
		{"i", []string{"three folk tonics"}, "cabinet"},
		{"look", []string{"A filing cabinet leans against the wall.", "Two folk tonics lie here."}, ""},
		{"admin purge cabinet", []string{"Purged a filing cabinet"}, ""},
		{"look", nil, "filing cabinet"},
		{"admin purge #999999", []string{`You see no "#999999" here.`}, ""},
		{"admin purge tonic", []string{"Purged a folk tonic"}, ""},
		{"i", []string{"two folk tonics"}, ""},
	})
	tw.clock.advance(time.Second)
	tw.tick()
	tw.waitFor(t, func() bool { return tw.Snapshot().Items.Instances > 0 })
	snap := tw.Snapshot()
	if snap.Items.Moves == 0 {
		t.Errorf("snapshot items = %+v", snap.Items)
	}
}

// TestResetAndSweep brings back only what is gone at a room's reset, and
// sweeps away what players dropped an hour ago.
func TestResetAndSweep(t *testing.T) {
	tw := newTestWorld(t, "")
	alice := tw.create(t, "Alice")
	tw.setAttrs("Alice", 90, 90)
	alice.do("get tonic")
	alice.do("drop tonic") // dropped by a player: swept in an hour
	tw.clock.advance(defaultResetEvery + time.Second)
	tw.tick()
	wantContains(t, alice.do("look"), "Two folk tonics lie here.", "A brass lamp stands here.")
	alice.do("get all")
	tw.clock.advance(defaultResetEvery + time.Second)
	tw.tick()
	runSteps(t, alice, []step{
		{"look", []string{"Two folk tonics lie here.", "A brass lamp stands here."}, "Three"},
		{"drop all", []string{"You drop a brass lamp and two folk tonics."}, ""},
	})
	tw.clock.advance(defaultResetEvery + time.Second)
	tw.tick()
	wantContains(t, alice.do("look"), "Four folk tonics lie here.")
	tw.clock.advance(sweepAfter)
	tw.tick()
	got := alice.do("look")
	wantContains(t, got, "Two folk tonics lie here.", "A brass lamp stands here.")
	if n := countOfProto(tw, "lamp"); n != 1 {
		t.Errorf("%d lamps in the world after the sweep, want 1", n)
	}
}

// countOfProto counts the instances of a prototype in memory.
func countOfProto(tw *testWorld, proto string) int {
	n := 0
	tw.onLoop(func() {
		for _, it := range tw.items {
			if it.proto.ID == proto {
				n++
			}
		}
	})
	return n
}

// TestAttributesRolledForOlderCharacters rolls the attributes of a
// character who has none at its next login, tells the player, and shows
// them in status with money and weight.
func TestAttributesRolledForOlderCharacters(t *testing.T) {
	tw := newTestWorld(t, "")
	alice := tw.create(t, "Alice")
	wantContains(t, alice.do("status"), "Attributes: STR ", "Money:     $0.00", "Carrying:  0.0 of ")
	id := tw.character(t, "Alice").ID
	alice.do("quit")
	tw.tick()
	tw.flush(t)
	if err := tw.db.SetAttributes(context.Background(), id, [9]int{}); err != nil {
		t.Fatal(err)
	}
	again, got := tw.login(t, "Alice", "secret1")
	wantContains(t, got, "Your attributes were never recorded", "STR ")
	attrs := tw.character(t, "Alice").attrs
	for i, v := range attrs {
		lo, hi := 15, 90
		if i >= attrSIZ {
			lo = 40
		}
		if v < lo || v > hi || v%5 != 0 {
			t.Errorf("%s = %d, want a multiple of 5 from %d to %d", attributeNames[i], v, lo, hi)
		}
	}
	wantContains(t, again.do("status"), "Attributes: STR ")
}

package world

import (
	"testing"
)

// TestItemMovesWhileTheStoreIsHeld holds the store writer while players
// move items: every command is answered at once, nothing commits, and on
// resume everything lands in one commit and survives a restart.
func TestItemMovesWhileTheStoreIsHeld(t *testing.T) {
	dir := t.TempDir()
	tw := newTestWorld(t, dir)
	alice := tw.create(t, "Alice")
	tw.create(t, "Bob")
	tw.setAttrs("Alice", 90, 90)
	tw.tick()
	commits := tw.flush(t)
	resume := tw.db.Pause()
	steps := []step{
		{"get all", []string{"You pick up a brass lamp and two folk tonics."}, ""},
		{"give lamp to bob", []string{"You give a brass lamp to Bob."}, ""},
		{"drop tonic", []string{"You drop a folk tonic."}, ""},
		{"north", []string{"Hall"}, ""},
		{"east", []string{"Garden"}, ""},
		{"get satchel", []string{"You pick up a leather satchel."}, ""},
		{"open satchel", []string{"You open"}, ""},
		{"put tonic in satchel", []string{"You put a folk tonic in a leather satchel."}, ""},
	}
	for _, s := range steps {
		runSteps(t, alice, []step{s})
		tw.tick()
	}
	if got := tw.db.Stats().Commits; got != commits {
		t.Errorf("commits went from %d to %d while held", commits, got)
	}
	mem := tw.itemCensus(t)
	resume()
	tw.flush(t)
	stored := checkStoreItems(t, tw.db, len(mem))
	for id, rec := range mem {
		if s := stored[id]; s.Place != rec.Place || s.Holder != rec.Holder {
			t.Errorf("item %d: memory %s %s, store %s %s", id, rec.Place, rec.Holder, s.Place, s.Holder)
		}
	}
	tw.stop()

	again := newTestWorld(t, dir)
	a, _ := again.login(t, "Alice", "secret1")
	wantContains(t, a.do("look in satchel"), "a folk tonic")
	b, _ := again.login(t, "Bob", "secret1")
	wantContains(t, b.do("i"), "a brass lamp")
}

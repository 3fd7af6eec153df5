package world

import (
	"context"
	"testing"
)

// TestLoopNeverWaitsOnTheStore holds the store writer and shows that
// players keep getting answers and ticks keep coming; released, the held
// changes commit and survive a restart.
func TestLoopNeverWaitsOnTheStore(t *testing.T) {
	dir := t.TempDir()
	tw := newTestWorld(t, dir)
	alice := tw.create(t, "Alice")
	tw.tick()
	if err := tw.db.Flush(context.Background()); err != nil {
		t.Fatal(err)
	}
	commits := tw.db.Stats().Commits
	resume := tw.db.Pause()
	ticksBefore := tw.Ticks().Stats(tickWindow).Count
	for _, line := range []string{"north", "east", "say still here", "west", "look"} {
		if got := alice.do(line); got == "" {
			t.Fatalf("no answer to %q while the store is held", line)
		}
		tw.tick()
	}
	if got := tw.Ticks().Stats(tickWindow).Count - ticksBefore; got != 5 {
		t.Errorf("%d ticks ran while the store was held, want 5", got)
	}
	if got := tw.db.Stats().Commits; got != commits {
		t.Errorf("commits went from %d to %d while held", commits, got)
	}
	if depth := tw.db.Stats().QueueDepth; depth == 0 {
		t.Error("nothing queued while held")
	}
	resume()
	if err := tw.db.Flush(context.Background()); err != nil {
		t.Fatal(err)
	}
	if got := tw.db.Stats().Commits - commits; got != 1 {
		t.Errorf("held batches committed in %d transactions, want 1 (merged)", got)
	}
	tw.stop()

	again := newTestWorld(t, dir)
	_, got := again.login(t, "Alice", "secret1")
	wantContains(t, got, "Hall")
}

// TestOneTransactionPerTick checks that a tick with changes commits once and
// a tick without changes commits nothing.
func TestOneTransactionPerTick(t *testing.T) {
	tw := newTestWorld(t, "")
	alice := tw.create(t, "Alice")
	bob := tw.create(t, "Bob")
	flush := func() uint64 {
		t.Helper()
		if err := tw.db.Flush(context.Background()); err != nil {
			t.Fatal(err)
		}
		return tw.db.Stats().Commits
	}
	tw.tick()
	before := flush()
	alice.do("north")
	bob.do("down")
	tw.tick()
	if got := flush() - before; got != 1 {
		t.Errorf("a tick with two changed characters made %d commits, want 1", got)
	}
	tw.tick()
	tw.tick()
	if got := flush() - before; got != 1 {
		t.Errorf("idle ticks committed: %d commits, want still 1", got)
	}
}

// TestRestartResumesEveryone saves on shutdown and finds characters where
// they were, with their lucidity, after a restart.
func TestRestartResumesEveryone(t *testing.T) {
	dir := t.TempDir()
	tw := newTestWorld(t, dir)
	alice := tw.create(t, "Alice")
	bob := tw.create(t, "Bob")
	alice.do("north")
	alice.do("east")
	bob.do("down")
	tw.stop() // no tick in between: shutdown itself must save
	wantContains(t, alice.conn.take(), "shutting down")
	if !alice.conn.isClosed() || !bob.conn.isClosed() {
		t.Fatal("shutdown left connections open")
	}

	again := newTestWorld(t, dir)
	_, got := again.login(t, "Alice", "secret1")
	wantContains(t, got, "Garden")
	bob2, got := again.login(t, "Bob", "secret1")
	wantContains(t, got, "Cellar")
	wantContains(t, bob2.do("status"), "Lucidity:  100 (lucid)", "Explored:  2 rooms")
}

// TestCharacterInRemovedRoomWakesAtStart moves a character whose room left
// the world to the start room.
func TestCharacterInRemovedRoomWakesAtStart(t *testing.T) {
	dir := t.TempDir()
	tw := newTestWorld(t, dir)
	tw.create(t, "Alice").do("north")
	tw.stop()
	w := testRooms()
	w.Rooms = w.Rooms[:1] // only the ward is left
	w.Rooms[0].Exits = nil
	again := newTestWorld(t, dir)
	if _, err := again.db.ImportWorld(context.Background(), w); err != nil {
		t.Fatal(err)
	}
	_, got := again.login(t, "Alice", "secret1")
	wantContains(t, got, "Ward", "Exits: none.")
}

package store

import (
	"context"
	"testing"
)

// TestWoundsXPAndPromptPersist round-trips what combat leaves on a
// character, pending in the writer and committed; a new character starts
// unhurt with no XP and the default prompt.
func TestWoundsXPAndPromptPersist(t *testing.T) {
	db := newDB(t)
	ctx := ctxT(t)
	a, c := mustCreate(t, db, "Wilbur")
	if got, err := db.CharacterByAccount(ctx, a.ID); err != nil || got.Wounds != 0 || got.XP != 0 || got.Prompt != "" {
		t.Fatalf("new character = %+v, %v", got, err)
	}
	st := state(c.ID, "start", 90, t0())
	st.Wounds, st.XP, st.Prompt = 29, 450, "[%h/%H] "
	resume := db.Pause()
	db.Submit(Batch{Characters: map[int64]CharacterState{c.ID: st}})
	check := func(when string) {
		t.Helper()
		got, err := db.CharacterByAccount(ctx, a.ID)
		if err != nil || got.Wounds != 29 || got.XP != 450 || got.Prompt != "[%h/%H] " {
			t.Fatalf("%s: character = %+v, %v", when, got, err)
		}
	}
	check("pending")
	resume()
	if err := db.Flush(context.Background()); err != nil {
		t.Fatal(err)
	}
	check("committed")
}

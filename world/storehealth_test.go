package world

import (
	"context"
	"strings"
	"testing"
)

func TestPlayersAreToldWhenProgressIsNotSaved(t *testing.T) {
	tw := newTestWorld(t, "")
	ctx := context.Background()
	alice, bob := tw.create(t, "Alice"), tw.create(t, "Bob")
	tw.create(t, "Carol").do("quit")
	tw.tick()
	tw.flush(t)
	alice.conn.take()
	bob.conn.take()

	if err := tw.db.SetReadOnly(ctx, true); err != nil {
		t.Fatal(err)
	}
	alice.do("north")
	tw.tick() // the hand-off whose commit fails
	for _, p := range []*player{alice, bob} {
		waitOutput(t, p.conn, "your progress is not being saved just now")
	}
	carol, got := tw.login(t, "Carol", "secret1")
	wantContains(t, got, "Welcome", "not being saved just now")
	alice.do("south")
	tw.tick() // more failures: nobody is told twice
	tw.sync()
	if got := bob.conn.take(); strings.Contains(got, "records office") {
		t.Errorf("told twice: %q", got)
	}
	if s := tw.Snapshot().Store; !s.Failing || s.LastError == "" || s.FailingSince.IsZero() {
		t.Errorf("the snapshot does not show the failing store: %+v", s)
	}

	if err := tw.db.SetReadOnly(ctx, false); err != nil {
		t.Fatal(err)
	}
	for _, p := range []*player{alice, bob, carol} {
		waitOutput(t, p.conn, "your progress is being saved again")
	}
	tw.flush(t)
	if s := tw.Snapshot().Store; s.Failing || s.LastGood.IsZero() {
		t.Errorf("the snapshot does not show the store saving: %+v", s)
	}
}

package world

import (
	"context"
	"errors"
	"strings"
	"testing"
	"time"

	"mythosd/store"
)

// TestAdminFreezeAndThaw: a frozen character's commands are refused with a
// clear line, except help and quit; the freeze is kept in the store (a new
// login is still frozen) until a thaw.
func TestAdminFreezeAndThaw(t *testing.T) {
	tw, logs, admin, _, wilbur := auditWorld(t)
	admin.doAwait(t, "admin freeze Wilbur", "Wilbur is frozen.")
	wilbur.awaitText(t, "the Keepers have frozen you")
	tests := []struct{ line, want string }{
		{"look", "You are frozen in place by the Keepers"},
		{"north", "You are frozen in place by the Keepers"},
		{"say hello", "You are frozen in place by the Keepers"},
		{"password", "You are frozen in place by the Keepers"},
		{"help", "Help index."},
	}
	for _, tt := range tests {
		wantContains(t, wilbur.do(tt.line), tt.want)
	}
	wantContains(t, wilbur.do("quit"), "Until next time")
	tw.tick()
	tw.flush(t)
	wilbur, _ = tw.login(t, "Wilbur", "secret1")
	wantContains(t, wilbur.do("look"), "You are frozen in place")

	admin.doAwait(t, "admin thaw wilbur", "wilbur is thawed.")
	wilbur.awaitText(t, "you may move again")
	wantContains(t, wilbur.do("look"), "Ward")
	if a, err := tw.db.AccountByName(context.Background(), "Wilbur"); err != nil || a.Frozen {
		t.Errorf("Wilbur in the store after a thaw: %+v, %v", a, err)
	}
	for _, tt := range []struct{ line, want string }{
		{"admin freeze Nobody", "There is no account called Nobody."},
		{"admin freeze Armitage", "You may not freeze yourself."},
		{"admin freeze", "Usage: admin freeze"},
	} {
		admin.doAwait(t, tt.line, tt.want)
	}
	if want := `msg="admin freeze" component=audit name=Wilbur frozen=true by=Armitage`; !strings.Contains(logs.String(), want) {
		t.Errorf("the log lacks %q", want)
	}
}

// TestConsoleSetFrozen: the console freezes a playing character at once.
func TestConsoleSetFrozen(t *testing.T) {
	tw, _, _, _, wilbur := auditWorld(t)
	if err := tw.SetFrozen(context.Background(), "Wilbur", true, "console"); err != nil {
		t.Fatal(err)
	}
	wantContains(t, wilbur.do("look"), "You are frozen in place")
	if err := tw.SetFrozen(context.Background(), "Nobody", true, "console"); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("SetFrozen of nobody: %v", err)
	}
}

// TestAdminSnoop: an admin sees what the snooped player sees, each line
// prefixed; the player is not told; snoop off, or the player leaving, ends
// it; the audit log has it.
func TestAdminSnoop(t *testing.T) {
	tw, logs, admin, builder, wilbur := auditWorld(t)
	_ = tw
	wantContains(t, admin.do("admin snoop Wilbur"), "You watch Wilbur unseen")
	if got := wilbur.conn.take(); strings.Contains(got, "Armitage") || strings.Contains(got, "watch") {
		t.Fatalf("the snooped player was told: %q", got)
	}
	wilbur.do("look")
	wantContains(t, admin.conn.take(), "% Ward")
	builder.do("say the stars are right")
	wantContains(t, admin.conn.take(), `% Builder says, "the stars are right"`)
	for _, tt := range []struct{ line, want string }{
		{"admin snoop", "Usage: admin snoop"},
		{"admin snoop Armitage", "You cannot watch yourself."},
		{"admin snoop Nobody", "no such character is playing"},
	} {
		wantContains(t, admin.do(tt.line), tt.want)
	}
	wantContains(t, admin.do("admin snoop off"), "You stop watching.")
	wilbur.do("look")
	if got := admin.conn.take(); strings.Contains(got, "% ") {
		t.Errorf("still snooping after snoop off: %q", got)
	}
	admin.do("admin snoop Wilbur")
	wilbur.do("quit")
	wantContains(t, admin.conn.take(), "You stop watching Wilbur: they have left.")
	for _, want := range []string{
		`msg="admin snoop" component=audit name=Wilbur by=Armitage`,
		`msg="admin snoop off" component=audit name=Wilbur by=Armitage`,
	} {
		if !strings.Contains(logs.String(), want) {
			t.Errorf("the log lacks %q", want)
		}
	}
}

// TestSnoopEndsWithAdminRole: an admin who loses the role stops snooping.
func TestSnoopEndsWithAdminRole(t *testing.T) {
	tw, _, admin, _, wilbur := auditWorld(t)
	admin.do("admin snoop Wilbur")
	if err := tw.SetRole(context.Background(), "Armitage", "admin", false, "console"); err != nil {
		t.Fatal(err)
	}
	admin.awaitText(t, "You are no longer an admin.")
	wilbur.do("look")
	if got := admin.conn.take(); strings.Contains(got, "% ") {
		t.Errorf("a former admin still snoops: %q", got)
	}
}

// TestAdminChatlog: what a player says, emotes and whispers reaches the
// chat log through the write-behind batch; admin chatlog reads it back
// off the loop, for the last hours asked.
func TestAdminChatlog(t *testing.T) {
	tw, _, admin, _, wilbur := auditWorld(t)
	wilbur.do("say the whippoorwills are calling")
	wilbur.do("emote looks at the hills.")
	wilbur.do("whisper Armitage meet me at the stones")
	tw.tick()
	tw.flush(t)
	got := admin.doAwait(t, "admin chatlog wilbur", "lines):")
	wantContains(t, got, "What wilbur said in the last 24 hours (3 lines):",
		"[say in ward] the whippoorwills are calling",
		"[emote in ward] looks at the hills.",
		"[whisper to Armitage in ward] meet me at the stones")
	tw.clock.advance(2 * time.Hour)
	admin.doAwait(t, "admin chatlog Wilbur 1", "Nothing said by Wilbur in the last 1 hours is on record.")
	admin.doAwait(t, "admin chatlog Wilbur 3", "(3 lines)")
	for _, tt := range []struct{ line, want string }{
		{"admin chatlog", "Usage: admin chatlog"},
		{"admin chatlog Wilbur 0", "Hours is a whole number from 1 to"},
		{"admin chatlog Wilbur -5", "Hours is a whole number from 1 to"},
		{"admin chatlog Wilbur 99999999999999999999", "Hours is a whole number from 1 to"},
		{"admin chatlog Wilbur 1 2", "Usage: admin chatlog"},
		{"admin chatlog Nobody", "Nothing said by Nobody"},
	} {
		admin.doAwait(t, tt.line, tt.want)
	}
}

// TestSnapshotShowsGlobalMutes: the console's snapshot lists the admins'
// global mutes in force, by name.
func TestSnapshotShowsGlobalMutes(t *testing.T) {
	tw, _, admin, _, _ := auditWorld(t)
	admin.doAwait(t, "mute global Wilbur 30", "Wilbur")
	admin.doAwait(t, "mute global Builder", "Builder")
	var mutes []MuteInfo
	deadline := time.Now().Add(10 * time.Second)
	for len(mutes) != 2 { // the global list loads off the loop, then a tick publishes it
		if time.Now().After(deadline) {
			t.Fatalf("the snapshot never listed both mutes: %+v", mutes)
		}
		tw.clock.advance(snapshotEvery)
		tw.tick()
		mutes = tw.Snapshot().Mutes
	}
	if mutes[0].Name != "Builder" || !mutes[0].Expires.IsZero() || mutes[1].Name != "Wilbur" || mutes[1].Expires.IsZero() ||
		mutes[1].By != "Armitage" {
		t.Errorf("snapshot mutes %+v", mutes)
	}
}

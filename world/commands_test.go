package world

import (
	"fmt"
	"strings"
	"testing"
)

func TestMovementAndRoomMessages(t *testing.T) {
	tw := newTestWorld(t, "")
	alice := tw.create(t, "Alice")
	bob := tw.create(t, "Bob")
	wantContains(t, alice.conn.take(), "Bob blinks into being")
	tests := []struct {
		who   *player
		line  string
		want  []string
		other string // what the other player must see, if anything
	}{
		{alice, "look", []string{"Ward", "Also here: Bob"}, ""},
		{alice, "n", []string{"Hall [Arkham Sanitarium]", "Exits: south, east, west (locked)."}, "Alice leaves north."},
		{bob, "go north", []string{"Hall", "Also here: Alice"}, "Bob arrives from the south."},
		{alice, "east", []string{"Garden"}, "Alice leaves east."},
		{alice, "west", []string{"Hall"}, "Alice arrives from the east."},
		{alice, "west", []string{"The way west is locked."}, ""},
		{alice, "up", []string{"You cannot go upward from here."}, ""},
		{alice, "go", []string{"Go where?"}, ""},
		{alice, "look east", []string{"To the east lies Garden."}, ""},
		{alice, "look w", []string{"locked; beyond it lies Ward"}, ""},
		{alice, "look up", []string{"nothing special above"}, ""},
		{alice, "look bob", []string{"Bob is here, looking lucid."}, ""},
		{alice, "s", []string{"Ward"}, ""},
		{alice, "d", []string{"Cellar"}, ""},
		{alice, "u", []string{"Ward"}, ""},
	}
	for _, tt := range tests {
		other := bob
		if tt.who == bob {
			other = alice
		}
		other.conn.take()
		wantContains(t, tt.who.do(tt.line), tt.want...)
		if tt.other != "" {
			wantContains(t, other.conn.take(), tt.other)
		}
	}
}

func TestSayAndEmote(t *testing.T) {
	tw := newTestWorld(t, "")
	alice := tw.create(t, "Alice")
	bob := tw.create(t, "Bob")
	carol := tw.create(t, "Carol")
	carol.do("north")
	alice.conn.take()
	bob.conn.take()
	tests := []struct {
		line, self, room string
	}{
		{"say Is anyone awake?", `You say, "Is anyone awake?"`, `Alice says, "Is anyone awake?"`},
		{"'The walls breathe.", `You say, "The walls breathe."`, `Alice says, "The walls breathe."`},
		{"emote shivers.", "Alice shivers.", "Alice shivers."},
		{":stares at the door.", "Alice stares at the door.", "Alice stares at the door."},
	}
	for _, tt := range tests {
		wantContains(t, alice.do(tt.line), tt.self)
		wantContains(t, bob.conn.take(), tt.room)
		if got := carol.conn.take(); got != "" {
			t.Errorf("Carol, in another room, heard %q", got)
		}
	}
	wantContains(t, alice.do("say"), "Say what?")
	wantContains(t, alice.do("say "+strings.Repeat("x", 501)), "500 characters at most")
	wantContains(t, alice.do("say "+strings.Repeat("é", 500)), "You say")
}

func TestInformationCommands(t *testing.T) {
	tw := newTestWorld(t, "")
	alice := tw.create(t, "Alice")
	tw.create(t, "Bob")
	tests := []struct {
		line string
		want []string
	}{
		{"who", []string{"(2)", "Alice", "Bob", "Arkham Sanitarium"}},
		{"status", []string{"Name:      Alice", "Ward (Arkham Sanitarium)", "Lucidity:  100 (lucid)", "Explored:  1 rooms"}},
		{"sta", []string{"Lucidity:  100"}},
		{"help", []string{"Help index.", "look", "quit", "Topics: look"}},
		{"help look", []string{"LOOK shows the room."}},
		{"help l", []string{"LOOK shows the room."}},
		{"help nothing", []string{`no help on "nothing"`}},
		{"lok", []string{`"lok"`, `Did you mean "look"?`}},
		{"xyzzy", []string{`"xyzzy"`, `Type "help"`}},
		{"", []string{"> "}},
	}
	for _, tt := range tests {
		wantContains(t, alice.do(tt.line), tt.want...)
	}
}

func TestQuitSavesAndClosesAndIsSeen(t *testing.T) {
	tw := newTestWorld(t, "")
	alice := tw.create(t, "Alice")
	bob := tw.create(t, "Bob")
	alice.do("north")
	alice.do("north") // no exit north of the hall: stays
	bob.do("north")
	alice.conn.take()
	wantContains(t, bob.do("quit"), "Until next time")
	if !bob.conn.isClosed() {
		t.Fatal("quit left the connection open")
	}
	wantContains(t, alice.conn.take(), "Bob fades from the waking world.")
	wantContains(t, alice.do("who"), "(1)")
	bob2, got := tw.login(t, "bob", "secret1")
	wantContains(t, got, "Hall")
	wantContains(t, bob2.do("status"), "Explored:  2 rooms")
}

func TestWrap(t *testing.T) {
	tests := []struct {
		text  string
		width int
		want  string
	}{
		{"one two three", 7, "one two\nthree"},
		{"a verylongword b", 5, "a\nverylongword\nb"},
		{"para one\npara two", 80, "para one\npara two"},
		{"  spaced   out  ", 80, "spaced out"},
	}
	for _, tt := range tests {
		if got := wrap(tt.text, tt.width); got != tt.want {
			t.Errorf("wrap(%q, %d) = %q, want %q", tt.text, tt.width, got, tt.want)
		}
	}
}

func TestEditDistance(t *testing.T) {
	tests := []struct {
		a, b string
		want int
	}{{"look", "look", 0}, {"lok", "look", 1}, {"", "abc", 3}, {"kitten", "sitting", 3}}
	for _, tt := range tests {
		if got := editDistance(tt.a, tt.b); got != tt.want {
			t.Errorf("editDistance(%q, %q) = %d, want %d", tt.a, tt.b, got, tt.want)
		}
	}
}

func TestCrowdsAreCounted(t *testing.T) {
	tw := newTestWorld(t, "")
	var ps []*player
	for i := range maxListed + 5 {
		ps = append(ps, tw.create(t, fmt.Sprintf("Crowd%c%c", 'a'+i/26, 'a'+i%26)))
	}
	ps[0].conn.take() // the arrivals
	got := ps[0].do("look")
	wantContains(t, got, "Also here: Crowdab, Crowdac", "and 4 others.")
	if strings.Contains(got, "Crowday") {
		t.Errorf("the 25th name is listed: %s", got)
	}
	wantContains(t, ps[0].do("who"), "(25)", "Crowday")
}

// TestAdminCommandsHiddenFromPlayers: to anyone but an admin, the admin-only
// commands do not exist, so no answer suggests them.
func TestAdminCommandsHiddenFromPlayers(t *testing.T) {
	tw := newTestWorld(t, "")
	alice := tw.create(t, "Alice")
	carol := tw.create(t, "Carol")
	tw.onLoop(func() { tw.chars["carol"].Admin = true })
	for _, line := range []string{"admin", "admni", "system hello", "sytem hello"} {
		got := alice.do(line)
		wantContains(t, got, "slips away")
		for _, hidden := range []string{`"admin"?`, `"system"?`} {
			if strings.Contains(got, hidden) {
				t.Errorf("a player's %q was answered with %s: %q", line, hidden, got)
			}
		}
	}
	wantContains(t, carol.do("admni"), `Did you mean "admin"?`)
}

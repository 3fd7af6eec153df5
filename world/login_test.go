package world

import (
	"strings"
	"testing"
)

func TestNewCharacterDialogue(t *testing.T) {
	tw := newTestWorld(t, "")
	p := tw.connect(t)
	wantContains(t, p.do("alice"), "Alice", "(y/n)")
	got := p.do("y")
	wantContains(t, got, "password")
	if !p.conn.echo {
		t.Error("echo not turned off for the password")
	}
	wantContains(t, p.do("secret1"), "Repeat", "password")
	wantContains(t, p.do("secret1"), "Your attributes: STR ", "Keep them (k) or roll again (r, 3 left)?")
	wantContains(t, p.do("r"), "Your attributes: STR ", "2 left")
	wantContains(t, p.do("maybe"), "2 left")
	p.do("r")
	wantContains(t, p.do("r"), "No rolls left")
	got = p.do("r")
	wantContains(t, got, "Welcome to Arkham, Alice", "Ward [Arkham Sanitarium]", "Exits: north, down.", "> ")
	if p.conn.echo {
		t.Error("echo still off after the password")
	}
}

func TestNameRules(t *testing.T) {
	tw := newTestWorld(t, "")
	tests := []struct {
		name, want string
	}{
		{"al", "3 to 20 letters"},
		{strings.Repeat("a", 21), "3 to 20 letters"},
		{"bob1", "letters only"},
		{"Zoë", "letters only"},
		{"north", "command word"},
		{"LOOK", "command word"},
		{"quit", "command word"},
		{"New", "reserved"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := tw.connect(t)
			got := p.do(tt.name)
			wantContains(t, got, tt.want, "name")
		})
	}
}

func TestNamesAreUniqueWithoutCase(t *testing.T) {
	tw := newTestWorld(t, "")
	tw.create(t, "Alice")
	p := tw.connect(t)
	got := p.do("ALICE")
	wantContains(t, got, "Password")
	if strings.Contains(got, "(y/n)") {
		t.Error("ALICE was offered as a new name")
	}
}

func TestNewPasswordMismatchAndLength(t *testing.T) {
	tw := newTestWorld(t, "")
	p := tw.connect(t)
	p.do("Carol")
	p.do("y")
	wantContains(t, p.do("short"), "6 to 256", "Choose a password")
	p.do("secret1")
	wantContains(t, p.do("secret2"), "differ", "Choose a password")
	p.do("secret3")
	wantContains(t, p.do("secret3"), "Your attributes")
	wantContains(t, p.do("k"), "Welcome")
}

func TestShutdownClosesSessionsStillLoggingIn(t *testing.T) {
	tw := newTestWorld(t, "")
	p := tw.connect(t)
	p.do("Latecomer")
	tw.stop()
	if !p.conn.isClosed() {
		t.Fatal("a session in its login dialogue outlived the world")
	}
	wantContains(t, p.conn.take(), "shutting down")
}

func TestDecliningANewNameAsksAgain(t *testing.T) {
	tw := newTestWorld(t, "")
	p := tw.connect(t)
	p.do("Dora")
	wantContains(t, p.do("maybe"), "y or n")
	wantContains(t, p.do("n"), "name")
}

func TestThreeWrongPasswordsEndTheConnection(t *testing.T) {
	tw := newTestWorld(t, "")
	tw.create(t, "Alice").do("quit")
	p := tw.connect(t)
	p.do("alice")
	wantContains(t, p.do("wrong1"), "Wrong password", "Password")
	wantContains(t, p.do("wrong2"), "Wrong password", "Password")
	wantContains(t, p.do("wrong3"), "Too many tries")
	if !p.conn.isClosed() {
		t.Fatal("connection left open after three wrong passwords")
	}
	again, got := tw.login(t, "Alice", "secret1")
	wantContains(t, got, "Welcome")
	_ = again
}

func TestLoginTakesOverAPlayingCharacter(t *testing.T) {
	tw := newTestWorld(t, "")
	first := tw.create(t, "Alice")
	first.do("north")
	bob := tw.create(t, "Bob")
	bob.do("north")
	second, got := tw.login(t, "Alice", "secret1")
	wantContains(t, got, "take hold of yourself again", "Hall")
	if !first.conn.isClosed() {
		t.Error("the old connection is still open")
	}
	wantContains(t, first.conn.take(), "Another connection")
	wantContains(t, second.do("who"), "(2)", "Alice", "Bob")
	// The old session's late input changes nothing.
	first.sess.Line("south")
	wantContains(t, second.do("look"), "Hall")
	first.sess.Hangup()
	wantContains(t, bob.do("look"), "Also here: Alice")
}

package world

import (
	"context"
	"errors"
	"strings"
	"testing"
)

// TestCharactersListAndNew: characters lists the account's characters;
// characters new makes another, its attributes rolled, up to the limit.
func TestCharactersListAndNew(t *testing.T) {
	tw := newTestWorldWith(t, "", func(c *Config) { c.MaxChars = 2 })
	p := tw.create(t, "Alice")
	wantContains(t, p.do("characters"), "Your characters (1 of 2):", "Alice", "level 1  (playing)")
	wantContains(t, p.do("characters new bertha"), "Bertha wakes in the sanitarium, measured: STR ", "choose Bertha from the menu")
	got := p.do("characters")
	wantContains(t, got, "(2 of 2)", "Alice", "Bertha")
	wantContains(t, p.do("characters new Carla"), "at most 2 characters")
	c, err := tw.db.CharacterByName(context.Background(), "Bertha")
	if err != nil || c.Attributes[0] == 0 || c.RoomID != "ward" {
		t.Errorf("Bertha in the store = %+v, %v", c, err)
	}
}

// TestCharactersNewRefusals: names are checked as at login.
func TestCharactersNewRefusals(t *testing.T) {
	tw := newTestWorld(t, "")
	tw.create(t, "Bob")
	p := tw.create(t, "Alice")
	tests := []struct{ args, want string }{
		{"characters new", "Type characters new and the name"},
		{"characters old Carla", "Type characters to list yours"},
		{"characters new al", "3 to 20 letters"},
		{"characters new " + strings.Repeat("z", 4000), "3 to 20 letters"},
		{"characters new Zo\xc3\xab", "letters only"},
		{"characters new ab\xffcd", "letters only"},
		{"characters new north", "command word"},
		{"characters new New", "reserved"},
		{"characters new bob", "That name is taken"},
		{"characters new ALICE", "That name is taken"},
	}
	for _, tt := range tests {
		t.Run(tt.args[:min(len(tt.args), 30)], func(t *testing.T) {
			wantContains(t, p.do(tt.args), tt.want)
		})
	}
	wantContains(t, p.do("characters"), "(1 of 5)")
}

// TestRename: with the password (echo off) the character takes the new
// name: others see it, the old name no longer logs in, the new one does,
// and mutes of the old name follow it.
func TestRename(t *testing.T) {
	tw := newTestWorld(t, "")
	bob := tw.create(t, "Bob")
	p := tw.create(t, "Alice")
	bob.do("mute alice")
	bob.conn.take()
	wantContains(t, p.do("rename henrietta"), "Your password, to become Henrietta")
	if !p.conn.echoOff() {
		t.Fatal("echo on while asking the password")
	}
	got := p.doAwait(t, "secret1", "dp")
	wantContains(t, got, "You are Henrietta now", "mutes of Alice follow you")
	if p.conn.echoOff() {
		t.Error("echo still off after the rename")
	}
	wantContains(t, bob.do("who"), "Henrietta")
	p.do("say can you hear me")
	if heard := bob.conn.take(); strings.Contains(heard, "hear me") {
		t.Errorf("Bob's mute of Alice did not follow the rename: %q", heard)
	}
	wantContains(t, bob.do("mutes"), "Henrietta")
	p.do("quit")
	tw.tick()
	tw.flush(t)
	_, got = tw.login(t, "Henrietta", "secret1")
	wantContains(t, got, "Welcome to Arkham, Henrietta")
	// The account keeps its name: Alice still opens it (its one character).
	_, got = tw.login(t, "Alice", "secret1")
	wantContains(t, got, "take hold of yourself again")
}

// TestRenameRefusals: bad and taken names are refused before the
// password; a wrong password or an empty line keeps the name.
func TestRenameRefusals(t *testing.T) {
	tw := newTestWorld(t, "")
	tw.create(t, "Bob")
	bobAcc := tw.create(t, "Carol")
	bobAcc.do("characters new Dora") // Carol's second character
	p := tw.create(t, "Alice")
	tests := []struct {
		args    string
		answers []string
		want    string
	}{
		{"rename", nil, "Type rename and the new name"},
		{"rename al", nil, "3 to 20 letters"},
		{"rename " + strings.Repeat("q", 500), nil, "3 to 20 letters"},
		{"rename b\xffb", nil, "letters only"},
		{"rename look", nil, "command word"},
		{"rename ALICE", nil, "You are called Alice already"},
		{"rename Bob", []string{"secret1"}, "That name is taken"},
		{"rename dora", []string{"secret1"}, "That name is taken"},
		{"rename Henry", []string{""}, "You keep your name."},
		{"rename Henry", []string{"secret9"}, "That is not your password. You keep your name."},
	}
	for _, tt := range tests {
		t.Run(tt.args[:min(len(tt.args), 30)], func(t *testing.T) {
			tw.clock.advance(guardBase) // past a wrong password's back-off
			got := p.do(tt.args)
			for _, a := range tt.answers {
				got += p.doAwait(t, a, "dp")
			}
			wantContains(t, got, tt.want)
			wantContains(t, p.do("look"), "Ward") // back in play, name unchanged
			if c := tw.character(t, "Alice"); c.Name != "Alice" {
				t.Fatalf("renamed to %s", c.Name)
			}
		})
	}
}

// TestFreezeAndRolesReachEveryCharacter: a freeze or a role, by the
// account's name or any character's, reaches the character being played,
// so a second character is no way around a freeze.
func TestFreezeAndRolesReachEveryCharacter(t *testing.T) {
	tw := newTestWorld(t, "")
	alice := tw.create(t, "Alice")
	alice.do("characters new Bertha")
	alice.do("quit")
	tw.tick()
	b, _ := tw.login(t, "Bertha", "secret1")
	if err := tw.SetFrozen(context.Background(), "Alice", true, "test"); err != nil {
		t.Fatal(err)
	}
	wantContains(t, b.do("look"), "frozen in place")
	if err := tw.SetFrozen(context.Background(), "bertha", false, "test"); err != nil {
		t.Fatal(err)
	}
	wantContains(t, b.do("look"), "Ward")
	if err := tw.SetRole(context.Background(), "Alice", "builder", true, "test"); err != nil {
		t.Fatal(err)
	}
	if c := tw.character(t, "Bertha"); !c.Builder {
		t.Error("a builder role of the account did not reach Bertha")
	}
}

// TestOneCharacterOfAnAccountAtATime: while one character of an account
// plays, another of the same account is refused at login and told why.
func TestOneCharacterOfAnAccountAtATime(t *testing.T) {
	tw := newTestWorld(t, "")
	alice := tw.create(t, "Alice")
	alice.do("characters new Bertha")
	_, got := tw.login(t, "Bertha", "secret1")
	wantContains(t, got, "Alice, another of your characters, walks Arkham now; quit as Alice before you play another.")
	alice.do("quit")
	tw.tick()
	_, got = tw.login(t, "Bertha", "secret1")
	wantContains(t, got, "Welcome to Arkham, Bertha.")
}

// TestCheckPasswordByCharacterName: SSH's password check takes any of the
// account's characters' names, and wrong passwords under one name back off
// the account, so each character's name buys no extra guesses.
func TestCheckPasswordByCharacterName(t *testing.T) {
	tw := newTestWorld(t, "")
	tw.create(t, "Alice").do("characters new Bertha")
	ctx := context.Background()
	if err := tw.CheckPassword(ctx, "192.0.2.1:5000", "bertha", "secret1"); err != nil {
		t.Fatalf("right password by a character's name: %v", err)
	}
	if err := tw.CheckPassword(ctx, "192.0.2.1:5000", "Bertha", "wrong12"); !errors.Is(err, ErrBadLogin) {
		t.Fatalf("wrong password: %v, want ErrBadLogin", err)
	}
	if err := tw.CheckPassword(ctx, "198.51.100.9:5000", "Alice", "secret1"); !errors.Is(err, ErrBackedOff) {
		t.Fatalf("the account's name right after a wrong password under Bertha's: %v, want ErrBackedOff", err)
	}
	tw.clock.advance(guardBase)
	if err := tw.CheckKey(ctx, "Bertha", "SHA256:nobody"); !errors.Is(err, ErrBadLogin) {
		t.Errorf("an unknown key: %v, want ErrBadLogin", err)
	}
}

// TestReservedNameRefusesLogin: while a rename or delete holds a name off
// the loop, a login under it is told why and let in once it is released.
func TestReservedNameRefusesLogin(t *testing.T) {
	tw := newTestWorld(t, "")
	tw.create(t, "Alice").do("quit")
	tw.tick()
	const why = "That name is being taken just now; try again in a moment."
	tw.onLoop(func() {
		if !tw.reserve("alice", why) || tw.reserve("alice", why) {
			t.Error("reserve does not hold a name once")
		}
	})
	_, got := tw.login(t, "Alice", "secret1")
	wantContains(t, got, why)
	tw.onLoop(func() { delete(tw.reserved, "alice") })
	_, got = tw.login(t, "Alice", "secret1")
	wantContains(t, got, "Welcome to Arkham, Alice.")
}

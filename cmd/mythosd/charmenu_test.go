package main

import (
	"strings"
	"testing"

	gossh "golang.org/x/crypto/ssh"
)

// TestCharacterMenuOverTelnet: an account with two characters shows the
// menu after its password; a pick enters; a character's name goes straight
// in; new and delete work from the menu over a real telnet listener.
func TestCharacterMenuOverTelnet(t *testing.T) {
	srv := startServer(t, testConfig(t.TempDir()))
	c := dial(t, srv.addr("telnet"))
	c.createCharacter("Ward", "curwen1")
	wantIn(t, c.do("characters new Marinus", "Marinus wakes"), "choose Marinus from the menu")
	wantIn(t, c.do("characters", "Your characters"), "(2 of 5)", "Ward", "Marinus")
	c.send("quit")
	c.expect("Until next time")

	m := dial(t, srv.addr("telnet"))
	m.expect("name")
	m.send("ward")
	m.expect("Password")
	m.send("curwen1")
	wantIn(t, m.expect("Your choice: "), "1. Ward", "2. Marinus", "level 1")
	m.send("2")
	wantIn(t, m.expect(promptEnd), "Welcome to Arkham, Marinus.")
	m.send("quit")
	m.expect("Until next time")

	straight := dial(t, srv.addr("telnet"))
	wantIn(t, straight.login("MARINUS", "curwen1"), "Welcome to Arkham, Marinus.")
	straight.send("quit")
	straight.expect("Until next time")

	d := dial(t, srv.addr("telnet"))
	d.expect("name")
	d.send("Ward")
	d.expect("Password")
	d.send("curwen1")
	d.expect("Your choice: ")
	d.send("new Willett")
	d.expect("Keep them")
	d.send("k")
	wantIn(t, d.expect(promptEnd), "Welcome to Arkham, Willett.")
	d.send("quit")
	d.expect("Until next time")

	del := dial(t, srv.addr("telnet"))
	del.expect("name")
	del.send("Ward")
	del.expect("Password")
	del.send("curwen1")
	wantIn(t, del.expect("Your choice: "), "3. Willett", "(3 of 5)")
	del.send("delete willett")
	del.expect("Type its name again")
	del.send("Willett")
	del.expect("Your password, to delete Willett")
	del.send("curwen1")
	got := del.expect("Your choice: ")
	wantIn(t, got, "Willett is gone", "(2 of 5)")
	del.send("quit")
	del.expect("Arkham will wait")
}

// TestCharacterMenuOverSSH: ssh ACCOUNT@host with several characters shows
// the menu; ssh CHARACTER@host goes straight in; the account's key opens
// each of its characters.
func TestCharacterMenuOverSSH(t *testing.T) {
	srv := startServer(t, sshTestConfig(t.TempDir()))
	p, _ := sshNewCharacter(t, srv, "Asenath", "derby123")
	key := newPlayerKey(t)
	wantIn(t, p.do("keys add "+authorizedLine(key, "asenath@laptop"), "Key "), "added")
	wantIn(t, p.do("characters new Ephraim", "Ephraim wakes"), "from the menu")
	p.send("quit")
	p.expect("Until next time")

	menu := sshPlay(t, srv, "asenath", 80, gossh.Password("derby123"))
	wantIn(t, menu.expect("Your choice: "), "1. Asenath", "2. Ephraim")
	menu.send("ephraim")
	wantIn(t, menu.expect(promptEnd), "Welcome to Arkham, Ephraim.")
	wantIn(t, menu.do("status", "Name:"), "Name:      Ephraim")
	menu.send("quit")
	menu.expect("Until next time")

	straight := sshPlay(t, srv, "Ephraim", 80, gossh.Password("derby123"))
	if got := straight.expect(promptEnd); !strings.Contains(got, "Welcome to Arkham, Ephraim.") || strings.Contains(got, "Your choice") {
		t.Errorf("ssh Ephraim@host did not go straight in: %q", got)
	}
	straight.send("quit")
	straight.expect("Until next time")

	byKey := sshPlay(t, srv, "ephraim", 80, gossh.PublicKeys(key))
	wantIn(t, byKey.expect(promptEnd), "Welcome to Arkham, Ephraim.")
	byKey.send("quit")
	byKey.expect("Until next time")

	menuByKey := sshPlay(t, srv, "Asenath", 80, gossh.PublicKeys(key))
	menuByKey.expect("Your choice: ")
	menuByKey.send("1")
	wantIn(t, menuByKey.expect(promptEnd), "Welcome to Arkham, Asenath.")

	other := newPlayerKey(t)
	if _, err := sshDial(t, srv, "Ephraim", gossh.PublicKeys(other)); err == nil {
		t.Error("a key registered to nobody opened Ephraim")
	}
}

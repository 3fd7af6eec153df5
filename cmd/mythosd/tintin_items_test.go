package main

import (
	"strings"
	"testing"
)

// itemWorldDir is a small world with items, for the item tests.
const itemWorldDir = "testdata/itemworld"

// itemTriggers create a character, pick up the lamp, list the inventory
// and quit, logging the GMCP item packages.
const itemTriggers = `#action {By what name are you known?} {#send Tina}
#action {Are you new to Arkham} {#send y}
#action {Choose a password} {#send lanterns1}
#action {Repeat the password} {#send lanterns1}
#action {Keep them} {#send k}
#action {A brass lamp stands here.} {#send get lamp}
#action {You pick up a brass lamp.} {#send inventory}
#action {Weight: %* Money:} {#send quit}
#event {IAC SB GMCP Char.Items.List IAC SE} {#line log {SCRIPTLOG} {ITEMSLIST %0}}
#event {IAC SB GMCP Char.Items.Add IAC SE} {#line log {SCRIPTLOG} {ITEMSADD %0}}
#event {IAC SB GMCP Char.Items.Remove IAC SE} {#line log {SCRIPTLOG} {ITEMSREMOVE %0}}
`

// TestTinTinPicksUpALamp logs in with TinTin++, picks up the lamp it sees,
// and finds it in inventory and in GMCP Char.Items.List.
func TestTinTinPicksUpALamp(t *testing.T) {
	cfg := testConfig(t.TempDir())
	cfg.WorldDir = itemWorldDir
	srv, _ := startLogged(t, cfg)
	tt := newTinTin(t)
	seen := tt.run(t, srv.addr("telnet"), gmcpTriggers+itemTriggers)
	at := inOrder(t, seen, "A brass lamp stands here.", "You pick up a brass lamp.", "You are carrying:", "a brass lamp")
	if strings.Contains(seen[at:], "brass lamp stands here") {
		t.Error("the lamp is still on the floor after it was picked up")
	}
	lines := strings.Join(tt.scriptLines(t), "\n")
	for _, want := range []string{
		`ITEMSLIST {location}{room}`, // the room's items on arrival
		`ITEMSREMOVE {location}{room}{item}{{id}{`,
		`ITEMSADD {location}{inv}{item}{{id}{`,
		`ITEMSLIST {location}{inv}{items}{{1}{{id}{`,
		`{name}{a brass lamp}`,
	} {
		if !strings.Contains(lines, want) {
			t.Errorf("the GMCP log lacks %q:\n%s", want, lines)
		}
	}
}

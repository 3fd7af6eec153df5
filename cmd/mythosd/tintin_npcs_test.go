package main

import (
	"strings"
	"testing"
)

// npcWorldDir is a small world with a nurse in the ward and a ghoul in the
// hall north of it.
const npcWorldDir = "testdata/npcworld"

// npcTriggers create a character, look at the nurse, walk into the ghoul's
// hall and quit once it turns on them, logging the GMCP item packages.
const npcTriggers = `#action {By what name are you known?} {#send Tina}
#action {Are you new to Arkham} {#send y}
#action {Choose a password} {#send lanterns1}
#action {Repeat the password} {#send lanterns1}
#action {Keep them} {#send k}
#action {Back to bed with you.} {#send look nurse}
#action {Starched white} {#send north}
#action {The ghoul turns toward you, hungry.} {#send quit}
#event {IAC SB GMCP Char.Items.List IAC SE} {#line log {SCRIPTLOG} {ITEMSLIST %0}}
`

// TestTinTinMeetsNPCs logs in with TinTin++, is greeted by a nurse, looks
// at her, and walks into a ghoul's hall: the horror costs lucidity and the
// ghoul turns on the character after its grace; GMCP lists both NPCs.
func TestTinTinMeetsNPCs(t *testing.T) {
	cfg := testConfig(t.TempDir())
	cfg.WorldDir = npcWorldDir
	srv, _ := startLogged(t, cfg)
	tt := newTinTin(t)
	seen := tt.run(t, srv.addr("telnet"), gmcpTriggers+npcTriggers)
	inOrder(t, seen, "A night nurse folds linen here.", "Back to bed with you.", "Starched white, tired eyes.",
		"A ghoul crouches among the bones.", "What you see here has no right to exist.", "The ghoul turns toward you, hungry.")
	lines := strings.Join(tt.scriptLines(t), "\n")
	for _, want := range []string{
		`{name}{a night nurse}{attrib}{m}`,
		`{name}{a ghoul}{attrib}{mx}`,
	} {
		if !strings.Contains(lines, want) {
			t.Errorf("the GMCP log lacks %q:\n%s", want, lines)
		}
	}
}

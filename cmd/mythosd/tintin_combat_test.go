package main

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"
)

// fightWorld is a world of two sanitarium rooms with a weak rat in the
// ward, carrying a bone button, written into dir.
func fightWorld(t testing.TB, dir string) {
	t.Helper()
	files := map[string]string{
		"earth/arkham/zone_config.json": `{"name": "Arkham", "environment": "indoors"}`,
		"earth/arkham/sanitarium/subzone_config.json": `{"name": "Sanitarium", "environment": "indoors",
  "start_room": "earth_arkham_sanitarium_room_ward_001",
  "spawns": [{"npc": "rat_weak", "room": "earth_arkham_sanitarium_room_ward_001", "max": 1}]}`,
		"earth/arkham/sanitarium/room_ward_001.json": `{"id": "earth_arkham_sanitarium_room_ward_001", "name": "Ward",
  "description": "Iron beds in a row.", "plane": "earth", "zone": "arkham", "sub_zone": "sanitarium",
  "exits": {"west": "earth_arkham_sanitarium_room_hall_001"}}`,
		"earth/arkham/sanitarium/room_hall_001.json": `{"id": "earth_arkham_sanitarium_room_hall_001", "name": "Hall",
  "description": "A long hall.", "plane": "earth", "zone": "arkham", "sub_zone": "sanitarium",
  "exits": {"east": "earth_arkham_sanitarium_room_ward_001"}}`,
		"items/test.json": `{"items": [{"id": "button_bone", "name": "a bone button", "keywords": ["button", "bone"],
  "description": "Carved from something's knuckle.", "type": "junk", "weight": 1, "value": 10}]}`,
		"npcs/test.json": `{"npcs": [{"id": "rat_weak", "name": "a sickly rat", "keywords": ["rat", "sickly"],
  "room_text": "A sickly rat drags itself along the skirting.", "description": "It has seen better days.",
  "kind": "passive", "dp": 2, "dex": 1, "str": 1, "damage": {"min": 0, "max": 0}, "xp": 10,
  "loot": [{"proto": "button_bone", "chance": 1}]}]}`,
	}
	for name, body := range files {
		path := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(body), 0o600); err != nil {
			t.Fatal(err)
		}
	}
}

// fightTriggers create a character, wait out the first moments, attack the
// rat, loot its corpse once it dies, check the inventory and quit; every
// Char.Vitals is logged.
const fightTriggers = `#action {By what name are you known?} {#send Tina}
#action {Are you new to Arkham} {#send y}
#action {Choose a password} {#send lanterns1}
#action {Repeat the password} {#send lanterns1}
#action {Keep them} {#send k}
#action {Welcome to Arkham, Tina.} {#delay {11} {#send attack rat}}
#action {collapses and is still.} {#send get all from corpse}
#action {You take a bone button} {#send inventory}
#action {You are carrying:} {#send quit}
#event {IAC SB GMCP Char.Vitals IAC SE} {#line log {SCRIPTLOG} {VITALS %0}}
`

// TestTinTinFightsAndLoots: a TinTin++ player fights a weak NPC to its
// death, loots the corpse, and sees Char.Vitals change as it gains XP.
func TestTinTinFightsAndLoots(t *testing.T) {
	dir := t.TempDir()
	world := filepath.Join(dir, "world")
	fightWorld(t, world)
	cfg := testConfig(dir)
	cfg.WorldDir = world
	cfg.CombatRound = 100 * time.Millisecond
	srv, _ := startLogged(t, cfg)
	tt := newTinTin(t)
	seen := tt.run(t, srv.addr("telnet"), gmcpTriggers+fightTriggers)
	inOrder(t, seen, "Welcome to Arkham, Tina.", "A sickly rat drags itself", "You attack a sickly rat!",
		"You hit a sickly rat.", "The sickly rat collapses and is still.", "You gain 10 experience.",
		"You take a bone button from the corpse of a sickly rat.", "a bone button", "Until next time.")
	if !regexp.MustCompile(`<\d+/\d+dp \d+lcd> `).MatchString(seen) {
		t.Errorf("no DP in the prompt:\n%s", seen)
	}
	var vitals []string
	for _, l := range tt.scriptLines(t) {
		if strings.HasPrefix(l, "VITALS ") {
			vitals = append(vitals, l)
		}
	}
	if len(vitals) < 2 || !strings.Contains(vitals[0], "{hp}") || !strings.Contains(vitals[0], "{maxhp}") ||
		!strings.Contains(vitals[0], "{xp}{0}") || !strings.Contains(vitals[len(vitals)-1], "{xp}{10}") {
		t.Errorf("Char.Vitals did not go from 0 XP to 10 with hp and maxhp:\n%s", strings.Join(vitals, "\n"))
	}
}

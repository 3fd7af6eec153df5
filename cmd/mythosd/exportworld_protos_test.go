package main

import (
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

// TestExportBuiltItemsAndNPCs: a builder makes and changes prototypes and
// NPC definitions, places items (one inside a placed container) and adds
// a spawn, over telnet on a running server; export-world writes it all,
// check-world finds nothing wrong, an import into a fresh database holds
// the same world, and a second export is byte for byte the first.
func TestExportBuiltItemsAndNPCs(t *testing.T) {
	base := t.TempDir()
	data1, data2 := filepath.Join(base, "var1"), filepath.Join(base, "var2")
	out1, out2 := filepath.Join(base, "out1"), filepath.Join(base, "out2")

	srv, c := startWithBuilder(t, data1, "Keeper", "lanterns1")
	for _, step := range [][2]string{
		{"ocreate knife_bone a bone knife", "Prototype knife_bone made"},
		{"oedit knife_bone slots main_hand", "slots set"},
		{"oedit knife_bone weapon.max 4", "weapon.max set"},
		{"oedit knife_bone type weapon", "type set"},
		{"oedit knife_bone description A knife of yellowed bone, its edge <keen> & cold.", "description set"},
		{"ocreate box_tin a dented tin box", "Prototype box_tin made"},
		{"oedit box_tin container.capacity 3", "container.capacity set"},
		{"oedit box_tin container.max_weight 40", "container.max_weight set"},
		{"oedit box_tin type container", "type set"},
		{"oedit coat_raccoon value 4500", "value set"},
		{"mcreate ghoul_old an old ghoul", "NPC ghoul_old made"},
		{"medit ghoul_old dp 30", "dp set"},
		{"medit ghoul_old loot knife_bone 0.5, box_tin", "loot set"},
		{"medit ghoul_old behaviour.greet It grins.", "behaviour.greet set"},
		{"medit nurse_night xp 15", "xp set"},
		{"place box_tin", "Placed"},
		{"place knife_bone 2 in box_tin", "Placed"},
		{"place knife_bone", "Placed"},
		{"unplace knife_bone", "Removed"},
		{"spawn add ghoul_old 2 0.75 night", "Done"},
		{"spawn add ghoul_old zone", "Done"},
		{"spawn add nurse_night 2 day zone", "Done"},
		{"spawn remove nurse_night zone", "Done"},
		{"spawn add nurse_night 2 day zone", "Done"},
	} {
		if got := c.do(step[0], step[1]); strings.Contains(got, "will not do") {
			t.Fatalf("%s: %s", step[0], got)
		}
	}
	stopServer(t, srv)

	built := storedWorld(t, data1)
	exportChecked(t, data1, out1)
	files := readTree(t, out1)
	wantIn(t, files["items/items.json"], `"id": "knife_bone"`, `"max_weight": 40`, "<keen> & cold")
	wantIn(t, files["npcs/npcs.json"], `"id": "ghoul_old"`, `"greet": "It grins."`)
	roomFile := ""
	for p, text := range files {
		if strings.Contains(text, `"box_tin"`) && !strings.HasPrefix(p, "items/") && !strings.HasPrefix(p, "npcs/") {
			roomFile = text
		}
	}
	wantIn(t, roomFile, `"proto": "knife_bone"`, `"quantity": 2`, `"npc": "ghoul_old"`, `"time": "night"`)
	zoneSpawns := 0
	for p, text := range files {
		if strings.HasSuffix(p, "/subzone_config.json") && strings.Contains(text, `"npc": "ghoul_old"`) {
			zoneSpawns++
			wantIn(t, text, `"npc": "nurse_night"`, `"time": "day"`)
		}
	}
	if zoneSpawns != 1 {
		t.Errorf("%d sub-zone configs spawn ghoul_old, want 1", zoneSpawns)
	}
	imported := importInto(t, data2, os.DirFS(out1))
	if !reflect.DeepEqual(built, imported) {
		t.Errorf("the world imported from the export differs from the one built in the game")
		for i := range min(len(built.Rooms), len(imported.Rooms)) {
			if !reflect.DeepEqual(built.Rooms[i], imported.Rooms[i]) {
				t.Logf("room %s:\n built    %+v\n imported %+v", built.Rooms[i].ID, built.Rooms[i], imported.Rooms[i])
				break
			}
		}
	}
	if code, out := runCLI(runExportWorld, "-data", data2, "-out", out2); code != 0 {
		t.Fatalf("second export-world: status %d: %s", code, out)
	}
	if a, b := readTree(t, out1), readTree(t, out2); !reflect.DeepEqual(a, b) {
		t.Errorf("second export differs from the first (%d and %d files)", len(a), len(b))
	}
}

package world

import (
	"context"
	"strings"
	"testing"

	"mythosd/store"
)

// buildTestWorld is a test world with the test NPCs and spawns, a builder
// (Keeper) and a player (Wilbur), both in the ward.
func buildTestWorld(t *testing.T, spawns ...store.NPCSpawn) (tw *testWorld, keeper, wilbur *player) {
	t.Helper()
	tw = newNPCWorld(t, spawns...)
	return tw, tw.withRole(t, "Keeper", store.RoleBuilder), tw.withRole(t, "Wilbur", store.RolePlayer)
}

// TestBuildCommandsArePlayersUnknown: a player may use none of the
// building commands; to them they do not exist.
func TestBuildCommandsArePlayersUnknown(t *testing.T) {
	tw, _, wilbur := buildTestWorld(t)
	for _, line := range []string{"oedit", "oedit lamp weight 3", "ocreate knife a knife", "mcreate x an x",
		"mcreate", "place lamp", "unplace lamp", "places", "spawn add nurse", "spawn remove nurse"} {
		if got := wilbur.do(line); !strings.Contains(got, "grope for the meaning") {
			t.Errorf("player typed %q and got %q", line, got)
		}
	}
	if got := wilbur.do("medit nurse dp 3"); strings.Contains(got, "grope") || strings.Contains(got, "dp set") {
		t.Errorf("medit is no longer a player's short form of meditate: %q", got)
	}
	if got := wilbur.do("help"); strings.Contains(got, "oedit") || strings.Contains(got, "places") {
		t.Errorf("the help list offers a player the building commands:\n%s", got)
	}
	tw.onLoop(func() {
		if _, made := tw.protos["knife"]; made {
			t.Error("a player made a prototype")
		}
	})
}

// TestOCreateAndOEdit: prototypes are made and changed field by field,
// refused as the world loader would refuse them, stored, and items made
// from them change with them.
func TestOCreateAndOEdit(t *testing.T) {
	tw, keeper, _ := buildTestWorld(t)
	runSteps(t, keeper, []step{
		{"ocreate", []string{"Make a prototype with: ocreate <id> <name>"}, ""},
		{"ocreate knife_bone", []string{"Make a prototype with"}, ""},
		{"ocreate lamp a second lamp", []string{"There is already a prototype lamp."}, ""},
		{"ocreate Knife! a knife", []string{"That prototype will not do: id: \"Knife!\": lowercase letters, digits and _ only"}, ""},
		{"ocreate knife_bone a bone knife", []string{"Prototype knife_bone made: a bone knife."}, ""},
		{"ocreate knife_bone another", []string{"There is already a prototype knife_bone."}, ""},
		{"oedit knife_bone", []string{"Prototype knife_bone:", "name: a bone knife", "keywords: knife bone", "type: junk", "weight: 0"}, ""},
		{"oedit", []string{"Item prototypes", "knife_bone: a bone knife", "lamp: a brass lamp"}, ""},
		{"oedit nothing", []string{"There is no prototype nothing."}, ""},
		{"oedit corpse name a body", []string{"Corpses are the game's own"}, ""},
		{"oedit knife_bone weight", []string{"Give a value: oedit knife_bone weight <value>"}, ""},
		{"oedit knife_bone colour red", []string{`no field "colour"; the fields are name, plural`}, ""},
		{"oedit knife_bone weight -4", []string{"weight: must be 0 to 10000, not -4"}, ""},
		{"oedit knife_bone weight 12.5", []string{`weight must be a whole number, not "12.5"`}, ""},
		{"oedit knife_bone weight 99999999999999999999999999", []string{"weight must be a whole number"}, ""},
		{"oedit knife_bone value 9999999999999", []string{"value: must be 0 to 1099511627776, not 9999999999999"}, ""},
		{"oedit knife_bone name a \xffknife", []string{"not valid UTF-8"}, ""},
		{"oedit knife_bone name none", []string{"name: required field is missing"}, ""},
		{"oedit knife_bone keywords Knife", []string{`"Knife": keywords are single lowercase words`}, ""},
		{"oedit knife_bone type sword", []string{`type: unknown type "sword"`}, ""},
		{"oedit knife_bone type weapon", []string{"weapon: a weapon needs weapon {min, max, modifier}"}, ""},
		{"oedit knife_bone slots tail", []string{`slots: unknown slot "tail"`}, ""},
		{"oedit knife_bone weapon 1 4", []string{"weapon is set field by field"}, ""},
		{"oedit knife_bone weapon.max 4", []string{"slots: a weapon lists main_hand"}, ""},
		{"oedit knife_bone slots main_hand", []string{"Prototype knife_bone: slots set."}, ""},
		{"oedit knife_bone weapon.max 4", []string{"weapon.max set"}, ""},
		{"oedit knife_bone weapon.min 5", []string{"weapon.max: must be at least min (5), not 4"}, ""},
		{"oedit knife_bone type weapon", []string{"type set"}, ""},
		{"oedit knife_bone weight 12", []string{"weight set"}, ""},
		{"oedit knife_bone weight 12", []string{"already has that weight"}, ""},
		{"oedit knife_bone container.key key_nowhere", []string{"container.key: only a closable container has a lock",
			`no key prototype has key_id "key_nowhere"`}, ""},
		{"oedit knife_bone use.consumed maybe", []string{"use.consumed is yes or no"}, ""},
		{"oedit knife_bone", []string{"type: weapon", "weight: 12", `weapon: {"min":0,"max":4,"modifier":0}`, "slots: main_hand"}, ""},
		{"oedit key_cabinet key_id key_other", []string{"the only key with key_id key_cabinet"}, ""},
		{"north", []string{"Hall"}, ""},
		{"oedit cabinet container.capacity 1", []string{"room hall places it, and its placements would not do: items[0].contents: 2 placements, more than \"cabinet\" holds (1)"}, ""},
		{"oedit cabinet container.closable no", []string{"only a closable container has a lock"}, ""},
		{"south", []string{"Ward"}, ""},
	})
	tw.tick()
	tw.flush(t)
	protos, err := tw.db.ItemProtos(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	var stored *store.ItemProto
	for i := range protos {
		if protos[i].ID == "knife_bone" {
			stored = &protos[i]
		}
	}
	if stored == nil || stored.Weight != 12 || stored.Weapon == nil || stored.Weapon.Max != 4 || stored.Type != "weapon" {
		t.Fatalf("stored prototype = %+v", stored)
	}
	tw.giveItems(t, "Keeper", "knife_bone", 1)
	runSteps(t, keeper, []step{
		{"oedit knife_bone name a bone shiv", []string{"name set"}, ""},
		{"inventory", []string{"a bone shiv"}, "a bone knife"},
		{"undo", []string{"Undone: oedit knife_bone name."}, ""},
		{"inventory", []string{"a bone knife"}, "shiv"},
	})
	for _, what := range []string{"weight", "type", "weapon.max", "slots"} {
		wantContains(t, keeper.do("undo"), "Undone: oedit knife_bone "+what+".")
	}
	wantContains(t, keeper.do("oedit knife_bone"), "type: junk", "weight: 0")
	wantContains(t, keeper.do("undo"), "You cannot undo ocreate knife_bone: items made from knife_bone are in the world.")
}

// TestOEditUndoRefusedAfterAnotherChange: undo takes back nothing a later
// change by someone else has changed again.
func TestOEditUndoRefusedAfterAnotherChange(t *testing.T) {
	tw, keeper, _ := buildTestWorld(t)
	other := tw.withRole(t, "Other", store.RoleBuilder)
	wantContains(t, keeper.do("oedit lamp value 200"), "value set")
	wantContains(t, other.do("oedit lamp value 300"), "value set")
	wantContains(t, keeper.do("undo"), "You cannot undo oedit lamp value: prototype lamp has changed since.")
	wantContains(t, other.do("undo"), "Undone: oedit lamp value.")
	wantContains(t, keeper.do("undo"), "Undone: oedit lamp value.")
	tw.onLoop(func() {
		if v := tw.protos["lamp"].Value; v != 175 {
			t.Errorf("lamp value after both undos = %d, want 175", v)
		}
	})
	tw.tick()
	tw.flush(t)
	protos, err := tw.db.ItemProtos(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range protos {
		if p.ID == "lamp" && p.Value != 175 {
			t.Errorf("stored lamp value = %d, want 175", p.Value)
		}
	}
}

// TestOCreateUndo: a prototype nothing uses goes with undo, in the world
// and in the store.
func TestOCreateUndo(t *testing.T) {
	tw, keeper, _ := buildTestWorld(t)
	wantContains(t, keeper.do("ocreate skull_yellowed a yellowed skull"), "made")
	tw.tick()
	tw.flush(t)
	wantContains(t, keeper.do("undo"), "Undone: ocreate skull_yellowed.")
	wantContains(t, keeper.do("oedit skull_yellowed"), "There is no prototype skull_yellowed.")
	tw.tick()
	tw.flush(t)
	protos, err := tw.db.ItemProtos(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range protos {
		if p.ID == "skull_yellowed" {
			t.Error("the undone prototype is still stored")
		}
	}
}

// TestCheckText refuses what no world file should hold.
func TestCheckText(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want string
	}{
		{"a bone knife", ""},
		{"a \xffknife", "not valid UTF-8"},
		{"a \x1b[31mknife", "control characters"},
		{"a\tknife", "control characters"},
		{"a knife \u2014 sharp", ""},
	} {
		err := checkText(tc.in)
		if (err == nil) != (tc.want == "") || (err != nil && !strings.Contains(err.Error(), tc.want)) {
			t.Errorf("checkText(%q) = %v, want %q", tc.in, err, tc.want)
		}
	}
}

// TestUndoOcreateAfterItemsWereMade: once an item has been made from a
// new prototype, undo will not unmake the prototype, even when no such
// item is in memory (it may lie in the store, with an offline character).
func TestUndoOcreateAfterItemsWereMade(t *testing.T) {
	_, keeper, _ := buildTestWorld(t)
	wantContains(t, keeper.do("ocreate knife_bone a bone knife"), "knife_bone")
	wantContains(t, keeper.do("admin summon knife_bone"), "bone knife")
	wantContains(t, keeper.do("admin purge knife"), "bone knife")
	wantContains(t, keeper.do("undo"), "You cannot undo", "items have been made from knife_bone")
}

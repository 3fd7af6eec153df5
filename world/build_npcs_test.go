package world

import (
	"context"
	"strings"
	"testing"
)

// TestMCreateAndMEdit: NPC definitions are made and changed field by
// field, refused as the world loader would refuse them, and stored.
func TestMCreateAndMEdit(t *testing.T) {
	tw, keeper, _ := buildTestWorld(t)
	runSteps(t, keeper, []step{
		{"mcreate", []string{"Make an NPC with: mcreate <id> <name>"}, ""},
		{"mcreate nurse a second nurse", []string{"There is already an NPC nurse."}, ""},
		{"mcreate bad-id a thing", []string{`id: "bad-id": lowercase letters, digits and _ only`}, ""},
		{"mcreate ghoul_old an old ghoul", []string{"NPC ghoul_old made: an old ghoul."}, ""},
		{"medit ghoul_old", []string{"NPC ghoul_old:", "kind: passive", "dp: 10", `damage: {"min":1,"max":2}`}, ""},
		{"medit", []string{"NPC definitions", "ghoul_old: an old ghoul", "nurse: a night nurse"}, ""},
		{"medit nobody", []string{"There is no NPC nobody."}, ""},
		{"medit ghoul_old dp -1", []string{"dp: must be 1 to 10000, not -1"}, ""},
		{"medit ghoul_old dp 99999999999999999999", []string{"dp must be a whole number"}, ""},
		{"medit ghoul_old dex 0", []string{"dex: must be 1 to 200, not 0"}, ""},
		{"medit ghoul_old damage.max 0", []string{"damage.max: must be at least min (1), not 0"}, ""},
		{"medit ghoul_old damage none", []string{"damage: required field is missing"}, ""},
		{"medit ghoul_old kind sleepy", []string{`kind: unknown kind "sleepy"`}, ""},
		{"medit ghoul_old kind shopkeeper", []string{"shop: a shopkeeper needs shop {stock}"}, ""},
		{"medit ghoul_old lucidity eldritch", []string{`lucidity: unknown category "eldritch"`}, ""},
		{"medit ghoul_old behaviour.flee_below 1.5", []string{"behaviour.flee_below: a share of DP: at least 0 and below 1, not 1.5"}, ""},
		{"medit ghoul_old behaviour.flee_below lots", []string{`behaviour.flee_below must be a number, not "lots"`}, ""},
		{"medit ghoul_old loot skull 0.5", []string{`loot[0].proto: unknown item prototype "skull"`}, ""},
		{"medit ghoul_old loot tonic 2", []string{"loot[0].chance: must be more than 0 and at most 1, not 2"}, ""},
		{"medit ghoul_old loot tonic 0.5 25", []string{"loot[0].quantity: must be 1 to 20, not 25"}, ""},
		{"medit ghoul_old loot tonic x", []string{`loot: "x" is not a number`}, ""},
		{"medit ghoul_old loot tonic 0.5 2, lamp", []string{"loot set"}, ""},
		{"medit ghoul_old shop tonic", []string{"each line of stock is: <prototype> <quantity>"}, ""},
		{"medit ghoul_old shop tonic 3", []string{"shop set"}, ""},
		{"medit ghoul_old", []string{"kind: shopkeeper", `shop: {"stock":[{"proto":"tonic","quantity":3}]}`,
			`loot: [{"proto":"tonic","chance":0.5,"quantity":2},{"proto":"lamp","chance":1,"quantity":1}]`}, ""},
		{"medit ghoul_old kind aggressive", []string{"kind set"}, ""},
		{"medit ghoul_old lucidity horrific", []string{"lucidity set"}, ""},
		{"medit ghoul_old behaviour.greet It grins.", []string{"behaviour.greet set"}, ""},
		{"medit ghoul_old", []string{"kind: aggressive", "lucidity: horrific", `"greet":"It grins."`}, "shop:"},
	})
	tw.tick()
	tw.flush(t)
	defs, err := tw.db.NPCDefs(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	found := false
	for _, d := range defs {
		if d.ID == "ghoul_old" {
			found = true
			if d.Kind != "aggressive" || d.Shop != nil || len(d.Loot) != 2 || d.Lucidity != "horrific" {
				t.Errorf("stored definition = %+v", d)
			}
		}
	}
	if !found {
		t.Fatal("the new definition is not stored")
	}
}

// TestMEditReachesNPCs: an NPC about now takes the new name and texts of
// its definition; the next one to appear has its new numbers too; undo
// of mcreate is refused while a spawn names it.
func TestMEditReachesNPCs(t *testing.T) {
	tw, keeper, _ := buildTestWorld(t, spawnOf("nurse", 1, "ward"))
	tw.tick()
	if n := total(tw.npcsOf("nurse")); n != 1 {
		t.Fatalf("%d nurses, want 1", n)
	}
	runSteps(t, keeper, []step{
		{"medit nurse room_text A tired nurse dozes in a chair.", []string{"room_text set"}, ""},
		{"medit nurse dp 40", []string{"dp set"}, ""},
		{"look", []string{"A tired nurse dozes in a chair."}, "folds linen"},
	})
	var dp int
	tw.onLoop(func() { dp = tw.npcsIn["ward"][0].DP })
	if dp != 8 {
		t.Errorf("the nurse about took the new DP: %d", dp)
	}
	keeper.do("admin spawn nurse")
	if got := keeper.do("look"); !strings.Contains(got, "[x2] A tired nurse dozes in a chair.") || strings.Count(got, "tired nurse") != 1 {
		t.Errorf("a nurse from before the change and one from after it are not shown as one kind:\n%s", got)
	}
	tw.onLoop(func() { tw.removeNPC(tw.npcsIn["ward"][1], "", tw.cfg.Clock.Now()) })
	tw.onLoop(func() { tw.removeNPC(tw.npcsIn["ward"][0], "", tw.cfg.Clock.Now()) })
	tw.after(respawnPassive)
	tw.onLoop(func() {
		if list := tw.npcsIn["ward"]; len(list) != 1 || list[0].DP != 40 {
			t.Errorf("the respawned nurse: %v", list)
		}
	})
	wantContains(t, keeper.do("mcreate orderly a burly orderly"), "made")
	wantContains(t, keeper.do("spawn add orderly"), "Done")
	got := keeper.do("undo") + keeper.do("undo")
	wantContains(t, got, "Undone: spawn add orderly.", "Undone: mcreate orderly.")
	if strings.Contains(keeper.do("medit"), "orderly") {
		t.Error("the undone definition is still listed")
	}
}

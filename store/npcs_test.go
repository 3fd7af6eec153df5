package store

import (
	"reflect"
	"testing"
)

func TestImportNPCsIdempotently(t *testing.T) {
	db := newDB(t)
	ctx := ctxT(t)
	ghoul := NPCDef{ID: "ghoul", Name: "a ghoul", Keywords: []string{"ghoul"}, RoomText: "A ghoul crouches here.", Description: "Grey.",
		Kind: NPCAggressive, Lucidity: "horrific", DP: 12, DEX: 50, STR: 60, Damage: NPCDamage{Min: 1, Max: 4},
		Loot: []NPCLoot{{Proto: "bone", Chance: 0.5, Quantity: 1}}, Behaviour: NPCBehaviour{WanderSeconds: 30, FleeBelow: 0.2}}
	clerk := NPCDef{ID: "clerk", Name: "a clerk", Keywords: []string{"clerk"}, RoomText: "A clerk.", Description: "Bored.",
		Kind: NPCShopkeeper, DP: 5, DEX: 30, STR: 30, Shop: &NPCShop{Stock: []NPCStock{{Proto: "tonic", Quantity: 5}}}}
	spawn := NPCSpawn{ID: "earth_x_y#0", NPC: "ghoul", Rooms: []string{"a", "b"}, Max: 2, Chance: 0.5, Time: SpawnNight}
	w := testWorld()
	w.NPCs, w.Spawns = []NPCDef{clerk, ghoul}, []NPCSpawn{spawn}
	edited := testWorld()
	ghoul2 := ghoul
	ghoul2.DP = 20
	edited.NPCs = []NPCDef{ghoul2}
	steps := []struct {
		name  string
		world World
		want  int
	}{
		{"first import", w, 3},
		{"same again", w, 0},
		{"one edited, one gone, spawn gone", edited, 3},
		{"edited again", edited, 0},
		{"back as first", w, 3},
	}
	for _, s := range steps {
		got, err := db.ImportWorld(ctx, s.world)
		if err != nil {
			t.Fatalf("%s: %v", s.name, err)
		}
		if got.NPCs != s.want {
			t.Errorf("%s: %d NPC rows changed, want %d", s.name, got.NPCs, s.want)
		}
	}
	defs, err := db.NPCDefs(ctx)
	if err != nil {
		t.Fatal(err)
	}
	spawns, err := db.NPCSpawns(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(defs, []NPCDef{clerk, ghoul}) || !reflect.DeepEqual(spawns, []NPCSpawn{spawn}) {
		t.Fatalf("read back %+v %+v", defs, spawns)
	}
}

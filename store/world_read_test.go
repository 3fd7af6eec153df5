package store

import (
	"reflect"
	"testing"
)

// TestWorldReadsBackWhatWasImported imports a world with prototypes, NPCs
// and spawns and reads back the same world, rooms normalised and by id.
func TestWorldReadsBackWhatWasImported(t *testing.T) {
	db := newDB(t)
	ctx := ctxT(t)
	consumed := false
	w := testWorld()
	w.Items = []ItemProto{
		{ID: "key_ward", Name: "a key", Keywords: []string{"key"}, Description: "Brass.", Type: "key", KeyID: "ward"},
		{ID: "flask", Name: "a flask", Keywords: []string{"flask"}, Description: "Tin.", Type: "consumable",
			Use: &ItemUse{Verb: "drink", Lucidity: 2, Consumed: &consumed}, Container: &ItemContainer{Capacity: 1}},
	}
	w.NPCs = []NPCDef{{ID: "nurse", Name: "a nurse", Keywords: []string{"nurse"}, Kind: NPCPassive, DP: 5,
		Loot: []NPCLoot{{Proto: "key_ward", Chance: 0.5, Quantity: 1}}, Behaviour: NPCBehaviour{Greet: "Hush."}}}
	w.Spawns = []NPCSpawn{{ID: "earth_arkham_city_sanitarium#0", NPC: "nurse",
		Rooms: []string{"earth_arkham_city_sanitarium_room_hall_001"}, Max: 1, Chance: 1, Time: SpawnDay}}
	if _, err := db.ImportWorld(ctx, w); err != nil {
		t.Fatal(err)
	}
	got, err := db.World(ctx)
	if err != nil {
		t.Fatalf("World: %v", err)
	}
	want := w
	want.Rooms = nil
	for _, r := range w.Rooms { // testWorld lists them by id already
		want.Rooms = append(want.Rooms, normalRoom(r))
	}
	want.Items = []ItemProto{w.Items[1], w.Items[0]} // by id
	for _, c := range []struct {
		name      string
		got, want any
	}{
		{"zones", got.Zones, want.Zones},
		{"rooms", got.Rooms, want.Rooms},
		{"item prototypes", got.Items, want.Items},
		{"NPCs", got.NPCs, want.NPCs},
		{"spawns", got.Spawns, want.Spawns},
	} {
		if !reflect.DeepEqual(c.got, c.want) {
			t.Errorf("%s =\n%+v\nwant\n%+v", c.name, c.got, c.want)
		}
	}
}

// TestWorldOfEmptyDatabase reads a database that holds no world.
func TestWorldOfEmptyDatabase(t *testing.T) {
	got, err := newDB(t).World(ctxT(t))
	if err != nil || len(got.Rooms)+len(got.Zones)+len(got.Items)+len(got.NPCs)+len(got.Spawns) != 0 {
		t.Fatalf("World of an empty database = %+v, %v", got, err)
	}
}

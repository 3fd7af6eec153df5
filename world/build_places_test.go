package world

import (
	"context"
	"strings"
	"testing"
	"time"

	"mythosd/store"
)

// floorCount counts the items of proto on room's floor, and inside the
// containers there.
func (tw *testWorld) floorCount(room, proto string) int {
	n := 0
	tw.onLoop(func() {
		f := tw.floors[room]
		if f == nil {
			return
		}
		for _, it := range f.items {
			if it.proto.ID == proto {
				n++
			}
			for _, in := range it.contents {
				if in.proto.ID == proto {
					n++
				}
			}
		}
	})
	return n
}

// storedRoomAttrs reads a room's kept attributes through the store.
func (tw *testWorld) storedRoomAttrs(t testing.TB, id string) string {
	t.Helper()
	r, err := tw.db.Room(context.Background(), id)
	if err != nil {
		t.Fatal(err)
	}
	return r.Attributes
}

// TestPlaceAndUnplace: placements are added and removed in the room one
// stands in, checked as the loader checks them, appear at the next reset
// or at once, are kept in the room's file attributes, and undo takes them
// back.
func TestPlaceAndUnplace(t *testing.T) {
	tw, keeper, _ := buildTestWorld(t)
	runSteps(t, keeper, []step{
		{"places", []string{"Placed here, back at every reset:", "1. lamp (a brass lamp)", "2. tonic x2 (a folk tonic)", "No NPC spawns here."}, ""},
		{"place", []string{"Place with: place <prototype>", "name one prototype"}, ""},
		{"place ghost", []string{`items[2].proto: unknown prototype "ghost"`}, ""},
		{"place candle 25", []string{"items[2].quantity: must be 1 to 20, not 25"}, ""},
		{"place candle -3", []string{"items[2].quantity: must be 1 to 20, not -3"}, ""},
		{"place candle 0", []string{"how many is a whole number, 1 to 20"}, ""},
		{"place candle 99999999999999999999999", []string{"how many is a whole number"}, ""},
		{"place candle two", []string{`not "two"`}, ""},
		{"place candle in lamp", []string{`items[0].contents: "lamp" is no container`}, ""},
		{"place candle in box", []string{"Nothing placed here is box; place the container first."}, ""},
		{"place candle in", []string{"name one container after in"}, ""},
		{"place corpse", []string{`unknown prototype "corpse"`}, ""},
		{"place candle \xff", []string{"not valid UTF-8"}, ""},
		{"place candle 2 now", []string{"Placed; the room has reset and holds it now."}, ""},
		{"places", []string{"3. candle x2 (a tallow candle)"}, ""},
	})
	if n := tw.floorCount("ward", "candle"); n != 2 {
		t.Fatalf("%d candles on the floor, want 2", n)
	}
	tw.tick()
	tw.flush(t)
	wantAttrs := `{"items":[{"proto":"lamp"},{"proto":"tonic","quantity":2},{"proto":"candle","quantity":2}]}`
	if got := tw.storedRoomAttrs(t, "ward"); got != wantAttrs {
		t.Errorf("stored ward attributes = %s, want %s", got, wantAttrs)
	}
	runSteps(t, keeper, []step{
		{"unplace tonic now", []string{"Removed; what it made is gone."}, ""},
		{"unplace tonic", []string{"Nothing placed here is tonic."}, ""},
		{"places", []string{"1. lamp", "2. candle x2"}, "tonic"},
	})
	if n := tw.floorCount("ward", "tonic"); n != 0 {
		t.Errorf("%d tonics left after unplace now", n)
	}
	tw.onLoop(func() {
		for _, it := range tw.floors["ward"].items {
			if it.proto.ID == "candle" && it.origin != "ward#1" {
				t.Errorf("a candle's origin is %q, want ward#1 after the tonic went", it.origin)
			}
		}
	})
	wantContains(t, keeper.do("undo"), "Undone: unplace tonic.")
	wantContains(t, keeper.do("places"), "1. lamp", "2. tonic x2", "3. candle x2")
	tw.clock.advance(defaultResetEvery)
	tw.tick()
	if n, c := tw.floorCount("ward", "tonic"), tw.floorCount("ward", "candle"); n != 2 || c != 2 {
		t.Errorf("after the reset: %d tonics and %d candles, want 2 and 2", n, c)
	}
	tw.tick()
	tw.flush(t)
	if got := tw.storedRoomAttrs(t, "ward"); got != wantAttrs {
		t.Errorf("stored ward attributes after undo = %s, want %s", got, wantAttrs)
	}
}

// TestPlaceInContainerAndAtReset: a placement inside a placed container
// respects its capacity; a room that started with nothing gets a reset in
// the schedule with its first placement.
func TestPlaceInContainerAndAtReset(t *testing.T) {
	tw, keeper, _ := buildTestWorld(t)
	keeper.do("north")
	runSteps(t, keeper, []step{
		{"place papers 2 in cabinet", []string{"Placed; it appears at the room's next reset"}, ""},
		{"place tonic in cabinet", []string{"Placed"}, ""},
		{"place bandage in cabinet", []string{"Placed"}, ""},
		{"place candle in cabinet", []string{`items[0].contents: 6 placements, more than "cabinet" holds (5)`}, ""},
		{"places", []string{"cabinet (a filing cabinet), locked, holding papers, key_west, papers x2, tonic, bandage"}, ""},
		{"unplace papers in cabinet", []string{"Removed"}, ""},
		{"places", []string{"holding papers, key_west, tonic, bandage"}, ""},
		{"south", nil, ""},
		{"down", []string{"Cellar"}, ""},
		{"places", []string{"Nothing is placed here."}, ""},
		{"place lamp", []string{"Placed; it appears at the room's next reset"}, ""},
	})
	if n := tw.floorCount("cellar", "lamp"); n != 0 {
		t.Fatalf("a lamp appeared before the reset")
	}
	tw.clock.advance(defaultResetEvery)
	tw.tick()
	if n := tw.floorCount("cellar", "lamp"); n != 1 {
		t.Errorf("%d lamps in the cellar after the reset, want 1", n)
	}
	tw.clock.advance(defaultResetEvery)
	tw.tick()
	if n := tw.floorCount("hall", "tonic"); n != 1 {
		t.Errorf("%d tonics in the cabinet after the reset, want 1", n)
	}
	wantContains(t, keeper.do("undo"), "Undone: place lamp.")
	wantContains(t, keeper.do("places"), "Nothing is placed here.")
	tw.tick()
	tw.flush(t)
	if got := tw.storedRoomAttrs(t, "cellar"); got != "" {
		t.Errorf("stored cellar attributes = %q, want none", got)
	}
}

// TestSpawnAddRemove: a room's own spawns are added, changed and removed,
// checked as the loader checks them, take effect at the respawn delay or
// at once, are stored twice (room attributes, spawn rows), and undo takes
// them back; a sub-zone's spawn is listed but not changed here.
func TestSpawnAddRemove(t *testing.T) {
	zone := store.NPCSpawn{ID: "earth_arkham_sanitarium#0", NPC: "rat", Rooms: []string{"ward", "hall"}, Max: 1, Chance: 1, Time: store.SpawnAny}
	tw, keeper, _ := buildTestWorld(t, zone)
	tw.tick()
	runSteps(t, keeper, []step{
		{"spawn", []string{"Spawn with: spawn add <npc>"}, ""},
		{"spawn add", []string{"name an NPC"}, ""},
		{"spawn add nobody", []string{"There is no NPC nobody."}, ""},
		{"spawn add nurse 500", []string{"spawns[0].max: must be 1 to 100, not 500"}, ""},
		{"spawn add nurse -2", []string{"spawns[0].max: must be 1 to 100, not -2"}, ""},
		{"spawn add nurse 0", []string{"how many is 1 to 100"}, ""},
		{"spawn add nurse 99999999999999999999999", []string{"is no number, chance, time or now"}, ""},
		{"spawn add nurse 0.0", []string{"the chance is more than 0"}, ""},
		{"spawn add nurse 1.5", []string{"spawns[0].chance: must be more than 0 and at most 1, not 1.5"}, ""},
		{"spawn add nurse \xff", []string{"not valid UTF-8"}, ""},
		{"spawn add nurse 2 now", []string{"Done; the spawns are tried now."}, ""},
	})
	tw.tick()
	runSteps(t, keeper, []step{
		{"places", []string{"Spawns here:", "nurse: up to 2, 2 about", "rat: up to 1", "(the sub-zone's, earth_arkham_sanitarium#0)"}, ""},
		{"spawn remove rat", []string{"belongs to the sub-zone (earth_arkham_sanitarium#0)"}, ""},
		{"spawn remove ghoul", []string{"No spawn of ghoul is kept for this room."}, ""},
		{"spawn remove nurse 3", []string{"a number, chance or time belongs to spawn add"}, ""},
		{"spawn add nurse 3 0.5 night", []string{"Done; it takes effect as NPCs respawn"}, ""},
		{"places", []string{"nurse: up to 3, chance 0.5, by night, 2 about"}, ""},
	})
	tw.tick()
	if n := tw.npcsOf("nurse")["ward"]; n != 2 {
		t.Fatalf("%d nurses in the ward, want 2", n)
	}
	tw.flush(t)
	if got, want := tw.storedRoomAttrs(t, "ward"), `"spawns":[{"npc":"nurse","max":3,"chance":0.5,"time":"night"}]`; !strings.Contains(got, want) {
		t.Errorf("stored ward attributes = %s, want %s in them", got, want)
	}
	spawns, err := tw.db.NPCSpawns(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	if len(spawns) != 1 || spawns[0].ID != "ward#0" || spawns[0].Max != 3 || spawns[0].Time != store.SpawnNight {
		t.Errorf("stored spawns = %+v", spawns) // the sub-zone's was never imported in this test world
	}
	runSteps(t, keeper, []step{
		{"spawn remove nurse", []string{"Done"}, ""},
		{"places", nil, "nurse"},
		{"undo", []string{"Undone: spawn remove nurse."}, ""},
		{"places", []string{"nurse: up to 3, chance 0.5, by night, 2 about"}, ""},
	})
	tw.setWorldHour(23)
	tw.after(respawnPassive + time.Second)
	if n := tw.npcsOf("nurse")["ward"]; n < 2 || n > 3 {
		t.Errorf("%d nurses after a removal undone, want the 2 about and at most one more", n)
	}
	wantContains(t, keeper.do("spawn add nurse 2 now"), "Done")
	runSteps(t, keeper, []step{
		{"spawn remove nurse now", []string{"Done"}, ""},
		{"places", nil, "nurse"},
	})
	if n := total(tw.npcsOf("nurse")); n != 0 {
		t.Errorf("%d nurses left after spawn remove now", n)
	}
	tw.after(respawnPassive + time.Second)
	if n := total(tw.npcsOf("nurse")); n != 0 {
		t.Errorf("a removed spawn filled again: %d nurses", n)
	}
	wantContains(t, keeper.do("undo"), "Undone: spawn remove nurse.")
	tw.setWorldHour(12)
	tw.after(respawnPassive + time.Second)
	if n := tw.npcsOf("nurse")["ward"]; n != 2 {
		t.Errorf("%d nurses after the undo and the respawn delay, want 2", n)
	}
	tw.tick()
	tw.flush(t)
	if got, want := tw.storedRoomAttrs(t, "ward"), `"spawns":[{"npc":"nurse","max":2}]`; !strings.Contains(got, want) {
		t.Errorf("stored ward attributes = %s, want %s in them", got, want)
	}
}

// TestSpawnZone: the spawns of a whole sub-zone, kept in its config, are
// changed with "zone" (read off the loop, checked as the loader checks
// them, stored in the config with its other keys and as spawn rows), take
// effect as room spawns do, and undo takes them back.
func TestSpawnZone(t *testing.T) {
	const sub = "earth_arkham_sanitarium"
	config := `{"name":"Arkham Sanitarium","spawns":[{"npc":"rat"}],"reset_minutes":15}`
	rat := store.NPCSpawn{ID: sub + "#0", NPC: "rat", Rooms: []string{"cellar", "garden", "hall", "vault", "ward"},
		Max: 1, Chance: 1, Time: store.SpawnAny}
	sw := testRooms()
	sw.Zones[1].Attributes = config
	sw.NPCs, sw.Spawns = testNPCDefs(), []store.NPCSpawn{rat}
	tw := newTestWorldFrom(t, "", sw, func(cfg *Config) { cfg.NPCs, cfg.Spawns = sw.NPCs, sw.Spawns })
	keeper := tw.withRole(t, "Keeper", store.RoleBuilder)
	runSteps(t, keeper, []step{
		{"places", []string{"rat: up to 1", "(the sub-zone's, earth_arkham_sanitarium#0)"}, ""},
		{"spawn remove rat", []string{"belongs to the sub-zone (earth_arkham_sanitarium#0); type spawn remove rat zone"}, ""},
		{"spawn add nobody zone", []string{"There is no NPC nobody."}, ""},
		{"spawn remove rat 2 zone", []string{"a number, chance or time belongs to spawn add"}, ""},
	})
	keeper.doAwait(t, "spawn add rat 3 zone", "Done")
	keeper.doAwait(t, "spawn remove ghoul zone", "No spawn of ghoul for the whole sub-zone is kept.")
	keeper.doAwait(t, "spawn add nurse 500 zone", "spawns[1].max: must be 1 to 100, not 500")
	keeper.doAwait(t, "spawn add nurse zone now", "Done; the spawns are tried now.")
	tw.tick()
	if n := total(tw.npcsOf("nurse")); n != 1 {
		t.Errorf("%d nurses in the sub-zone, want 1", n)
	}
	tw.flush(t)
	z, err := tw.db.Zone(context.Background(), sub)
	if want := `{"name":"Arkham Sanitarium","spawns":[{"npc":"rat","max":3},{"npc":"nurse"}],"reset_minutes":15}`; err != nil || z.Attributes != want {
		t.Errorf("stored config = %s, %v; want %s", z.Attributes, err, want)
	}
	spawns, err := tw.db.NPCSpawns(context.Background())
	if err != nil || len(spawns) != 2 || spawns[0].Max != 3 || spawns[1].NPC != "nurse" || len(spawns[1].Rooms) != 5 {
		t.Errorf("stored spawns = %+v, %v", spawns, err)
	}
	keeper.doAwait(t, "spawn remove nurse zone now", "Done")
	if n := total(tw.npcsOf("nurse")); n != 0 {
		t.Errorf("%d nurses after spawn remove now", n)
	}
	for _, what := range []string{"spawn remove nurse zone", "spawn add nurse zone", "spawn add rat zone"} {
		wantContains(t, keeper.do("undo"), "Undone: "+what+".")
	}
	tw.tick()
	tw.flush(t)
	if z, err := tw.db.Zone(context.Background(), sub); err != nil || z.Attributes != config {
		t.Errorf("stored config after undo = %s, %v; want %s", z.Attributes, err, config)
	}
}

// TestPlaceAndReditKeepEachOther: a room's placements and its own edits
// (redit, which writes the room whole) reach the store together, in either
// order, within one batch and across batches.
func TestPlaceAndReditKeepEachOther(t *testing.T) {
	tw, keeper, _ := buildTestWorld(t)
	runSteps(t, keeper, []step{
		{"place candle", []string{"Placed"}, ""},
		{"redit name The Long Ward", nil, ""},
		{"spawn add nurse", []string{"Done"}, ""},
	})
	tw.tick()
	runSteps(t, keeper, []step{
		{"redit flag encounter disturbing", nil, ""},
		{"place bandage", []string{"Placed"}, ""},
	})
	tw.tick()
	wantContains(t, keeper.do("redit name The Longer Ward"), "The Longer Ward")
	tw.tick()
	tw.flush(t)
	r, err := tw.db.Room(context.Background(), "ward")
	if err != nil {
		t.Fatal(err)
	}
	want := `{"encounter":"disturbing","items":[{"proto":"lamp"},{"proto":"tonic","quantity":2},{"proto":"candle"},{"proto":"bandage"}],"spawns":[{"npc":"nurse"}]}`
	if r.Name != "The Longer Ward" || r.Attributes != want {
		t.Errorf("stored ward: %q, %s; want The Longer Ward, %s", r.Name, r.Attributes, want)
	}
}

// TestRoomUndoKeepsPlacements: undoing a room's own edit leaves the
// placements and spawns another builder made since, live and stored.
func TestRoomUndoKeepsPlacements(t *testing.T) {
	tw, keeper, _ := buildTestWorld(t)
	bob := tw.withRole(t, "Bob", store.RoleBuilder)
	keeper.do("redit name The Long Ward")
	runSteps(t, bob, []step{
		{"place candle", []string{"Placed"}, ""},
		{"spawn add nurse", []string{"Done"}, ""},
	})
	tw.tick()
	tw.flush(t)
	wantContains(t, keeper.do("undo"), "Undone")
	tw.tick()
	tw.flush(t)
	r, err := tw.db.Room(context.Background(), "ward")
	if err != nil {
		t.Fatal(err)
	}
	if r.Name == "The Long Ward" || !strings.Contains(r.Attributes, `"candle"`) || !strings.Contains(r.Attributes, `"nurse"`) {
		t.Errorf("stored ward after undo: %q, %s; want its old name with the candle and the nurse", r.Name, r.Attributes)
	}
	wantContains(t, bob.do("places"), "candle", "nurse")
}

// TestBuildingAndReload: while a world reload runs, item and NPC building
// is refused; a spawn a builder added is retired by a reload like the
// world's own, and the reloaded world's spawns are the ones spawn edits.
func TestBuildingAndReload(t *testing.T) {
	tw, keeper, _ := buildTestWorld(t)
	tw.onLoop(func() { tw.reload.Running = true })
	for _, line := range []string{"oedit lamp value 3", "ocreate knife a knife", "medit nurse dp 3", "mcreate x an x",
		"place candle", "unplace lamp", "spawn add nurse", "spawn add nurse zone"} {
		wantContains(t, keeper.do(line), strings.TrimSuffix(reloadBusyText, "\n"))
	}
	tw.onLoop(func() { tw.reload.Running = false })
	wantContains(t, keeper.do("places"), "1. lamp")
	wantContains(t, keeper.do("spawn add nurse now"), "Done")
	tw.tick()
	if n := total(tw.npcsOf("nurse")); n != 1 {
		t.Fatalf("%d nurses before the reload, want 1", n)
	}
	next := testRooms()
	next.NPCs, next.Spawns = testNPCDefs(), []store.NPCSpawn{spawnOf("rat", 1, "ward")}
	tw.onLoop(func() { tw.cfg.Reload = reloadWith(tw, next, nil) })
	if last := tw.reloadAndWait(t); !last.OK {
		t.Fatalf("reload recorded as %+v", last)
	}
	tw.after(respawnAggressive * 2)
	if nurses, rats := tw.npcsOf("nurse"), tw.npcsOf("rat"); total(nurses) != 0 || rats["ward"] != 1 {
		t.Errorf("after the reload: nurses %v, rats %v; want none and one rat in the ward", nurses, rats)
	}
	wantContains(t, keeper.do("places"), "rat: up to 1")
	wantContains(t, keeper.do("spawn remove rat"), "belongs to the sub-zone (rat#0)")
}

// TestUndoDigRefusedWhileTheRoomIsUsed: a dug room cannot be undug while
// placements, spawns or another room's exit lead into it; once they are
// gone, it can.
func TestUndoDigRefusedWhileTheRoomIsUsed(t *testing.T) {
	tw, keeper, _ := buildTestWorld(t)
	bob := tw.withRole(t, "Bob", store.RoleBuilder)
	wantContains(t, keeper.do("dig east The Attic"), atticID)
	steps := []struct{ there, back, refusal string }{
		{"place candle", "unplace candle", "items are placed in it"},
		{"spawn add nurse", "spawn remove nurse", "spawns are placed in it"},
	}
	for _, s := range steps {
		bob.do("east")
		bob.do(s.there)
		bob.do("west")
		wantContains(t, keeper.do("undo"), "You cannot undo", s.refusal)
		bob.do("east")
		bob.do(s.back)
		bob.do("west")
	}
	bob.do("north")
	wantContains(t, bob.do("redit exit northeast "+atticID), "now leads to The Attic")
	wantContains(t, keeper.do("undo"), "has an exit into it since")
	bob.do("redit exit northeast delete")
	wantContains(t, keeper.do("undo"), "Undone: dig east to The Attic.")
}

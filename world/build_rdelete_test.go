package world

import (
	"context"
	"errors"
	"slices"
	"strings"
	"testing"

	"mythosd/store"
)

// nightRat is a sub-zone's spawn of rats in rooms, by night only, so that
// at noon none is about.
func nightRat(rooms ...string) store.NPCSpawn {
	return store.NPCSpawn{ID: "earth_arkham_sanitarium#0", NPC: "rat", Rooms: rooms, Max: 1, Chance: 1, Time: store.SpawnNight}
}

// rdeleteWorld is a building world at noon with a sub-zone's night spawn in
// rooms, the builder Keeper in the garden and Wilbur in the ward.
func rdeleteWorld(t *testing.T, rooms ...string) (tw *testWorld, keeper, wilbur *player) {
	t.Helper()
	tw, keeper, wilbur = buildTestWorld(t, nightRat(rooms...))
	tw.setWorldHour(12)
	tw.tick()
	wantContains(t, keeper.do("goto garden"), "Garden")
	return tw, keeper, wilbur
}

// storedSpawns reads the spawn rows the store keeps, once every batch is
// committed, by id.
func (tw *testWorld) storedSpawns(t testing.TB) map[string]store.NPCSpawn {
	t.Helper()
	tw.tick()
	tw.flush(t)
	list, err := tw.db.NPCSpawns(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	out := map[string]store.NPCSpawn{}
	for _, s := range list {
		out[s.ID] = s
	}
	return out
}

// TestRdeleteRefusals: every room rdelete must not delete, and every bad
// input, gets its own clear answer and changes nothing.
func TestRdeleteRefusals(t *testing.T) {
	tw, keeper, wilbur := rdeleteWorld(t, "crypt")
	wantContains(t, wilbur.do("north"), "Hall")
	runSteps(t, keeper, []step{
		{"goto vault", []string{"Vault"}, ""},
		{"spawn add nurse now", []string{"Done"}, ""},
		{"goto cellar", []string{"Cellar"}, ""},
		{"admin summon candle", nil, ""},
		{"drop candle", nil, ""},
		{"goto garden", []string{"Garden"}, ""},
	})
	tw.tick() // the nurse appears
	ids := []string{"ward", "hall", "cellar", "vault", "crypt", "garden"}
	tw.cacheRooms(t, ids...)
	before := map[string]store.Room{}
	for _, id := range ids {
		before[id], _ = tw.liveRoom(t, id)
	}
	for _, tt := range []struct{ line, want string }{
		{"rdelete", "Usage: rdelete <room id>"},
		{"rdelete   ", "Usage: rdelete <room id>"},
		{"rdelete here", "You cannot delete the room you stand in"},
		{"rdelete HERE", "You cannot delete the room you stand in"},
		{"rdelete garden", "You cannot delete the room you stand in"},
		{"rdelete Hall!", "That is no room id"},
		{"rdelete hall\xff", "That is no room id"},
		{"rdelete hall\x1b[2J", "That is no room id"},
		{"rdelete " + strings.Repeat("a", 5000), "That is no room id"},
		{"rdelete nowhere_at_all", "No room has the id nowhere_at_all."},
		{"rdelete ward", "where new characters begin"},
		{"rdelete hall", "You cannot delete Hall: someone stands in it."},
		{"rdelete vault", "You cannot delete Vault: NPCs are in it"},
		{"rdelete cellar", "You cannot delete Cellar: things lie on its floor; carry them out, or admin purge them"},
		{"rdelete crypt", "the sub-zone's spawn earth_arkham_sanitarium#0 of rat appears only there"},
	} {
		wantContains(t, keeper.do(tt.line), tt.want)
	}
	for id, was := range before {
		if now, ok := tw.liveRoom(t, id); !ok || !store.SameRoom(now, was) {
			t.Errorf("a refused rdelete changed %s: %+v, %v", id, now, ok)
		}
	}
	wantContains(t, keeper.do("undo"), "Undone: spawn add nurse")
}

// TestRdeleteAndUndo: rdelete takes the garden out of the live world and
// the store with its placements, its spawns, its place in the sub-zone's
// spawn and the exits of the hall and the street that led to it; undo puts
// all of it back.
func TestRdeleteAndUndo(t *testing.T) {
	tw, keeper, _ := rdeleteWorld(t, "garden", "hall")
	wantContains(t, keeper.do("spawn add nurse"), "Done")
	if tw.floorCount("garden", "satchel") != 1 {
		t.Fatal("the garden's placements made nothing")
	}
	garden, _ := tw.liveRoom(t, "garden")
	wantContains(t, keeper.do("goto ward"), "Ward")
	wantContains(t, keeper.do("rdelete garden"), "You delete Garden (garden) and the ways into it from 2 other rooms.")

	wantContains(t, keeper.do("goto garden"), "No room or playing character is called")
	if _, ok := tw.liveRoom(t, "garden"); ok {
		t.Error("the garden is still in the room cache")
	}
	checkWays(t, tw, false)
	if n := tw.floorCount("garden", "satchel"); n != 0 {
		t.Errorf("%d satchels the placements made outlive the room", n)
	}
	if _, err := tw.storedRoom(t, "garden"); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("stored garden: %v, want ErrNotFound", err)
	}
	spawns := tw.storedSpawns(t)
	if _, ok := spawns["garden#0"]; ok {
		t.Error("the garden's spawn row outlives it")
	}
	if got := spawns["earth_arkham_sanitarium#0"].Rooms; !slices.Equal(got, []string{"hall"}) {
		t.Errorf("the sub-zone's spawn may appear in %v, want [hall]", got)
	}

	wantContains(t, keeper.do("undo"), "Undone: rdelete Garden (garden).")
	if now, ok := tw.liveRoom(t, "garden"); !ok || !store.SameRoom(now, garden) {
		t.Errorf("undo brought back %+v, %v; want %+v", now, ok, garden)
	}
	checkWays(t, tw, true)
	if n := tw.floorCount("garden", "satchel"); n != 1 {
		t.Errorf("%d satchels after undo, want the placement's 1", n)
	}
	stored, err := tw.storedRoom(t, "garden")
	if err != nil || !strings.Contains(stored.Attributes, `"satchel"`) || !strings.Contains(stored.Attributes, `"nurse"`) {
		t.Errorf("stored garden after undo = %+v, %v", stored, err)
	}
	spawns = tw.storedSpawns(t)
	if s, ok := spawns["garden#0"]; !ok || s.NPC != "nurse" {
		t.Errorf("the garden's spawn row after undo: %+v, %v", s, ok)
	}
	if got := spawns["earth_arkham_sanitarium#0"].Rooms; !slices.Equal(got, []string{"garden", "hall"}) {
		t.Errorf("the sub-zone's spawn may appear in %v after undo, want [garden hall]", got)
	}
	wantContains(t, keeper.do("goto garden"), "Garden")
	wantContains(t, keeper.do("places"), "satchel", "nurse: up to 1")
}

// checkWays fails unless the hall's way east and the street's way south
// lead to the garden (there) or are gone, live and stored.
func checkWays(t *testing.T, tw *testWorld, there bool) {
	t.Helper()
	for _, w := range []struct{ room, dir string }{{"hall", "east"}, {"street", "south"}} {
		live, _ := tw.liveRoom(t, w.room)
		stored, err := tw.storedRoom(t, w.room)
		if err != nil {
			t.Fatal(err)
		}
		for _, r := range []store.Room{live, stored} {
			if e, ok := r.Exit(w.dir); ok != there || (there && e.Target != "garden") {
				t.Errorf("%s's way %s: %+v, %v; want there %v", w.room, w.dir, e, ok, there)
			}
		}
	}
}

// TestRdeleteUndoRefusedAfterAChange: undo of an rdelete is refused when a
// room that led to the deleted one changed since, and changes nothing.
func TestRdeleteUndoRefusedAfterAChange(t *testing.T) {
	tw, keeper, _ := rdeleteWorld(t, "hall")
	bea := tw.withRole(t, "Bea", store.RoleBuilder)
	wantContains(t, keeper.do("goto ward"), "Ward")
	wantContains(t, keeper.do("rdelete garden"), "You delete Garden")
	wantContains(t, bea.do("goto hall"), "Hall")
	wantContains(t, bea.do("redit name Long Hall"), "now called Long Hall")
	wantContains(t, keeper.do("undo"), "You cannot undo rdelete Garden (garden): Long Hall has been changed since.")
	if _, ok := tw.liveRoom(t, "garden"); ok {
		t.Error("a refused undo brought the garden back")
	}
	checkWays(t, tw, false)
}

// TestRdeleteADugRoom: a room dug by mistake is deleted from a neighbour,
// with the way into it, and a later dig may take its id again.
func TestRdeleteADugRoom(t *testing.T) {
	tw, keeper, _ := rdeleteWorld(t, "hall")
	wantContains(t, keeper.do("goto ward"), "Ward")
	wantContains(t, keeper.do("dig east The Attic"), atticID)
	wantContains(t, keeper.do("rdelete "+atticID), "You delete The Attic ("+atticID+") and the way into it from 1 other room.")
	ward, _ := tw.liveRoom(t, "ward")
	if _, ok := ward.Exit("east"); ok {
		t.Errorf("the ward still leads east: %+v", ward.Exits)
	}
	if _, err := tw.storedRoom(t, atticID); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("stored attic: %v, want ErrNotFound", err)
	}
	wantContains(t, keeper.do("dig east The Attic"), "You dig east: The Attic")
}

// TestRdeleteRefusedWhenRoomsChangedMeanwhile: a room changed between the
// store read and the finish on the loop (here by another builder) makes
// rdelete ask to be typed again, and nothing changes.
func TestRdeleteRefusedWhenRoomsChangedMeanwhile(t *testing.T) {
	tw, keeper, _ := rdeleteWorld(t, "hall")
	bea := tw.withRole(t, "Bea", store.RoleBuilder)
	wantContains(t, keeper.do("goto ward"), "Ward")
	tw.cacheRooms(t, "hall", "street")
	var mark rdeleteMark
	tw.onLoop(func() { mark = tw.markRooms() })
	wantContains(t, bea.do("goto hall"), "Hall")
	wantContains(t, bea.do("redit exit east flag hidden"), "flag done")
	tw.onLoop(func() {
		var c *Character
		for _, ch := range tw.chars {
			if ch.Name == "Keeper" {
				c = ch
			}
		}
		garden, _ := tw.rooms.peek("garden")
		hall, _ := tw.rooms.peek("hall")
		street, _ := tw.rooms.peek("street")
		tw.rdeleteFinish(c, garden, mark, []*Room{hall, street}, nil)
	})
	tw.sync()
	wantContains(t, keeper.conn.take(), "The world changed while the ways into Garden were looked up; type rdelete again.")
	if _, ok := tw.liveRoom(t, "garden"); !ok {
		t.Error("the garden went although the hall changed meanwhile")
	}
	wantContains(t, keeper.do("rdelete garden"), "You delete Garden (garden) and the ways into it from 2 other rooms.")
	checkWays(t, tw, false)
}

// TestRdeleteCharacterComesBackToStart: a character who quit in a room
// that was deleted since enters the world in the start room, before the
// deletion is committed and after.
func TestRdeleteCharacterComesBackToStart(t *testing.T) {
	for _, committed := range []bool{false, true} {
		tw, keeper, wilbur := rdeleteWorld(t, "hall")
		wantContains(t, keeper.do("goto ward"), "Ward")
		wantContains(t, wilbur.do("north"), "Hall")
		wantContains(t, wilbur.do("east"), "Garden")
		wilbur.do("quit")
		tw.tick()
		tw.flush(t)
		tw.onLoop(func() { tw.rooms.items.Flush() }) // the garden is read again, as after its TTL
		wantContains(t, keeper.do("rdelete garden"), "You delete Garden")
		if committed {
			tw.tick()
			tw.flush(t)
		}
		_, got := tw.login(t, "Wilbur", "secret1")
		wantContains(t, got, "Ward")
		if strings.Contains(got, "Garden") {
			t.Errorf("committed %v: Wilbur came back to the deleted garden:\n%s", committed, got)
		}
	}
}

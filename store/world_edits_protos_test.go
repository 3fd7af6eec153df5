package store

import (
	"encoding/json"
	"reflect"
	"strings"
	"testing"
)

// editWorld is a small world with a prototype, a definition, a room with
// placements and a room spawn, and a sub-zone spawn.
func editWorld() World {
	return World{
		Zones: []Zone{{ID: "earth_a", Plane: "earth", Zone: "a"}, {ID: "earth_a_b", Plane: "earth", Zone: "a", SubZone: "b",
			Name: "B", Attributes: `{"name":"B","spawns":[{"npc":"rat"}],"reset_minutes":5}`}},
		Rooms: []Room{
			{ID: "earth_a_b_hall", Name: "Hall", Description: "A hall.", Plane: "earth", Zone: "a", SubZone: "b",
				Attributes: `{"encounter":"horrific","items":[{"proto":"lamp"}],"spawns":[{"npc":"rat"}]}`},
			{ID: "earth_a_b_hall_2", Name: "Hall 2", Description: "Another.", Plane: "earth", Zone: "a", SubZone: "b"},
		},
		Items: []ItemProto{{ID: "lamp", Name: "a lamp", Keywords: []string{"lamp"}, Description: "Brass.", Type: "junk"}},
		NPCs:  []NPCDef{{ID: "rat", Name: "a rat", Keywords: []string{"rat"}, RoomText: "A rat.", Description: "Fat.", Kind: NPCPassive, DP: 1, DEX: 1, STR: 1}},
		Spawns: []NPCSpawn{
			{ID: "earth_a_b#0", NPC: "rat", Rooms: []string{"earth_a_b_hall", "earth_a_b_hall_2"}, Max: 1, Chance: 1, Time: SpawnAny},
			{ID: "earth_a_b_hall#0", NPC: "rat", Rooms: []string{"earth_a_b_hall"}, Max: 1, Chance: 1, Time: SpawnAny},
			{ID: "earth_a_b_hall_2#0", NPC: "rat", Rooms: []string{"earth_a_b_hall_2"}, Max: 1, Chance: 1, Time: SpawnAny},
		},
	}
}

// editBatch changes every kind of thing building changes.
func editBatch() Batch {
	ghoul := NPCDef{ID: "ghoul", Name: "a ghoul", Keywords: []string{"ghoul"}, RoomText: "A ghoul.", Description: "Grey.",
		Kind: NPCAggressive, DP: 5, DEX: 5, STR: 5}
	knife := ItemProto{ID: "knife", Name: "a knife", Keywords: []string{"knife"}, Description: "Sharp.", Type: "junk", Weight: 3}
	return Batch{
		Protos:    map[string]*ItemProto{"knife": &knife, "lamp": nil},
		NPCDefs:   map[string]*NPCDef{"ghoul": &ghoul},
		RoomAttrs: map[AttrKey]json.RawMessage{{ID: "earth_a_b_hall", Key: "items"}: json.RawMessage(`[{"proto":"knife","quantity":2}]`)},
		Spawns: map[string][]NPCSpawn{"earth_a_b_hall": {
			{ID: "earth_a_b_hall#0", NPC: "ghoul", Rooms: []string{"earth_a_b_hall"}, Max: 2, Chance: 1, Time: SpawnAny},
			{ID: "earth_a_b_hall#1", NPC: "rat", Rooms: []string{"earth_a_b_hall"}, Max: 1, Chance: 1, Time: SpawnAny},
		}},
	}
}

// TestWorldEditsReadThrough: building changes held back by a paused writer
// are seen by ItemProtos, NPCDefs, NPCSpawns, Room and World; once
// committed the database says the same, and a re-import of that world
// changes nothing.
func TestWorldEditsReadThrough(t *testing.T) {
	db := newDB(t)
	ctx := ctxT(t)
	if _, err := db.ImportWorld(ctx, editWorld()); err != nil {
		t.Fatal(err)
	}
	resume := db.Pause()
	b := editBatch()
	b.RoomAttrs[AttrKey{ID: "earth_a_b_hall", Key: "spawns"}] = json.RawMessage(`[{"npc":"ghoul","max":2},{"npc":"rat"}]`)
	b.ZoneAttrs = map[AttrKey]json.RawMessage{{ID: "earth_a_b", Key: "spawns"}: json.RawMessage(`[{"npc":"rat","max":3}]`)}
	b.Spawns["earth_a_b"] = []NPCSpawn{{ID: "earth_a_b#0", NPC: "rat", Rooms: []string{"earth_a_b_hall", "earth_a_b_hall_2"}, Max: 3, Chance: 1, Time: SpawnAny}}
	db.Submit(b)
	check := func(when string) World {
		t.Helper()
		protos, err := db.ItemProtos(ctx)
		if err != nil || len(protos) != 1 || protos[0].ID != "knife" {
			t.Errorf("%s: ItemProtos = %+v, %v", when, protos, err)
		}
		defs, err := db.NPCDefs(ctx)
		if err != nil || len(defs) != 2 || defs[0].ID != "ghoul" || defs[1].ID != "rat" {
			t.Errorf("%s: NPCDefs = %+v, %v", when, defs, err)
		}
		spawns, err := db.NPCSpawns(ctx)
		ids := []string{}
		for _, sp := range spawns {
			ids = append(ids, sp.ID+"="+sp.NPC)
		}
		want := []string{"earth_a_b#0=rat", "earth_a_b_hall#0=ghoul", "earth_a_b_hall#1=rat", "earth_a_b_hall_2#0=rat"}
		if err == nil && spawns[0].Max != 3 {
			t.Errorf("%s: the sub-zone's spawn = %+v, want max 3", when, spawns[0])
		}
		z, err := db.Zone(ctx, "earth_a_b")
		if wantZone := `{"name":"B","spawns":[{"npc":"rat","max":3}],"reset_minutes":5}`; err != nil || z.Attributes != wantZone {
			t.Errorf("%s: zone config = %s, %v; want %s", when, z.Attributes, err, wantZone)
		}
		if err != nil || !reflect.DeepEqual(ids, want) {
			t.Errorf("%s: NPCSpawns = %v, %v; want %v", when, ids, err, want)
		}
		r, err := db.Room(ctx, "earth_a_b_hall")
		wantAttrs := `{"encounter":"horrific","items":[{"proto":"knife","quantity":2}],"spawns":[{"npc":"ghoul","max":2},{"npc":"rat"}]}`
		if err != nil || r.Attributes != wantAttrs {
			t.Errorf("%s: room attributes = %s, %v", when, r.Attributes, err)
		}
		w, err := db.World(ctx)
		if err != nil {
			t.Fatal(err)
		}
		if len(w.Items) != 1 || len(w.NPCs) != 2 || len(w.Spawns) != 4 || w.Rooms[0].Attributes != wantAttrs ||
			!strings.Contains(w.Zones[1].Attributes, `"max":3`) {
			t.Errorf("%s: World = %+v", when, w)
		}
		return w
	}
	pending := check("pending")
	resume()
	flush(t, db)
	committed := check("committed")
	if !reflect.DeepEqual(pending, committed) {
		t.Errorf("the world read through pending edits differs from the committed one")
	}
	stats, err := db.ImportWorld(ctx, committed)
	if err != nil || stats.Prototypes != 0 || stats.NPCs != 0 || stats.Updated != 0 {
		t.Errorf("re-import of the edited world: %+v, %v; want nothing changed", stats, err)
	}
}

// TestWorldEditsMerge: newer building changes win; an older batch put back
// after a failed commit never overwrites a newer one and brings back what
// the newer one lacks; removal is a change like any other.
func TestWorldEditsMerge(t *testing.T) {
	p := newPending()
	p.add(editBatch())
	lamp := ItemProto{ID: "lamp", Name: "a new lamp"}
	p.add(Batch{Protos: map[string]*ItemProto{"lamp": &lamp, "knife": nil},
		RoomAttrs: map[AttrKey]json.RawMessage{{ID: "earth_a_b_hall", Key: "items"}: nil}})
	if p.edits.protos["lamp"].Name != "a new lamp" || p.edits.protos["knife"] != nil {
		t.Errorf("protos after a newer batch: %+v", p.edits.protos)
	}
	if v, ok := p.edits.attrs[AttrKey{ID: "earth_a_b_hall", Key: "items"}]; !ok || v != nil {
		t.Errorf("items key after removal: %s, %v", v, ok)
	}
	newer := newPending()
	newer.add(Batch{NPCDefs: map[string]*NPCDef{"ghoul": nil}})
	newer.addOlder(p)
	if newer.edits.npcs["ghoul"] != nil || newer.edits.protos["lamp"] == nil || len(newer.edits.spawns["earth_a_b_hall"]) != 2 {
		t.Errorf("after addOlder: %+v", newer.edits)
	}
	if c := newer.contents(); c.edits != 5 || c.size() != 5 { // knife, lamp, ghoul, hall's items, hall's spawns
		t.Errorf("contents = %+v", c)
	}
}

// TestSetAttribute keeps the loader's form: compact, keys sorted, "" when
// empty.
func TestSetAttribute(t *testing.T) {
	for _, tc := range []struct {
		attrs, key, value, want string
	}{
		{"", "items", `[{"proto":"a"}]`, `{"items":[{"proto":"a"}]}`},
		{`{"spawns":[],"encounter":"cosmic"}`, "items", `[ {"proto": "a"} ]`, `{"encounter":"cosmic","items":[{"proto":"a"}],"spawns":[]}`},
		{`{"items":[{"proto":"a"}]}`, "items", "", ""},
		{`{"items":[{"proto":"a"}],"x":1}`, "items", "", `{"x":1}`},
	} {
		got, err := SetAttribute(tc.attrs, tc.key, json.RawMessage(tc.value))
		if err != nil || got != tc.want {
			t.Errorf("SetAttribute(%s, %s, %s) = %s, %v; want %s", tc.attrs, tc.key, tc.value, got, err, tc.want)
		}
	}
	if _, err := SetAttribute("{", "items", nil); err == nil {
		t.Error("broken attributes accepted")
	}
}

// TestSetConfigKey keeps a config's key order: a key set stays where it
// is, a new one goes last.
func TestSetConfigKey(t *testing.T) {
	for _, tc := range []struct {
		config, key, value, want string
	}{
		{"", "spawns", `[{"npc":"rat"}]`, `{"spawns":[{"npc":"rat"}]}`},
		{`{"name":"B","spawns":[],"environment":"indoors"}`, "spawns", `[ {"npc": "rat"} ]`, `{"name":"B","spawns":[{"npc":"rat"}],"environment":"indoors"}`},
		{`{"name":"B","environment":"indoors"}`, "spawns", `[{"npc":"rat"}]`, `{"name":"B","environment":"indoors","spawns":[{"npc":"rat"}]}`},
		{`{"name":"B","spawns":[{"npc":"rat"}]}`, "spawns", "", `{"name":"B"}`},
		{`{"spawns":[{"npc":"rat"}]}`, "spawns", "", ""},
	} {
		got, err := SetConfigKey(tc.config, tc.key, json.RawMessage(tc.value))
		if err != nil || got != tc.want {
			t.Errorf("SetConfigKey(%s, %s, %s) = %s, %v; want %s", tc.config, tc.key, tc.value, got, err, tc.want)
		}
	}
	for _, bad := range []string{"[", "[]", `{"a":}`} {
		if _, err := SetConfigKey(bad, "spawns", nil); err == nil {
			t.Errorf("config %q accepted", bad)
		}
	}
}

// TestSubZoneRoomsReadThrough: a room dug (not yet committed) joins its
// sub-zone's rooms, a room deleted leaves them.
func TestSubZoneRoomsReadThrough(t *testing.T) {
	db := newDB(t)
	ctx := ctxT(t)
	if _, err := db.ImportWorld(ctx, editWorld()); err != nil {
		t.Fatal(err)
	}
	resume := db.Pause()
	defer resume()
	dug := Room{ID: "earth_a_b_room_cellar_001", Name: "Cellar", Description: "Damp.", Plane: "earth", Zone: "a", SubZone: "b"}
	db.Submit(Batch{Rooms: map[string]RoomEdit{dug.ID: {Room: dug}, "earth_a_b_hall_2": {Room: Room{ID: "earth_a_b_hall_2"}, Deleted: true}}})
	ids, err := db.SubZoneRooms(ctx, "earth", "a", "b")
	if want := []string{"earth_a_b_hall", "earth_a_b_room_cellar_001"}; err != nil || !reflect.DeepEqual(ids, want) {
		t.Errorf("SubZoneRooms = %v, %v; want %v", ids, err, want)
	}
}

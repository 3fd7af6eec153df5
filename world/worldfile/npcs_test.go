package worldfile

import (
	"encoding/json"
	"slices"
	"testing"
	"testing/fstest"
)

// ghoulDoc is a valid NPC definition.
func ghoulDoc() map[string]any {
	return map[string]any{"id": "ghoul", "name": "a ghoul", "keywords": []string{"ghoul"}, "room_text": "A ghoul crouches here.",
		"description": "Rubbery grey skin.", "kind": "aggressive", "lucidity": "horrific", "dp": 12, "dex": 50, "str": 60,
		"damage": map[string]any{"min": 1, "max": 4}, "xp": 40, "loot": []any{map[string]any{"proto": "lamp", "chance": 0.5}},
		"behaviour": map[string]any{"wander_seconds": 30, "flee_below": 0.2}}
}

// npcWorld is a sub-zone of two rooms with a config, a prototype and NPC
// definitions.
func npcWorld(t *testing.T, npcs []map[string]any, spawns any, roomSpawns any) fstest.MapFS {
	t.Helper()
	ward := roomDoc("sanitarium", "ward_001", nil)
	if roomSpawns != nil {
		ward = with(ward, "spawns", roomSpawns)
	}
	return fstest.MapFS{
		"earth/arkham_city/sanitarium/room_ward_001.json":  jsonFile(t, ward),
		"earth/arkham_city/sanitarium/room_hall_001.json":  jsonFile(t, roomDoc("sanitarium", "hall_001", nil)),
		"earth/arkham_city/sanitarium/subzone_config.json": jsonFile(t, map[string]any{"spawns": spawns}),
		"items/tools.json":  jsonFile(t, map[string]any{"items": []any{lampDoc()}}),
		"npcs/horrors.json": jsonFile(t, map[string]any{"npcs": npcs}),
	}
}

func TestNPCsAndSpawnsLoad(t *testing.T) {
	const hall, ward = "earth_arkham_city_sanitarium_room_hall_001", "earth_arkham_city_sanitarium_room_ward_001"
	fsys := npcWorld(t, []map[string]any{ghoulDoc()},
		[]any{map[string]any{"npc": "ghoul", "max": 2, "chance": 0.5, "time": "night"}, map[string]any{"npc": "ghoul", "room": hall}},
		[]any{map[string]any{"npc": "ghoul"}})
	w, rep := mustLoad(t, fsys)
	checkProblems(t, rep.Problems, nil)
	if len(w.NPCs) != 1 || w.NPCs[0].Lucidity != "horrific" || w.NPCs[0].Damage.Max != 4 || w.NPCs[0].Behaviour.WanderSeconds != 30 {
		t.Fatalf("npcs %+v", w.NPCs)
	}
	if len(w.Spawns) != 3 {
		t.Fatalf("spawns %+v", w.Spawns)
	}
	sz, one, room := w.Spawns[0], w.Spawns[1], w.Spawns[2]
	if sz.ID != "earth_arkham_city_sanitarium#0" || len(sz.Rooms) != 2 || sz.Max != 2 || sz.Chance != 0.5 || sz.Time != "night" {
		t.Errorf("sub-zone spawn %+v", sz)
	}
	if len(one.Rooms) != 1 || one.Rooms[0] != hall || one.Max != 1 || one.Chance != 1 || one.Time != "any" {
		t.Errorf("sub-zone spawn in one room %+v", one)
	}
	if room.ID != ward+"#0" || len(room.Rooms) != 1 || room.Rooms[0] != ward {
		t.Errorf("room spawn %+v", room)
	}
}

func TestNPCProblemsNameFileAndField(t *testing.T) {
	const npcs, cfg = "npcs/horrors.json", "earth/arkham_city/sanitarium/subzone_config.json"
	const ward = "earth/arkham_city/sanitarium/room_ward_001.json"
	tests := []struct {
		name       string
		npcs       []map[string]any
		spawns     any
		roomSpawns any
		want       []wantProblem
	}{
		{"dp out of range", []map[string]any{with(ghoulDoc(), "dp", 0)}, nil, nil,
			[]wantProblem{{npcs, "npcs[0].dp", Error, "must be 1 to 10000, not 0"}}},
		{"unknown kind and lucidity", []map[string]any{with(with(ghoulDoc(), "kind", "friendly"), "lucidity", "mild")}, nil, nil,
			[]wantProblem{{npcs, "npcs[0].kind", Error, "unknown kind"}, {npcs, "npcs[0].lucidity", Error, "unknown category"}}},
		{"damage max below min", []map[string]any{with(ghoulDoc(), "damage", map[string]any{"min": 5, "max": 2})}, nil, nil,
			[]wantProblem{{npcs, "npcs[0].damage.max", Error, "at least min"}}},
		{"unknown loot prototype", []map[string]any{with(ghoulDoc(), "loot", []any{map[string]any{"proto": "bone"}})}, nil, nil,
			[]wantProblem{{npcs, "npcs[0].loot[0].proto", Error, `unknown item prototype "bone"`}}},
		{"shopkeeper without shop", []map[string]any{with(ghoulDoc(), "kind", "shopkeeper")}, nil, nil,
			[]wantProblem{{npcs, "npcs[0].shop", Error, "needs shop"}}},
		{"flee share", []map[string]any{with(ghoulDoc(), "behaviour", map[string]any{"flee_below": 1.5})}, nil, nil,
			[]wantProblem{{npcs, "npcs[0].behaviour.flee_below", Error, "below 1"}}},
		{"duplicate id", []map[string]any{ghoulDoc(), ghoulDoc()}, nil, nil,
			[]wantProblem{{npcs, "npcs[1].id", Error, "duplicate NPC id"}}},
		{"spawn of unknown NPC, bad chance and time", []map[string]any{ghoulDoc()},
			[]any{map[string]any{"npc": "shoggoth"}, map[string]any{"npc": "ghoul", "chance": 2, "time": "dusk"}}, nil,
			[]wantProblem{{cfg, "spawns[0].npc", Error, `unknown NPC "shoggoth"`}, {cfg, "spawns[1].chance", Error, "at most 1"},
				{cfg, "spawns[1].time", Error, "unknown time"}}},
		{"spawn room outside the sub-zone", []map[string]any{ghoulDoc()}, []any{map[string]any{"npc": "ghoul", "room": "earth_x_y_room_z"}}, nil,
			[]wantProblem{{cfg, "spawns[0].room", Error, "no room"}}},
		{"room spawn names no room", []map[string]any{ghoulDoc()}, nil, []any{map[string]any{"npc": "ghoul", "max": 0, "room": "x"}},
			[]wantProblem{{ward, "spawns[0].room", Error, `unknown key "room"`}, {ward, "spawns[0].max", Error, "must be 1 to 100"}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, rep := mustLoad(t, npcWorld(t, tt.npcs, tt.spawns, tt.roomSpawns))
			checkProblems(t, rep.Problems, tt.want)
		})
	}
}

func TestSpawnsInAZoneConfigAreReported(t *testing.T) {
	fsys := npcWorld(t, []map[string]any{ghoulDoc()}, nil, nil)
	fsys["earth/arkham_city/zone_config.json"] = jsonFile(t, map[string]any{"spawns": []any{map[string]any{"npc": "ghoul"}}})
	w, rep := mustLoad(t, fsys)
	checkProblems(t, rep.Problems, []wantProblem{{"earth/arkham_city/zone_config.json", "spawns", Warning, "belong in a sub-zone config"}})
	if len(w.Spawns) != 0 {
		t.Fatalf("a zone config's spawns were kept: %+v", w.Spawns)
	}
}

// FuzzNPCFile feeds arbitrary bytes to the NPC file reader: it must never
// panic, every problem names the file, and what it keeps has an id.
func FuzzNPCFile(f *testing.F) {
	f.Add([]byte(`{"npcs":[{"id":"ghoul","name":"a ghoul","keywords":["ghoul"],"room_text":"R","description":"D","kind":"aggressive",` +
		`"lucidity":"horrific","dp":12,"dex":50,"str":60,"damage":{"min":1,"max":4},"loot":[{"proto":"x","chance":0.5}],` +
		`"behaviour":{"wander_seconds":30,"greet":"hi","flee_below":0.2},"shop":{"stock":[{"proto":"y","quantity":2}]}}]}`))
	f.Add([]byte(`{"npcs":[{"id":3,"dp":1e99,"damage":[],"loot":{"a":1},"shop":null},null,7]}`))
	f.Add([]byte(`{"npcs":null,"x":1}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		l := &loader{report: &Report{}, npcs: map[string]*npcEntry{}, protos: map[string]*protoEntry{}}
		l.addNPCFile("npcs/f.json", data)
		l.checkNPCItems()
		for _, p := range l.report.Problems {
			if p.File != "npcs/f.json" || p.Message == "" {
				t.Fatalf("malformed problem %+v", p)
			}
		}
		for _, id := range l.npcOrder {
			if id == "" || l.npcs[id] == nil {
				t.Fatalf("kept a definition without an id: %q", id)
			}
		}
	})
}

// FuzzSpawns feeds arbitrary bytes as a sub-zone config: loading never
// panics, and every spawn kept names a known NPC, rooms of the sub-zone
// and numbers in range.
func FuzzSpawns(f *testing.F) {
	f.Add([]byte(`{"spawns":[{"npc":"ghoul","max":2,"chance":0.5,"time":"night"},{"npc":"ghoul","room":"earth_arkham_city_sanitarium_room_hall_001"}]}`))
	f.Add([]byte(`{"spawns":[{"npc":"ghoul","max":-1,"chance":"x","room":7},null,{}]}`))
	f.Add([]byte(`{"spawns":{"npc":"ghoul"}}`))
	ghoul, _ := json.Marshal(map[string]any{"npcs": []any{ghoulDoc()}})
	lamp, _ := json.Marshal(map[string]any{"items": []any{lampDoc()}})
	room, _ := json.Marshal(roomDoc("sanitarium", "hall_001", nil))
	f.Fuzz(func(t *testing.T, data []byte) {
		w, _, err := Load(fstest.MapFS{
			"earth/arkham_city/sanitarium/room_hall_001.json":  {Data: room},
			"earth/arkham_city/sanitarium/subzone_config.json": {Data: data},
			"items/tools.json":  {Data: lamp},
			"npcs/horrors.json": {Data: ghoul},
		})
		if err != nil {
			t.Fatal(err)
		}
		for _, sp := range w.Spawns {
			if sp.NPC != "ghoul" || len(sp.Rooms) != 1 || sp.Rooms[0] != "earth_arkham_city_sanitarium_room_hall_001" ||
				sp.Max < 1 || sp.Max > 100 || sp.Chance <= 0 || sp.Chance > 1 || !slices.Contains(spawnTimes, sp.Time) {
				t.Fatalf("bad spawn kept: %+v", sp)
			}
		}
	})
}

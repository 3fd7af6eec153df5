package worldfile

import (
	"strings"
	"testing"
	"testing/fstest"
)

// lampDoc is a valid prototype.
func lampDoc() map[string]any {
	return map[string]any{"id": "lamp", "name": "a lamp", "keywords": []string{"lamp"}, "description": "A lamp.",
		"type": "equipment", "weight": 30, "value": 175, "slots": []string{"off_hand"}}
}

// itemWorld is a world of one room with the given placements and exits,
// and prototype files.
func itemWorld(t *testing.T, protos []map[string]any, placements any, exits map[string]any) fstest.MapFS {
	t.Helper()
	room := roomDoc("sanitarium", "ward_001", exits)
	if placements != nil {
		room = with(room, "items", placements)
	}
	return fstest.MapFS{
		"earth/arkham_city/sanitarium/room_ward_001.json": jsonFile(t, room),
		"items/tools.json": jsonFile(t, map[string]any{"items": protos}),
	}
}

func TestItemPrototypesLoad(t *testing.T) {
	cabinet := map[string]any{"id": "cabinet", "name": "a cabinet", "keywords": []string{"cabinet"}, "description": "Steel.",
		"type": "container", "weight": 1000, "value": 0, "flags": []string{"fixed"},
		"container": map[string]any{"capacity": 2, "max_weight": 100, "closable": true, "key": "key_b"}}
	key := map[string]any{"id": "key_b", "name": "a key", "keywords": []string{"key"}, "description": "A key.",
		"type": "key", "weight": 1, "value": 0, "key_id": "key_b"}
	fsys := itemWorld(t, []map[string]any{lampDoc(), cabinet, key},
		[]any{map[string]any{"proto": "lamp", "quantity": 2},
			map[string]any{"proto": "cabinet", "state": "locked", "contents": []any{map[string]any{"proto": "key_b"}}}},
		map[string]any{"east": map[string]any{"target": "earth_arkham_city_sanitarium_room_ward_001", "flags": []string{"locked"}, "key": "key_b"}})
	w, rep := mustLoad(t, fsys)
	checkProblems(t, rep.Problems, nil)
	if len(w.Items) != 3 || w.Items[1].Container.Key != "key_b" || w.Rooms[0].Exits[0].Key != "key_b" {
		t.Fatalf("items %+v, exits %+v", w.Items, w.Rooms[0].Exits)
	}
	if !strings.Contains(w.Rooms[0].Attributes, `"proto":"cabinet"`) {
		t.Errorf("placements not kept: %s", w.Rooms[0].Attributes)
	}
}

func TestItemProblemsNameFileAndField(t *testing.T) {
	const room, items = "earth/arkham_city/sanitarium/room_ward_001.json", "items/tools.json"
	tests := []struct {
		name       string
		protos     []map[string]any
		placements any
		exits      map[string]any
		want       []wantProblem
	}{
		{"weight out of range", []map[string]any{with(lampDoc(), "weight", -4)}, nil, nil,
			[]wantProblem{{items, "items[0].weight", Error, "must be 0 to 10000, not -4"}}},
		{"unknown key, slot, flag and type", []map[string]any{with(with(with(with(lampDoc(), "colour", "red"), "slots", []string{"tail"}), "flags", []string{"shiny"}), "type", "gizmo")}, nil, nil,
			[]wantProblem{{items, "items[0].colour", Error, "unknown key"}, {items, "items[0].type", Error, "unknown type"},
				{items, "items[0].slots", Error, "unknown slot"}, {items, "items[0].flags", Error, "unknown flag"}}},
		{"missing keywords", []map[string]any{with(lampDoc(), "keywords", nil)}, nil, nil,
			[]wantProblem{{items, "items[0].keywords", Error, "required"}}},
		{"duplicate id", []map[string]any{lampDoc(), lampDoc()}, nil, nil,
			[]wantProblem{{items, "items[1].id", Error, "duplicate prototype id"}}},
		{"weapon without weapon", []map[string]any{with(lampDoc(), "type", "weapon")}, nil, nil,
			[]wantProblem{{items, "items[0].weapon", Error, "needs weapon"}}},
		{"container without container", []map[string]any{with(lampDoc(), "type", "container")}, nil, nil,
			[]wantProblem{{items, "items[0].container", Error, "needs container"}}},
		{"unknown placement", []map[string]any{lampDoc()}, []any{map[string]any{"proto": "anvil"}}, nil,
			[]wantProblem{{room, "items[0].proto", Error, `unknown prototype "anvil"`}}},
		{"contents in no container", []map[string]any{lampDoc()}, []any{map[string]any{"proto": "lamp", "contents": []any{map[string]any{"proto": "lamp"}}}}, nil,
			[]wantProblem{{room, "items[0].contents", Error, "is no container"}}},
		{"quantity out of range", []map[string]any{lampDoc()}, []any{map[string]any{"proto": "lamp", "quantity": 99}}, nil,
			[]wantProblem{{room, "items[0].quantity", Error, "must be 1 to 20"}}},
		{"exit key no key names", []map[string]any{lampDoc()}, nil,
			map[string]any{"east": map[string]any{"target": "earth_arkham_city_sanitarium_room_ward_001", "flags": []string{"locked"}, "key": "key_x"}},
			[]wantProblem{{room, "exits.east.key", Error, `no key prototype has key_id "key_x"`}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, rep := mustLoad(t, itemWorld(t, tt.protos, tt.placements, tt.exits))
			checkProblems(t, rep.Problems, tt.want)
		})
	}
}

func TestItemsFolderIsNoPlane(t *testing.T) {
	fsys := itemWorld(t, []map[string]any{lampDoc()}, nil, nil)
	fsys["items/more/deep.json"] = rawFile(`{"items":[]}`)
	fsys["npcs/people.json"] = rawFile(`{"npcs":[]}`)
	w, rep := mustLoad(t, fsys)
	checkProblems(t, rep.Problems, []wantProblem{{"items/more/deep.json", "", Error, "no folders"}})
	for _, z := range w.Zones {
		if z.Plane == "items" || z.Plane == "npcs" {
			t.Errorf("zone %s made of a reserved folder", z.ID)
		}
	}
}

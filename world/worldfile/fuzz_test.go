package worldfile

import (
	"encoding/json"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"testing"
	"testing/fstest"

	"mythosd/store"
)

// FuzzDecodeRoom feeds arbitrary bytes to the room decoder: it must never
// panic, must be deterministic, and what it loads must be well formed.
func FuzzDecodeRoom(f *testing.F) {
	seeds, err := filepath.Glob(filepath.Join(compatRoot, "earth/arkham_city/*/*.json"))
	if err != nil || len(seeds) == 0 {
		f.Fatalf("no seed files under %s: %v", compatRoot, err)
	}
	for _, p := range seeds[:8] {
		data, err := os.ReadFile(p)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
	}
	f.Add([]byte(`{"id":"earth_a_b_room_x","name":"X","description":"Y","plane":"earth","zone":"a","sub_zone":"b",` +
		`"environment":"eldritch","encounter":{"kind":"cosmic"},"exits":{"north":{"target":"t","flags":["hidden","x"],` +
		`"description":"d","k":1},"up":"","down":7,"left":null}}`))
	f.Add([]byte(`{"exits":[],"id":3}`))
	f.Add([]byte("\xEF\xBB\xBF{\"id\":\"\xff\"}"))
	loc := location{plane: "earth", zone: "a", subZone: "b"}
	f.Fuzz(func(t *testing.T, data []byte) {
		room, problems, ok := decodeRoom("f.json", loc, data)
		room2, problems2, ok2 := decodeRoom("f.json", loc, data)
		if ok != ok2 || !reflect.DeepEqual(room, room2) || !reflect.DeepEqual(problems, problems2) {
			t.Fatal("decodeRoom is not deterministic")
		}
		for _, p := range problems {
			if p.File != "f.json" || (p.Severity != Error && p.Severity != Warning) || p.Message == "" {
				t.Fatalf("malformed problem %+v", p)
			}
		}
		if !ok {
			if !slices.ContainsFunc(problems, func(p Problem) bool { return p.Severity == Error }) {
				t.Fatal("room rejected without an Error")
			}
			return
		}
		checkDecodedRoom(t, room, loc)
	})
}

// checkDecodedRoom asserts the invariants of a room decodeRoom loaded.
func checkDecodedRoom(t *testing.T, room store.Room, loc location) {
	t.Helper()
	if room.ID == "" || room.Plane != loc.plane || room.Zone != loc.zone || room.SubZone != loc.subZone {
		t.Fatalf("room %+v: missing id or place not the folders'", room)
	}
	if room.Environment != "" && !KnownEnvironment(room.Environment) {
		t.Fatalf("unknown environment %q kept", room.Environment)
	}
	if room.Attributes != "" && !json.Valid([]byte(room.Attributes)) {
		t.Fatalf("attributes %q are not JSON", room.Attributes)
	}
	dirs := store.Directions()
	last := -1
	for _, e := range room.Exits {
		i := slices.Index(dirs[:], e.Direction)
		if i <= last || e.Target == "" {
			t.Fatalf("exits %+v: out of order, unknown direction or empty target", room.Exits)
		}
		last = i
		for _, fl := range e.Flags {
			if !knownFlag(fl) {
				t.Fatalf("unknown flag %q kept", fl)
			}
		}
	}
}

// FuzzLoad puts arbitrary bytes in a world as a room file and as a config
// beside a valid room: Load must never panic nor fail, and every exit it
// keeps must lead to a room.
func FuzzLoad(f *testing.F) {
	f.Add([]byte(`{"id":"earth_arkham_city_northside_b","name":"B","description":"D","plane":"earth","zone":"arkham_city",` +
		`"sub_zone":"northside","exits":{"north":"earth_arkham_city_a","south":{"target":"earth_arkham_city_northside_room_b"}}}`))
	f.Add([]byte(`{"start_room":"earth_arkham_city_northside_room_a","special_rules":{"sanity_drain_rate":"x"}}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		fsys := fstest.MapFS{
			roomA:   jsonFile(t, roomDoc("northside", "a", map[string]any{"east": "earth_arkham_city_northside_b"})),
			roomB:   &fstest.MapFile{Data: data},
			subConf: &fstest.MapFile{Data: data},
		}
		w, rep := mustLoad(t, fsys)
		ids := make(map[string]bool)
		for _, r := range w.Rooms {
			ids[r.ID] = true
		}
		for _, r := range w.Rooms {
			for _, e := range r.Exits {
				if !ids[e.Target] {
					t.Fatalf("room %s keeps exit %s to %q, no room", r.ID, e.Direction, e.Target)
				}
			}
		}
		if !ids[idA] || len(w.Zones) != 2 {
			t.Fatalf("valid room lost or zones wrong: %d rooms, %d zones\n%s", len(w.Rooms), len(w.Zones), problemList(rep.Problems))
		}
	})
}

package store

import (
	"errors"
	"fmt"
	"reflect"
	"testing"
)

func testWorld() World {
	return World{
		Zones: []Zone{
			{ID: "earth_arkham_city", Plane: "earth", Zone: "arkham_city", Name: "Arkham", Environment: "outdoors", DrainRate: 0.1, Attributes: `{"a":1}`},
			{ID: "earth_arkham_city_sanitarium", Plane: "earth", Zone: "arkham_city", SubZone: "sanitarium", Name: "Sanitarium", Environment: "indoors"},
		},
		Rooms: []Room{
			{
				ID: "earth_arkham_city_sanitarium_room_foyer_001", Name: "Foyer", Description: "White tiles.",
				Plane: "earth", Zone: "arkham_city", SubZone: "sanitarium", Environment: "indoors",
				Attributes: `{"encounters":[]}`, SourceFile: "sanitarium/foyer.json",
				// Given out of order on purpose: the store returns Directions() order.
				Exits: []Exit{
					{Direction: "up", Target: "earth_arkham_city_sanitarium_room_ward_001", Flags: []string{ExitLocked, ExitHidden}, Description: "stairs"},
					{Direction: "north", Target: "earth_arkham_city_sanitarium_room_hall_001"},
					{Direction: "east", Target: "earth_arkham_city_sanitarium_room_foyer_001", Flags: []string{}},
				},
			},
			{ID: "earth_arkham_city_sanitarium_room_hall_001", Name: "Hall", Exits: []Exit{
				{Direction: "south", Target: "earth_arkham_city_sanitarium_room_foyer_001", Flags: []string{ExitOneWay}},
			}},
			{ID: "earth_arkham_city_sanitarium_room_ward_001", Name: "Ward"},
		},
	}
}

func TestImportWorld(t *testing.T) {
	db := newDB(t)
	ctx := ctxT(t)
	w := testWorld()
	edited := testWorld()
	edited.Rooms[1].Description = "Long and dim."
	edited.Rooms = edited.Rooms[:2] // the ward is gone
	exitEdited := testWorld()
	exitEdited.Rooms[1].Exits[0].Flags = nil
	steps := []struct {
		name  string
		world World
		want  ImportStats
	}{
		{"first import", w, ImportStats{Added: 3}},
		{"same world again", w, ImportStats{Unchanged: 3}},
		{"edited and removed", edited, ImportStats{Updated: 1, Unchanged: 1, Removed: 1}},
		{"edited again is unchanged", edited, ImportStats{Unchanged: 2}},
		{"ward back, exit flag changed", exitEdited, ImportStats{Added: 1, Updated: 1, Unchanged: 1}},
	}
	for _, s := range steps {
		got, err := db.ImportWorld(ctx, s.world)
		if err != nil {
			t.Fatalf("%s: %v", s.name, err)
		}
		if got != s.want {
			t.Fatalf("%s: stats %+v, want %+v", s.name, got, s.want)
		}
		checkStoredWorld(t, db, s.world)
	}
}

// checkStoredWorld reads everything back and compares it with w.
func checkStoredWorld(t *testing.T, db *DB, w World) {
	t.Helper()
	ctx := ctxT(t)
	ids, err := db.RoomIDs(ctx)
	if err != nil || len(ids) != len(w.Rooms) {
		t.Fatalf("RoomIDs = %v, %v; want %d rooms", ids, err, len(w.Rooms))
	}
	for _, want := range w.Rooms {
		got, err := db.Room(ctx, want.ID)
		if err != nil {
			t.Fatalf("Room(%s): %v", want.ID, err)
		}
		if want = normalRoom(want); !reflect.DeepEqual(got, want) {
			t.Fatalf("Room(%s) =\n%+v\nwant\n%+v", want.ID, got, want)
		}
	}
	zones, err := db.Zones(ctx)
	if err != nil || !reflect.DeepEqual(zones, w.Zones) {
		t.Fatalf("Zones = %+v, %v; want %+v", zones, err, w.Zones)
	}
	z, err := db.Zone(ctx, w.Zones[1].ID)
	if err != nil || z != w.Zones[1] {
		t.Fatalf("Zone = %+v, %v", z, err)
	}
}

func TestRoomExitOrder(t *testing.T) {
	db := newDB(t)
	ctx := ctxT(t)
	var exits []Exit
	dirs := Directions()
	for i := len(dirs) - 1; i >= 0; i-- {
		exits = append(exits, Exit{Direction: dirs[i], Target: "r" + dirs[i]})
	}
	if _, err := db.ImportWorld(ctx, World{Rooms: []Room{{ID: "r", Exits: exits}}}); err != nil {
		t.Fatal(err)
	}
	r, err := db.Room(ctx, "r")
	if err != nil {
		t.Fatal(err)
	}
	for i, e := range r.Exits {
		if e.Direction != dirs[i] {
			t.Fatalf("exit %d is %s, want %s", i, e.Direction, dirs[i])
		}
	}
	if e, ok := r.Exit("up"); !ok || e.Target != "rup" {
		t.Fatalf("Exit(up) = %+v, %v", e, ok)
	}
}

func TestImportWorldRefusesBadWorlds(t *testing.T) {
	db := newDB(t)
	ctx := ctxT(t)
	if _, err := db.ImportWorld(ctx, testWorld()); err != nil {
		t.Fatal(err)
	}
	room := func(id string, exits ...Exit) Room { return Room{ID: id, Exits: exits} }
	tests := []struct {
		name  string
		world World
	}{
		{"empty room id", World{Rooms: []Room{room("")}}},
		{"duplicate room", World{Rooms: []Room{room("a"), room("a")}}},
		{"unknown direction", World{Rooms: []Room{room("a", Exit{Direction: "widdershins", Target: "b"})}}},
		{"repeated direction", World{Rooms: []Room{room("a", Exit{Direction: "up", Target: "b"}, Exit{Direction: "up", Target: "c"})}}},
		{"duplicate zone", World{Zones: []Zone{{ID: "z"}, {ID: "z"}}}},
		{"empty zone id", World{Zones: []Zone{{}}}},
		{"drain rate NaN", World{Zones: []Zone{{ID: "z", DrainRate: nan()}}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if _, err := db.ImportWorld(ctx, tt.world); !errors.Is(err, ErrInvalid) {
				t.Fatalf("ImportWorld = %v, want ErrInvalid", err)
			}
			checkStoredWorld(t, db, testWorld()) // nothing lost
		})
	}
}

func nan() float64 {
	var zero float64
	return zero / zero
}

func TestImportWorldDoesNotChangeCallersRooms(t *testing.T) {
	db := newDB(t)
	w := testWorld()
	before := fmt.Sprintf("%+v", w)
	if _, err := db.ImportWorld(ctxT(t), w); err != nil {
		t.Fatal(err)
	}
	if after := fmt.Sprintf("%+v", w); after != before {
		t.Fatalf("ImportWorld changed its argument:\n%s\n%s", before, after)
	}
}

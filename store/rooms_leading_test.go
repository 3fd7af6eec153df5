package store

import (
	"slices"
	"testing"
)

// TestRoomsLeadingTo: the rooms with an exit to a room are found in the
// committed exits and through the writer's uncommitted room edits, the
// same before the commit and after it.
func TestRoomsLeadingTo(t *testing.T) {
	tests := []struct {
		to   string
		want []string
	}{
		{foyerID, []string{foyerID, hallID}}, // its own way east, and the hall's south
		{hallID, []string{atticID, foyerID}}, // the new attic's way down
		{atticID, []string{hallID}},          // only through the hall's edit
		{wardID, []string{foyerID}},          // the ward is gone, the foyer's way up stays
		{"earth_nowhere_room_x_001", nil},    // no room
	}
	db := roomEditsWorld(t)
	if got, err := db.RoomsLeadingTo(ctxT(t), hallID); err != nil || !slices.Equal(got, []string{foyerID}) {
		t.Fatalf("before the build: %v, %v", got, err)
	}
	resume := db.Pause()
	db.Submit(Batch{Rooms: builtRooms()})
	check := func(when string) {
		t.Helper()
		for _, tt := range tests {
			if got, err := db.RoomsLeadingTo(ctxT(t), tt.to); err != nil || !slices.Equal(got, tt.want) {
				t.Errorf("%s: RoomsLeadingTo(%s) = %v, %v; want %v", when, tt.to, got, err, tt.want)
			}
		}
	}
	check("pending")
	resume()
	flush(t, db)
	check("committed")
}

// BenchmarkRoomsLeadingTo reads the rooms leading to one room of a
// 2,000-room world, with exits both ways between neighbours.
func BenchmarkRoomsLeadingTo(b *testing.B) {
	db := newDB(b)
	w := testWorld()
	w.Rooms = nil
	for i := range 2000 {
		r := Room{ID: benchRoomID(i), Name: "Room", Plane: "earth", Zone: "arkham_city", SubZone: "sanitarium"}
		if i > 0 {
			r.Exits = append(r.Exits, Exit{Direction: "west", Target: benchRoomID(i - 1)})
		}
		if i < 1999 {
			r.Exits = append(r.Exits, Exit{Direction: "east", Target: benchRoomID(i + 1)})
		}
		w.Rooms = append(w.Rooms, r)
	}
	if _, err := db.ImportWorld(ctxT(b), w); err != nil {
		b.Fatal(err)
	}
	b.ResetTimer()
	for b.Loop() {
		if ids, err := db.RoomsLeadingTo(ctxT(b), benchRoomID(1000)); err != nil || len(ids) != 2 {
			b.Fatalf("%v, %v", ids, err)
		}
	}
}

// benchRoomID is the id of room i of the benchmark's world.
func benchRoomID(i int) string {
	return "earth_arkham_city_sanitarium_room_bench_" + string(rune('a'+i/1000)) + string(rune('a'+i/100%10)) +
		string(rune('a'+i/10%10)) + string(rune('a'+i%10))
}

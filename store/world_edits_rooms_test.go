package store

import (
	"errors"
	"reflect"
	"slices"
	"testing"
)

const (
	foyerID = "earth_arkham_city_sanitarium_room_foyer_001"
	hallID  = "earth_arkham_city_sanitarium_room_hall_001"
	wardID  = "earth_arkham_city_sanitarium_room_ward_001"
	atticID = "earth_arkham_city_sanitarium_room_attic_001"
)

// roomEditsWorld is a database holding testWorld.
func roomEditsWorld(t *testing.T) *DB {
	t.Helper()
	db := newDB(t)
	if _, err := db.ImportWorld(ctxT(t), testWorld()); err != nil {
		t.Fatal(err)
	}
	return db
}

// builtRooms are the edits of a small build: a new attic, the hall
// renamed with an exit up to it, the ward deleted.
func builtRooms() map[string]RoomEdit {
	return map[string]RoomEdit{
		atticID: {Room: Room{ID: atticID, Name: "Attic", Description: "Dust.", Plane: "earth", Zone: "arkham_city",
			SubZone: "sanitarium", Exits: []Exit{{Direction: "down", Target: hallID}}}},
		hallID: {Room: Room{ID: hallID, Name: "Long Hall", Exits: []Exit{
			{Direction: "up", Target: atticID, Flags: []string{ExitHidden}, Key: "key_attic"},
			{Direction: "south", Target: foyerID, Flags: []string{ExitOneWay}},
		}}},
		wardID: {Deleted: true},
	}
}

// checkBuilt fails unless db reads the rooms as builtRooms left them.
func checkBuilt(t *testing.T, db *DB) {
	t.Helper()
	ctx := ctxT(t)
	hall, err := db.Room(ctx, hallID)
	if err != nil || hall.Name != "Long Hall" || len(hall.Exits) != 2 || hall.Exits[0].Direction != "south" ||
		hall.Exits[1].Key != "key_attic" {
		t.Errorf("hall = %+v, %v", hall, err)
	}
	if attic, err := db.Room(ctx, atticID); err != nil || attic.Name != "Attic" {
		t.Errorf("attic = %+v, %v", attic, err)
	}
	if _, err := db.Room(ctx, wardID); !errors.Is(err, ErrNotFound) {
		t.Errorf("deleted ward: %v, want ErrNotFound", err)
	}
	ids, err := db.RoomIDs(ctx)
	if want := []string{atticID, foyerID, hallID}; err != nil || !slices.Equal(ids, want) {
		t.Errorf("RoomIDs = %v, %v; want %v", ids, err, want)
	}
	w, err := db.World(ctx)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, r := range w.Rooms {
		got = append(got, r.ID+"="+r.Name)
	}
	if want := []string{atticID + "=Attic", foyerID + "=Foyer", hallID + "=Long Hall"}; !slices.Equal(got, want) {
		t.Errorf("World rooms = %v, want %v", got, want)
	}
}

// TestRoomEditsReadThrough: rooms edited, made and deleted in a batch the
// writer holds are read as edited by Room, RoomIDs and World before the
// commit, and the same after it.
func TestRoomEditsReadThrough(t *testing.T) {
	db := roomEditsWorld(t)
	resume := db.Pause()
	db.Submit(Batch{Rooms: builtRooms()})
	checkBuilt(t, db)
	if got, err := db.committedRoomIDs(ctxT(t)); err != nil || len(got) != 3 || got[0] != foyerID {
		t.Fatalf("the edits were committed while paused: %v, %v", got, err)
	}
	resume()
	flush(t, db)
	checkBuilt(t, db)
	if e := db.w.roomEdits(); len(e) != 0 {
		t.Errorf("edits left after the commit: %v", e)
	}
}

// TestRoomEditsCommitInOneTransaction: a batch of room edits commits in
// one transaction, and a reopened database holds them.
func TestRoomEditsCommitInOneTransaction(t *testing.T) {
	db := roomEditsWorld(t)
	before := db.Commits()
	db.Submit(Batch{Rooms: builtRooms()})
	flush(t, db)
	if n := db.Commits() - before; n != 1 {
		t.Errorf("%d commits, want 1", n)
	}
	exits, err := loadExits(ctxT(t), db.read, `WHERE room_id = ?`, wardID)
	if err != nil || len(exits) != 0 {
		t.Errorf("the deleted ward keeps exits: %v, %v", exits, err)
	}
	checkBuilt(t, db)
}

// TestPendingRoomEditsMerge: the latest edit of a room wins; an older
// batch put back after a failed commit never overwrites a newer edit and
// brings back what the newer one lacks.
func TestPendingRoomEditsMerge(t *testing.T) {
	p := newPending()
	p.add(Batch{Rooms: map[string]RoomEdit{"a": {Room: Room{Name: "A1"}}, "b": {Room: Room{Name: "B1"}}}})
	p.add(Batch{Rooms: map[string]RoomEdit{"a": {Deleted: true}}})
	if got := p.rooms["a"]; !got.Deleted || got.Room.ID != "a" {
		t.Fatalf("room a = %+v, want deleted", got)
	}
	newer := newPending()
	newer.add(Batch{Rooms: map[string]RoomEdit{"b": {Room: Room{Name: "B2"}}}})
	newer.addOlder(p)
	want := map[string]RoomEdit{"a": {Room: Room{ID: "a"}, Deleted: true}, "b": {Room: Room{ID: "b", Name: "B2"}}}
	if !reflect.DeepEqual(newer.rooms, want) {
		t.Errorf("after addOlder: %+v, want %+v", newer.rooms, want)
	}
	if c := newer.contents(); c.rooms != 2 || c.size() != 2 {
		t.Errorf("contents = %+v", c)
	}
}

// TestSameRoom: exits compare in any order, no flags as empty flags.
func TestSameRoom(t *testing.T) {
	a := Room{ID: "r", Exits: []Exit{{Direction: "up", Target: "x"}, {Direction: "north", Target: "y", Flags: []string{}}}}
	b := Room{ID: "r", Exits: []Exit{{Direction: "north", Target: "y"}, {Direction: "up", Target: "x"}}}
	if !SameRoom(a, b) {
		t.Error("the same room in another order differs")
	}
	b.Exits[1].Key = "k"
	if SameRoom(a, b) {
		t.Error("an exit with a key is the same as one without")
	}
}

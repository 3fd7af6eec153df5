package store

import (
	"slices"
	"testing"
	"time"
)

// The rooms of testWorld the tests name (foyerID, hallID, wardID) are
// declared in world_edits_rooms_test.go.

// withoutRoom is testWorld without room id.
func withoutRoom(id string) World {
	w := testWorld()
	w.Rooms = slices.DeleteFunc(w.Rooms, func(r Room) bool { return r.ID == id })
	return w
}

// TestImportWorldMarkedMovesStrays: a marked import records its
// fingerprint and time, and moves what lies on the floors of the rooms it
// removes (a container with its contents) to the start room, as dropped
// there at the import's time, returning those items as they were.
func TestImportWorldMarkedMovesStrays(t *testing.T) {
	db := newDB(t)
	ctx := ctxT(t)
	if _, err := db.ImportWorld(ctx, testWorld()); err != nil {
		t.Fatal(err)
	}
	db.Submit(Batch{Items: map[int64]ItemState{
		1: {Proto: "lamp", Place: PlaceRoom, Holder: hallID, Origin: hallID + "#0"},
		2: {Proto: "satchel", Place: PlaceRoom, Holder: hallID},
		3: {Proto: "tonic", Place: PlaceIn, Holder: "2"},
		4: {Proto: "candle", Place: PlaceRoom, Holder: foyerID},
	}})
	flush(t, db)
	at := t0().Add(time.Hour)
	_, moved, err := db.ImportWorldMarked(ctx, withoutRoom(hallID), ImportMark{Fingerprint: "f1", At: at, StartRoom: wardID})
	if err != nil {
		t.Fatal(err)
	}
	if got := itemIDs(moved); !slices.Equal(got, []int64{1, 2, 3}) {
		t.Errorf("moved %v, want items 1, 2 and 3", got)
	}
	for _, it := range moved {
		if it.Place == PlaceRoom && it.Holder != hallID {
			t.Errorf("moved item %d is told as from %q, want the hall", it.ID, it.Holder)
		}
	}
	floor, err := db.ItemsOf(ctx, Holder{PlaceRoom, wardID})
	if err != nil || !slices.Equal(itemIDs(floor), []int64{1, 2, 3}) {
		t.Fatalf("the ward holds %v, %v; want items 1, 2 and 3", itemIDs(floor), err)
	}
	for _, it := range floor {
		if it.Place == PlaceRoom && (it.Origin != "" || !it.DroppedAt.Equal(at)) {
			t.Errorf("item %d on the ward floor: origin %q dropped %v; want none and %v", it.ID, it.Origin, it.DroppedAt, at)
		}
	}
	wi, err := db.LastWorldImport(ctx)
	if err != nil || wi.Fingerprint != "f1" || !wi.At.Equal(at) || wi.EditedSince() {
		t.Errorf("LastWorldImport = %+v, %v; want f1 at %v, not edited since", wi, err, at)
	}
}

// TestWorldConflicts: with no builder change since the import, no
// conflict whatever the folder; after one, only the parts builders changed
// that the folder has otherwise (source files aside) conflict: a folder
// that keeps the building, with changes of its own, imports.
func TestWorldConflicts(t *testing.T) {
	built := testWorld() // a builder changed the foyer and removed the hall
	built.Rooms[0].Description = "Black tiles."
	built.Rooms = slices.DeleteFunc(built.Rooms, func(r Room) bool { return r.ID == hallID })
	kept := built // the building exported, with the folder's own changes merged in
	kept.Rooms = append(slices.Clone(built.Rooms), Room{ID: "earth_arkham_city_sanitarium_room_attic_001", Name: "Attic"})
	kept.Rooms[1].Name = "Ward Nine"
	kept.Rooms[0].SourceFile = "elsewhere.json"
	tests := []struct {
		name   string
		edited time.Duration // after the import; 0: none
		folder World
		want   []string
	}{
		{"not edited", 0, testWorld(), nil},
		{"edited before the import", -time.Minute, testWorld(), nil},
		{"the building kept", time.Minute, kept, nil},
		{"the building undone", time.Minute, testWorld(),
			[]string{"room " + foyerID + " changed", "room " + hallID + " added"}},
		{"the building's room removed", time.Minute, withoutRoom(foyerID),
			[]string{"room " + foyerID + " removed", "room " + hallID + " added"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			db := newDB(t)
			ctx := ctxT(t)
			if _, _, err := db.ImportWorldMarked(ctx, testWorld(), ImportMark{Fingerprint: "f", At: t0()}); err != nil {
				t.Fatal(err)
			}
			if tt.edited != 0 {
				if _, err := db.ImportWorld(ctx, built); err != nil {
					t.Fatal(err)
				}
				if err := db.MetaSet(ctx, MetaWorldEdited, t0().Add(tt.edited).UTC().Format(time.RFC3339Nano)); err != nil {
					t.Fatal(err)
				}
			}
			got, n, err := db.WorldConflicts(ctx, tt.folder, 5)
			if err != nil || n != len(tt.want) || !slices.Equal(got, tt.want) {
				t.Errorf("WorldConflicts = %v, %d, %v; want %v", got, n, err, tt.want)
			}
		})
	}
}

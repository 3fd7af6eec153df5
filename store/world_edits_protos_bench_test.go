package store

import (
	"encoding/json"
	"fmt"
	"testing"
)

// BenchmarkRoomLoadThroughEdits is BenchmarkRoomLoad with building changes
// waiting in the writer (paused): 200 prototypes and the placements of 500
// rooms, read through on every load.
func BenchmarkRoomLoadThroughEdits(b *testing.B) {
	const n = 2_000
	db := newDB(b)
	w := benchRooms(n)
	ctx := ctxT(b)
	if _, err := db.ImportWorld(ctx, w); err != nil {
		b.Fatal(err)
	}
	resume := db.Pause()
	defer resume()
	batch := Batch{Protos: map[string]*ItemProto{}, RoomAttrs: map[AttrKey]json.RawMessage{}}
	for i := range 200 {
		id := fmt.Sprintf("lamp_%03d", i)
		batch.Protos[id] = &ItemProto{ID: id, Name: "a lamp", Keywords: []string{"lamp"}, Description: "Brass.", Type: "junk"}
	}
	for i := range 500 {
		batch.RoomAttrs[AttrKey{ID: w.Rooms[i*4].ID, Key: "items"}] = json.RawMessage(`[{"proto":"lamp_001"}]`)
	}
	db.Submit(batch)
	i := 0
	for b.Loop() {
		r, err := db.Room(ctx, w.Rooms[i%n].ID)
		if err != nil || len(r.Exits) != 4 {
			b.Fatalf("room: %+v, %v", r, err)
		}
		i++
	}
}

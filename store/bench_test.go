package store

import (
	"fmt"
	"testing"
)

// BenchmarkWriterCommit10k measures one write-behind commit of 10,000
// character updates: Submit of the batch, then Flush until it is committed.
func BenchmarkWriterCommit10k(b *testing.B) {
	benchmarkCommits(b, func(i int, ids []int64) Batch {
		return Batch{Characters: benchStates(i, ids)}
	})
}

// BenchmarkWriterCommitFlux10k measures one commit of what a flux pass over
// 10,000 characters hands the writer: 10,000 character updates (lucidity
// and residual) and 10,000 lucidity log entries.
func BenchmarkWriterCommitFlux10k(b *testing.B) {
	benchmarkCommits(b, func(i int, ids []int64) Batch {
		changes := make([]LucidityChange, len(ids))
		for k, id := range ids {
			changes[k] = LucidityChange{CharacterID: id, Delta: -1, Reason: "passive_flux", At: t0()}
		}
		return Batch{Characters: benchStates(i, ids), Changes: changes}
	})
}

// benchmarkCommits submits batches made by batch over 10,000 characters
// and flushes each, checking that every item wrote one row.
func benchmarkCommits(b *testing.B, batch func(i int, ids []int64) Batch) {
	const n = 10_000
	db := newDB(b)
	ids := bulkCharacters(b, db, "bench", n)
	batches := [2]Batch{batch(0, ids), batch(1, ids)}
	perCommit := uint64(batchContents(batches[0]).size())
	ctx := ctxT(b)
	rows0 := db.Stats().RowsWritten
	i := 0
	for b.Loop() {
		db.Submit(batches[i%2]) // alternate so that every commit changes every row
		i++
		if err := db.Flush(ctx); err != nil {
			b.Fatal(err)
		}
	}
	written := db.Stats().RowsWritten - rows0
	if written != perCommit*uint64(i) {
		b.Fatalf("wrote %d rows, want %d", written, perCommit*uint64(i))
	}
	b.ReportMetric(float64(written)/b.Elapsed().Seconds(), "rows/s")
}

// benchStates sets every character to a state that differs with i.
func benchStates(i int, ids []int64) map[int64]CharacterState {
	chars := make(map[int64]CharacterState, len(ids))
	for _, id := range ids {
		chars[id] = withResidual(state(id, fmt.Sprintf("room%d", i), i, t0()), i*100)
	}
	return chars
}

// BenchmarkRoomLoad measures Room by id, exits included, over a world of
// 2,000 rooms with four exits each.
func BenchmarkRoomLoad(b *testing.B) {
	const n = 2_000
	db := newDB(b)
	w := benchRooms(n)
	ctx := ctxT(b)
	if _, err := db.ImportWorld(ctx, w); err != nil {
		b.Fatal(err)
	}
	i := 0
	for b.Loop() {
		r, err := db.Room(ctx, w.Rooms[i%n].ID)
		if err != nil || len(r.Exits) != 4 {
			b.Fatalf("room: %+v, %v", r, err)
		}
		i++
	}
}

// benchRooms is a world of n rooms in a ring, four exits each.
func benchRooms(n int) World {
	w := World{Rooms: make([]Room, n)}
	dirs := Directions()
	for i := range w.Rooms {
		id := fmt.Sprintf("earth_arkham_city_northside_room_%04d", i)
		var exits []Exit
		for d, dir := range dirs[:4] {
			exits = append(exits, Exit{Direction: dir, Target: fmt.Sprintf("earth_arkham_city_northside_room_%04d", (i+d+1)%n)})
		}
		w.Rooms[i] = Room{ID: id, Name: "Derby Street", Description: "Gambrel roofs lean over the cobbles.",
			Plane: "earth", Zone: "arkham_city", SubZone: "northside", Attributes: `{"encounters":[]}`, Exits: exits}
	}
	return w
}

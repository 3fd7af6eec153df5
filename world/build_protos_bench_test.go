package world

import (
	"strconv"
	"testing"

	"mythosd/store"
)

// BenchmarkOEditRoundTrip measures one prototype edit typed by a builder:
// through the hub and the loop (the loader's checks, the change in place,
// the undo record, the batch entry) and back to the connection.
func BenchmarkOEditRoundTrip(b *testing.B) {
	tw := newTestWorld(b, "")
	p := tw.withRole(b, "Keeper", store.RoleBuilder)
	p.conn.raw = true
	i := 0
	b.ReportAllocs()
	for b.Loop() {
		p.sess.Line("oedit lamp value " + strconv.Itoa(100+i%2))
		p.conn.take()
		i++
	}
	b.StopTimer()
	tw.tick()
}

// BenchmarkPlaceRoundTrip measures a placement added and taken back
// (place, then undo) by a builder standing in a room with two placements.
func BenchmarkPlaceRoundTrip(b *testing.B) {
	tw := newTestWorld(b, "")
	p := tw.withRole(b, "Keeper", store.RoleBuilder)
	p.conn.raw = true
	b.ReportAllocs()
	for b.Loop() {
		p.sess.Line("place candle")
		p.sess.Line("undo")
		p.conn.take()
	}
	b.StopTimer()
	tw.tick()
}

package world

import (
	"strconv"
	"testing"

	"mythosd/store"
)

// BenchmarkRoomEdit measures applying one builder's change to a room on
// the loop: the copy, the rebuild from its zones, the swap in the cache
// and the place, the batch entry and the undo record.
func BenchmarkRoomEdit(b *testing.B) {
	tw := newTestWorld(b, "")
	bea := tw.withRole(b, "Bea", store.RoleBuilder)
	bea.do("look")
	var c *Character
	tw.onLoop(func() { c = tw.chars[nameKey("Bea")] })
	names := [2]string{"Ward", "The Grey Ward"}
	b.ReportAllocs()
	i := 0
	for b.Loop() {
		i++
		tw.onLoop(func() {
			r, _ := tw.rooms.peek("ward")
			w := tw.World
			w.editRoom(c, r, "bench", "", func(sr *store.Room) error { sr.Name = names[i%2]; return nil })
		})
		if i%1000 == 0 {
			bea.conn.take()
		}
	}
}

// BenchmarkLookEditedRoom is BenchmarkLookRoundTrip/others=0 in a room a
// builder has edited: look costs what it cost before the edit.
func BenchmarkLookEditedRoom(b *testing.B) {
	tw := newTestWorld(b, "")
	bea := tw.withRole(b, "Bea", store.RoleBuilder)
	for i := range 3 {
		bea.do("redit name The Grey Ward " + strconv.Itoa(i))
	}
	bea.do("redit exit north flag hidden")
	bea.conn.raw = true
	bea.do("look")
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		bea.sess.Line("look")
		bea.conn.take()
	}
}

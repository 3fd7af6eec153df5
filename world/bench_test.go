package world

import (
	"fmt"
	"testing"
)

// BenchmarkLookRoundTrip measures one `look` from a player's read loop
// through the world loop and back to the player's connection, in-process,
// with others standing in the room.
func BenchmarkLookRoundTrip(b *testing.B) {
	for _, others := range []int{0, 100} {
		b.Run(fmt.Sprintf("others=%d", others), func(b *testing.B) {
			tw := newTestWorld(b, "")
			for i := range others {
				tw.create(b, fmt.Sprintf("Other%c%c", 'a'+i/26, 'a'+i%26))
			}
			p := tw.create(b, "Looker")
			p.conn.raw = true // measure the world, not the test client's stripping
			p.do("look")
			b.ReportAllocs()
			b.ResetTimer()
			for b.Loop() {
				p.sess.Line("look")
				p.conn.take()
			}
		})
	}
}

// BenchmarkHandOff measures the tick's hand-off of changed characters to
// the store writer (the commit itself runs off the loop).
func BenchmarkHandOff(b *testing.B) {
	tw := newTestWorld(b, "")
	var chars []*Character
	for i := range 1000 {
		chars = append(chars, &Character{ID: int64(i + 1), Name: fmt.Sprint(i), RoomID: "ward"})
	}
	b.ReportAllocs()
	for b.Loop() {
		done := make(chan struct{})
		tw.post(func() {
			for _, c := range chars {
				tw.markDirty(c)
			}
			tw.handOff()
			close(done)
		})
		<-done
	}
}

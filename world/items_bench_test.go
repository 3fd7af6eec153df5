package world

import (
	"runtime"
	"testing"
)

// BenchmarkGetDropRoundTrip measures a `get` and a `drop` of one item, each
// from a player's read loop through the hub and the world loop and back to
// the player's connection, in-process (one op is both commands).
func BenchmarkGetDropRoundTrip(b *testing.B) {
	tw := newTestWorld(b, "")
	p := tw.create(b, "Mover")
	p.conn.raw = true
	p.do("get tonic")
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		p.sess.Line("get lamp")
		p.sess.Line("drop lamp")
		p.conn.take()
	}
	b.StopTimer()
	tw.tick() // hand the moves off, so the writer's merge is not left undone
}

// BenchmarkItemMemory reports the heap held per item instance with 100,000
// instances in the world: the item, its place in the registry and in its
// holder's list.
func BenchmarkItemMemory(b *testing.B) {
	const n = 100_000
	for b.Loop() {
		tw := newTestWorld(b, "")
		tw.create(b, "Holder")
		var before, after runtime.MemStats
		runtime.GC()
		runtime.ReadMemStats(&before)
		tw.onLoop(func() {
			p := tw.protos["tonic"]
			for range n {
				tw.newItem(p, floorOf("cellar"), "")
			}
			clear(tw.dirtyItems) // as after a hand-off: the batch is the writer's
			tw.dirtyItems = tw.dirtyItems[:0]
		})
		runtime.GC()
		runtime.ReadMemStats(&after)
		b.ReportMetric(float64(after.HeapAlloc-before.HeapAlloc)/n, "bytes/item")
		tw.onLoop(func() { clear(tw.items); tw.floors["cellar"].items = nil })
		tw.stop()
	}
}

package world

import (
	"testing"
	"time"

	"mythosd/store"
)

// BenchmarkCombatRound runs rounds of one fight of 4 characters against 4
// NPCs in a room where 4 more characters watch, with every message built
// and sent (to connections that drop it). It reports the time per
// participant. The loop is not running: the benchmark is the loop.
func BenchmarkCombatRound(b *testing.B) {
	const side = 4
	w := benchWorld(b)
	room := &Room{Room: store.Room{ID: "pit", Name: "Pit"}, Env: "indoors"}
	w.rooms.items.SetDefault(room.ID, room)
	chars := spread(w, []*Room{room}, 2*side)
	def := newNPCDef(store.NPCDef{ID: "ghoul", Name: "a ghoul", Keywords: []string{"ghoul"}, RoomText: "A ghoul.",
		Kind: store.NPCAggressive, DP: 1 << 30, DEX: 50, STR: 60, Damage: store.NPCDamage{Min: 1, Max: 4}})
	now := w.cfg.Clock.Now()
	for i, c := range chars[:side] {
		c.attrs = store.Attributes{60, 1 << 20, 40 + 10*i, 50, 50, 50, 1 << 20, 50, 50}
		c.dp = c.maxDP()
		w.engage(c, w.addNPC(def, room.ID, nil, now), true, now)
	}
	f := chars[0].fight
	w.npcQueue = w.npcQueue[:0]
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		now = now.Add(3 * time.Second)
		w.runRound(f, now)
		w.npcQueue = w.npcQueue[:0]
		w.dirty = w.dirty[:0]
		for _, c := range chars[:side] {
			c.dirty, c.dp = false, 1<<20
		}
	}
	b.StopTimer()
	if f.over {
		b.Fatal("the fight ended")
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(2*side), "ns/participant")
}

package world

import (
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"

	"mythosd/store"
)

// BenchmarkNPCTick runs the NPC part of ticks (100 ms apart) with 10,000
// NPCs spread over the shipped world's rooms, 30 % of them wandering every
// 30 s or so, and 200 players among them to see them come and go. It
// reports the 99th percentile of a tick's NPC work. The loop is not
// running: the benchmark is the loop.
func BenchmarkNPCTick(b *testing.B) {
	const npcs, wanderShare, players = 10000, 0.3, 200
	rooms := shippedRooms(b)
	w := benchWorld(b)
	for _, r := range rooms {
		w.rooms.items.SetDefault(r.ID, r)
	}
	chars := spread(w, rooms, players)
	settle := func() { // keep the players sane, so that none is sent to the sanitarium
		for _, c := range chars {
			c.Lucidity = 100
		}
		w.dirty, w.changes, w.facts = w.dirty[:0], w.changes[:0], w.facts[:0]
	}
	still := newNPCDef(store.NPCDef{ID: "clerk", Name: "a clerk", Keywords: []string{"clerk"}, RoomText: "A clerk waits.", Kind: store.NPCPassive, DP: 5})
	walker := newNPCDef(store.NPCDef{ID: "rat", Name: "a rat", Keywords: []string{"rat"}, RoomText: "A rat scurries.",
		Kind: store.NPCPassive, Lucidity: "disturbing", DP: 2, Behaviour: store.NPCBehaviour{WanderSeconds: 30}})
	now := w.cfg.Clock.Now()
	for i := range npcs {
		def := still
		if float64(i%100) < wanderShare*100 {
			def = walker
		}
		w.addNPC(def, rooms[i%len(rooms)].ID, nil, now)
	}
	clock := w.cfg.Clock.(*fakeClock)
	for range 600 { // a minute of ticks: every wanderer has moved
		clock.advance(100 * time.Millisecond)
		w.npcTick(clock.Now())
		settle()
	}
	durs := make([]time.Duration, 0, 1<<16)
	due := 0
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		clock.advance(100 * time.Millisecond)
		start := time.Now()
		w.npcTick(clock.Now())
		durs = append(durs, time.Since(start))
		due += w.npcStats.Due
		settle()
	}
	slices.Sort(durs)
	b.ReportMetric(float64(pct(durs, 99).Microseconds()), "p99-µs")
	b.ReportMetric(float64(due)/float64(len(durs)), "events/tick")
}

// BenchmarkLookWithNPCs measures one `look` round trip in a room with 20
// NPCs of five kinds.
func BenchmarkLookWithNPCs(b *testing.B) {
	var spawns []store.NPCSpawn
	defs := testNPCDefs()
	for i := range 5 {
		id := fmt.Sprint("kind", i)
		defs = append(defs, store.NPCDef{ID: id, Name: "a " + id, Keywords: []string{id}, RoomText: "A " + id + " stands about, muttering.",
			Description: "Plain.", Kind: store.NPCPassive, DP: 3})
		spawns = append(spawns, store.NPCSpawn{ID: id, NPC: id, Rooms: []string{"ward"}, Max: 4, Chance: 1, Time: store.SpawnAny})
	}
	tw := newTestWorldWith(b, "", func(cfg *Config) { cfg.NPCs, cfg.Spawns = defs, spawns })
	tw.tick()
	p := tw.create(b, "Looker")
	p.conn.raw = true
	if got := p.do("look"); !strings.Contains(got, "[x4] A kind4 stands about") {
		b.Fatalf("look lacks the NPCs:\n%s", got)
	}
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		p.sess.Line("look")
		p.conn.take()
	}
}

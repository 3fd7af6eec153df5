package world

import (
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"

	"mythosd/data"
	"mythosd/store"
	"mythosd/world/worldfile"
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

// BenchmarkWorldTickWithNPCs runs whole ticks of the running world loop
// (flux, effects, NPCs, the hand-off to a real store, snapshots) over the
// shipped world with 10,000 NPCs, 30 % of them wandering every 30 s or so
// through rooms all cached, and reports the p99 of a tick's round trip
// from the ticker to the loop and back (the test clock stands still
// during a tick, so the loop's own recorder reads 0 here).
func BenchmarkWorldTickWithNPCs(b *testing.B) {
	sw, _, err := worldfile.Load(data.World())
	if err != nil {
		b.Fatal(err)
	}
	defs := []store.NPCDef{
		{ID: "clerk", Name: "a clerk", Keywords: []string{"clerk"}, RoomText: "A clerk waits.", Kind: store.NPCPassive, DP: 5},
		{ID: "rat", Name: "a rat", Keywords: []string{"rat"}, RoomText: "A rat scurries.", Kind: store.NPCPassive, DP: 2,
			Behaviour: store.NPCBehaviour{WanderSeconds: 30}},
	}
	var spawns []store.NPCSpawn
	ids := make([]string, 0, len(sw.Rooms))
	for i, r := range sw.Rooms {
		ids = append(ids, r.ID)
		walkers, still := 21, 50
		if i >= 10000/71 {
			walkers, still = 0, 1 // 141 rooms: 140 x 71 + 1 makes 9,941; near enough
		}
		for _, sp := range []store.NPCSpawn{
			{ID: r.ID + "#0", NPC: "rat", Rooms: []string{r.ID}, Max: walkers, Chance: 1, Time: store.SpawnAny},
			{ID: r.ID + "#1", NPC: "clerk", Rooms: []string{r.ID}, Max: still, Chance: 1, Time: store.SpawnAny},
		} {
			if sp.Max > 0 {
				spawns = append(spawns, sp)
			}
		}
	}
	tw := newTestWorldFrom(b, "", sw, func(cfg *Config) {
		cfg.NPCs, cfg.Spawns, cfg.StartRoom = defs, spawns, sw.Rooms[0].ID
		cfg.RoomTTL = time.Hour
	})
	tw.cacheRooms(b, ids...)
	tw.create(b, "Watcher")
	for range 600 {
		tw.after(100 * time.Millisecond)
	}
	durs := make([]time.Duration, 0, 1<<14)
	b.ResetTimer()
	for b.Loop() {
		start := time.Now()
		tw.after(100 * time.Millisecond)
		durs = append(durs, time.Since(start))
	}
	b.StopTimer()
	slices.Sort(durs)
	var pop int
	tw.onLoop(func() { pop = tw.npcCount })
	b.ReportMetric(float64(pct(durs, 99).Microseconds()), "tick-p99-µs")
	b.ReportMetric(float64(pct(durs, 50).Microseconds()), "tick-p50-µs")
	b.ReportMetric(float64(pop), "npcs")
}

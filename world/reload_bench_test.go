package world

import (
	"context"
	"io"
	"log/slog"
	"math/rand/v2"
	"path/filepath"
	"slices"
	"testing"
	"time"

	"mythosd/data"
	"mythosd/store"
	"mythosd/world/worldfile"
)

// BenchmarkReloadSwap swaps the shipped world in for itself with 1,000
// players spread over its rooms, every floor loaded and its NPCs spawned,
// and reports the world loop's time per reload (the swap itself and the
// room arrivals it waits for; the store's import runs off the loop and is
// not counted), the swap's own share, and the 99th percentile of the
// messages that follow it. The loop is not
// running: the benchmark is the loop.
func BenchmarkReloadSwap(b *testing.B) {
	const players = 1000
	sw, _, err := worldfile.Load(data.World())
	if err != nil {
		b.Fatal(err)
	}
	db, err := store.Open(filepath.Join(b.TempDir(), "bench.db"), nil)
	if err != nil {
		b.Fatal(err)
	}
	defer db.Close()
	if _, err := db.ImportWorld(context.Background(), sw); err != nil {
		b.Fatal(err)
	}
	start := worldfile.StartRoom(sw)
	w, err := New(Config{
		Store: db, Clock: newFakeClock(), Logger: slog.New(slog.NewTextHandler(io.Discard, nil)),
		Hasher: testHasher(), StartRoom: start, Rand: rand.New(rand.NewPCG(1, 2)),
		ItemProtos: sw.Items, NPCs: sw.NPCs, Spawns: sw.Spawns, NextItemID: 1,
	})
	if err != nil {
		b.Fatal(err)
	}
	rooms := make([]*Room, 0, len(sw.Rooms))
	for _, r := range sw.Rooms {
		room, err := loadRoom(context.Background(), db, r.ID)
		if err != nil {
			b.Fatal(err)
		}
		w.rooms.items.SetDefault(r.ID, room)
		w.installFloor(room)
		rooms = append(rooms, room)
	}
	spread(w, rooms, players)
	w.npcTick(w.cfg.Clock.Now())
	res := WorldReload{Source: "bench", World: sw}
	var loop, swaps time.Duration
	var msgs []time.Duration
	for b.Loop() {
		done := false
		t0 := time.Now()
		w.swapWorld(res, func(int, int) { done = true })
		swaps += time.Since(t0)
		for !done || w.rooms.inFlight.Load() > 0 || len(w.inbox) > 0 {
			fn := <-w.inbox
			t0 := time.Now()
			fn()
			msgs = append(msgs, time.Since(t0))
		}
		w.npcTick(w.cfg.Clock.Now())
	}
	loop = swaps
	for _, d := range msgs {
		loop += d
	}
	b.ReportMetric(float64(swaps.Microseconds())/float64(b.N), "swap-µs")
	slices.Sort(msgs)
	b.ReportMetric(float64(loop.Microseconds())/float64(b.N)/1000, "loop-ms/reload")
	b.ReportMetric(float64(pct(msgs, 99).Microseconds()), "p99-message-µs")
	b.ReportMetric(float64(len(w.items)), "items")
	b.ReportMetric(float64(w.npcCount), "npcs")
}

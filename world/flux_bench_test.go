package world

import (
	"context"
	"fmt"
	"io"
	"log/slog"
	"math/rand/v2"
	"path/filepath"
	"testing"

	"mythosd/world/netcore"

	"mythosd/data"
	"mythosd/store"
	"mythosd/world/worldfile"
)

// BenchmarkFluxPass runs passive-flux passes over many active characters
// spread over the shipped world's rooms, and reports the cost per
// character. The world loop is not running: the benchmark is the loop.
func BenchmarkFluxPass(b *testing.B) {
	rooms := shippedRooms(b)
	for _, n := range []int{1000, 10000, 100000} {
		b.Run(fmt.Sprint(n), func(b *testing.B) {
			w := benchWorld(b)
			chars := spread(w, rooms, n)
			now := w.cfg.Clock.Now()
			w.fluxPass(now) // warm up: slices reach their size
			b.ReportAllocs()
			b.ResetTimer()
			for b.Loop() {
				b.StopTimer()
				for _, c := range chars {
					c.Lucidity, c.dirty = 55, false
				}
				w.dirty, w.changes = w.dirty[:0], w.changes[:0]
				b.StartTimer()
				w.fluxPass(now)
			}
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(n), "ns/char")
		})
	}
}

// shippedRooms loads every room of the shipped world as the cache would.
func shippedRooms(b *testing.B) []*Room {
	b.Helper()
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
	rooms := make([]*Room, 0, len(sw.Rooms))
	for _, r := range sw.Rooms {
		room, err := loadRoom(context.Background(), db, r.ID)
		if err != nil {
			b.Fatal(err)
		}
		rooms = append(rooms, room)
	}
	return rooms
}

// benchWorld is a World that is never run: the benchmark calls its loop
// functions directly.
func benchWorld(b *testing.B) *World {
	b.Helper()
	w, err := New(Config{
		Store: nilStore{}, Clock: newFakeClock(), Logger: slog.New(slog.NewTextHandler(io.Discard, nil)),
		Hasher: testHasher(), StartRoom: "x", Rand: rand.New(rand.NewPCG(1, 2)),
	})
	if err != nil {
		b.Fatal(err)
	}
	return w
}

// spread puts n active characters into the rooms, round robin.
func spread(w *World, rooms []*Room, n int) []*Character {
	now := w.cfg.Clock.Now()
	chars := make([]*Character, n)
	conn := &discardConn{}
	for i := range chars {
		c := &Character{ID: int64(i + 1), Name: fmt.Sprint("c", i), Lucidity: 55, CreatedAt: now,
			facts: map[string]int64{}, visited: map[string]struct{}{}}
		w.touch(c, now)
		c.sess = &Session{conn: conn, char: c}
		w.chars[nameKey(c.Name)] = c
		w.putIn(c, rooms[i%len(rooms)])
		chars[i] = c
	}
	return chars
}

// discardConn is a connection that drops everything.
type discardConn struct{}

func (discardConn) Send(string) bool    { return true }
func (discardConn) Prompt(string) bool  { return true }
func (discardConn) SetEcho(bool)        {}
func (discardConn) Close(netcore.Cause) {}
func (discardConn) LoggedIn()           {}
func (discardConn) Info() ConnInfo      { return ConnInfo{Transport: "bench"} }

// nilStore is a Store for a World that never touches it.
type nilStore struct{ Store }

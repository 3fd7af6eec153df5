package world

import (
	"fmt"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"mythosd/world/bus"
)

// busAdapter gives the bus package's Bus the world's Bus interface.
type busAdapter struct{ *bus.Bus }

func (b busAdapter) Stats() BusStats {
	s := b.Bus.Stats()
	return BusStats{Node: s.Node, Connected: s.Connected, In: s.In, Out: s.Out, Dropped: s.Dropped}
}

// fanRound is one message being fanned out: what to look for, when it left,
// and each listener's latency.
type fanRound struct {
	marker string
	start  time.Time
	lat    []time.Duration
	wg     sync.WaitGroup
}

// fanConn is a listener that notes when the current round's message reaches it.
type fanConn struct {
	discardConn
	i     int
	round *atomic.Pointer[fanRound]
	last  *fanRound
}

func (c *fanConn) Send(text string) bool {
	if r := c.round.Load(); r != nil && r != c.last && strings.Contains(text, r.marker) {
		c.last = r
		r.lat[c.i] = time.Since(r.start)
		r.wg.Done()
	}
	return true
}

// BenchmarkGlobalFanout sends one global message through the embedded NATS
// bus to 1,000 sessions and reports the delivery latency: p50 and p99 from
// the command to each session's connection.
func BenchmarkGlobalFanout(b *testing.B) {
	const listeners = 1000
	bs, err := bus.Open(bus.Config{Node: "bench"})
	if err != nil {
		b.Fatal(err)
	}
	defer bs.Close()
	tw := newTestWorldWith(b, "", func(c *Config) { c.Bus = busAdapter{bs} })
	for _, s := range ChatSubjects() {
		if err := bs.Subscribe(s, tw.OnChat); err != nil {
			b.Fatal(err)
		}
	}
	sender := tw.create(b, "Crier")
	var round atomic.Pointer[fanRound]
	tw.onLoop(func() { addListeners(tw.World, listeners, &round) })
	var all []time.Duration
	b.ResetTimer()
	for i := range b.N {
		r := &fanRound{marker: fmt.Sprint("ping", i, "."), lat: make([]time.Duration, listeners)}
		r.wg.Add(listeners)
		tw.clock.advance(6 * time.Second) // global allows 10 a minute
		r.start = time.Now()
		round.Store(r)
		sender.sess.Line("global " + r.marker)
		r.wg.Wait()
		all = append(all, r.lat...)
	}
	b.StopTimer()
	slices.Sort(all)
	b.ReportMetric(float64(all[len(all)/2].Microseconds()), "p50-µs")
	b.ReportMetric(float64(all[len(all)*99/100].Microseconds()), "p99-µs")
}

// addListeners puts n playing characters in the ward. Loop only.
func addListeners(w *World, n int, round *atomic.Pointer[fanRound]) {
	ward, _ := w.rooms.peek("ward")
	now := w.cfg.Clock.Now()
	for i := range n {
		c := &Character{ID: int64(1000 + i), Name: fmt.Sprint("Listener", i), Lucidity: 100, CreatedAt: now,
			facts: map[string]int64{}, visited: map[string]struct{}{}}
		c.sess = &Session{w: w, conn: &fanConn{i: i, round: round}, char: c, log: w.log, ack: make(chan struct{}, 1)}
		w.touch(c, now)
		w.chars[nameKey(c.Name)] = c
		w.mutes.set(c.ID, nil)
		w.putIn(c, ward)
	}
}

package world

import (
	"slices"
	"sync/atomic"
	"time"
)

// tickWindow is how many recent ticks the recorder keeps: a minute at the
// default 100ms cadence.
const tickWindow = 600

// TickRecorder keeps the duration and lateness of recent ticks. The world
// loop writes it without locks; any goroutine may read it.
type TickRecorder struct {
	count    atomic.Uint64
	over     atomic.Uint64 // ticks that took longer than their budget
	duration [tickWindow]atomic.Int64
	lateness [tickWindow]atomic.Int64
}

// NewTickRecorder returns an empty recorder.
func NewTickRecorder() *TickRecorder { return &TickRecorder{} }

// record stores one tick. Only the world loop calls it.
func (r *TickRecorder) record(took, late, budget time.Duration) {
	n := r.count.Load()
	r.duration[n%tickWindow].Store(int64(took))
	r.lateness[n%tickWindow].Store(int64(late))
	if took > budget {
		r.over.Add(1)
	}
	r.count.Store(n + 1)
}

// TickStats summarises the recent ticks.
type TickStats struct {
	Count      uint64 // ticks since start
	OverBudget uint64 // ticks that took longer than the tick interval
	Last       time.Duration
	LastLate   time.Duration
	P50, P95   time.Duration
	P99, Max   time.Duration
	MaxLate    time.Duration
	Window     int // how many ticks the percentiles cover
}

// Stats returns a summary of the last n ticks (at most a minute's worth).
func (r *TickRecorder) Stats(n int) TickStats {
	count := r.count.Load()
	n = int(min(uint64(max(n, 0)), count, tickWindow))
	s := TickStats{Count: count, OverBudget: r.over.Load(), Window: n}
	if n == 0 {
		return s
	}
	durs := make([]time.Duration, n)
	for i := range n {
		at := (count - 1 - uint64(i)) % tickWindow
		durs[i] = time.Duration(r.duration[at].Load())
		s.MaxLate = max(s.MaxLate, time.Duration(r.lateness[at].Load()))
	}
	s.Last = durs[0]
	s.LastLate = time.Duration(r.lateness[(count-1)%tickWindow].Load())
	slices.Sort(durs)
	s.P50, s.P95, s.P99 = pct(durs, 50), pct(durs, 95), pct(durs, 99)
	s.Max = durs[n-1]
	return s
}

// Recent returns the durations of the last n ticks (at most a minute's
// worth), oldest first.
func (r *TickRecorder) Recent(n int) []time.Duration {
	count := r.count.Load()
	n = int(min(uint64(max(n, 0)), count, tickWindow))
	out := make([]time.Duration, n)
	for i := range n {
		out[n-1-i] = time.Duration(r.duration[(count-1-uint64(i))%tickWindow].Load())
	}
	return out
}

// pct returns the p-th percentile of sorted (nearest rank).
func pct(sorted []time.Duration, p int) time.Duration {
	i := (len(sorted)*p + 99) / 100
	return sorted[max(i-1, 0)]
}

// effectsEvery is the cadence of timed tier effects (hallucination checks,
// waking from delirium): their intervals are tens of seconds, so once a
// second is exact enough and keeps the tick cheap with many characters.
const effectsEvery = time.Second

// tick runs the timed work of one tick and records how long it took and
// how late it started.
func (w *World) tick(scheduled time.Time) {
	start := w.cfg.Clock.Now()
	if !start.Before(w.nextFlux) {
		w.nextFlux = start.Add(w.cfg.FluxEvery)
		w.fluxPass(start)
	}
	if !start.Before(w.nextEffects) {
		w.nextEffects = start.Add(effectsEvery)
		w.timedEffects(start)
		w.mutes.refresh(w, start)
		w.rooms.expire()
		w.pruneLocalEcho(start)
		w.guard.summarize(w.log, start)
		w.expireBans(start)
		w.refreshStaff(start)
	}
	w.runDue(start)
	w.npcTick(start)
	w.flushArrivals()
	w.handOff()
	end := w.cfg.Clock.Now()
	w.ticks.record(end.Sub(start), max(start.Sub(scheduled), 0), w.cfg.Tick)
	w.publish(end)
}

package admin

import (
	"time"

	"mythosd/world"
)

// rateWindow is how far back the store's rates look.
const rateWindow = 5 * time.Second

// sample is one snapshot's store counters.
type sample struct {
	at      time.Time
	commits uint64
	rows    uint64
	moves   uint64 // item moves
}

// history keeps what the console needs from past snapshots: store counters
// for rates. (The tick graph comes whole with each snapshot.)
type history struct {
	last    time.Time
	samples []sample // oldest first, within rateWindow of the newest
}

// add records a snapshot once; the same snapshot seen again changes nothing.
func (h *history) add(s *world.Snapshot) {
	if s.At.IsZero() || !s.At.After(h.last) {
		return
	}
	h.last = s.At
	h.samples = append(h.samples, sample{at: s.At, commits: s.Store.Commits, rows: s.Store.RowsWritten, moves: s.Items.Moves})
	drop := 0
	for drop < len(h.samples)-2 && s.At.Sub(h.samples[drop+1].at) >= rateWindow {
		drop++
	}
	h.samples = append(h.samples[:0], h.samples[drop:]...)
}

// moveRate returns item moves per second over the samples kept.
func (h *history) moveRate() float64 {
	if len(h.samples) < 2 {
		return 0
	}
	first, last := h.samples[0], h.samples[len(h.samples)-1]
	return float64(last.moves-first.moves) / last.at.Sub(first.at).Seconds()
}

// rates returns commits and rows per second over the samples kept; zero
// until two snapshots have been seen.
func (h *history) rates() (commits, rows float64) {
	if len(h.samples) < 2 {
		return 0, 0
	}
	first, last := h.samples[0], h.samples[len(h.samples)-1]
	secs := last.at.Sub(first.at).Seconds()
	return float64(last.commits-first.commits) / secs, float64(last.rows-first.rows) / secs
}

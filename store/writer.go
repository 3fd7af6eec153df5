package store

import (
	"database/sql"
	"fmt"
	"log/slog"
	"sync"
	"sync/atomic"
	"time"
)

// writer is the write-behind writer (DESIGN rule 4). Submit merges batches
// into pending under mu; the writer goroutine swaps pending out (it becomes
// inflight), commits it in one transaction, and on failure merges it back
// under anything newer and retries with a capped back-off.
type writer struct {
	db  *sql.DB
	log *slog.Logger
	cfg config

	wake chan struct{} // capacity 1: "there is work"
	stop chan struct{} // closed by close
	done chan struct{} // closed when run returns

	mu         sync.Mutex
	queued     []Batch // submitted, not yet merged into pending
	pending    *pending
	inflight   *pending // nil unless a commit is under way
	closing    bool
	closeStart time.Time
	gate       chan struct{} // non-nil while paused; closed on resume
	pauses     int
	submitted  uint64        // sequence of the last merged Submit
	taken      uint64        // sequence covered by inflight
	committed  uint64        // sequence covered by the last commit
	advanced   chan struct{} // closed and replaced when committed moves or run ends
	exited     bool

	health health

	commits    atomic.Uint64
	rows       atomic.Uint64
	errors     atomic.Uint64
	lastCommit atomic.Int64 // nanoseconds
}

func newWriter(db *sql.DB, logger *slog.Logger, cfg config) *writer {
	return &writer{
		db: db, log: logger.With("part", "writer"), cfg: cfg,
		wake: make(chan struct{}, 1), stop: make(chan struct{}), done: make(chan struct{}),
		pending: newPending(), advanced: make(chan struct{}),
	}
}

// Submit hands b to the write-behind writer and returns at once: it queues
// b and wakes the writer, which merges queued batches into its pending one
// as Batch says (latest state, fact and meta value wins, visits are kept
// once, lucidity changes of one character with one reason are summed)
// before each commit. It never waits on I/O and costs its caller no merge
// (unless the writer is held up, see maxQueued). Submit takes b's maps and
// slices: the caller must not change them afterwards. A batch with nothing
// in it is accepted and dropped. After Close it refuses the batch, logs it
// and returns false.
func (db *DB) Submit(b Batch) bool {
	return db.w.submit(b)
}

func (w *writer) submit(b Batch) bool {
	w.mu.Lock()
	if w.closing {
		w.mu.Unlock()
		w.log.Warn("batch submitted after close refused", batchContents(b).attrs()...)
		return false
	}
	if batchContents(b).size() == 0 {
		w.mu.Unlock()
		return true
	}
	w.queued = append(w.queued, b)
	if len(w.queued) >= maxQueued {
		w.absorb() // the writer is held up: merge now, so memory stays bounded
	}
	w.submitted++
	w.mu.Unlock()
	select {
	case w.wake <- struct{}{}:
	default:
	}
	return true
}

// maxQueued is how many batches may wait unmerged. Submit only queues a
// batch, so that the caller (the world loop) pays no merge; the writer
// merges them before each commit. When the writer is held up, Submit
// merges once this many are waiting.
const maxQueued = 64

// absorb merges the queued batches into pending, oldest first. Callers
// hold w.mu.
func (w *writer) absorb() {
	for _, b := range w.queued {
		w.pending.add(b)
	}
	clear(w.queued)
	w.queued = w.queued[:0]
}

// run is the writer goroutine.
func (w *writer) run() {
	defer w.exit()
	failures := 0
	for {
		batch, ok := w.take()
		if !ok {
			return
		}
		if w.commitBatch(batch) {
			failures = 0
			continue
		}
		failures++
		if !w.backOff(failures) {
			return
		}
	}
}

// take waits until there is pending work and the writer is not paused, then
// swaps the pending batch out. It returns false once closing and drained.
func (w *writer) take() (*pending, bool) {
	w.mu.Lock()
	defer w.mu.Unlock()
	for {
		if w.gate != nil && !w.closing {
			gate := w.gate
			w.mu.Unlock()
			select {
			case <-gate:
			case <-w.stop:
			}
			w.mu.Lock()
			continue
		}
		w.absorb()
		if !w.pending.empty() {
			w.inflight, w.pending = w.pending, newPending()
			w.taken = w.submitted
			return w.inflight, true
		}
		if w.closing {
			return nil, false
		}
		w.mu.Unlock()
		select {
		case <-w.wake:
		case <-w.stop:
		}
		w.mu.Lock()
	}
}

// commitBatch commits batch; on failure it counts and logs the error and
// puts the batch back under anything submitted since.
func (w *writer) commitBatch(batch *pending) bool {
	start := time.Now()
	n, err := commitPending(w.db, batch)
	elapsed := time.Since(start)
	w.health.report(err, time.Now())
	w.mu.Lock()
	defer w.mu.Unlock()
	if err != nil {
		w.errors.Add(1)
		w.log.Error("write-behind commit failed; keeping the batch to retry",
			append([]any{"err", err}, batch.contents().attrs()...)...)
		w.absorb()
		w.pending.addOlder(batch)
		w.inflight = nil
		return false
	}
	w.commits.Add(1)
	w.rows.Add(uint64(n))
	w.lastCommit.Store(int64(elapsed))
	w.inflight = nil
	w.committed = w.taken
	w.broadcast()
	return true
}

// backOff sleeps before the next attempt, doubling from minBackoff up to
// maxBackoff. Once closing for longer than closeTimeout it returns false.
func (w *writer) backOff(failures int) bool {
	w.mu.Lock()
	giveUp := w.closing && time.Since(w.closeStart) > w.cfg.closeTimeout
	w.mu.Unlock()
	if giveUp {
		return false
	}
	delay := w.cfg.minBackoff
	for i := 1; i < failures && delay < w.cfg.maxBackoff; i++ {
		delay *= 2
	}
	t := time.NewTimer(min(delay, w.cfg.maxBackoff))
	defer t.Stop()
	<-t.C
	return true
}

// broadcast wakes every Flush waiting; w.mu must be held.
func (w *writer) broadcast() {
	close(w.advanced)
	w.advanced = make(chan struct{})
}

// exit marks the writer stopped and wakes waiters.
func (w *writer) exit() {
	w.mu.Lock()
	w.exited = true
	w.broadcast()
	w.mu.Unlock()
	close(w.done)
}

// close refuses further batches, lets the writer drain and waits for it.
// It reports what could not be written.
func (w *writer) close() error {
	w.mu.Lock()
	if !w.closing {
		w.closing = true
		w.closeStart = time.Now()
		close(w.stop)
	}
	w.mu.Unlock()
	<-w.done
	w.mu.Lock()
	defer w.mu.Unlock()
	w.absorb()
	if left := w.pending.contents(); left.size() > 0 {
		w.log.Error("write-behind writer stopped with unwritten changes", left.attrs()...)
		return fmt.Errorf("write-behind: %s not written after %d failed commits", left, w.errors.Load())
	}
	return nil
}

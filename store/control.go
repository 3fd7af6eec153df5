package store

import (
	"context"
	"fmt"
	"sync"
	"time"
)

// Flush waits until everything submitted before the call is committed, or
// ctx ends. After Close it returns ErrClosed if something was left unwritten.
func (db *DB) Flush(ctx context.Context) error {
	if err := db.w.flush(ctx); err != nil {
		return fmt.Errorf("flush %s: %w", db.path, err)
	}
	return nil
}

func (w *writer) flush(ctx context.Context) error {
	w.mu.Lock()
	target := w.submitted
	for w.committed < target {
		if w.exited {
			w.mu.Unlock()
			return ErrClosed
		}
		advanced := w.advanced
		w.mu.Unlock()
		select {
		case <-advanced:
		case <-ctx.Done():
			return ctx.Err()
		}
		w.mu.Lock()
	}
	w.mu.Unlock()
	return nil
}

// Pause is a test hook: it holds the writer before its next commit (a
// commit already under way finishes) until resume is called, while Submit
// keeps merging. Pauses nest; resume is idempotent. Close releases every
// pause so that shutdown cannot hang on a forgotten resume.
func (db *DB) Pause() (resume func()) {
	w := db.w
	w.mu.Lock()
	if w.gate == nil {
		w.gate = make(chan struct{})
	}
	w.pauses++
	w.mu.Unlock()
	var once sync.Once
	return func() { once.Do(w.resume) }
}

func (w *writer) resume() {
	w.mu.Lock()
	defer w.mu.Unlock()
	w.pauses--
	if w.pauses == 0 {
		close(w.gate)
		w.gate = nil
	}
}

// WriterStats describes the write-behind writer at one moment.
type WriterStats struct {
	// QueueDepth counts the items submitted but not yet committed (pending
	// or in the commit under way), as merged: character states, visits,
	// facts, lucidity changes (one per character and reason) and meta keys.
	QueueDepth int
	// Commits counts committed transactions; each holds one merged batch.
	Commits uint64
	// RowsWritten counts rows updated, inserted or deleted by those commits.
	RowsWritten uint64
	// Errors counts failed commit attempts.
	Errors uint64
	// LastCommit is how long the last successful commit took.
	LastCommit time.Duration
	// Failing is set while commits fail: since FailingSince, with
	// LastError the last failure's error (kept after recovery too).
	Failing      bool
	FailingSince time.Time
	LastError    string
	// LastGood is when the last commit succeeded; zero before the first.
	LastGood time.Time
}

// Stats returns a copy of the writer's counters; safe from any goroutine.
// It merges what is queued (to count it exactly), so the world loop leaves
// it to the readers of its snapshots.
func (db *DB) Stats() WriterStats {
	w := db.w
	w.mu.Lock()
	w.absorb()
	depth := w.pending.size()
	if w.inflight != nil {
		depth += w.inflight.size()
	}
	w.mu.Unlock()
	s := WriterStats{
		QueueDepth:  depth,
		Commits:     w.commits.Load(),
		RowsWritten: w.rows.Load(),
		Errors:      w.errors.Load(),
		LastCommit:  time.Duration(w.lastCommit.Load()),
	}
	w.health.fill(&s)
	return s
}

// Commits returns how many write-behind transactions have committed, so a
// test can assert that a batch took exactly one.
func (db *DB) Commits() uint64 {
	return db.w.commits.Load()
}

// overlay calls fn under w.mu with each batch not yet committed, oldest
// first: the one in flight, if any, then the pending one. Reads take their
// overlay before they query the database: whatever is neither pending nor
// in flight at that moment is already committed.
func (w *writer) overlay(fn func(p *pending)) {
	w.mu.Lock()
	defer w.mu.Unlock()
	w.absorb()
	if w.inflight != nil {
		fn(w.inflight)
	}
	fn(w.pending)
}

// character returns the newest uncommitted state of character id, if any.
func (w *writer) character(id int64) (st CharacterState, ok bool) {
	w.overlay(func(p *pending) {
		if s, found := p.chars[id]; found {
			st, ok = s, true
		}
	})
	return st, ok
}

// visits returns the uncommitted visits of character id with their times;
// an in-flight visit's time comes first.
func (w *writer) visits(id int64) map[string]time.Time {
	seen := map[string]time.Time{}
	w.overlay(func(p *pending) {
		for room, at := range p.visits.of(id) {
			if _, first := seen[room]; !first {
				seen[room] = normalTime(at)
			}
		}
	})
	return seen
}

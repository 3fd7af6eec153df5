package store

import (
	"context"
	"fmt"
	"sync"
	"time"
)

// Health is the write-behind writer's state as it changes: failing (OK
// false, with the error) from the first failed commit after a good one, and
// OK again from the first good commit after failures.
type Health struct {
	OK    bool
	Err   error     // the commit's error when failing
	Since time.Time // when this state began
}

// health tracks the writer's commits for Stats and the OnHealth hook.
type health struct {
	mu       sync.Mutex
	failing  bool
	lastErr  string
	since    time.Time // when failing began
	lastGood time.Time // the last good commit
	hook     func(Health)
}

// OnHealth has fn called, on the writer's goroutine, each time commits
// start failing or succeed again. fn must not block for long: the world
// hands it to its loop as a message.
func (db *DB) OnHealth(fn func(Health)) {
	db.w.health.mu.Lock()
	defer db.w.health.mu.Unlock()
	db.w.health.hook = fn
}

// report records the outcome of a commit and calls the hook on a change.
func (h *health) report(err error, now time.Time) {
	h.mu.Lock()
	var change *Health
	switch {
	case err != nil && !h.failing:
		h.failing, h.since = true, now
		change = &Health{Err: err, Since: now}
	case err == nil && h.failing:
		h.failing, h.since = false, now
		change = &Health{OK: true, Since: now}
	}
	if err != nil {
		h.lastErr = err.Error()
	} else {
		h.lastGood = now
	}
	hook := h.hook
	h.mu.Unlock()
	if change != nil && hook != nil {
		hook(*change)
	}
}

// fill copies the health figures into s.
func (h *health) fill(s *WriterStats) {
	h.mu.Lock()
	defer h.mu.Unlock()
	s.Failing, s.LastError, s.LastGood = h.failing, h.lastErr, h.lastGood
	if h.failing {
		s.FailingSince = h.since
	}
}

// SetReadOnly is a test hook: on makes every write to the database fail,
// as a full or read-only disk would (SQLite's query_only on the one write
// connection); off lets writes through again.
func (db *DB) SetReadOnly(ctx context.Context, on bool) error {
	v := "OFF"
	if on {
		v = "ON"
	}
	if _, err := db.write.ExecContext(ctx, "PRAGMA query_only = "+v); err != nil {
		return fmt.Errorf("set query_only %s: %w", v, err)
	}
	return nil
}

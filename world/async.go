package world

import (
	"context"
	"runtime/debug"
	"time"
)

// spawn runs fn on its own goroutine, for work the loop must not do (store
// calls, bus requests). The world waits for every spawned goroutine before
// Run returns, and cancels ctx when it stops, so nothing it started outlives
// it. Only the loop calls spawn.
func (w *World) spawn(fn func(ctx context.Context)) {
	w.bg.Add(1)
	go func() {
		defer w.bg.Done()
		fn(w.bgCtx)
	}()
}

// async runs work off the loop on behalf of c's session, within timeout.
// The function work returns runs back on the loop, if the same session
// still plays c; until then the session's command counts as running, so
// its prompt follows the answer. work must not touch loop-owned state; a
// panic in it is logged and answered, never fatal. Only the loop calls it.
func (w *World) async(c *Character, timeout time.Duration, work func(ctx context.Context) func()) {
	s := c.sess
	if s == nil {
		return
	}
	s.pending++
	w.spawn(func(ctx context.Context) {
		then := w.guarded(ctx, timeout, c, work)
		w.post(func() {
			s.pending--
			defer s.finished()
			if c.sess == s && then != nil {
				then()
			}
		})
	})
}

// guarded runs work with a timeout, turning a panic into an apology.
func (w *World) guarded(ctx context.Context, timeout time.Duration, c *Character, work func(ctx context.Context) func()) (then func()) {
	defer func() {
		if r := recover(); r != nil {
			w.log.Error("panic in off-loop work", "panic", r, "stack", string(debug.Stack()))
			then = func() { c.send(storeTroubleText) }
		}
	}()
	ctx, cancel := context.WithTimeout(ctx, timeout)
	defer cancel()
	return work(ctx)
}

// storeTroubleText answers a command whose store call failed.
const storeTroubleText = "The records office cannot be reached just now; please try again in a moment.\n"

package ssh

import (
	"runtime/debug"

	"mythosd/world/netcore"
)

// writeLoop runs the outbox and the Terminal's output onto the channel
// until both are empty, then ends: the outbox starts it again when output
// arrives. When the session ends it closes the connection, which it alone
// does, unless a write is stuck past its deadline.
func (c *Conn) writeLoop() {
	idle := false
	defer func() {
		if !idle {
			c.endConn()
			c.out.Finished()
		}
	}()
	defer c.recoverPanic("write loop")
	idle = c.drain()
}

// drain handles the outbox and flushes until nothing waits (true) or the
// session ends (false). Once Next reports nothing to do it touches nothing
// more: another loop may already run.
func (c *Conn) drain() bool {
	for {
		items, state, ok := c.out.Next(c.batch, c.release)
		if !ok {
			return true
		}
		if !c.handleBatch(items, state) || !c.flush() {
			return false
		}
	}
}

// release lets go of the loop's buffers while the session is idle; the
// outbox calls it while no other loop can start.
func (c *Conn) release() {
	c.scratch, c.spare, c.batch = nil, nil, nil
	c.sink.release()
}

// handleBatch handles items, flushing whenever a batch of output has
// gathered. It reports false when the session ended.
func (c *Conn) handleBatch(items []outItem, state netcore.State) bool {
	defer func() { c.batch = netcore.Recycle(items) }()
	if state == netcore.Killed {
		return false
	}
	for _, it := range items {
		c.handle(it)
		if c.sink.pending() >= maxBatch && !c.flush() {
			return false
		}
	}
	if state == netcore.Closing {
		c.finish()
		return false
	}
	return true
}

// endConn closes the connection when the session did not end with its
// exit status: then the client is dropped at once.
func (c *Conn) endConn() {
	if !c.exited {
		c.hangup()
	}
}

// handle applies one outbox item.
func (c *Conn) handle(it outItem) {
	switch it.kind {
	case itemText:
		c.scratch = c.style.render(c.scratch[:0], it.text)
		// Terminal.Write writes into the sink, which never fails.
		_, _ = c.term.Write(c.scratch)
		if cap(c.scratch) > keepBufCap {
			c.scratch = nil
		}
	case itemPrompt:
		c.setPrompt(it.text)
	case itemBarrier:
		select {
		case c.flushed <- struct{}{}:
		default:
		}
	}
}

// setPrompt makes text the prompt. The read loop draws it when it starts
// reading; a prompt that changes while the player types is redrawn now.
func (c *Conn) setPrompt(text string) {
	text = string(c.style.render(nil, text))
	if text == c.currentPrompt() {
		return
	}
	c.prompt.Store(&text)
	c.term.SetPrompt(text)
	// An empty write makes the Terminal redraw its prompt and line when it
	// shows them, and does nothing when it does not.
	_, _ = c.term.Write(nil)
}

// flush writes what the Terminal produced to the channel, under the write
// deadline; false when the connection is gone.
func (c *Conn) flush() bool {
	out, over := c.sink.take(c.spare[:0])
	if over {
		c.overflow()
		return false
	}
	if len(out) > 0 {
		c.timer.Reset(c.timeout)
		_, err := c.ch.Write(out)
		c.timer.Stop()
		if err != nil {
			if c.core.Record(netcore.CauseWriteError) {
				c.logger().Debug("ssh write failed", "err", err)
			}
			return false
		}
	}
	c.spare = out[:0]
	if cap(c.spare) > keepBufCap {
		c.spare = nil
	}
	return true
}

// finish flushes, ends the session with exit status 0 and ends the loops.
func (c *Conn) finish() {
	if !c.flush() {
		return
	}
	c.timer.Reset(c.timeout)
	// The channel may be gone already; the connection closes either way.
	_ = c.ch.Exit(0)
	c.timer.Stop()
	c.exited = true
}

// recoverPanic turns a panic in one of the session's goroutines into the
// end of that session.
func (c *Conn) recoverPanic(where string) {
	if r := recover(); r != nil {
		c.logger().Error("panic in ssh session", "where", where, "panic", r, "stack", string(debug.Stack()))
		c.kill(netcore.CauseFailure)
	}
}

package ssh

import (
	"runtime/debug"

	"mythosd/world/netcore"
)

// writeLoop runs the outbox, window changes and the Terminal's output onto
// the channel until the connection ends.
// It alone closes the connection, unless a write is stuck past its
// deadline.
func (c *Conn) writeLoop() {
	defer c.out.Finished()
	defer c.endConn()
	defer c.recoverPanic("write loop")
	for {
		select {
		case <-c.out.Ready():
			if !c.handleBatch() {
				return
			}
		case <-c.sink.ready:
		case w, ok := <-c.winch:
			if !ok {
				c.winch = nil
				continue
			}
			c.resize(w)
		}
		if !c.flush() {
			return
		}
	}
}

// handleBatch handles every waiting item, flushing whenever a batch of
// output has gathered. It reports false when the session ended.
func (c *Conn) handleBatch() bool {
	items, state, _ := c.out.Next(c.batch, nil)
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
				c.log.Debug("ssh write failed", "err", err)
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
		c.log.Error("panic in ssh session", "where", where, "panic", r, "stack", string(debug.Stack()))
		c.kill(netcore.CauseFailure)
	}
}

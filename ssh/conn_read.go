package ssh

import (
	"context"
	"errors"
	"io"
	"log/slog"

	"mythosd/world/netcore"

	"mythosd/world"
)

// serve runs the session: it starts the write loop, hands the connection
// to the world with accept, feeds the world what the player types, and
// returns once both loops have ended.
func (c *Conn) serve(accept func(world.Conn) world.LineHandler) {
	go c.writeLoop()
	defer c.await()
	defer c.recoverPanic("session")
	h := accept(c)
	defer h.Hangup()
	for c.barrier() {
		line, err := c.readLine()
		if err != nil {
			c.endInput(err)
			return
		}
		h.Line(line)
	}
}

// await ends the session gracefully when it has not ended yet, and waits
// for the write loop, which the write deadline bounds.
func (c *Conn) await() {
	c.Close(netcore.CauseClientClosed)
	<-c.written
}

// barrier waits until the write loop has handled everything queued before
// it, the prompt included: only then may the Terminal draw the prompt and
// read. It reports false when the connection has ended.
func (c *Conn) barrier() bool {
	c.outbox.push(outItem{kind: itemBarrier}, true)
	select {
	case <-c.flushed:
		return true
	case <-c.done:
		return false
	}
}

// readLine reads one line with the Terminal's editing and history, or a
// password without echo.
func (c *Conn) readLine() (string, error) {
	if c.echoOff.Load() {
		return c.term.ReadPassword(c.currentPrompt())
	}
	return c.term.ReadLine()
}

// endInput logs why input ended: the client left, or the player pressed
// Ctrl-D on an empty line, which the Terminal reports as the end of input.
func (c *Conn) endInput(err error) {
	select {
	case <-c.done:
		return // dropped or closed: already logged
	default:
	}
	level := slog.LevelInfo
	if errors.Is(err, io.EOF) {
		level = slog.LevelDebug
	}
	c.log.Log(context.Background(), level, "ssh input ended", "err", err)
}

package ssh

import (
	"errors"
	"io"

	"mythosd/world"
	"mythosd/world/netcore"
)

// serve runs the session: it hands the connection to the world with
// accept, feeds the world what the player types, and returns once the
// write loop has closed the connection.
func (c *Conn) serve(accept func(world.Conn) world.LineHandler) {
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
	<-c.out.Done()
}

// barrier waits until the write loop has handled everything queued before
// it, the prompt included: only then may the Terminal draw the prompt and
// read. It reports false when the connection has ended.
func (c *Conn) barrier() bool {
	if !c.out.Force(outItem{kind: itemBarrier}) {
		return false
	}
	select {
	case <-c.flushed:
		return true
	case <-c.out.Ended():
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

// endInput records why input ended: the client left, or the player
// pressed Ctrl-D on an empty line, which the Terminal reports as the end
// of input; anything else is a read error.
func (c *Conn) endInput(err error) {
	if errors.Is(err, io.EOF) {
		c.core.Record(netcore.CauseClientClosed)
		return
	}
	if c.core.Record(netcore.CauseReadError) {
		c.logger().Debug("ssh input ended", "err", err)
	}
}

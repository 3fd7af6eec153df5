package telnet

import (
	"errors"
	"io"
	"net"
	"runtime/debug"

	"mythosd/world"
	"mythosd/world/netcore"
)

// readBufferSize is the size of a connection's read buffer.
const readBufferSize = 512

// run serves the connection until it ends: opening offers, the Acceptor,
// the read loop, Hangup; it returns once the write loop has closed the
// socket.
func (c *Conn) run(acc world.Acceptor) {
	c.mu.Lock()
	c.neg.start()
	c.flushRawLocked()
	c.mu.Unlock()
	if h := c.accept(acc); h != nil {
		c.serve(h)
	}
	c.out.Close()
	<-c.out.Done()
}

// accept hands the connection to the world. A nil handler (the world
// refused the connection) closes it once its output is flushed.
func (c *Conn) accept(acc world.Acceptor) (h world.LineHandler) {
	defer func() {
		if r := recover(); r != nil {
			c.panicked("Accept", r)
			h = nil
		}
	}()
	h = acc.Accept(c)
	if h == nil {
		c.Close(netcore.CauseFailure)
	}
	return h
}

// serve runs the read loop, then ends the connection and tells h.
func (c *Conn) serve(h world.LineHandler) {
	c.readLoop(h)
	c.Close(netcore.CauseClientClosed) // flush what the world queued, for a client that half-closed
	defer func() {
		if r := recover(); r != nil {
			c.panicked("Hangup", r)
		}
	}()
	h.Hangup()
}

// readLoop feeds what the client sends to the parser until the socket fails.
// A panic in h ends the connection.
func (c *Conn) readLoop(h world.LineHandler) {
	defer func() {
		if r := recover(); r != nil {
			c.panicked("Line", r)
		}
	}()
	ev := &connEvents{c: c, h: h}
	buf := make([]byte, readBufferSize)
	for {
		n, err := c.nc.Read(buf)
		c.parser.feed(buf[:n], ev)
		c.flushRaw()
		if err != nil {
			c.readEnded(err)
			return
		}
	}
}

// readEnded records why reading stopped, when nothing else ended the
// connection first.
func (c *Conn) readEnded(err error) {
	if errors.Is(err, io.EOF) || errors.Is(err, net.ErrClosed) {
		c.nc.Record(netcore.CauseClientClosed)
		return
	}
	if c.nc.Record(netcore.CauseReadError) {
		c.logger.Debug("read failed", "remote", c.nc.Remote(), "err", err)
	}
}

// panicked logs a panic of the world's code, with its stack, and drops the
// connection.
func (c *Conn) panicked(where string, r any) {
	c.logger.Error("panic in "+where+"; connection ended", "remote", c.nc.Remote(),
		"panic", r, "stack", string(debug.Stack()))
	c.nc.End(netcore.CauseFailure)
}

// connEvents wires the parser to the world's handler and the negotiator.
type connEvents struct {
	c      *Conn
	h      world.LineHandler
	talked bool // a line has gone to the world
}

// line hands a line to the world, unless the connection is closing. The
// negotiation answers found before it go out first. A crawler's
// MSSP-REQUEST before any other line is answered here.
func (e *connEvents) line(text string) {
	e.c.flushRaw()
	if !e.talked && text == msspRequestLine && e.c.mssp != nil {
		e.c.Send(msspText(e.c.mssp()))
		return
	}
	e.c.awaitRoom()
	if !e.c.ended() {
		e.talked = true
		e.h.Line(text)
	}
}

// lineTooLong tells the client its line was ignored.
func (e *connEvents) lineTooLong() {
	e.c.logger.Debug("line too long", "remote", e.c.nc.Remote())
	e.c.Send(lineTooLongMessage)
}

// command runs a negotiation the client sent.
func (e *connEvents) command(verb, option byte) {
	e.c.mu.Lock()
	defer e.c.mu.Unlock()
	if !e.c.ended() {
		e.c.neg.receive(verb, option)
	}
}

// subnegotiation hands a subnegotiation to its option, then a request it
// left for the world to the world, outside the connection's lock.
func (e *connEvents) subnegotiation(option byte, data []byte) {
	if req := e.negotiate(option, data); req != nil && e.talked {
		if r, ok := e.h.(world.DataReceiver); ok {
			r.Data(req.pkg, req.payload)
		}
	}
}

// negotiate runs a subnegotiation under the connection's lock and returns
// the request for the world it left, if any.
func (e *connEvents) negotiate(option byte, data []byte) *gmcpRequest {
	e.c.mu.Lock()
	defer e.c.mu.Unlock()
	if e.c.ended() {
		return nil
	}
	e.c.neg.subnegotiation(option, data)
	req := e.c.neg.client.request
	e.c.neg.client.request = nil
	return req
}

package telnet

import (
	"errors"
	"log/slog"
	"os"
	"time"
)

// maxWriteBatch is how many bytes the write loop gathers into one write.
const maxWriteBatch = 16 << 10

// keepWriteCap is the largest write buffer kept while the outbox is idle.
const keepWriteCap = 1 << 10

// writeLoop drains the outbox to the socket until the connection ends.
func (c *Conn) writeLoop() {
	defer close(c.writerDone)
	var buf []byte
	for {
		select {
		case m := <-c.outbox:
			buf = c.collect(c.appendMessage(buf[:0], m))
			if !c.write(buf, time.Now().Add(c.writeTimeout)) {
				return
			}
			if cap(buf) > keepWriteCap {
				buf = nil
			}
		case <-c.closing:
			c.flush(buf[:0])
			return
		}
	}
}

// collect appends what else is queued, without waiting, up to a batch.
func (c *Conn) collect(buf []byte) []byte {
	for len(buf) < maxWriteBatch {
		select {
		case m := <-c.outbox:
			buf = c.appendMessage(buf, m)
		default:
			return buf
		}
	}
	return buf
}

// flush writes what is left in the outbox within one write timeout, then
// closes the socket.
func (c *Conn) flush(buf []byte) {
	deadline := time.Now().Add(c.writeTimeout)
	for {
		buf = c.collect(buf[:0])
		if len(buf) == 0 || !c.write(buf, deadline) {
			break
		}
	}
	_ = c.nc.Close() // the connection is over; a close error changes nothing
}

// appendMessage encodes m for the wire.
func (c *Conn) appendMessage(buf []byte, m message) []byte {
	switch m.kind {
	case msgRaw:
		return append(buf, m.text...)
	case msgPrompt:
		return append(appendText(buf, m.text), c.promptEnd()...)
	default:
		return appendText(buf, m.text)
	}
}

// write writes buf with a deadline; on failure it drops the connection.
func (c *Conn) write(buf []byte, deadline time.Time) bool {
	err := c.nc.SetWriteDeadline(deadline)
	if err == nil {
		_, err = c.nc.Write(buf)
	}
	if err == nil {
		select {
		case c.drained <- struct{}{}:
		default:
		}
		return true
	}
	if errors.Is(err, os.ErrDeadlineExceeded) {
		c.drop(slog.LevelWarn, reasonWriteTimeout)
		return false
	}
	c.drop(slog.LevelDebug, "write failed: "+err.Error())
	return false
}

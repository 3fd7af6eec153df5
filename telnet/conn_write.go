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
	e := &c.enc
	for {
		select {
		case m := <-c.outbox:
			e.begin()
			e.add(m)
			c.collect(e)
			if !c.write(e.end(), time.Now().Add(c.writeTimeout)) {
				return
			}
			e.release()
		case <-c.closing:
			c.flush(e)
			return
		}
	}
}

// collect encodes what else is queued, without waiting, up to a batch.
func (c *Conn) collect(e *encoder) {
	for e.size() < maxWriteBatch {
		select {
		case m := <-c.outbox:
			e.add(m)
		default:
			return
		}
	}
}

// flush writes what is left in the outbox within one write timeout, ends
// the compressed stream if any, then closes the socket.
func (c *Conn) flush(e *encoder) {
	deadline := time.Now().Add(c.writeTimeout)
	for {
		e.begin()
		c.collect(e)
		out := e.end()
		if len(c.outbox) == 0 {
			out = e.finish()
		}
		if len(out) == 0 || !c.write(out, deadline) || len(c.outbox) == 0 {
			break
		}
	}
	_ = c.nc.Close() // the connection is over; a close error changes nothing
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

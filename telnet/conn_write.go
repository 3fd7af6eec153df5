package telnet

import (
	"errors"
	"os"
	"time"

	"mythosd/world/netcore"
)

// maxWriteBatch is how many bytes the write loop gathers into one write.
const maxWriteBatch = 16 << 10

// writeLoop drains the outbox to the socket. The outbox starts it when
// output arrives; it returns when the outbox is empty, so an idle
// connection has no write goroutine. It alone closes the socket: when the
// outbox is closed (after flushing) or killed (at once).
func (c *Conn) writeLoop() {
	for {
		items, state, ok := c.out.Next(c.batch, c.enc.release)
		if !ok {
			return
		}
		if state == netcore.Killed || !c.writeItems(items) {
			c.closeSocket(nil)
			return
		}
		c.batch = netcore.Recycle(items)
		if state == netcore.Closing {
			c.enc.begin()
			c.closeSocket(c.enc.finish())
			return
		}
	}
}

// writeItems encodes and writes items in batches; false when a write failed.
func (c *Conn) writeItems(items []message) bool {
	e := &c.enc
	e.begin()
	for _, m := range items {
		e.add(m)
		if e.size() >= maxWriteBatch {
			if !c.write(e.end()) {
				return false
			}
			e.begin()
		}
	}
	return c.write(e.end())
}

// closeSocket writes the end of the stream, if any, and closes the socket;
// the read loop then ends.
func (c *Conn) closeSocket(tail []byte) {
	if len(tail) > 0 {
		c.write(tail)
	}
	_ = c.nc.Close() // the connection is over; a close error changes nothing
	c.out.Finished()
}

// write writes buf within the write timeout; on failure it records why.
func (c *Conn) write(buf []byte) bool {
	if len(buf) == 0 {
		return true
	}
	err := c.nc.SetWriteDeadline(time.Now().Add(c.writeTimeout))
	if err == nil {
		_, err = c.nc.Write(buf)
	}
	if err == nil {
		return true
	}
	cause := netcore.CauseWriteError
	if errors.Is(err, os.ErrDeadlineExceeded) {
		cause = netcore.CauseSlowClient
	}
	if c.nc.Record(cause) {
		c.logger.Debug("write failed", "remote", c.nc.Remote(), "err", err)
	}
	return false
}

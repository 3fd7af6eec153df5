// Package telnettest is the raw telnet client of the tests: it reads what
// the server sends through telnet.Decoder (the server parser's own state
// machine), answers options as a plain client does, and waits for text
// with a deadline.
package telnettest

import (
	"bytes"
	"errors"
	"net"
	"os"
	"testing"
	"time"

	"mythosd/telnet"
	"mythosd/world/netcore/nettest"
)

// Client is a plain telnet client on a net.Conn. It refuses every option
// the server offers or asks for, except those in Accept, and keeps the text
// it reads until an Expect takes it. It is not safe for concurrent use,
// except that SendRaw may run beside the reading methods.
type Client struct {
	// Conn is the connection; a test may write to it or close it.
	Conn net.Conn
	// Timeout bounds each wait for the server (nettest.Timeout if 0).
	Timeout time.Duration
	// Accept lists the options the client agrees to: their WILL is
	// answered DO and their DO is answered WILL. Set it before reading.
	Accept map[byte]bool

	tb      testing.TB
	dec     *telnet.Decoder
	text    []byte   // decoded text not yet taken by Expect
	gmcp    []string // GMCP payloads received, in order
	marks   int      // GA and EOR marks received
	replyTo []byte   // answers to write after the current read
	buf     []byte   // read buffer
}

// Dial connects to addr over TCP; the connection is closed when the test
// ends.
func Dial(tb testing.TB, addr string) *Client {
	tb.Helper()
	nc, err := net.DialTimeout("tcp", addr, nettest.Timeout)
	if err != nil {
		tb.Fatalf("dial %s: %v", addr, err)
	}
	return New(tb, nc)
}

// New wraps nc, which is closed when the test ends.
func New(tb testing.TB, nc net.Conn) *Client {
	tb.Cleanup(func() { _ = nc.Close() })
	c := &Client{Conn: nc, tb: tb}
	c.dec = telnet.NewDecoder((*events)(c))
	return c
}

// timeout is how long each wait for the server may take.
func (c *Client) timeout() time.Duration {
	if c.Timeout > 0 {
		return c.Timeout
	}
	return nettest.Timeout
}

// Send sends line with a CR LF line end.
func (c *Client) Send(line string) {
	c.tb.Helper()
	c.SendRaw([]byte(line + "\r\n"))
}

// SendRaw sends b as it is, failing the test if it cannot.
func (c *Client) SendRaw(b []byte) {
	c.tb.Helper()
	if err := c.write(b); err != nil {
		c.tb.Fatalf("write: %v", err)
	}
}

// SendGMCP sends a GMCP message ("Package.Message json"); the server
// takes it once GMCP is agreed (see Accept).
func (c *Client) SendGMCP(msg string) {
	c.tb.Helper()
	b := []byte{telnet.IAC, telnet.SB, telnet.OptGMCP}
	b = append(b, bytes.ReplaceAll([]byte(msg), []byte{telnet.IAC}, []byte{telnet.IAC, telnet.IAC})...)
	c.SendRaw(append(b, telnet.IAC, telnet.SE))
}

// TrySend sends b as it is, for a server that may hang up before it has
// read it all.
func (c *Client) TrySend(b []byte) {
	_ = c.write(b) // a reset is what the caller expects
}

func (c *Client) write(b []byte) error {
	if err := c.Conn.SetWriteDeadline(time.Now().Add(c.timeout())); err != nil {
		return err
	}
	_, err := c.Conn.Write(b)
	return err
}

// Expect reads until want has arrived in the text and returns all the text
// up to and including it; the rest stays for the next Expect. On timeout or
// a closed connection it fails the test, showing the text seen.
func (c *Client) Expect(want string) string {
	c.tb.Helper()
	deadline := time.Now().Add(c.timeout())
	for {
		if i := bytes.Index(c.text, []byte(want)); i >= 0 {
			got := string(c.text[:i+len(want)])
			c.text = c.text[i+len(want):]
			return got
		}
		if _, err := c.read(deadline); err != nil {
			c.tb.Fatalf("waiting for %q: %v; seen %q", want, err, tail(c.text))
		}
	}
}

// Closed reports whether the server ends the connection (a close or a
// reset) within the timeout; what arrives meanwhile is kept.
func (c *Client) Closed() bool {
	_, closed := c.UntilClosed()
	return closed
}

// UntilClosed reads until the server ends the connection or the timeout
// passes, and returns how many bytes came on the wire and whether it ended.
func (c *Client) UntilClosed() (n int, closed bool) {
	deadline := time.Now().Add(c.timeout())
	for {
		m, err := c.read(deadline)
		n += m
		if err != nil {
			return n, !errors.Is(err, os.ErrDeadlineExceeded)
		}
	}
}

// Drain reads what arrives within wait and returns all the text not yet
// taken, taking it.
func (c *Client) Drain(wait time.Duration) string {
	deadline := time.Now().Add(wait)
	for {
		if _, err := c.read(deadline); err != nil {
			return c.Rest()
		}
	}
}

// Rest takes and returns the text read but not yet taken by Expect.
func (c *Client) Rest() string {
	s := string(c.text)
	c.text = c.text[:0]
	return s
}

// Feed decodes b as if the server had sent it, for bytes a test read
// from Conn itself.
func (c *Client) Feed(b []byte) {
	c.dec.Feed(b)
	c.flushReplies()
}

// GMCP returns the GMCP payloads received so far ("Package.Message json").
func (c *Client) GMCP() []string { return c.gmcp }

// Marks returns how many prompt marks (IAC GA or IAC EOR) came so far.
func (c *Client) Marks() int { return c.marks }

// read reads once from the server, by deadline, and decodes what came.
func (c *Client) read(deadline time.Time) (int, error) {
	if err := c.Conn.SetReadDeadline(deadline); err != nil {
		return 0, err
	}
	if c.buf == nil {
		c.buf = make([]byte, 16<<10)
	}
	n, err := c.Conn.Read(c.buf)
	c.Feed(c.buf[:n])
	return n, err
}

// flushReplies writes the answers to the negotiations just decoded; a
// server gone by then is found by the next read.
func (c *Client) flushReplies() {
	if len(c.replyTo) == 0 {
		return
	}
	_ = c.write(c.replyTo)
	c.replyTo = c.replyTo[:0]
}

// Strip returns the text in b without its telnet commands, decoded by a
// fresh Decoder: for a test that reads raw bytes itself.
func Strip(b []byte) []byte {
	var t textOnly
	telnet.NewDecoder(&t).Feed(b)
	return t.text
}

// shownBytes bounds the text a failure shows.
const shownBytes = 4 << 10

// tail is the end of text, at most shownBytes of it, for a failure message.
func tail(text []byte) string {
	if len(text) <= shownBytes {
		return string(text)
	}
	return "..." + string(text[len(text)-shownBytes:])
}

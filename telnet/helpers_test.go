package telnet

import (
	"bufio"
	"bytes"
	"compress/zlib"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net"
	"sync"
	"testing"
	"time"

	"mythosd/world/netcore/nettest"

	"mythosd/world/netcore"

	"mythosd/world"
)

// ioTimeout bounds every wait of a test for the network; it only turns a
// hang into a failure and is never what a test measures.
const ioTimeout = 10 * time.Second

// offers is what DefaultOptions send when a connection opens: DO TTYPE,
// DO NAWS, WILL CHARSET, WILL EOR, WILL GMCP, WILL MCCP2.
const offers = "\xff\xfd\x18\xff\xfd\x1f\xff\xfb\x2a\xff\xfb\x19\xff\xfb\xc9\xff\xfb\x56"

// greeting is what a test world's client first receives.
const greeting = offers + "Welcome.\r\n"

// testFigures are MSSP figures for tests.
func testFigures() map[string]string {
	return map[string]string{"NAME": "MythosMUD", "PLAYERS": "3", "UPTIME": "1700000000"}
}

// testAcceptor is a tiny world: it greets, echoes lines and obeys a few
// commands, and records connections and hangups.
type testAcceptor struct {
	accepted chan world.Conn

	mu      sync.Mutex
	hangups map[world.Conn]int
}

func newTestAcceptor() *testAcceptor {
	return &testAcceptor{accepted: make(chan world.Conn, 1024), hangups: make(map[world.Conn]int)}
}

// Accept greets the player and echoes what they type.
func (a *testAcceptor) Accept(c world.Conn) world.LineHandler {
	c.Send("Welcome.\n")
	a.accepted <- c
	return &echoHandler{c: c, a: a}
}

// next returns the next accepted connection.
func (a *testAcceptor) next(tb testing.TB) world.Conn {
	tb.Helper()
	select {
	case c := <-a.accepted:
		return c
	case <-time.After(ioTimeout):
		tb.Fatal("no connection was accepted")
		return nil
	}
}

// hangupCount returns how many times c was hung up.
func (a *testAcceptor) hangupCount(c world.Conn) int {
	a.mu.Lock()
	defer a.mu.Unlock()
	return a.hangups[c]
}

// waitHangup waits until c was hung up, and checks it was exactly once.
func (a *testAcceptor) waitHangup(tb testing.TB, c world.Conn) {
	tb.Helper()
	nettest.WaitUntil(tb, "hangup", func() bool { return a.hangupCount(c) > 0 })
	if n := a.hangupCount(c); n != 1 {
		tb.Errorf("Hangup called %d times, want 1", n)
	}
}

// echoHandler answers lines for testAcceptor.
type echoHandler struct {
	c world.Conn
	a *testAcceptor
}

func (h *echoHandler) Line(line string) {
	switch line {
	case "gmcp":
		ok := h.c.(world.DataSender).SendData("Room.Info", []byte(`{"num":1}`))
		h.c.Send(fmt.Sprintf("sent: %v\n", ok))
	case "color":
		h.c.Send("\x1b[38;2;255;0;0mred\x1b[0m\n")
	case "quote":
		h.c.Send("“Ph’nglui” — é…\n")
	case "panic":
		panic("test handler panics")
	case "password":
		h.c.SetEcho(false)
		h.c.Prompt("Password: ")
	case "echo":
		h.c.SetEcho(true)
	case "quit":
		h.c.Send("Bye.\n")
		h.c.Close(netcore.CauseQuit)
	default:
		h.c.Send("you said: " + line + "\n")
	}
}

// Data echoes a request the client sent for the world.
func (h *echoHandler) Data(pkg string, payload []byte) {
	h.c.Send("data: " + pkg + " " + string(payload) + "\n")
}

func (h *echoHandler) Hangup() {
	h.a.mu.Lock()
	defer h.a.mu.Unlock()
	h.a.hangups[h.c]++
}

// logBuffer collects log output from many goroutines.
type logBuffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (b *logBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.Write(p)
}

func (b *logBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.String()
}

// logger returns a logger writing into b.
func (b *logBuffer) logger() *slog.Logger {
	return slog.New(slog.NewTextHandler(b, &slog.HandlerOptions{Level: slog.LevelDebug}))
}

// startServer serves s on a fresh 127.0.0.1 listener and returns its
// address; the server is closed when the test ends.
func startServer(tb testing.TB, s *Server) string {
	tb.Helper()
	if s.Logger == nil {
		s.Logger = slog.New(slog.DiscardHandler)
	}
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		tb.Fatalf("listen: %v", err)
	}
	served := make(chan error, 1)
	go func() { served <- s.Serve(l) }()
	tb.Cleanup(func() {
		_ = s.Close()
		if err := <-served; !errors.Is(err, ErrServerClosed) {
			tb.Errorf("Serve returned %v, want ErrServerClosed", err)
		}
	})
	return l.Addr().String()
}

// client is a raw TCP client that reads exactly what the server sends,
// inflating it while MCCP2 compresses it.
type client struct {
	tb      testing.TB
	nc      net.Conn
	src     io.Reader     // the socket, or what it sent not yet inflated
	zr      io.ReadCloser // the compressed stream, while there is one
	zEnded  bool          // and it has ended
	pending []byte        // read (and inflated) but not yet expected
}

// dial connects to addr; the connection is closed when the test ends.
func dial(tb testing.TB, addr string) *client {
	tb.Helper()
	nc, err := net.DialTimeout("tcp", addr, ioTimeout)
	if err != nil {
		tb.Fatalf("dial %s: %v", addr, err)
	}
	return newClient(tb, nc)
}

// newClient wraps nc, which is closed when the test ends.
func newClient(tb testing.TB, nc net.Conn) *client {
	tb.Cleanup(func() { _ = nc.Close() })
	return &client{tb: tb, nc: nc, src: nc}
}

// inflate reads what follows as a zlib stream, as a client does after
// IAC SB MCCP2 IAC SE.
func (c *client) inflate() {
	c.tb.Helper()
	// A bufio.Reader is an io.ByteReader: the inflater then reads no
	// further than the end of the stream, and what follows stays in it.
	br := bufio.NewReader(io.MultiReader(bytes.NewReader(c.pending), c.src))
	c.src, c.pending = br, nil
	if err := c.nc.SetReadDeadline(time.Now().Add(ioTimeout)); err != nil {
		c.tb.Fatal(err)
	}
	zr, err := zlib.NewReader(br)
	if err != nil {
		c.tb.Fatalf("start of the compressed stream: %v", err)
	}
	c.zr = zr
}

// expectStreamEnd checks that the compressed stream ends cleanly (its
// checksum verified) with nothing unread in it; what follows is plain.
func (c *client) expectStreamEnd() {
	c.tb.Helper()
	for {
		err := c.fill()
		if len(c.pending) > 0 {
			c.tb.Fatalf("compressed data before the end of the stream: %q", c.pending)
		}
		if errors.Is(err, io.EOF) {
			c.zr, c.zEnded = nil, false
			return
		}
		if err != nil {
			c.tb.Fatalf("waiting for the end of the compressed stream: %v", err)
		}
	}
}

// write sends s as it is.
func (c *client) write(s string) {
	c.tb.Helper()
	if _, err := c.nc.Write([]byte(s)); err != nil {
		c.tb.Fatalf("write: %v", err)
	}
}

// readUntil reads until want arrives and returns everything up to and
// including it.
func (c *client) readUntil(want string) string {
	c.tb.Helper()
	for {
		if i := bytes.Index(c.pending, []byte(want)); i >= 0 {
			got := string(c.pending[:i+len(want)])
			c.pending = c.pending[i+len(want):]
			return got
		}
		if err := c.fill(); err != nil {
			c.tb.Fatalf("waiting for %q: %v; got %q", want, err, c.pending)
		}
	}
}

// expect reads exactly want, byte for byte.
func (c *client) expect(want string) {
	c.tb.Helper()
	for len(c.pending) < len(want) {
		if err := c.fill(); err != nil {
			c.tb.Fatalf("waiting for %q: %v; got %q", want, err, c.pending)
		}
	}
	if got := string(c.pending[:len(want)]); got != want {
		c.tb.Fatalf("got %q, want %q", got, want)
	}
	c.pending = c.pending[len(want):]
}

// readToEOF reads until the server closes and returns what was left.
func (c *client) readToEOF() string {
	c.tb.Helper()
	for {
		err := c.fill()
		if errors.Is(err, io.EOF) {
			rest := string(c.pending)
			c.pending = nil
			return rest
		}
		if err != nil {
			c.tb.Fatalf("waiting for the server to close: %v", err)
		}
	}
}

// readToEnd reads until the server closes the connection, cleanly or not.
func (c *client) readToEnd() {
	c.tb.Helper()
	for {
		err := c.fill()
		c.pending = c.pending[:0]
		var ne net.Error
		if errors.As(err, &ne) && ne.Timeout() {
			c.tb.Fatalf("waiting for the server to close: %v", err)
		}
		if err != nil {
			return
		}
	}
}

// fill reads once more from the server.
func (c *client) fill() error {
	if err := c.nc.SetReadDeadline(time.Now().Add(ioTimeout)); err != nil {
		return err
	}
	buf := make([]byte, 64<<10)
	if c.zr == nil {
		n, err := c.src.Read(buf)
		c.pending = append(c.pending, buf[:n]...)
		return err
	}
	if c.zEnded {
		return io.EOF
	}
	n, err := c.zr.Read(buf)
	c.pending = append(c.pending, buf[:n]...)
	if errors.Is(err, io.EOF) {
		c.zEnded = true
		if n > 0 {
			return nil // the end is reported by the next fill
		}
	}
	return err
}

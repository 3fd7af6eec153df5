package netcore

import (
	"crypto/tls"
	"errors"
	"net"
	"net/netip"
	"sync"
	"sync/atomic"
	"time"
)

// ErrLoginBytes is the read error of a connection that sent more than its
// byte budget before logging in.
var ErrLoginBytes = errors.New("too many bytes before login")

// Conn is one admitted connection. Its embedded net.Conn is the socket as
// the transport uses it (TLS when the Server has TLS); what it reads
// before LoggedIn counts against the byte budget. A transport registers
// how to stop it (SetStop); End records why it ended and stops it.
type Conn struct {
	net.Conn
	raw    net.Conn
	srv    *Server
	rd     counted
	remote string
	key    netip.Prefix
	start  time.Time
	isTLS  bool

	loggedIn atomic.Bool
	grace    atomic.Pointer[time.Timer]

	mu    sync.Mutex
	cause Cause
	stop  func()

	// Guarded by srv.mu.
	prev, next *Conn
	inLogin    bool
	gone       bool // forgotten by the server
}

func newConn(s *Server, nc net.Conn, addr netip.Addr, now time.Time) *Conn {
	c := &Conn{raw: nc, srv: s, remote: nc.RemoteAddr().String(), key: addrKey(addr), start: now}
	c.rd = counted{Conn: nc, c: c, budget: s.Limits.loginBytes()}
	c.Conn = &c.rd
	if s.TLS != nil {
		c.Conn = tls.Server(&c.rd, s.TLS)
		c.isTLS = true
	}
	return c
}

// TLS reports whether the connection is TLS.
func (c *Conn) TLS() bool { return c.isTLS }

// Remote is the client's address as a string, for logs.
func (c *Conn) Remote() string { return c.remote }

// LoggedIn takes the connection out of the login grace, the byte budget
// and the budget of connections logging in.
func (c *Conn) LoggedIn() {
	if c.srv.loggedIn(c) {
		c.stopGrace()
	}
}

// IsLoggedIn reports whether LoggedIn was called.
func (c *Conn) IsLoggedIn() bool { return c.loggedIn.Load() }

// SetStop registers how the transport stops the connection: stop must not
// block; it typically marks the connection ending and wakes the write
// loop, which closes the socket. Without one, End closes the socket.
func (c *Conn) SetStop(stop func()) {
	c.mu.Lock()
	c.stop = stop
	c.mu.Unlock()
}

// served reports whether a transport registered a stop.
func (c *Conn) served() bool {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.stop != nil
}

// Record records cause as why the connection ends, unless one was
// recorded before; it reports whether this one counts.
func (c *Conn) Record(cause Cause) bool {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.cause != CauseUnknown {
		return false
	}
	c.cause = cause
	return true
}

// Cause is why the connection ended, CauseUnknown while it has not.
func (c *Conn) Cause() Cause {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.cause
}

// End records cause (the first counts) and stops the connection now,
// without waiting: through the transport's stop, else by closing the
// socket. The socket's deadlines are set to now, so that a read or write
// under way returns at once: a TLS handshake that waits for a silent
// client, say, which would otherwise keep the write loop from ever
// closing.
func (c *Conn) End(cause Cause) {
	c.mu.Lock()
	if c.cause == CauseUnknown {
		c.cause = cause
	}
	stop := c.stop
	c.mu.Unlock()
	if stop == nil {
		_ = c.raw.Close() // the reader sees the error and ends
		return
	}
	_ = c.raw.SetDeadline(time.Now()) // the loops see the error and end
	stop()
}

// startGrace starts the login grace timer.
func (c *Conn) startGrace(d time.Duration) {
	c.grace.Store(time.AfterFunc(d, func() {
		if !c.loggedIn.Load() {
			c.End(CauseLoginGrace)
		}
	}))
}

// stopGrace stops the login grace timer and lets it go.
func (c *Conn) stopGrace() {
	if t := c.grace.Swap(nil); t != nil {
		t.Stop()
	}
}

// counted is the socket as read through the byte budget.
type counted struct {
	net.Conn
	c      *Conn
	budget int64
	read   int64 // bytes read before login; the reader's only
}

// Read reads from the socket; past the budget before login it ends the
// connection with CauseLoginFailed.
func (r *counted) Read(p []byte) (int, error) {
	n, err := r.Conn.Read(p)
	if n > 0 && !r.c.loggedIn.Load() {
		r.read += int64(n)
		if r.read > r.budget {
			r.c.End(CauseLoginFailed)
			return 0, ErrLoginBytes
		}
	}
	return n, err
}

// Detached wraps nc as a connection of no listener, for tests and tools
// that drive a transport over a socket they made themselves.
func Detached(nc net.Conn) *Conn {
	var addr netip.Addr
	return newConn(&Server{}, nc, addr, time.Now())
}

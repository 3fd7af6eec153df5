package telnet

import (
	"log/slog"
	"sync"
	"time"

	"mythosd/world"
	"mythosd/world/netcore"
)

// msgKind tells the write loop how to encode a message.
type msgKind uint8

const (
	msgText        msgKind = iota // text: rendered, line ends translated, IAC doubled
	msgPrompt                     // text followed by the prompt end (IAC GA, ...)
	msgRaw                        // telnet commands, sent as they are
	msgGMCP                       // a GMCP message, "Package.Name json"
	msgCompressOn                 // MCCP2 starts here
	msgCompressOff                // MCCP2 ends here
)

// message is one entry of a connection's outbox.
type message struct {
	text string
	kind msgKind
}

// Conn is one telnet connection. It implements world.Conn: its methods
// return at once and are safe for concurrent use. Output goes through a
// bounded outbox drained by the connection's write loop; a client that does
// not keep up is dropped.
type Conn struct {
	nc           *netcore.Conn
	logger       *slog.Logger
	writeTimeout time.Duration
	mssp         func() map[string]string // nil: no MSSP
	out          *netcore.Outbox[message]

	mu    sync.Mutex
	neg   *negotiator // option state, guarded by mu
	raw   []byte      // negotiation output not yet queued, guarded by mu
	style styleOverride

	parser parser    // used by the read loop only
	enc    encoder   // used by the write loop only; kept off its stack
	batch  []message // used by the write loop only
}

// connConfig is what a Conn takes from its server.
type connConfig struct {
	logger       *slog.Logger
	writeTimeout time.Duration
	outboxSize   int
	options      []Option
	mssp         func() map[string]string
}

// newConn wraps nc; run starts serving it. The write loop runs on
// demand, only while there is output; it alone closes the socket.
func newConn(nc *netcore.Conn, cfg connConfig) *Conn {
	c := &Conn{
		nc:           nc,
		logger:       cfg.logger,
		writeTimeout: cfg.writeTimeout,
		mssp:         cfg.mssp,
	}
	c.out = netcore.NewOutbox[message](cfg.outboxSize, DefaultOutboxBytes,
		func() { nc.Record(netcore.CauseSlowClient) }, c.writeLoop)
	nc.SetStop(c.out.Kill)
	c.neg = newNegotiator(cfg.options, c)
	c.enc.c = c
	return c
}

var (
	_ world.Conn       = (*Conn)(nil)
	_ world.DataSender = (*Conn)(nil)
	_ world.Styler     = (*Conn)(nil)
)

// transportName names the connection's transport for ConnInfo.
func (c *Conn) transportName() string {
	if c.nc.TLS() {
		return "telnet+tls"
	}
	return "telnet"
}

// Send queues text; "\n" is sent as "\r\n". It returns false when the
// connection is closed or its outbox is full, in which case the connection
// is dropped.
func (c *Conn) Send(text string) bool {
	return c.enqueue(message{text: text, kind: msgText})
}

// Prompt queues text followed by the prompt end: IAC GA, nothing when the
// client agreed to SUPPRESS-GO-AHEAD, or the mark an option set.
func (c *Conn) Prompt(text string) bool {
	return c.enqueue(message{text: text, kind: msgPrompt})
}

// SetEcho turns the client's local echo on or off: off (WILL ECHO) while a
// password is typed, back on (WONT ECHO) after. Negotiation follows RFC
// 1143, so repeated calls send nothing more.
func (c *Conn) SetEcho(on bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if !c.ended() {
		c.neg.RequestLocal(OptEcho, !on)
		c.flushRawLocked()
	}
}

// Close ends the connection once what is queued has been written, within
// the write timeout, and records why. It is safe to call any number of
// times: the first cause counts.
func (c *Conn) Close(cause netcore.Cause) {
	c.nc.Record(cause)
	c.mu.Lock()
	defer c.mu.Unlock()
	c.flushRawLocked()
	c.out.Close()
}

// LoggedIn tells the connection that its character has entered the world:
// the login grace and budgets no longer apply.
func (c *Conn) LoggedIn() { c.nc.LoggedIn() }

// Info describes the connection: the client's name (TTYPE, else GMCP
// Core.Hello) and its width (NAWS; 0 when unknown) as they are now.
func (c *Conn) Info() world.ConnInfo {
	c.mu.Lock()
	defer c.mu.Unlock()
	cl := &c.neg.client
	return world.ConnInfo{Transport: c.transportName(), RemoteAddr: c.nc.Remote(), Client: cl.label(), Width: cl.Width}
}

// enqueue adds m to the outbox without waiting.
func (c *Conn) enqueue(m message) bool {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.enqueueLocked(m)
}

// enqueueLocked adds m to the outbox; a full one drops the client.
func (c *Conn) enqueueLocked(m message) bool {
	return c.out.Push(m, len(m.text))
}

// writeRaw gathers telnet commands; the negotiator calls it with mu held.
// What it gathers is queued as one message by flushRawLocked, so a burst
// of negotiation from the client takes one outbox entry, not one each.
func (c *Conn) writeRaw(b []byte) {
	c.raw = append(c.raw, b...)
}

// compress queues the start or end of compression after the negotiation
// output gathered so far; the negotiator calls it with mu held.
func (c *Conn) compress(on bool) {
	c.flushRawLocked()
	kind := msgCompressOff
	if on {
		kind = msgCompressOn
	}
	c.enqueueLocked(message{kind: kind})
}

// flushRaw queues the negotiation output gathered so far.
func (c *Conn) flushRaw() {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.flushRawLocked()
}

// flushRawLocked queues the negotiation output gathered so far.
func (c *Conn) flushRawLocked() {
	if len(c.raw) == 0 {
		return
	}
	c.enqueueLocked(message{text: string(c.raw), kind: msgRaw})
	c.raw = recycle(c.raw)
}

// awaitRoom waits, before the world handles another line, until the
// outbox is at most half full: a client that sends faster than it reads
// what it is answered is paced instead of dropped. A client that reads
// nothing is dropped by the write timeout, which ends the wait.
func (c *Conn) awaitRoom() {
	for c.out.Len() > c.out.Cap()/2 {
		select {
		case <-c.out.Drained():
		case <-c.out.Ended():
			return
		}
	}
}

// ended reports whether the connection takes no more output.
func (c *Conn) ended() bool {
	select {
	case <-c.out.Ended():
		return true
	default:
		return false
	}
}

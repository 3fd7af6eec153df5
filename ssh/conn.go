package ssh

import (
	"io"
	"log/slog"
	"sync/atomic"
	"time"

	gliderssh "github.com/gliderlabs/ssh"
	"golang.org/x/term"

	"mythosd/world"
	"mythosd/world/netcore"
)

// Conn is a player's SSH session as the world sees it: a world.Conn and a
// world.Styler. A golang.org/x/term Terminal does the line editing, history
// and echo; a read loop feeds the lines to the world, and a write loop
// drains a bounded outbox (netcore's) onto the channel with a write
// deadline; it alone closes the connection. The write loop runs on demand:
// the outbox starts it when there is output and it ends when all is
// written, so an idle session has no write goroutine.
//
// The Terminal never touches the network: what it writes (output, echo,
// prompt redraws) collects in a buffer that only the write loop flushes, so
// a client that stops reading blocks nobody but its own write loop, and is
// dropped when the deadline passes.
type Conn struct {
	ch     channel
	core   *netcore.Conn
	log    *slog.Logger // the server's: logger adds the session's attributes
	term   *term.Terminal
	sink   *termSink
	hangup func() // closes the whole SSH connection, at once

	out     *netcore.Outbox[outItem]
	flushed chan struct{} // the write loop's answers to barriers

	echoOff atomic.Bool
	width   atomic.Int32
	style   *style

	remote   string
	user     string
	termType string
	timeout  time.Duration
	timer    *time.Timer // the write deadline; fires kill
	exited   bool        // the session ended with its exit status; write loop only

	prompt atomic.Pointer[string] // set by the write loop

	// Write loop only.
	scratch []byte
	spare   []byte
	batch   []outItem
}

// Conn is what the world needs of a connection, and lets players choose
// their colours.
var (
	_ world.Conn   = (*Conn)(nil)
	_ world.Styler = (*Conn)(nil)
)

// channel is the part of an SSH session a Conn uses.
type channel interface {
	io.ReadWriter
	// Exit sends the exit status and closes the channel.
	Exit(code int) error
}

// connConfig is what a Conn needs besides its channel.
type connConfig struct {
	core         *netcore.Conn
	logger       *slog.Logger
	user         string
	writeTimeout time.Duration
	outboxSize   int
	remote       string
	termType     string
	colorTerm    string // the client's COLORTERM, when it sent one
	window       gliderssh.Window
	hangup       func()
}

// Limits on the bytes a Conn holds.
const (
	maxBatch     = 16 << 10 // bytes the write loop gathers before flushing
	maxPending   = 1 << 20  // bytes the Terminal may queue before the client counts as stuck
	keepBufCap   = 4 << 10  // buffers larger than this are released once flushed
	minTermWidth = 1
)

func newConn(ch channel, cfg connConfig) *Conn {
	c := &Conn{
		ch:       ch,
		core:     cfg.core,
		log:      cfg.logger,
		hangup:   cfg.hangup,
		flushed:  make(chan struct{}, 1),
		remote:   cfg.remote,
		user:     cfg.user,
		termType: cfg.termType,
		timeout:  cfg.writeTimeout,
		style:    newStyle(cfg.termType, cfg.colorTerm),
	}
	c.out = netcore.NewOutbox[outItem](cfg.outboxSize, maxPending,
		func() { c.core.Record(netcore.CauseSlowClient) }, c.writeLoop)
	// The write loop may start as soon as the Terminal writes: what it
	// uses is set first.
	c.timer = time.AfterFunc(time.Hour, c.writeTimedOut)
	c.timer.Stop()
	c.sink = newTermSink(ch, c.overflow, c.out.Wake)
	c.term = term.NewTerminal(c.sink, "")
	c.term.History = &history{}
	c.resize(cfg.window)
	c.core.SetStop(c.out.Kill)
	return c
}

// Send queues text for the player; false when the connection is closed or
// its outbox is full, in which case the connection is dropped.
func (c *Conn) Send(text string) bool { return c.enqueue(outItem{kind: itemText, text: text}) }

// Prompt queues a prompt: the Terminal shows it before what the player
// types, and redraws it when output arrives while they type.
func (c *Conn) Prompt(text string) bool { return c.enqueue(outItem{kind: itemPrompt, text: text}) }

// SetEcho turns the echo of typed characters on or off (off for passwords).
// It applies to the next line read.
func (c *Conn) SetEcho(on bool) { c.echoOff.Store(!on) }

// Close ends the session once what is queued has been written, bounded by
// the write deadline, and records why. Closing twice is harmless: the
// first cause counts.
func (c *Conn) Close(cause netcore.Cause) {
	c.core.Record(cause)
	c.out.Close()
}

// LoggedIn tells the connection that its character has entered the world:
// the login grace and budgets no longer apply.
func (c *Conn) LoggedIn() { c.core.LoggedIn() }

// Info describes the connection; Width follows the client's window.
func (c *Conn) Info() world.ConnInfo {
	return world.ConnInfo{
		Transport:  "ssh",
		RemoteAddr: c.remote,
		Client:     c.termType,
		Width:      int(c.width.Load()),
	}
}

// SetColorMode sets how colour is rendered; ColorAuto follows TERM.
func (c *Conn) SetColorMode(m world.ColorMode) { c.style.setMode(m) }

// SetScreenReader on strips colour and decoration.
func (c *Conn) SetScreenReader(on bool) { c.style.setScreenReader(on) }

// Style reports the colour mode in force (ColorAuto resolved from TERM)
// and whether screen-reader mode is on.
func (c *Conn) Style() (world.ColorMode, bool) { return c.style.current() }

// enqueue puts it in the outbox without waiting; a full outbox drops the
// client.
func (c *Conn) enqueue(it outItem) bool { return c.out.Push(it, len(it.text)) }

// kill ends the connection now, for cause: the write loop closes it.
func (c *Conn) kill(cause netcore.Cause) {
	c.core.Record(cause)
	c.out.Kill()
}

// overflow drops a client whose terminal output piles up unread.
func (c *Conn) overflow() { c.kill(netcore.CauseSlowClient) }

// writeTimedOut drops a client whose write passed the deadline. The write
// loop is stuck in that write: closing the connection here frees it.
func (c *Conn) writeTimedOut() {
	c.kill(netcore.CauseSlowClient)
	c.hangup()
}

// logger is the server's logger with the session's remote address and
// user, made when something is logged rather than kept by every session.
func (c *Conn) logger() *slog.Logger { return c.log.With("remote", c.remote, "user", c.user) }

// currentPrompt is the prompt the write loop set last.
func (c *Conn) currentPrompt() string {
	if p := c.prompt.Load(); p != nil {
		return *p
	}
	return ""
}

// resize applies a window size to the wrap width and the line editor; the
// session's request loop calls it.
func (c *Conn) resize(w gliderssh.Window) {
	if w.Width < minTermWidth {
		return
	}
	c.width.Store(int32(w.Width))
	// The Terminal writes its repaint to the sink, which never fails.
	_ = c.term.SetSize(w.Width, w.Height)
}

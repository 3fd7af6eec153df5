package world

import "mythosd/world/netcore"

// Conn is a player's connection as a transport (telnet, ssh) hands it to the
// hub. The world knows no transport: it sees only this interface.
//
// Every method returns at once and is safe for concurrent use. A transport
// keeps a bounded outbox per connection, drained by its own write loop with a
// write deadline; a client that stops reading is dropped, nobody waits for it.
type Conn interface {
	// Send queues text for the player. Lines end in "\n"; the transport
	// translates line ends and escapes what its protocol needs. It returns
	// false when the text could not be queued (outbox full or connection
	// closed); the transport then drops the connection by itself.
	Send(text string) bool
	// Prompt queues a prompt: text that waits for the player's answer, with
	// no line end. The transport marks its end (telnet GA or EOR).
	Prompt(text string) bool
	// SetEcho turns the echo of what the player types on or off: off while a
	// password is typed.
	SetEcho(on bool)
	// Close ends the connection once what is queued has been written, bounded
	// by the write deadline, and records why. Closing twice is harmless: the
	// first cause counts.
	Close(cause netcore.Cause)
	// LoggedIn tells the transport that the connection's character has
	// entered the world: the login grace and the limits on connections
	// still logging in no longer apply to it.
	LoggedIn()
	// Info describes the connection for who, logs and the admin console.
	Info() ConnInfo
}

// ConnInfo describes a connection.
type ConnInfo struct {
	Transport  string // "telnet", "telnet+tls", "ssh"
	RemoteAddr string
	Client     string // the client's name or terminal type, when known
	Width      int    // columns, 0 when unknown
}

// Acceptor takes new connections: a transport calls Accept once per
// connection and feeds the returned LineHandler from its read loop.
type Acceptor interface {
	Accept(c Conn) LineHandler
}

// LineHandler takes what a player types, one line at a time.
type LineHandler interface {
	// Line handles one line of input, without its line end, as valid UTF-8.
	// It is called from the connection's read loop only, never concurrently,
	// and may block (login work, back-pressure from a busy world).
	Line(line string)
	// Hangup tells that the connection has ended; no Line follows. It is
	// called exactly once.
	Hangup()
}

// DataSender is implemented by connections that carry structured game data
// beside the text (telnet GMCP). The world offers each package to every
// connection that implements it; the connection sends only the packages
// its client asked for, and drops the rest.
type DataSender interface {
	// SendData queues one package, e.g. "Room.Info", with its JSON payload.
	// It never blocks; it returns false when nothing was queued.
	SendData(pkg string, payload []byte) bool
}

// DataReceiver is implemented by line handlers that answer requests a
// client sends as structured data beside its lines (telnet GMCP): Mudlet's
// item window asks for Char.Items.Inv, Char.Items.Room and
// Char.Items.Contents. The transport calls it from the connection's read
// loop, between lines, never concurrently with Line.
type DataReceiver interface {
	Data(pkg string, payload []byte)
}

// ColorMode is how a connection renders the colours in the world's text.
// The world writes colour as ANSI SGR sequences (24-bit colour and the
// plain attributes); each transport renders them down to what its client
// can show.
type ColorMode int

// Colour modes, from "ask the client" to full colour.
const (
	ColorAuto ColorMode = iota // as the client reports (TTYPE/MTTS, TERM)
	ColorNone
	Color16
	Color256
	ColorTrue
)

// Styler is implemented by connections whose player can override how text
// is rendered: `config color` and `config screenreader`.
type Styler interface {
	SetColorMode(m ColorMode)
	// SetScreenReader on strips colour and decoration for screen readers.
	SetScreenReader(on bool)
	// Style reports the mode in force and whether screen-reader mode is on.
	Style() (mode ColorMode, screenReader bool)
}
